import { z } from 'zod';
import { implementationFiguresSchema } from '../implementation/implementation.schemas.js';
import { gateIds } from '../../domain/involvement.rules.js';
import { isoDate, nokAmount } from '../../shared/schemas.js';

export const reportScopeKinds = ['all', 'steeringGroup', 'category', 'rhf'] as const;

const scopeFields = {
  scope: z.enum(reportScopeKinds).default('all'),
  code: z.string().trim().min(1).max(50).optional().describe('Steering-group, category or RHF code'),
};
const hasCode = (value: { scope: string; code?: string | undefined }) =>
  value.scope === 'all' || value.code !== undefined;
const needsCode = { message: 'Oppgi kode for styringsgruppe, kategori eller RHF', path: ['code'] };

export const reportQuery = z.object(scopeFields).refine(hasCode, needsCode);
export type ReportQuery = z.infer<typeof reportQuery>;

/** The JSON report: the roll-up of the whole scope, and its rows whole or one page of them. */
export const reportPageQuery = z
  .object({
    ...scopeFields,
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(500)
      .optional()
      .describe('Rows per page (at most 500); without it every row'),
    offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
  })
  .refine(hasCode, needsCode);
export type ReportPageQuery = z.infer<typeof reportPageQuery>;

export const exportFormat = z.enum(['pdf', 'xlsx', 'csv']);
export const reportExportQuery = z.object({
  scope: z.enum(reportScopeKinds).default('all'),
  code: z.string().trim().min(1).max(50).optional(),
  format: exportFormat,
});

const level3 = z.enum(['høy', 'medium', 'lav']);
const gateSchema = z.object({
  gate: z.enum(gateIds),
  plannedOn: z.string().nullable(),
  passedOn: z.string().nullable(),
  timeliness: z.enum(['onTime', 'late', 'overdue', 'upcoming', 'noPlan', 'passedNoPlan']),
  daysLate: z.number().int(),
});

export const reportRowSchema = z.object({
  procurementId: z.string(),
  name: z.string(),
  level: z.string().nullable(),
  categoryCode: z.string(),
  categoryName: z.string(),
  steeringGroupCode: z.string().nullable(),
  steeringGroupName: z.string().nullable(),
  significance: level3.nullable(),
  significanceKind: z.enum(['final', 'initial', 'recommended']).nullable(),
  initialSignificance: level3.nullable(),
  finalSignificance: level3.nullable(),
  phaseId: z.enum([...gateIds, 'implementation', 'outsideModel']),
  phase: z.string().nullable(),
  status: z.string(),
  riskProfile: level3.nullable(),
  contractValueNok: z.string().nullable(),
  gainEstimateNok: z.string().nullable(),
  openCases: z.number().int(),
  escalations: z.number().int(),
  neededMeasures: z.string().nullable(),
  gates: z.array(gateSchema),
  daysLate: z.number().int(),
});

export const portfolioReportSchema = z.object({
  title: z.string(),
  scope: z.enum(reportScopeKinds),
  code: z.string().nullable(),
  generatedOn: z.string(),
  rollup: z.object({
    procurements: z.number().int(),
    byLevel: z.record(z.string(), z.number()),
    bySignificance: z.record(z.string(), z.number()),
    byRisk: z.record(z.string(), z.number()),
    byPhase: z.record(z.string(), z.number()),
    onSchedule: z.number().int(),
    late: z.number().int(),
    gatesPassedWithPlan: z.number().int(),
    gatesOnTime: z.number().int(),
    openCases: z.number().int(),
    escalations: z.number().int(),
    contractValueNok: z.string(),
    gainEstimateNok: z.string(),
    highRisk: z.number().int(),
  }),
  rows: z.array(reportRowSchema),
  /** Implementation of awarded agreements in the HFs (whole portfolio only; features/implementation). */
  implementation: implementationFiguresSchema.nullish(),
});
export type PortfolioReport = z.infer<typeof portfolioReportSchema>;

/**
 * The answer of GET /api/reports/portfolio: the report, with the timeline axis over all its rows (so every
 * page draws on the same axis) and, when paged, which rows of how many this answer holds.
 */
export const portfolioReportAnswerSchema = portfolioReportSchema.extend({
  axis: z.object({ from: z.string(), to: z.string() }),
  page: z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int() }).nullable(),
});
export type PortfolioReportAnswer = z.infer<typeof portfolioReportAnswerSchema>;

export const gatePlanSchema = z.object({
  procurementId: z.string(),
  gates: z.array(z.object({ gate: z.enum(gateIds), plannedOn: z.string() })),
  isInnovative: z.boolean().nullable(),
  realisedGainNok: z.string().nullable(),
  neededMeasures: z.string().nullable(),
  canEdit: z.boolean(),
});

export const setGatePlanSchema = z.object({
  gates: z.array(z.object({ gate: z.enum(gateIds), plannedOn: isoDate })).max(gateIds.length),
  isInnovative: z.boolean().nullable().default(null),
  realisedGainNok: nokAmount.nullable().default(null),
  neededMeasures: z.string().trim().max(4000).nullable().default(null),
});
export type SetGatePlan = z.infer<typeof setGatePlanSchema>;
