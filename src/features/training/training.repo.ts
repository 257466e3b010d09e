import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { trainingCompletions } from '../../db/schema.js';

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
