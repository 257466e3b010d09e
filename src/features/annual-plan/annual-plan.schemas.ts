import { z } from 'zod';
import { nokAmount } from '../../shared/schemas.js';
import { annualPlanStatusIds } from '../../shared/enums.js';

const level = z.enum(['høy', 'medium', 'lav']);
export const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const annualPlanSchema = z.object({
  id: z.string(),
  year: z.number(),
  status: z.enum(annualPlanStatusIds),
  note: z.string().nullable(),
  statusChangedBy: z.string(),
  statusChangedAt: z.string(),
  /** Each RHF's approval (§7.7); the plan is approved when every RHF has approved it. */
  approvals: z.array(
    z.object({
      rhfId: z.string(),
      rhfName: z.string(),
      note: z.string().nullable(),
      approvedBy: z.string(),
      approvedAt: z.string(),
    }),
  ),
  awaitingApprovalFrom: z.array(z.object({ rhfId: z.string(), rhfName: z.string() })),
  items: z.array(
    z.object({
      id: z.string(),
      procurementId: z.string(),
      procurementName: z.string(),
      categoryCode: z.string(),
      initialSignificance: level,
      gainEstimateNok: z.string().nullable(),
      riskProfile: level.nullable(),
      note: z.string().nullable(),
      comments: z.array(
        z.object({
          rhfId: z.string(),
          rhfName: z.string(),
          agreesWithSignificance: z.enum(['ja', 'nei']),
          proposedSignificance: level.nullable(),
          comment: z.string().nullable(),
          commentedBy: z.string(),
          commentedAt: z.string(),
        }),
      ),
    }),
  ),
});
export type AnnualPlanDto = z.infer<typeof annualPlanSchema>;

export const itemInput = z.object({
  procurementId: z.string().uuid('Ugyldig id'),
  initialSignificance: level,
  gainEstimateNok: nokAmount.nullable().default(null),
  riskProfile: level.nullable().default(null),
  note: z.string().trim().max(2000).nullable().default(null),
});
export const statusInput = z.object({ status: z.enum(annualPlanStatusIds) });
export const commentInput = z.object({
  rhfId: z.string().uuid('Ugyldig id'),
  agreesWithSignificance: z.enum(['ja', 'nei']),
  proposedSignificance: level.nullable().default(null),
  comment: z.string().trim().max(2000).nullable().default(null),
});
export const importInput = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** CSV as text; XLSX as base64. */
  content: z.string().min(1, 'Filen er tom').max(14_000_000),
});
export const importQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false') });
export const approvalInput = z.object({
  rhfId: z.string().uuid('Ugyldig id'),
  /** Where the RHF decided (styresak, direktørmøte); required when the secretariat records it. */
  note: z.string().trim().max(2000).nullable().default(null),
});
