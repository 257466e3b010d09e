// Training (seed 001 Vedlegg 06): module completions per person. Re-exported by src/db/schema.ts.
import { date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { requiredRef, writtenAt } from '../../db/columns.js';
import { people } from '../../db/core.tables.js';

export const trainingCompletions = pgTable(
  'training_completions',
  {
    personId: requiredRef('person_id', () => people.id),
    module: integer('module').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: writtenAt('recorded_at'),
  },
  (t) => [primaryKey({ columns: [t.personId, t.module] })],
);
