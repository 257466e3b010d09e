// Category responsibility per HF (seed 000 §7): which HF of a region holds each category, recorded with the
// decision (Innkjøpsforum, who/when and a reference), and the status of each duty of its checklist.
import { date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { requiredRef, writtenAt } from '../../db/columns.js';
import { categories, organisations } from '../../db/core.tables.js';
import { categoryDutyIds, dutyStatusIds } from '../../domain/category-responsibility.rules.js';

export const categoryResponsibilities = pgTable(
  'category_responsibilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The region: an RHF. Another region is configured by assigning its categories, no code needed. */
    regionId: requiredRef('region_id', () => organisations.id),
    categoryId: requiredRef('category_id', () => categories.id),
    hfId: requiredRef('hf_id', () => organisations.id),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    decidedByName: text('decided_by_name').notNull(),
    /** The meeting or case where Innkjøpsforum decided, e.g. «Innkjøpsforum sak 04/2026». */
    decisionReference: text('decision_reference'),
    /** The governance body's case, when recorded there (no foreign key: the bodies are configured elsewhere). */
    bodyCaseId: uuid('body_case_id'),
    createdAt: writtenAt('created_at'),
    updatedAt: writtenAt('updated_at'),
  },
  (t) => [
    uniqueIndex('category_responsibilities_region_category_key').on(t.regionId, t.categoryId),
    index('category_responsibilities_hf_idx').on(t.hfId),
  ],
);

export const categoryResponsibilityDuties = pgTable(
  'category_responsibility_duties',
  {
    responsibilityId: requiredRef('responsibility_id', () => categoryResponsibilities.id, {
      onDelete: 'cascade',
    }),
    duty: text('duty', { enum: categoryDutyIds }).notNull(),
    status: text('status', { enum: dutyStatusIds }).notNull().default('notStarted'),
    note: text('note'),
    updatedOn: date('updated_on', { mode: 'string' }),
    updatedByName: text('updated_by_name'),
  },
  (t) => [primaryKey({ columns: [t.responsibilityId, t.duty] })],
);
