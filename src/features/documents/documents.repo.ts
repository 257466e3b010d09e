import { and, asc, desc, eq, inArray, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  agendaConflicts,
  agendaItems,
  cases,
  documents,
  documentVersions,
  habilitetQuestions,
  procurementGates,
} from '../../db/schema.js';
import { transactionTime } from '../../db/transaction-time.js';

export type DocumentRow = typeof documents.$inferSelect;

const versionColumns = {
  id: documentVersions.id,
  documentId: documentVersions.documentId,
  version: documentVersions.version,
  fileName: documentVersions.fileName,
  contentType: documentVersions.contentType,
  sizeBytes: documentVersions.sizeBytes,
  sha256: documentVersions.sha256,
  uploadedBy: documentVersions.uploadedBy,
  uploadedAt: documentVersions.uploadedAt,
};
export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

export async function insertDocument(db: Db, values: typeof documents.$inferInsert) {
  const [row] = await db.insert(documents).values(values).returning();
  return row!;
}

export async function findDocument(db: Db, id: string) {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row ?? null;
}

/** Locks the document: two uploads of a new version get consecutive numbers. */
export async function lockDocument(db: Db, id: string) {
  const [row] = await db.select().from(documents).where(eq(documents.id, id)).for('update');
  return row ?? null;
}

export function listDocuments(db: Db, filter: { steeringGroupId?: string; caseId?: string }) {
  const conditions = [
    filter.steeringGroupId ? eq(documents.steeringGroupId, filter.steeringGroupId) : undefined,
    filter.caseId ? eq(documents.caseId, filter.caseId) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select()
    .from(documents)
    .where(and(...conditions))
    .orderBy(asc(documents.createdAt));
}

/** One page of a group's documents in upload order (documents_group_created_idx), and how many it has. */
export async function listGroupDocumentPage(
  db: Db,
  steeringGroupId: string,
  page: { limit: number; offset: number },
) {
  const where = eq(documents.steeringGroupId, steeringGroupId);
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(documents)
      .where(where)
      .orderBy(asc(documents.createdAt), asc(documents.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(documents)
      .where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

/** The documents of a meeting: its own (meetingId) and those of the given cases, in upload order. */
export function listMeetingDocuments(db: Db, meetingId: string, caseIds: string[]) {
  return db
    .select()
    .from(documents)
    .where(
      caseIds.length > 0
        ? or(eq(documents.meetingId, meetingId), inArray(documents.caseId, caseIds))
        : eq(documents.meetingId, meetingId),
    )
    .orderBy(asc(documents.createdAt));
}

/** Documents by id (no content). */
export function listDocumentsById(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(documents).where(inArray(documents.id, ids));
}

export async function updateDocument(db: Db, id: string, values: Partial<typeof documents.$inferInsert>) {
  await db
    .update(documents)
    .set({ ...values, updatedAt: transactionTime() })
    .where(eq(documents.id, id));
}

export function listVersions(db: Db, documentIds: string[]) {
  if (documentIds.length === 0) return Promise.resolve([]);
  return db
    .select(versionColumns)
    .from(documentVersions)
    .where(inArray(documentVersions.documentId, documentIds))
    .orderBy(desc(documentVersions.version));
}

export async function insertVersion(db: Db, values: typeof documentVersions.$inferInsert) {
  const [row] = await db.insert(documentVersions).values(values).returning(versionColumns);
  return row!;
}

export async function latestVersionNumber(db: Db, documentId: string) {
  const [row] = await db
    .select({ version: max(documentVersions.version) })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, documentId));
  return row?.version ?? 0;
}

/** The content of one version (the newest when version is omitted). */
export async function findContent(db: Db, documentId: string, version?: number) {
  const [row] = await db
    .select({ ...versionColumns, content: documentVersions.content })
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.documentId, documentId),
        version ? eq(documentVersions.version, version) : undefined,
      ),
    )
    .orderBy(desc(documentVersions.version))
    .limit(1);
  return row ?? null;
}

/** The day (YYYY-MM-DD) each procurement's award gate was passed: the §23 third paragraph exemption ends then. */
export async function awardDates(db: Db, procurementIds: string[]) {
  if (procurementIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ procurementId: procurementGates.procurementId, passedOn: procurementGates.passedOn })
    .from(procurementGates)
    .where(and(eq(procurementGates.gate, 'award'), inArray(procurementGates.procurementId, procurementIds)));
  return new Map(rows.map((row) => [row.procurementId, row.passedOn]));
}

/**
 * The cases where the person is reported (awaiting the RHF) or found inhabil (governance/habilitet's questions;
 * read here from the shared tables, since governance's cases use this store and it cannot import them back).
 */
function listBlockingQuestions(db: Db, personId: string) {
  return db
    .select({ caseId: habilitetQuestions.caseId, procurementId: cases.procurementId })
    .from(habilitetQuestions)
    .innerJoin(cases, eq(cases.id, habilitetQuestions.caseId))
    .where(
      and(
        eq(habilitetQuestions.personId, personId),
        inArray(habilitetQuestions.status, ['pending', 'inhabil']),
        // The latest question of the person in the case decides (a later ikke inhabil clears it).
        sql`not exists (select 1 from ${habilitetQuestions} later where later.case_id = ${habilitetQuestions.caseId}
          and later.person_id = ${habilitetQuestions.personId} and later.raised_at > ${habilitetQuestions.raisedAt})`,
      ),
    );
}

/**
 * Where a person has a conflict of interest: the procurements of cases they are reported or inhabil in, and the
 * meetings (and their cases' procurements) of agenda items they are inhabil on.
 */
export async function conflictScopes(db: Db, personId: string) {
  const fromCases = await listBlockingQuestions(db, personId);
  const fromAgenda = await db
    .select({ meetingId: agendaItems.meetingId, procurementId: cases.procurementId })
    .from(agendaConflicts)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaConflicts.agendaItemId))
    .leftJoin(cases, eq(cases.id, agendaItems.caseId))
    .where(eq(agendaConflicts.personId, personId));
  return {
    procurementIds: new Set(
      [...fromCases, ...fromAgenda].map((row) => row.procurementId).filter((id): id is string => id !== null),
    ),
    meetingIds: new Set(fromAgenda.map((row) => row.meetingId)),
  };
}
