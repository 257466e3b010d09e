// Queries of habilitet: declarations, appointment checks, per-case answers and questions, suppliers.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { transactionTime } from '../../../db/transaction-time.js';
import {
  appointmentChecks,
  caseVotes,
  cases,
  habilitetQuestions,
  habilitetStatements,
  interestDeclarations,
  memberships,
  notifications,
  organisations,
  people,
  procurements,
  procurementSuppliers,
  steeringGroups,
  userAccounts,
  userRoles,
} from '../../../db/schema.js';
import type { Interest } from '../../../domain/habilitet.rules.js';

const none = ['00000000-0000-0000-0000-000000000000'];
const ids = (list: readonly string[]) => (list.length > 0 ? [...list] : none);

// --- Per-case answers and questions -------------------------------------------------------------------------

export function listStatements(db: Db, caseIds: readonly string[]) {
  return db
    .select()
    .from(habilitetStatements)
    .where(inArray(habilitetStatements.caseId, ids(caseIds)));
}

export async function insertStatement(db: Db, caseId: string, personId: string) {
  await db.insert(habilitetStatements).values({ caseId, personId }).onConflictDoNothing();
}

const rhf = alias(organisations, 'question_rhf');
const questionColumns = {
  id: habilitetQuestions.id,
  caseId: habilitetQuestions.caseId,
  caseTitle: cases.title,
  caseStatus: cases.status,
  procurementId: cases.procurementId,
  procurementName: procurements.name,
  steeringGroupId: cases.steeringGroupId,
  steeringGroupName: steeringGroups.name,
  personId: habilitetQuestions.personId,
  personName: people.name,
  rhfId: habilitetQuestions.rhfId,
  rhfName: rhf.name,
  source: habilitetQuestions.source,
  reason: habilitetQuestions.reason,
  raisedBy: habilitetQuestions.raisedBy,
  raisedAt: habilitetQuestions.raisedAt,
  status: habilitetQuestions.status,
  decisionReason: habilitetQuestions.decisionReason,
  decidedByName: habilitetQuestions.decidedByName,
  decidedAs: habilitetQuestions.decidedAs,
  decidedAt: habilitetQuestions.decidedAt,
  decidedOn: habilitetQuestions.decidedOn,
};

export type QuestionRow = Awaited<ReturnType<typeof listQuestions>>[number];

export function listQuestions(
  db: Db,
  filter: {
    caseIds?: readonly string[];
    personId?: string;
    rhfIds?: readonly string[];
    status?: 'pending' | 'inhabil' | 'ikkeInhabil';
    id?: string;
  },
) {
  const conditions = [
    filter.caseIds ? inArray(habilitetQuestions.caseId, ids(filter.caseIds)) : undefined,
    filter.personId ? eq(habilitetQuestions.personId, filter.personId) : undefined,
    filter.rhfIds ? inArray(habilitetQuestions.rhfId, ids(filter.rhfIds)) : undefined,
    filter.status ? eq(habilitetQuestions.status, filter.status) : undefined,
    filter.id ? eq(habilitetQuestions.id, filter.id) : undefined,
  ].filter((condition) => condition !== undefined);
  return db
    .select(questionColumns)
    .from(habilitetQuestions)
    .innerJoin(cases, eq(cases.id, habilitetQuestions.caseId))
    .leftJoin(procurements, eq(procurements.id, cases.procurementId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, cases.steeringGroupId))
    .innerJoin(people, eq(people.id, habilitetQuestions.personId))
    .innerJoin(rhf, eq(rhf.id, habilitetQuestions.rhfId))
    .where(and(...conditions))
    .orderBy(asc(habilitetQuestions.raisedAt), asc(habilitetQuestions.id));
}

export async function findQuestion(db: Db, id: string) {
  const [row] = await listQuestions(db, { id });
  return row ?? null;
}

export async function insertQuestion(db: Db, values: typeof habilitetQuestions.$inferInsert) {
  const [row] = await db.insert(habilitetQuestions).values(values).returning({ id: habilitetQuestions.id });
  return row!.id;
}

export async function decideQuestion(
  db: Db,
  id: string,
  values: Pick<
    typeof habilitetQuestions.$inferInsert,
    'status' | 'decisionReason' | 'decidedByPersonId' | 'decidedByName' | 'decidedAs' | 'decidedOn'
  >,
) {
  const rows = await db
    .update(habilitetQuestions)
    .set({ ...values, decidedAt: transactionTime() })
    .where(and(eq(habilitetQuestions.id, id), eq(habilitetQuestions.status, 'pending')))
    .returning({ id: habilitetQuestions.id });
  return rows.length > 0;
}

/** A vote cast before the conflict was reported no longer counts: the member takes no part (§7.2). */
export async function deleteVote(db: Db, caseId: string, personId: string) {
  const rows = await db
    .delete(caseVotes)
    .where(and(eq(caseVotes.caseId, caseId), eq(caseVotes.personId, personId)))
    .returning();
  return rows[0] ?? null;
}

// --- The RHF's check at appointment -------------------------------------------------------------------------

export function listAppointmentChecks(db: Db, membershipIds: readonly string[]) {
  return db
    .select()
    .from(appointmentChecks)
    .where(inArray(appointmentChecks.membershipId, ids(membershipIds)));
}

export async function upsertAppointmentCheck(db: Db, values: typeof appointmentChecks.$inferInsert) {
  await db
    .insert(appointmentChecks)
    .values(values)
    .onConflictDoUpdate({
      target: appointmentChecks.membershipId,
      set: { ...values, checkedAt: transactionTime() },
    });
}

export async function findMembership(db: Db, membershipId: string) {
  const [row] = await db
    .select({
      id: memberships.id,
      steeringGroupId: memberships.steeringGroupId,
      steeringGroupName: steeringGroups.name,
      personId: memberships.personId,
      personName: people.name,
      rhfId: memberships.rhfId,
      endedOn: memberships.endedOn,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, memberships.steeringGroupId))
    .where(eq(memberships.id, membershipId));
  return row ?? null;
}

// --- Interest declarations ----------------------------------------------------------------------------------

export type DeclarationRow = Omit<typeof interestDeclarations.$inferSelect, 'interests'> & {
  interests: Interest[];
};

export async function listDeclarations(db: Db, personIds: readonly string[]): Promise<DeclarationRow[]> {
  const rows = await db
    .select()
    .from(interestDeclarations)
    .where(inArray(interestDeclarations.personId, ids(personIds)))
    .orderBy(desc(interestDeclarations.confirmedOn), desc(interestDeclarations.createdAt));
  return rows.map((row) => ({ ...row, interests: row.interests as Interest[] }));
}

/** The declaration in force per person: the latest confirmation. */
export async function latestDeclarations(db: Db, personIds: readonly string[]) {
  const latest = new Map<string, DeclarationRow>();
  for (const row of await listDeclarations(db, personIds))
    if (!latest.has(row.personId)) latest.set(row.personId, row);
  return latest;
}

export async function insertDeclaration(db: Db, values: typeof interestDeclarations.$inferInsert) {
  const [row] = await db.insert(interestDeclarations).values(values).returning();
  return row!;
}

/** Active memberships (not ended) with person and RHF, for the declaration overview and overdue list. */
export function listActiveMemberships(db: Db) {
  return db
    .select({
      membershipId: memberships.id,
      steeringGroupId: memberships.steeringGroupId,
      steeringGroupName: steeringGroups.name,
      personId: memberships.personId,
      personName: people.name,
      rhfId: memberships.rhfId,
      rhfName: organisations.name,
      termStart: memberships.termStart,
      termEnd: memberships.termEnd,
      endedOn: memberships.endedOn,
      isObserver: memberships.isObserver,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, memberships.steeringGroupId))
    .innerJoin(organisations, eq(organisations.id, memberships.rhfId))
    .orderBy(asc(steeringGroups.name), asc(organisations.name), asc(people.name));
}

// --- People to tell ----------------------------------------------------------------------------------------

/** The people holding the RHF-contact role for any of the RHFs. */
export async function rhfContactIds(db: Db, rhfIds: readonly string[]) {
  const rows = await db
    .selectDistinct({ personId: userAccounts.personId, rhfId: userRoles.organisationId })
    .from(userRoles)
    .innerJoin(userAccounts, eq(userAccounts.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'rhfContact'), inArray(userRoles.organisationId, ids(rhfIds))));
  return rows;
}

// --- Suppliers of a procurement -----------------------------------------------------------------------------

/** Procurements with an open case whose known suppliers include one of these organisation numbers. */
export async function procurementsWithOpenCasesAndSuppliers(db: Db, organisationNumbers: string[]) {
  if (organisationNumbers.length === 0) return [];
  const rows = await db
    .selectDistinct({ procurementId: procurementSuppliers.procurementId })
    .from(procurementSuppliers)
    .innerJoin(cases, eq(cases.procurementId, procurementSuppliers.procurementId))
    .where(
      and(inArray(procurementSuppliers.organisationNumber, organisationNumbers), eq(cases.status, 'open')),
    )
    .orderBy(asc(procurementSuppliers.procurementId));
  return rows.map((row) => row.procurementId);
}

export function listSuppliers(db: Db, procurementId: string) {
  return db
    .select()
    .from(procurementSuppliers)
    .where(eq(procurementSuppliers.procurementId, procurementId))
    .orderBy(asc(procurementSuppliers.name));
}

export async function upsertSupplier(db: Db, values: typeof procurementSuppliers.$inferInsert) {
  await db
    .insert(procurementSuppliers)
    .values(values)
    .onConflictDoUpdate({
      target: [procurementSuppliers.procurementId, procurementSuppliers.organisationNumber],
      set: { name: values.name, role: values.role },
    });
}

export async function deleteSupplier(db: Db, procurementId: string, organisationNumber: string) {
  const rows = await db
    .delete(procurementSuppliers)
    .where(
      and(
        eq(procurementSuppliers.procurementId, procurementId),
        eq(procurementSuppliers.organisationNumber, organisationNumber),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

/**
 * The titles of the notices of this kind each person has had: a reminder whose title names its due date is
 * sent once per due date, whatever the clock (a pinned day ahead of the database's time repeats nothing).
 */
export async function noticeTitlesOf(db: Db, kind: string, personIds: readonly string[]) {
  const rows = await db
    .selectDistinct({ personId: notifications.personId, title: notifications.title })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), inArray(notifications.personId, ids(personIds))));
  const titles = new Map<string, Set<string>>();
  for (const row of rows) titles.set(row.personId, (titles.get(row.personId) ?? new Set()).add(row.title));
  return titles;
}
