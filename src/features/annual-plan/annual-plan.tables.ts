// Tables of the annual procurement plan (anskaffelsesplan, årshjul; seed 001 §7.7). Re-exported by schema.ts.
import { index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { requiredRef, writtenAt } from '../../db/columns.js';
import { organisations, procurements } from '../../db/core.tables.js';

import { annualPlanStatusIds } from '../../shared/enums.js';

export { annualPlanStatusIds };

export const annualPlans = pgTable(
  'annual_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    status: text('status', { enum: annualPlanStatusIds }).notNull().default('draft'),
    note: text('note'),
    statusChangedBy: text('status_changed_by').notNull(),
    statusChangedAt: writtenAt('status_changed_at'),
  },
  (t) => [uniqueIndex('annual_plans_year_key').on(t.year)],
);

export const annualPlanItems = pgTable(
  'annual_plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: requiredRef('plan_id', () => annualPlans.id, { onDelete: 'cascade' }),
    procurementId: requiredRef('procurement_id', () => procurements.id),
    initialSignificance: text('initial_significance', { enum: ['høy', 'medium', 'lav'] }).notNull(),
    gainEstimateNok: numeric('gain_estimate_nok', { precision: 18, scale: 2 }),
    riskProfile: text('risk_profile', { enum: ['høy', 'medium', 'lav'] }),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('annual_plan_items_plan_procurement_key').on(t.planId, t.procurementId),
    // The portfolio report joins each procurement to its newest plan's gain estimate.
    index('annual_plan_items_procurement_idx').on(t.procurementId),
  ],
);

/** Each RHF's comment on the initial significance of each procurement while the plan is out for feedback. */
export const annualPlanComments = pgTable(
  'annual_plan_comments',
  {
    itemId: requiredRef('item_id', () => annualPlanItems.id, { onDelete: 'cascade' }),
    rhfId: requiredRef('rhf_id', () => organisations.id),
    agreesWithSignificance: text('agrees', { enum: ['ja', 'nei'] }).notNull(),
    proposedSignificance: text('proposed_significance', { enum: ['høy', 'medium', 'lav'] }),
    comment: text('comment'),
    commentedBy: text('commented_by').notNull(),
    commentedAt: writtenAt('commented_at'),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.rhfId] })],
);

/**
 * Each RHF's approval of the plan (§7.7: the plans are put for decision in each health region): who recorded
 * it, when, and where the RHF decided. The plan is approved when every RHF has approved it.
 */
export const annualPlanApprovals = pgTable(
  'annual_plan_approvals',
  {
    planId: requiredRef('plan_id', () => annualPlans.id, { onDelete: 'cascade' }),
    rhfId: requiredRef('rhf_id', () => organisations.id),
    note: text('note'),
    approvedBy: text('approved_by').notNull(),
    approvedAt: writtenAt('approved_at'),
  },
  (t) => [primaryKey({ columns: [t.planId, t.rhfId] })],
);
