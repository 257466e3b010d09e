// Tables of the KPI dashboard (seeds 002, 003): configurable definitions, hand-entered values and the
// category strategies one computed KPI counts. Re-exported by src/db/schema.ts.
import {
  boolean,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { requiredRef, writtenAt } from '../../db/columns.js';
import { categories } from '../../db/core.tables.js';

import { kpiDirectionIds, kpiSourceIds } from '../../shared/enums.js';

export { kpiDirectionIds, kpiSourceIds };

export const kpiDefinitions = pgTable(
  'kpi_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** Where the actual value comes from: a computation over the portal's data, or hand entry. */
    source: text('source', { enum: kpiSourceIds }).notNull(),
    unit: text('unit', { enum: ['percent', 'count'] }).notNull(),
    direction: text('direction', { enum: kpiDirectionIds }).notNull(),
    target: numeric('target', { precision: 12, scale: 2 }).notNull(),
    /** Upper bound of a range or minimum-band target (gain 3–7 %: a floor, above 7 is still green). */
    targetMax: numeric('target_max', { precision: 12, scale: 2 }),
    /** How far from target is still amber (same unit as the value). */
    amberTolerance: numeric('amber_tolerance', { precision: 12, scale: 2 }).notNull(),
    /** {"2009": 50, "2010": 70} — a year's own target overrides the overall one. */
    yearlyTargets: jsonb('yearly_targets').$type<Record<string, number>>().notNull().default({}),
    origin: text('origin'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('kpi_definitions_code_key').on(t.code)],
);

export const kpiManualValues = pgTable(
  'kpi_manual_values',
  {
    kpiId: requiredRef('kpi_id', () => kpiDefinitions.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    value: numeric('value', { precision: 12, scale: 2 }).notNull(),
    note: text('note'),
    enteredBy: text('entered_by').notNull(),
    enteredAt: writtenAt('entered_at'),
  },
  (t) => [primaryKey({ columns: [t.kpiId, t.year] })],
);

/** A category strategy (kategoristrategi) and when it was approved; the KPI counts approved ones. */
export const categoryStrategies = pgTable('category_strategies', {
  categoryId: uuid('category_id')
    .primaryKey()
    .references(() => categories.id, { onDelete: 'cascade' }),
  approvedOn: date('approved_on', { mode: 'string' }),
  note: text('note'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: writtenAt('updated_at'),
});
