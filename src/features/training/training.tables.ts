// Training (seed 001 Vedlegg 06): module completions per person. Re-exported by src/db/schema.ts.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { requiredRef, writtenAt } from '../../db/columns.js';
import { people } from '../../db/core.tables.js';
import { TRAINING_MODULE_COUNT } from '../../domain/training.rules.js';

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

/**
 * A person's training approval (seed 001 Vedlegg 06, "Kriterier for godkjent kurs"): the day the last of the
 * six modules was completed, else null — per person, for every membership they hold. A derived column of the
 * data model (beside its table, so steering groups and homes read it without depending on the training service).
 */
export function trainingApprovedOnOf(personId: AnyColumn): SQL<string | null> {
  return sql<
    string | null
  >`(select case when count(*) = ${sql.raw(String(TRAINING_MODULE_COUNT))} then max(${trainingCompletions.completedOn})::text end from ${trainingCompletions} where ${trainingCompletions.personId} = ${personId})`;
}
