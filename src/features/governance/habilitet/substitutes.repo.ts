// Queries of substitutes appointed by an RHF for a single case.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { caseSubstitutes, organisations, people } from '../../../db/schema.js';

const none = ['00000000-0000-0000-0000-000000000000'];

export type SubstituteRow = Awaited<ReturnType<typeof listSubstitutes>>[number];

export function listSubstitutes(db: Db, caseIds: readonly string[]) {
  return db
    .select({
      caseId: caseSubstitutes.caseId,
      personId: caseSubstitutes.personId,
      personName: people.name,
      rhfId: caseSubstitutes.rhfId,
      rhfName: organisations.name,
      reason: caseSubstitutes.reason,
      appointedByName: caseSubstitutes.appointedByName,
      appointedAs: caseSubstitutes.appointedAs,
      appointedOn: caseSubstitutes.appointedOn,
    })
    .from(caseSubstitutes)
    .innerJoin(people, eq(people.id, caseSubstitutes.personId))
    .innerJoin(organisations, eq(organisations.id, caseSubstitutes.rhfId))
    .where(inArray(caseSubstitutes.caseId, caseIds.length > 0 ? [...caseIds] : none))
    .orderBy(asc(caseSubstitutes.appointedAt));
}

export async function insertSubstitute(db: Db, values: typeof caseSubstitutes.$inferInsert) {
  const rows = await db
    .insert(caseSubstitutes)
    .values(values)
    .onConflictDoNothing()
    .returning({ personId: caseSubstitutes.personId });
  return rows.length > 0;
}
