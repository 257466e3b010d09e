// API shapes of unresolved faggruppe matters (V01 §7.3): raising one, the steps up the Sykehusinnkjøp line,
// and what the case shows of them. The case itself is the ordinary case (governance.schemas.ts).
import { z } from 'zod';
import { gateIds } from '../../../domain/involvement.rules.js';

const text = (max: number) => z.string().trim().min(3, 'Skriv minst tre tegn.').max(max);

export const raiseFaggruppeMatterSchema = z.object({
  title: text(200),
  text: text(20000),
  /** The phase the matter arose in; default the procurement's next gate not yet passed. */
  gate: z.enum(gateIds).optional(),
});
export type RaiseFaggruppeMatter = z.infer<typeof raiseFaggruppeMatterSchema>;

export const lineEscalationSchema = z.object({
  /** Why the group's handling is not satisfactory (V01 §7.3). */
  reason: text(4000),
});

export const rhfReferralSchema = z.object({
  /** The orientation for the RHFs, with a recommendation how to handle the matter (V01 §7.3). */
  brief: z.string().trim().min(10, 'Orienteringen til RHF-ene må ha innhold.').max(50_000),
  recommendation: z.string().trim().min(3, 'Orienteringen må ha en anbefaling.').max(10_000),
});

const step = <T extends z.ZodTypeAny>(as: T) =>
  z.object({
    /** The clock's Norwegian day of the step (YYYY-MM-DD). */
    on: z.string(),
    byName: z.string(),
    as,
  });

export const faggruppeMatterSchema = z.object({
  raisedOn: z.string(),
  raisedByName: z.string(),
  raisedAs: z.enum(['procurementLead', 'secretariat']),
  escalationDays: z.number().int().describe('Days the group had, from the habilitetRule version in force'),
  ruleVersion: z.number().int(),
  /** The first day the leder anskaffelse may escalate an unhandled matter up the line. */
  lineEscalationFrom: z.string(),
  lineEscalation: step(z.enum(['procurementLead', 'secretariat']))
    .extend({ reason: z.string() })
    .nullable(),
  rhfReferral: step(z.enum(['shiLine', 'secretariat'])).nullable(),
  /** Who receives the matter on the line: the shiLine users, or the secretariat when there are none. */
  lineHeldBy: z.enum(['shiLine', 'secretariat']),
  canEscalateToLine: z.boolean(),
  /** Why the viewer's leder cannot escalate yet (shown to the leder anskaffelse and the secretariat). */
  lineEscalationBlockedReason: z.string().nullable(),
  canReferToRhfs: z.boolean(),
});
export type FaggruppeMatterDto = z.infer<typeof faggruppeMatterSchema>;
