// Read queries for the role homes and the secretariat cockpit. Dates are Norwegian days (YYYY-MM-DD);
// a meeting's day is its start in Europe/Oslo.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  accessRequests,
  actionItems,
  agendaItems,
  annualPlanComments,
  annualPlanItems,
  annualPlans,
  caseDocuments,
  caseVotes,
  cases,
  documents,
  escalationAnswers,
  escalations,
  meetings,
  memberships,
  minutes,
  people,
  procurementGatePlans,
  procurementGates,
  procurements,
  sessions,
  steeringGroups,
  userAccounts,
} from '../../db/schema.js';
import { trainingApprovedOnOf } from '../training/index.js';

const meetingDay = sql<string>`to_char(${meetings.startsAt} at time zone 'Europe/Oslo', 'YYYY-MM-DD')`;

/** When the person last came before the current session: the start of their previous session, if any. */
export async function previousVisit(db: Db, personId: string): Promise<Date | null> {
  const rows = await db
    .select({ createdAt: sessions.createdAt })
    .from(sessions)
    .innerJoin(userAccounts, eq(userAccounts.id, sessions.userId))
    .where(eq(userAccounts.personId, personId))
    .orderBy(desc(sessions.createdAt))
    .limit(2);
  return rows[1]?.createdAt ?? null;
}

export function listMeetingsOfGroups(db: Db, groupIds: string[], fromDay: string, limit: number) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      location: meetings.location,
      steeringGroupId: meetings.steeringGroupId,
      steeringGroupName: steeringGroups.name,
      invitationSentAt: meetings.invitationSentAt,
    })
    .from(meetings)
    .innerJoin(steeringGroups, eq(steeringGroups.id, meetings.steeringGroupId))
    .where(
      and(
        inArray(meetings.steeringGroupId, groupIds),
        eq(meetings.cancelled, false),
        sql`${meetingDay} >= ${fromDay}`,
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(limit);
}

/** Agenda items and papers (documents of the meeting or of its cases) per meeting. */
export async function countAgendaAndPapers(db: Db, meetingIds: string[]) {
  const result = new Map<string, { agendaItems: number; papers: number }>();
  if (meetingIds.length === 0) return result;
  for (const id of meetingIds) result.set(id, { agendaItems: 0, papers: 0 });
  const items = await db
    .select({ meetingId: agendaItems.meetingId, caseId: agendaItems.caseId })
    .from(agendaItems)
    .where(inArray(agendaItems.meetingId, meetingIds));
  for (const item of items) result.get(item.meetingId)!.agendaItems += 1;
  const caseIds = [...new Set(items.flatMap((item) => (item.caseId ? [item.caseId] : [])))];
  const meetingDocs = await db
    .select({ meetingId: documents.meetingId })
    .from(documents)
    .where(inArray(documents.meetingId, meetingIds));
  for (const doc of meetingDocs) result.get(doc.meetingId!)!.papers += 1;
  if (caseIds.length > 0) {
    const [docs, attachments] = await Promise.all([
      db
        .select({ caseId: documents.caseId })
        .from(documents)
        .where(and(inArray(documents.caseId, caseIds), isNull(documents.meetingId))),
      db
        .select({ caseId: caseDocuments.caseId })
        .from(caseDocuments)
        .where(inArray(caseDocuments.caseId, caseIds)),
    ]);
    for (const item of items) {
      if (!item.caseId) continue;
      const n = [...docs, ...attachments].filter((doc) => doc.caseId === item.caseId).length;
      result.get(item.meetingId)!.papers += n;
    }
  }
  return result;
}

const actionColumns = {
  id: actionItems.id,
  title: actionItems.title,
  dueDate: actionItems.dueDate,
  status: actionItems.status,
  steeringGroupId: actionItems.steeringGroupId,
  steeringGroupName: steeringGroups.name,
  meetingId: actionItems.meetingId,
  ownerName: people.name,
};

export function listOpenActionsOf(db: Db, personId: string) {
  return db
    .select(actionColumns)
    .from(actionItems)
    .innerJoin(steeringGroups, eq(steeringGroups.id, actionItems.steeringGroupId))
    .innerJoin(people, eq(people.id, actionItems.ownerPersonId))
    .where(and(eq(actionItems.ownerPersonId, personId), ne(actionItems.status, 'done')))
    .orderBy(asc(actionItems.dueDate));
}

export function listOverdueActions(db: Db, today: string) {
  return db
    .select(actionColumns)
    .from(actionItems)
    .innerJoin(steeringGroups, eq(steeringGroups.id, actionItems.steeringGroupId))
    .innerJoin(people, eq(people.id, actionItems.ownerPersonId))
    .where(and(ne(actionItems.status, 'done'), lt(actionItems.dueDate, today)))
    .orderBy(asc(actionItems.dueDate));
}

const caseColumns = {
  id: cases.id,
  title: cases.title,
  gate: cases.gate,
  kind: cases.kind,
  status: cases.status,
  decisionNumber: cases.decisionNumber,
  submittedAt: cases.submittedAt,
  decidedOn: cases.decidedOn,
  procurementId: cases.procurementId,
  procurementName: procurements.name,
  steeringGroupName: steeringGroups.name,
};

/** A case row with its procurement's and group's names (the homes' lists of cases and decisions). */
export function caseQuery(db: Db) {
  return db
    .select(caseColumns)
    .from(cases)
    .leftJoin(procurements, eq(procurements.id, cases.procurementId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, cases.steeringGroupId));
}

/** Numbered decisions of the groups made on or after the given day, newest first. */
export function listDecisionsSince(db: Db, groupIds: string[], sinceDay: string) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return caseQuery(db)
    .where(
      and(
        inArray(cases.steeringGroupId, groupIds),
        isNotNull(cases.decisionNumber),
        gte(cases.decidedOn, sinceDay),
      ),
    )
    .orderBy(desc(cases.decidedOn), desc(cases.closedAt));
}

export function listCasesSubmittedBy(db: Db, personId: string) {
  return caseQuery(db).where(eq(cases.submittedByPersonId, personId)).orderBy(desc(cases.submittedAt));
}

/** Open cases submitted before the given day (Oslo), oldest first. */
export function listOpenCasesSubmittedBefore(db: Db, day: string) {
  return caseQuery(db)
    .where(
      and(
        eq(cases.status, 'open'),
        sql`to_char(${cases.submittedAt} at time zone 'Europe/Oslo', 'YYYY-MM-DD') < ${day}`,
      ),
    )
    .orderBy(asc(cases.submittedAt));
}

export async function countVotes(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ caseId: caseVotes.caseId, n: sql<number>`count(*)::int` })
    .from(caseVotes)
    .where(inArray(caseVotes.caseId, caseIds))
    .groupBy(caseVotes.caseId);
  return new Map(rows.map((row) => [row.caseId, row.n]));
}

/** Escalated cases the RHF has been asked to settle and has not answered yet. */
export function listEscalationsAwaiting(db: Db, rhfIds: string[]) {
  if (rhfIds.length === 0) return Promise.resolve([]);
  return db
    .select({ ...caseColumns, escalatedAt: escalations.escalatedAt })
    .from(escalations)
    .innerJoin(cases, eq(cases.id, escalations.caseId))
    .leftJoin(procurements, eq(procurements.id, cases.procurementId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, cases.steeringGroupId))
    .where(
      and(
        isNull(escalations.resolvedAt),
        sql`${escalations.rhfIds} && array[${sql.join(
          rhfIds.map((id) => sql`${id}`),
          sql`, `,
        )}]::uuid[]`,
        sql`exists (select 1 from unnest(${escalations.rhfIds}) as asked(rhf_id) where asked.rhf_id in (${sql.join(
          rhfIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and not exists (select 1 from ${escalationAnswers} where ${escalationAnswers.caseId} = ${escalations.caseId} and ${escalationAnswers.rhfId} = asked.rhf_id))`,
      ),
    )
    .orderBy(asc(escalations.escalatedAt));
}

/** Items of annual plans out for RHF feedback that the RHF has not commented on. */
export function listAnnualPlanItemsAwaitingFeedback(db: Db, rhfId: string) {
  return db
    .select({
      planId: annualPlans.id,
      year: annualPlans.year,
      itemId: annualPlanItems.id,
      procurementId: annualPlanItems.procurementId,
      procurementName: procurements.name,
    })
    .from(annualPlanItems)
    .innerJoin(annualPlans, eq(annualPlans.id, annualPlanItems.planId))
    .innerJoin(procurements, eq(procurements.id, annualPlanItems.procurementId))
    .where(
      and(
        eq(annualPlans.status, 'rhfFeedback'),
        sql`not exists (select 1 from ${annualPlanComments} where ${annualPlanComments.itemId} = ${annualPlanItems.id} and ${annualPlanComments.rhfId} = ${rhfId})`,
      ),
    )
    .orderBy(asc(annualPlans.year), asc(procurements.name));
}

/** Memberships in force that represent the RHF and have no completed training. */
export function listMembersWithoutTraining(db: Db, rhfId: string, today: string) {
  return db
    .select({
      personId: memberships.personId,
      personName: people.name,
      steeringGroupId: memberships.steeringGroupId,
      steeringGroupName: steeringGroups.name,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, memberships.steeringGroupId))
    .where(
      and(
        eq(memberships.rhfId, rhfId),
        sql`${trainingApprovedOnOf(memberships.personId)} is null`,
        lte(memberships.termStart, today),
        sql`(${memberships.termEnd} is null or ${memberships.termEnd} >= ${today})`,
        sql`(${memberships.endedOn} is null or ${memberships.endedOn} > ${today})`,
        eq(steeringGroups.active, true),
      ),
    )
    .orderBy(asc(people.name), asc(steeringGroups.name));
}

export function listGatePlans(db: Db, procurementIds: string[]) {
  if (procurementIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      procurementId: procurementGatePlans.procurementId,
      gate: procurementGatePlans.gate,
      plannedOn: procurementGatePlans.plannedOn,
    })
    .from(procurementGatePlans)
    .where(inArray(procurementGatePlans.procurementId, procurementIds));
}

/** Planned gates not passed yet with a planned day on or before `until` (so overdue ones too). */
export function listGatesDueBy(db: Db, until: string) {
  return db
    .select({
      procurementId: procurementGatePlans.procurementId,
      procurementName: procurements.name,
      gate: procurementGatePlans.gate,
      plannedOn: procurementGatePlans.plannedOn,
    })
    .from(procurementGatePlans)
    .innerJoin(procurements, eq(procurements.id, procurementGatePlans.procurementId))
    .leftJoin(
      procurementGates,
      and(
        eq(procurementGates.procurementId, procurementGatePlans.procurementId),
        eq(procurementGates.gate, procurementGatePlans.gate),
      ),
    )
    .where(
      and(
        isNull(procurementGates.gate),
        lte(procurementGatePlans.plannedOn, until),
        sql`${procurements.status} not in ('completed', 'cancelled')`,
      ),
    )
    .orderBy(asc(procurementGatePlans.plannedOn), asc(procurements.name));
}

const meetingColumns = {
  id: meetings.id,
  title: meetings.title,
  startsAt: meetings.startsAt,
  steeringGroupId: meetings.steeringGroupId,
  steeringGroupName: steeringGroups.name,
  invitationDaysBefore: meetings.invitationDaysBefore,
};

/** Meetings ahead whose invitation is due on or before `until` and has not been sent. */
export function listMeetingsNeedingInvitation(db: Db, today: string, until: string) {
  return db
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(steeringGroups, eq(steeringGroups.id, meetings.steeringGroupId))
    .where(
      and(
        eq(meetings.cancelled, false),
        isNull(meetings.invitationSentAt),
        sql`${meetingDay} >= ${today}`,
        sql`(${meetingDay}::date - ${meetings.invitationDaysBefore}) <= ${until}::date`,
      ),
    )
    .orderBy(asc(meetings.startsAt));
}

/** Meetings held before today with no minutes at all. */
export function listMeetingsNeedingMinutes(db: Db, today: string) {
  return db
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(steeringGroups, eq(steeringGroups.id, meetings.steeringGroupId))
    .where(
      and(
        eq(meetings.cancelled, false),
        sql`${meetingDay} < ${today}`,
        sql`not exists (select 1 from ${minutes} where ${minutes.meetingId} = ${meetings.id})`,
      ),
    )
    .orderBy(asc(meetings.startsAt));
}

/** Meetings whose newest minutes version is a draft. */
export function listMinutesAwaitingApproval(db: Db) {
  return db
    .select({ ...meetingColumns, version: minutes.version, updatedAt: minutes.updatedAt })
    .from(minutes)
    .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, meetings.steeringGroupId))
    .where(
      and(
        eq(minutes.status, 'draft'),
        sql`${minutes.version} = (select max(m2.version) from ${minutes} m2 where m2.meeting_id = ${minutes.meetingId})`,
      ),
    )
    .orderBy(asc(meetings.startsAt));
}

/** Access requests not answered whose deadline is on or before `until` (overdue ones too). */
export function listAccessRequestsDueBy(db: Db, until: string) {
  return db
    .select({
      id: accessRequests.id,
      year: accessRequests.year,
      sequenceNumber: accessRequests.sequenceNumber,
      dueOn: accessRequests.dueOn,
      receivedOn: accessRequests.receivedOn,
    })
    .from(accessRequests)
    .where(and(eq(accessRequests.status, 'received'), lte(accessRequests.dueOn, until)))
    .orderBy(asc(accessRequests.dueOn));
}

export function listProcurementsLedBy(db: Db, personId: string) {
  return db
    .select({ id: procurements.id })
    .from(procurements)
    .where(eq(procurements.procurementLeadId, personId))
    .orderBy(asc(procurements.name));
}
