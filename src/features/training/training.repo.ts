import { asc, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { trainingCompletions } from '../../db/schema.js';
import { TRAINING_MODULE_COUNT } from '../../domain/training.rules.js';

/**
 * A person's training approval (seed 001 Vedlegg 06, "Kriterier for godkjent kurs"): the day the last of the
 * six modules was completed, else null — per person, for every membership they hold.
 */
export function trainingApprovedOnOf(personId: AnyColumn): SQL<string | null> {
  return sql<
    string | null
  >`(select case when count(*) = ${sql.raw(String(TRAINING_MODULE_COUNT))} then max(${trainingCompletions.completedOn})::text end from ${trainingCompletions} where ${trainingCompletions.personId} = ${personId})`;
}

export function listCompletions(db: Db, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(trainingCompletions)
    .where(inArray(trainingCompletions.personId, personIds))
    .orderBy(asc(trainingCompletions.module));
}

/** Inserts the completion unless the module is already done; true when it was new. */
export async function insertCompletion(db: Db, values: typeof trainingCompletions.$inferInsert) {
  const rows = await db
    .insert(trainingCompletions)
    .values(values)
    .onConflictDoNothing()
    .returning({ module: trainingCompletions.module });
  return rows.length > 0;
}

export function listForPerson(db: Db, personId: string) {
  return db.select().from(trainingCompletions).where(eq(trainingCompletions.personId, personId));
}
