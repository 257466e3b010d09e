// Journal queries: saksmapper and journalposter with what the public view needs joined in one query.
import { and, desc, eq, inArray, isNotNull, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  cases,
  documents,
  documentVersions,
  journalCases,
  journalEntries,
  meetingPlans,
  meetings,
  minutes,
  procurements,
  publicVariants,
  steeringGroups,
} from '../../db/schema.js';
import { transactionTime } from '../../db/transaction-time.js';

export type JournalEntryRow = typeof journalEntries.$inferSelect;
export type JournalCaseRow = typeof journalCases.$inferSelect;

/** Serialises numbering (case and entry numbers are per year) within the caller's transaction. */
export async function lockNumbering(tx: Db) {
  await tx.execute(sql`select pg_advisory_xact_lock(7310010)`);
}

export async function findCaseByScope(db: Db, steeringGroupId: string, procurementId: string | null) {
  const [row] = await db
    .select()
    .from(journalCases)
    .where(
      and(
        eq(journalCases.steeringGroupId, steeringGroupId),
        procurementId === null
          ? sql`${journalCases.procurementId} is null`
          : eq(journalCases.procurementId, procurementId),
      ),
    );
  return row ?? null;
}

export async function scopeNames(db: Db, steeringGroupId: string, procurementId: string | null) {
  const [group] = await db
    .select({ name: steeringGroups.name })
    .from(steeringGroups)
    .where(eq(steeringGroups.id, steeringGroupId));
  const [procurement] = procurementId
    ? await db
        .select({ name: procurements.name })
        .from(procurements)
        .where(eq(procurements.id, procurementId))
    : [];
  return { groupName: group?.name ?? null, procurementName: procurement?.name ?? null };
}

export async function nextCaseSequence(db: Db, year: number) {
  const [row] = await db
    .select({ value: max(journalCases.sequenceNumber) })
    .from(journalCases)
    .where(eq(journalCases.year, year));
  return (row?.value ?? 0) + 1;
}

export async function insertCase(db: Db, values: typeof journalCases.$inferInsert) {
  const [row] = await db.insert(journalCases).values(values).returning();
  return row!;
}

export async function nextNumbers(db: Db, journalCaseId: string, year: number) {
  const [[inCase], [inYear]] = await Promise.all([
    db
      .select({ value: max(journalEntries.documentNumber) })
      .from(journalEntries)
      .where(eq(journalEntries.journalCaseId, journalCaseId)),
    db
      .select({ value: max(journalEntries.journalSequence) })
      .from(journalEntries)
      .where(eq(journalEntries.journalYear, year)),
  ]);
  return { documentNumber: (inCase?.value ?? 0) + 1, journalSequence: (inYear?.value ?? 0) + 1 };
}

export async function insertEntry(db: Db, values: typeof journalEntries.$inferInsert) {
  const [row] = await db.insert(journalEntries).values(values).returning();
  return row!;
}

export async function updateEntry(db: Db, id: string, values: Partial<typeof journalEntries.$inferInsert>) {
  await db
    .update(journalEntries)
    .set({ ...values, updatedAt: transactionTime() })
    .where(eq(journalEntries.id, id));
}

export async function findEntry(db: Db, id: string) {
  const [row] = await db.select().from(journalEntries).where(eq(journalEntries.id, id));
  return row ?? null;
}

export async function findEntryByDocument(db: Db, documentId: string) {
  const [row] = await db.select().from(journalEntries).where(eq(journalEntries.documentId, documentId));
  return row ?? null;
}

/** The source keys of what is journalled without a stored file (journal_entries.source_key). */
export const sourceKeys = {
  minutes: (minutesId: string) => `minutes:${minutesId}`,
  decision: (caseId: string) => `decision:${caseId}`,
  meetingPlan: (planId: string) => `meetingPlan:${planId}`,
};

export async function findEntryBySourceKey(db: Db, sourceKey: string) {
  const [row] = await db.select().from(journalEntries).where(eq(journalEntries.sourceKey, sourceKey));
  return row ?? null;
}

// ---- what the portal journals without a stored file: approved minutes, decisions, meeting plans

/** One version of the minutes with its meeting. */
export async function minutesFacts(db: Db, minutesId: string) {
  const [row] = await db
    .select({
      id: minutes.id,
      version: minutes.version,
      status: minutes.status,
      approvedBy: minutes.approvedBy,
      approvedAt: minutes.approvedAt,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      startsAt: meetings.startsAt,
      steeringGroupId: meetings.steeringGroupId,
    })
    .from(minutes)
    .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
    .where(eq(minutes.id, minutesId));
  return row ?? null;
}

/** A decided case with the access facts of its documents (a word shielded there is shielded in the vedtak). */
export async function decisionFacts(db: Db, caseId: string) {
  const [row] = await db
    .select({
      id: cases.id,
      title: cases.title,
      decisionNumber: cases.decisionNumber,
      closedAt: cases.closedAt,
      steeringGroupId: cases.steeringGroupId,
      procurementId: cases.procurementId,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) return null;
  const caseDocuments = await db
    .select({
      accessStatus: documents.accessStatus,
      legalBasis: documents.legalBasis,
      shieldedWords: documents.shieldedWords,
    })
    .from(documents)
    .where(eq(documents.caseId, caseId))
    .orderBy(documents.createdAt);
  return { ...row, documents: caseDocuments };
}

/** An approved meeting plan (its approval is a decision of the group). */
export async function meetingPlanFacts(db: Db, planId: string) {
  const [row] = await db
    .select({
      id: meetingPlans.id,
      year: meetingPlans.year,
      decisionNumber: meetingPlans.decisionNumber,
      approvedBy: meetingPlans.approvedBy,
      approvedAt: meetingPlans.approvedAt,
      steeringGroupId: meetingPlans.steeringGroupId,
      groupName: steeringGroups.name,
    })
    .from(meetingPlans)
    .innerJoin(steeringGroups, eq(steeringGroups.id, meetingPlans.steeringGroupId))
    .where(eq(meetingPlans.id, planId));
  return row ?? null;
}

/** What existed before the journal, or escaped it: documents, approved minutes, decisions, without an entry. */
export async function unjournalled(db: Db) {
  const [journalledDocuments, keyRows, allDocuments, approvedMinutes, decidedCases, approvedPlans] =
    await Promise.all([
      db.select({ id: journalEntries.documentId }).from(journalEntries),
      db.select({ key: journalEntries.sourceKey }).from(journalEntries),
      db.select().from(documents).orderBy(documents.createdAt),
      db
        .select({ id: minutes.id, approvedAt: minutes.approvedAt, approvedBy: minutes.approvedBy })
        .from(minutes)
        .where(eq(minutes.status, 'approved')),
      db
        .select({
          id: cases.id,
          decidedOn: cases.decidedOn,
          closedAt: cases.closedAt,
          submittedAt: cases.submittedAt,
        })
        .from(cases)
        .where(isNotNull(cases.decisionNumber)),
      db
        .select({
          id: meetingPlans.id,
          approvedAt: meetingPlans.approvedAt,
          approvedBy: meetingPlans.approvedBy,
        })
        .from(meetingPlans)
        .where(isNotNull(meetingPlans.decisionNumber)),
    ]);
  const documentIds = new Set(journalledDocuments.map((r) => r.id));
  const keys = new Set(keyRows.map((r) => r.key));
  return {
    documents: allDocuments.filter((d) => !documentIds.has(d.id)),
    minutes: approvedMinutes.filter((m) => !keys.has(sourceKeys.minutes(m.id))),
    decisions: decidedCases.filter((c) => !keys.has(sourceKeys.decision(c.id))),
    meetingPlans: approvedPlans.filter((p) => !keys.has(sourceKeys.meetingPlan(p.id))),
  };
}

/**
 * Every entry with its case, group, procurement and linked document (access fields only, no content),
 * newest first. Text search is done by the caller on the *public* title, so a shielded word never matches.
 */
export function listEntries(
  db: Db,
  filter: {
    steeringGroupId?: string;
    procurementId?: string;
    ids?: string[];
    /** Only the entries of these cases, meetings or source keys (one page of the public lists). */
    of?: { caseIds: string[]; meetingIds: string[]; sourceKeys: string[] };
  } = {},
) {
  const of = filter.of;
  const conditions = [
    of
      ? or(
          sql`false`,
          of.caseIds.length > 0 ? inArray(journalEntries.caseId, of.caseIds) : undefined,
          of.meetingIds.length > 0 ? inArray(journalEntries.meetingId, of.meetingIds) : undefined,
          of.sourceKeys.length > 0 ? inArray(journalEntries.sourceKey, of.sourceKeys) : undefined,
        )
      : undefined,
    filter.steeringGroupId ? eq(journalCases.steeringGroupId, filter.steeringGroupId) : undefined,
    filter.procurementId ? eq(journalCases.procurementId, filter.procurementId) : undefined,
    filter.ids
      ? inArray(
          journalEntries.id,
          filter.ids.length > 0 ? filter.ids : ['00000000-0000-0000-0000-000000000000'],
        )
      : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select({
      entry: journalEntries,
      journalCase: journalCases,
      group: { id: steeringGroups.id, code: steeringGroups.code, name: steeringGroups.name },
      procurement: { id: procurements.id, name: procurements.name },
      document: {
        id: documents.id,
        title: documents.title,
        accessStatus: documents.accessStatus,
        legalBasis: documents.legalBasis,
        shieldedWords: documents.shieldedWords,
        classifiedOn: documents.classifiedOn,
        procurementId: documents.procurementId,
      },
    })
    .from(journalEntries)
    .innerJoin(journalCases, eq(journalCases.id, journalEntries.journalCaseId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, journalCases.steeringGroupId))
    .leftJoin(procurements, eq(procurements.id, journalCases.procurementId))
    .leftJoin(documents, eq(documents.id, journalEntries.documentId))
    .where(and(...conditions))
    .orderBy(desc(journalEntries.journalYear), desc(journalEntries.journalSequence));
}
export type JournalListRow = Awaited<ReturnType<typeof listEntries>>[number];

/** The newest public variant of each document (no content). */
export async function latestVariants(db: Db, documentIds: string[]) {
  if (documentIds.length === 0) return new Map<string, VariantMeta>();
  const rows = await db
    .select(variantColumns)
    .from(publicVariants)
    .where(inArray(publicVariants.documentId, documentIds))
    .orderBy(desc(publicVariants.createdAt));
  const result = new Map<string, VariantMeta>();
  for (const row of rows) if (!result.has(row.documentId)) result.set(row.documentId, row);
  return result;
}

const variantColumns = {
  id: publicVariants.id,
  documentId: publicVariants.documentId,
  sourceVersion: publicVariants.sourceVersion,
  method: publicVariants.method,
  fileName: publicVariants.fileName,
  contentType: publicVariants.contentType,
  sizeBytes: publicVariants.sizeBytes,
  sha256: publicVariants.sha256,
  legalBases: publicVariants.legalBases,
  createdBy: publicVariants.createdBy,
  createdAt: publicVariants.createdAt,
};
export type VariantMeta = {
  [K in keyof typeof variantColumns]: (typeof publicVariants.$inferSelect)[K];
};

export async function insertVariant(db: Db, values: typeof publicVariants.$inferInsert) {
  const [row] = await db.insert(publicVariants).values(values).returning(variantColumns);
  return row!;
}

export async function findVariantContent(db: Db, variantId: string) {
  const [row] = await db.select().from(publicVariants).where(eq(publicVariants.id, variantId));
  return row ?? null;
}

/** Newest version's file facts per document (no content). */
export async function newestVersions(db: Db, documentIds: string[]) {
  if (documentIds.length === 0)
    return new Map<string, { version: number; fileName: string; contentType: string; sizeBytes: number }>();
  const rows = await db
    .select({
      documentId: documentVersions.documentId,
      version: documentVersions.version,
      fileName: documentVersions.fileName,
      contentType: documentVersions.contentType,
      sizeBytes: documentVersions.sizeBytes,
    })
    .from(documentVersions)
    .where(inArray(documentVersions.documentId, documentIds))
    .orderBy(desc(documentVersions.version));
  const result = new Map<
    string,
    { version: number; fileName: string; contentType: string; sizeBytes: number }
  >();
  for (const row of rows) if (!result.has(row.documentId)) result.set(row.documentId, row);
  return result;
}
