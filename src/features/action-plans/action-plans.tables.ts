// Tables of action plans (handlingsplaner; seeds 002 and 004): plans, areas, measures (tiltak).
import { integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { requiredRef } from '../../db/columns.js';

/** `unknown`: the source gives no status (seed 002 lists measures without one). */
export const measureStatusIds = ['done', 'inProgress', 'notStarted', 'unknown'] as const;

export const actionPlans = pgTable(
  'action_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    owner: text('owner').notNull(),
    period: text('period').notNull(),
    statusDate: text('status_date'),
    source: text('source'),
  },
  (t) => [uniqueIndex('action_plans_code_key').on(t.code)],
);

export const actionPlanAreas = pgTable('action_plan_areas', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: requiredRef('plan_id', () => actionPlans.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** Innsatsområder listed under the area (seed 004) or the sub-goal text (seed 002). */
  focusAreas: text('focus_areas').array().notNull().default([]),
  sortOrder: integer('sort_order').notNull(),
});

export const actionPlanMeasures = pgTable('action_plan_measures', {
  id: uuid('id').primaryKey().defaultRandom(),
  areaId: requiredRef('area_id', () => actionPlanAreas.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  /** 1–3; some measures of seed 002 carry no priority. */
  priority: integer('priority'),
  /** What the measure consists of (seed 002: "Tiltak spesifisert"). */
  details: text('details'),
  benefit: text('benefit'),
  latestStatus: text('latest_status'),
  status: text('status', { enum: measureStatusIds }).notNull(),
  responsible: text('responsible'),
  year: text('year'),
  kpiCodes: text('kpi_codes').array().notNull().default([]),
  sortOrder: integer('sort_order').notNull(),
});
