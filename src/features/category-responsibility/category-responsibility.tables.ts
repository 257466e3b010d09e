// Category responsibility per HF (seed 000 §7): which HF of a region holds each category, recorded with the
// decision (Innkjøpsforum, who/when and a reference), and the status of each duty of its checklist.
import { date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { categories, organisations } from '../../db/core.tables.js';
import { categoryDutyIds, dutyStatusIds } from '../../domain/category-responsibility.rules.js';

export const categoryResponsibilities = pgTable(
  'category_responsibilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The region: an RHF. Another region is configured by assigning its categories, no code needed. */
    regionId: uuid('region_id')
      .notNull()
      .references(() => organisations.id),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id),
    hfId: uuid('hf_id')
      .notNull()
      .references(() => organisations.id),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    decidedByName: text('decided_by_name').notNull(),
    /** The meeting or case where Innkjøpsforum decided, e.g. «Innkjøpsforum sak 04/2026». */
    decisionReference: text('decision_reference'),
    /** The governance body's case, when recorded there (no foreign key: the bodies are configured elsewhere). */
    bodyCaseId: uuid('body_case_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('category_responsibilities_region_category_key').on(t.regionId, t.categoryId),
    index('category_responsibilities_hf_idx').on(t.hfId),
  ],
);

export const categoryResponsibilityDuties = pgTable(
  'category_responsibility_duties',
  {
    responsibilityId: uuid('responsibility_id')
      .notNull()
      .references(() => categoryResponsibilities.id, { onDelete: 'cascade' }),
    duty: text('duty', { enum: categoryDutyIds }).notNull(),
    status: text('status', { enum: dutyStatusIds }).notNull().default('notStarted'),
    note: text('note'),
    updatedOn: date('updated_on', { mode: 'string' }),
    updatedByName: text('updated_by_name'),
  },
  (t) => [primaryKey({ columns: [t.responsibilityId, t.duty] })],
);
