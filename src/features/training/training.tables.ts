// Training (seed 001 Vedlegg 06): module completions per person. Re-exported by src/db/schema.ts.
import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from '../../db/core.tables.js';

export const trainingCompletions = pgTable(
  'training_completions',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    module: integer('module').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.module] })],
);
