// Tables of the implementation programme (seed 001 Vedlegg 02–05): timeline activities, risk register,
// stakeholder plan and the transition of ongoing procurements. Re-exported by src/db/schema.ts.
import { boolean, date, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { procurements } from '../../db/core.tables.js';

export const activityStatusIds = ['planned', 'inProgress', 'done', 'notStarted'] as const;

export const programmeActivities = pgTable('programme_activities', {
  id: uuid('id').primaryKey().defaultRandom(),
  sortOrder: integer('sort_order').notNull(),
  /** 0 = phase, 1 = activity, 2 = sub-activity. */
  depth: integer('depth').notNull(),
  name: text('name').notNull(),
  responsible: text('responsible'),
  startOn: date('start_on', { mode: 'string' }),
  endOn: date('end_on', { mode: 'string' }),
  status: text('status', { enum: activityStatusIds }),
});

export const programmeRisks = pgTable('programme_risks', {
  number: integer('number').primaryKey(),
  area: text('area').notNull(),
  description: text('description').notNull(),
  levelAtStart: text('level_at_start'),
  measures: text('measures').notNull(),
});

export const programmeStakeholders = pgTable('programme_stakeholders', {
  id: uuid('id').primaryKey().defaultRandom(),
  sortOrder: integer('sort_order').notNull(),
  stakeholderGroup: text('stakeholder_group').notNull(),
  stakeholder: text('stakeholder').notNull(),
  roleStatus: text('role_status').notNull(),
  measures: text('measures').notNull(),
  responsibleWhen: text('responsible_when').notNull(),
});

export const programmeTransitions = pgTable('programme_transitions', {
  id: uuid('id').primaryKey().defaultRandom(),
  sortOrder: integer('sort_order').notNull(),
  categoryHeading: text('category_heading').notNull(),
  name: text('name').notNull(),
  projectStart: date('project_start', { mode: 'string' }),
  announcement: text('announcement'),
  transferToNewModel: boolean('transfer_to_new_model').notNull(),
  procurementId: uuid('procurement_id').references(() => procurements.id),
});
