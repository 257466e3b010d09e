// Queries of "drøftes med RHF-ene": the mark on a case and each RHF's acknowledgement.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import {
  caseRhfAcknowledgements,
  caseRhfDiscussions,
  cases,
  organisations,
  procurements,
} from '../../../db/schema.js';

export async function findDiscussion(db: Db, caseId: string) {
  const [row] = await db.select().from(caseRhfDiscussions).where(eq(caseRhfDiscussions.caseId, caseId));
  return row ?? null;
}

export async function insertDiscussion(db: Db, values: typeof caseRhfDiscussions.$inferInsert) {
  const rows = await db
    .insert(caseRhfDiscussions)
    .values(values)
    .onConflictDoNothing()
    .returning({ caseId: caseRhfDiscussions.caseId });
  return rows.length > 0;
}

export function listAcknowledgements(db: Db, caseId: string) {
  return db
    .select({
      rhfId: caseRhfAcknowledgements.rhfId,
      rhfName: organisations.name,
      note: caseRhfAcknowledgements.note,
      acknowledgedByName: caseRhfAcknowledgements.acknowledgedByName,
      acknowledgedAs: caseRhfAcknowledgements.acknowledgedAs,
      acknowledgedOn: caseRhfAcknowledgements.acknowledgedOn,
    })
    .from(caseRhfAcknowledgements)
    .innerJoin(organisations, eq(organisations.id, caseRhfAcknowledgements.rhfId))
    .where(eq(caseRhfAcknowledgements.caseId, caseId))
    .orderBy(asc(organisations.name));
}

export async function insertAcknowledgement(db: Db, values: typeof caseRhfAcknowledgements.$inferInsert) {
  const rows = await db
    .insert(caseRhfAcknowledgements)
    .values(values)
    .onConflictDoNothing()
    .returning({ rhfId: caseRhfAcknowledgements.rhfId });
  return rows.length > 0;
}

/** Open cases marked for discussion that the RHF has not acknowledged (the digest, the RHF's home). */
export function listAwaitingAcknowledgement(db: Db, rhfIds: readonly string[]) {
  if (rhfIds.length === 0) return Promise.resolve([]);
  return db
    .select({ caseId: cases.id, title: cases.title, procurementName: procurements.name })
    .from(caseRhfDiscussions)
    .innerJoin(cases, eq(cases.id, caseRhfDiscussions.caseId))
    .leftJoin(procurements, eq(procurements.id, cases.procurementId))
    .where(
      and(
        eq(cases.status, 'open'),
        sql`exists (select 1 from unnest(${cases.participatingRhfIds}) as p(rhf_id) where p.rhf_id in (${sql.join(
          rhfIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and not exists (select 1 from ${caseRhfAcknowledgements} where ${caseRhfAcknowledgements.caseId} = ${cases.id} and ${caseRhfAcknowledgements.rhfId} = p.rhf_id))`,
      ),
    )
    .orderBy(asc(caseRhfDiscussions.markedAt));
}

export function listOrganisationNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
}
