// Tables of portfolio reporting (issue 5): the planned date of each phase gate and the follow-up facts
// the portfolio report and the KPIs need. Re-exported by src/db/schema.ts.
import { bigint, boolean, date, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { requiredRef, writtenAt } from '../../db/columns.js';
import { procurements } from '../../db/core.tables.js';

/** The agreed (planned) date per gate; the actual date is procurement_gates.passed_at (governance). */
export const procurementGatePlans = pgTable(
  'procurement_gate_plans',
  {
    procurementId: requiredRef('procurement_id', () => procurements.id, { onDelete: 'cascade' }),
    gate: text('gate').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    setBy: text('set_by').notNull(),
    setAt: writtenAt('set_at'),
  },
  (t) => [primaryKey({ columns: [t.procurementId, t.gate] })],
);

/** Follow-up per procurement: innovative or not, realised gain, the measures the report asks for. */
export const procurementFollowUps = pgTable('procurement_follow_ups', {
  procurementId: uuid('procurement_id')
    .primaryKey()
    .references(() => procurements.id, { onDelete: 'cascade' }),
  isInnovative: boolean('is_innovative'),
  realisedGainNok: numeric('realised_gain_nok', { precision: 18, scale: 2 }),
  neededMeasures: text('needed_measures'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: writtenAt('updated_at'),
});

/**
 * The version of what the portfolio report reads, counted up once per committing transaction by deferred
 * triggers on those tables (migration report_versions): the report cache (report-cache.ts) compares it.
 */
export const reportVersions = pgTable('report_versions', {
  area: text('area', { enum: ['portfolio'] }).primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

/**
 * Which procurements each version of the report's data changed (written by the same deferred triggers, in the
 * committing transaction, under report_versions' row lock): the report's read model (report-cache.ts)
 * recomputes only these. The nil uuid stands for a change every row may depend on (coverage, categories,
 * organisations, rules, annual plans): the read model is then rebuilt whole. Rows older than 1,000 versions are
 * pruned by the triggers.
 */
export const reportChanges = pgTable(
  'report_changes',
  {
    version: bigint('version', { mode: 'number' }).notNull(),
    procurementId: uuid('procurement_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.version, t.procurementId] })],
);
