// Implementation plans (seed 000 «Implementeringsforum»): per awarded agreement and HF a plan with a checklist,
// responsible person, due date and status per item.
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { requiredRef, writtenAt } from '../../db/columns.js';
import { agreements, organisations } from '../../db/core.tables.js';
import { implementationStatusIds } from '../../domain/implementation.rules.js';

export const implementationPlans = pgTable(
  'implementation_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: requiredRef('agreement_id', () => agreements.id, { onDelete: 'cascade' }),
    hfId: requiredRef('hf_id', () => organisations.id),
    responsibleName: text('responsible_name'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [uniqueIndex('implementation_plans_agreement_hf_key').on(t.agreementId, t.hfId)],
);

export const implementationItems = pgTable(
  'implementation_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: requiredRef('plan_id', () => implementationPlans.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    responsibleName: text('responsible_name'),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status', { enum: implementationStatusIds }).notNull().default('notStarted'),
    doneOn: date('done_on', { mode: 'string' }),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [index('implementation_items_plan_idx').on(t.planId)],
);
