import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  caseDocuments,
  caseVotes,
  cases,
  decisionCounters,
  delegations,
  escalationAnswers,
  escalations,
  faggruppeMembers,
  governanceConfig,
  people,
  procurementGates,
  procurements,
  riskAssessments,
  significanceDecisions,
  steeringGroups,
} from '../../db/schema.js';
import { transactionTime } from '../../db/transaction-time.js';
import type { DecisionType } from '../../domain/governance-bodies.rules.js';

type ConfigKey = (typeof governanceConfig.$inferSelect)['key'];

export async function latestConfig(db: Db, key: ConfigKey) {
  const [row] = await db
    .select()
    .from(governanceConfig)
    .where(eq(governanceConfig.key, key))
    .orderBy(desc(governanceConfig.version))
    .limit(1);
  return row ?? null;
}

/** The newest version of every key, in one read (distinct on the key, by the key and version order). */
export function latestConfigs(db: Db) {
  return db
    .selectDistinctOn([governanceConfig.key])
    .from(governanceConfig)
    .orderBy(asc(governanceConfig.key), desc(governanceConfig.version));
}

export function listConfigHistory(db: Db) {
  return db
    .select()
    .from(governanceConfig)
    .orderBy(asc(governanceConfig.key), desc(governanceConfig.version));
}

export async function insertConfig(db: Db, values: typeof governanceConfig.$inferInsert) {
  const [row] = await db.insert(governanceConfig).values(values).returning();
  return row!;
}

export async function listRiskAssessments(db: Db, procurementId: string) {
  return db
    .select()
    .from(riskAssessments)
    .where(eq(riskAssessments.procurementId, procurementId))
    .orderBy(asc(riskAssessments.assessedAt), asc(riskAssessments.id));
}

export async function insertRiskAssessment(db: Db, values: typeof riskAssessments.$inferInsert) {
  const [row] = await db.insert(riskAssessments).values(values).returning();
  return row!;
}

export function listSignificanceDecisions(db: Db, procurementId: string) {
  return db
    .select()
    .from(significanceDecisions)
    .where(eq(significanceDecisions.procurementId, procurementId))
    .orderBy(asc(significanceDecisions.decidedAt));
}

export async function insertSignificanceDecision(db: Db, values: typeof significanceDecisions.$inferInsert) {
  const [row] = await db.insert(significanceDecisions).values(values).returning();
  return row!;
}

/** A procurement's faggruppe; none for a body's matter without a procurement. */
export async function listFaggruppe(db: Db, procurementId: string | null) {
  if (procurementId === null) return [];
  return db
    .select({ personId: faggruppeMembers.personId, name: people.name })
    .from(faggruppeMembers)
    .innerJoin(people, eq(people.id, faggruppeMembers.personId))
    .where(eq(faggruppeMembers.procurementId, procurementId))
    .orderBy(asc(people.name));
}

/** The faggruppe members of several procurements in one query. */
export async function listFaggruppes(db: Db, ids: ReadonlyArray<string | null>) {
  const procurementIds = ids.filter((id): id is string => id !== null);
  if (procurementIds.length === 0) return [];
  return db
    .select({ procurementId: faggruppeMembers.procurementId, personId: faggruppeMembers.personId })
    .from(faggruppeMembers)
    .where(inArray(faggruppeMembers.procurementId, [...procurementIds]));
}

export async function replaceFaggruppe(db: Db, procurementId: string, personIds: string[]) {
  await db.delete(faggruppeMembers).where(eq(faggruppeMembers.procurementId, procurementId));
  if (personIds.length > 0)
    await db.insert(faggruppeMembers).values(personIds.map((personId) => ({ procurementId, personId })));
}

const caseColumns = {
  id: cases.id,
  procurementId: cases.procurementId,
  procurementName: procurements.name,
  procurementLeadId: procurements.procurementLeadId,
  steeringGroupId: cases.steeringGroupId,
  steeringGroupName: steeringGroups.name,
  steeringGroupCode: steeringGroups.code,
  gate: cases.gate,
  kind: cases.kind,
  delegatedGate: cases.delegatedGate,
  title: cases.title,
  text: cases.text,
  proposedSignificance: cases.proposedSignificance,
  proposedBodyId: cases.proposedBodyId,
  decisionType: cases.decisionType,
  status: cases.status,
  eligiblePersonIds: cases.eligiblePersonIds,
  participatingRhfIds: cases.participatingRhfIds,
  decisionNumber: cases.decisionNumber,
  outcomeNote: cases.outcomeNote,
  submittedByPersonId: cases.submittedByPersonId,
  submittedAt: cases.submittedAt,
  closedAt: cases.closedAt,
  decidedOn: cases.decidedOn,
  resolutionOutcome: escalations.resolutionOutcome,
};

export type CaseRow = Awaited<ReturnType<typeof listCases>>[number];

export function listCases(
  db: Db,
  filter: { procurementId?: string; steeringGroupId?: string; ids?: string[] } = {},
) {
  const conditions = [
    filter.procurementId ? eq(cases.procurementId, filter.procurementId) : undefined,
    filter.steeringGroupId ? eq(cases.steeringGroupId, filter.steeringGroupId) : undefined,
    filter.ids
      ? inArray(cases.id, filter.ids.length > 0 ? filter.ids : ['00000000-0000-0000-0000-000000000000'])
      : undefined,
  ].filter((condition) => condition !== undefined);
  return db
    .select(caseColumns)
    .from(cases)
    .leftJoin(procurements, eq(procurements.id, cases.procurementId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, cases.steeringGroupId))
    .leftJoin(escalations, eq(escalations.caseId, cases.id))
    .where(and(...conditions))
    .orderBy(asc(cases.submittedAt), asc(cases.id));
}

/**
 * The group's numbered decisions in register order (the year, then the number of `GRP-2026-07`; as the register
 * sorted them), one page of them or all, and how many there are (`cases_decided_idx`).
 */
export async function listDecidedCases(
  db: Db,
  steeringGroupId: string,
  page: { limit: number; offset: number } | null,
) {
  const where = and(eq(cases.steeringGroupId, steeringGroupId), sql`${cases.decisionNumber} is not null`);
  const query = db
    .select(caseColumns)
    .from(cases)
    .leftJoin(procurements, eq(procurements.id, cases.procurementId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, cases.steeringGroupId))
    .leftJoin(escalations, eq(escalations.caseId, cases.id))
    .where(where)
    .orderBy(
      sql`substring(${cases.decisionNumber} from '(\d+)-\d+$')::int`,
      sql`substring(${cases.decisionNumber} from '(\d+)$')::int`,
      asc(cases.decisionNumber),
    );
  const [rows, [counted]] = await Promise.all([
    page ? query.limit(page.limit).offset(page.offset) : query,
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(cases)
      .where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

/**
 * The approving decisions of a region's bodies under one decision type (seed 000: e.g. Innkjøpsforum's
 * distribution of category responsibility), approved by the body or by its escalation target, newest first.
 */
export function listApprovedBodyDecisions(db: Db, regionId: string, decisionType: DecisionType) {
  return db
    .select({
      id: cases.id,
      title: cases.title,
      decisionNumber: cases.decisionNumber,
      decidedOn: cases.decidedOn,
      steeringGroupName: steeringGroups.name,
    })
    .from(cases)
    .innerJoin(steeringGroups, eq(steeringGroups.id, cases.steeringGroupId))
    .leftJoin(escalations, eq(escalations.caseId, cases.id))
    .where(
      and(
        eq(steeringGroups.regionId, regionId),
        eq(cases.decisionType, decisionType),
        sql`${cases.decisionNumber} is not null`,
        sql`(${cases.status} = 'approved' or (${cases.status} = 'resolved' and ${escalations.resolutionOutcome} = 'approved'))`,
      ),
    )
    .orderBy(desc(cases.decidedOn), desc(cases.decisionNumber));
}

export function listEscalations(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db.select().from(escalations).where(inArray(escalations.caseId, caseIds));
}

/**
 * The open cases the person may be asked to vote in and has not voted in yet: only cases of groups they hold
 * (or held) a membership in, or where the RHF appointed them substitute — the electorate is then worked out
 * for these few, not for every open case (`cases_group_status_idx`, `case_votes` primary key).
 */
export function listOpenCasesAwaitingVote(db: Db, personId: string) {
  return db
    .select(caseColumns)
    .from(cases)
    .leftJoin(procurements, eq(procurements.id, cases.procurementId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, cases.steeringGroupId))
    .leftJoin(escalations, eq(escalations.caseId, cases.id))
    .where(
      and(
        eq(cases.status, 'open'),
        sql`(${cases.steeringGroupId} in (select m.steering_group_id from memberships m where m.person_id = ${personId})
             or ${cases.id} in (select s.case_id from case_substitutes s where s.person_id = ${personId}))`,
        sql`not exists (select 1 from case_votes v where v.case_id = ${cases.id} and v.person_id = ${personId})`,
      ),
    )
    .orderBy(asc(cases.submittedAt), asc(cases.id));
}

export async function findCase(db: Db, id: string) {
  const [row] = await listCases(db, { ids: [id] });
  return row ?? null;
}

/** Takes the row lock that serialises concurrent votes and state changes on one case. */
export async function lockCase(db: Db, id: string) {
  const [row] = await db
    .select({ id: cases.id, status: cases.status })
    .from(cases)
    .where(eq(cases.id, id))
    .for('update');
  return row ?? null;
}

export async function insertCase(db: Db, values: typeof cases.$inferInsert) {
  const [row] = await db.insert(cases).values(values).returning({ id: cases.id });
  return row!.id;
}

export async function updateCase(db: Db, id: string, values: PgUpdateSetSource<typeof cases>) {
  await db.update(cases).set(values).where(eq(cases.id, id));
}

export function listVotes(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      caseId: caseVotes.caseId,
      personId: caseVotes.personId,
      personName: people.name,
      vote: caseVotes.vote,
      comment: caseVotes.comment,
      votedAt: caseVotes.votedAt,
    })
    .from(caseVotes)
    .innerJoin(people, eq(people.id, caseVotes.personId))
    .where(inArray(caseVotes.caseId, caseIds))
    .orderBy(asc(caseVotes.votedAt));
}

export async function upsertVote(db: Db, values: typeof caseVotes.$inferInsert) {
  await db
    .insert(caseVotes)
    .values(values)
    .onConflictDoUpdate({
      target: [caseVotes.caseId, caseVotes.personId],
      set: { vote: values.vote, comment: values.comment, votedAt: transactionTime() },
    });
}

const documentColumns = {
  id: caseDocuments.id,
  caseId: caseDocuments.caseId,
  fileName: caseDocuments.fileName,
  contentType: caseDocuments.contentType,
  sizeBytes: caseDocuments.sizeBytes,
  sha256: caseDocuments.sha256,
  legalBasis: caseDocuments.legalBasis,
  uploadedBy: caseDocuments.uploadedBy,
  uploadedAt: caseDocuments.uploadedAt,
};

export function listDocuments(db: Db, caseId: string) {
  return db
    .select(documentColumns)
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, caseId))
    .orderBy(asc(caseDocuments.uploadedAt));
}

export async function findDocumentContent(db: Db, caseId: string, documentId: string) {
  const [row] = await db
    .select({ ...documentColumns, content: caseDocuments.content })
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.id, documentId)));
  return row ?? null;
}

export async function insertDocument(db: Db, values: typeof caseDocuments.$inferInsert) {
  const [row] = await db.insert(caseDocuments).values(values).returning(documentColumns);
  return row!;
}

export async function findEscalation(db: Db, caseId: string) {
  const [row] = await db.select().from(escalations).where(eq(escalations.caseId, caseId));
  if (!row) return null;
  const answers = await db
    .select()
    .from(escalationAnswers)
    .where(eq(escalationAnswers.caseId, caseId))
    .orderBy(asc(escalationAnswers.answeredAt));
  return { ...row, answers };
}

export async function insertEscalation(db: Db, values: typeof escalations.$inferInsert) {
  await db.insert(escalations).values(values);
}

export async function upsertEscalationAnswer(db: Db, values: typeof escalationAnswers.$inferInsert) {
  await db
    .insert(escalationAnswers)
    .values(values)
    .onConflictDoUpdate({
      target: [escalationAnswers.caseId, escalationAnswers.rhfId],
      set: { answer: values.answer, answeredBy: values.answeredBy, answeredAt: transactionTime() },
    });
}

/** The next step of an escalation chain: the step in force moves to the history, its answers are cleared. */
export async function forwardEscalation(
  db: Db,
  caseId: string,
  values: Pick<
    typeof escalations.$inferInsert,
    'targetBodyId' | 'rhfIds' | 'brief' | 'recommendation' | 'escalatedBy' | 'previousSteps'
  >,
) {
  await db.delete(escalationAnswers).where(eq(escalationAnswers.caseId, caseId));
  await db
    .update(escalations)
    .set({ ...values, escalatedAt: transactionTime() })
    .where(eq(escalations.caseId, caseId));
}

export async function resolveEscalation(
  db: Db,
  caseId: string,
  values: { resolutionOutcome: 'approved' | 'rejected'; resolutionText: string; resolvedBy: string },
) {
  await db
    .update(escalations)
    .set({ ...values, resolvedAt: transactionTime() })
    .where(eq(escalations.caseId, caseId));
}

export function listPassedGates(db: Db, procurementId: string) {
  return db.select().from(procurementGates).where(eq(procurementGates.procurementId, procurementId));
}

export async function insertGatePass(db: Db, values: typeof procurementGates.$inferInsert) {
  await db.insert(procurementGates).values(values);
}

export function listDelegations(db: Db, procurementId: string) {
  return db.select().from(delegations).where(eq(delegations.procurementId, procurementId));
}

export async function insertDelegation(db: Db, values: typeof delegations.$inferInsert) {
  await db.insert(delegations).values(values).onConflictDoNothing();
}

/** The next number in a group's decision register for a year, atomically (IKT-2024-07). */
export async function takeDecisionNumber(db: Db, steeringGroupId: string, year: number): Promise<number> {
  const [row] = await db
    .insert(decisionCounters)
    .values({ steeringGroupId, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [decisionCounters.steeringGroupId, decisionCounters.year],
      set: { lastNumber: sql`${decisionCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: decisionCounters.lastNumber });
  return row!.lastNumber;
}
