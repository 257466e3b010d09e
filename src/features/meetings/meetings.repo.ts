import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  actionItems,
  agendaConflicts,
  agendaItems,
  calendarFeedTokens,
  cases,
  meetingPlans,
  meetings,
  minutes,
  people,
  steeringGroups,
} from '../../db/schema.js';
import { transactionTime } from '../../db/transaction-time.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type MinutesRow = typeof minutes.$inferSelect;

export async function insertPlan(db: Db, values: typeof meetingPlans.$inferInsert) {
  const [row] = await db.insert(meetingPlans).values(values).returning();
  return row!;
}

export async function findPlan(db: Db, id: string) {
  const [row] = await db.select().from(meetingPlans).where(eq(meetingPlans.id, id));
  return row ?? null;
}

export function listPlans(db: Db, steeringGroupId: string) {
  return db
    .select()
    .from(meetingPlans)
    .where(eq(meetingPlans.steeringGroupId, steeringGroupId))
    .orderBy(desc(meetingPlans.year));
}

export async function updatePlan(db: Db, id: string, values: Partial<typeof meetingPlans.$inferInsert>) {
  await db.update(meetingPlans).set(values).where(eq(meetingPlans.id, id));
}

export async function insertMeeting(db: Db, values: typeof meetings.$inferInsert) {
  const [row] = await db.insert(meetings).values(values).returning();
  return row!;
}

export async function findMeeting(db: Db, id: string) {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  return row ?? null;
}

/** Locks the meeting row: moves, cancellations and minutes of one meeting apply one after the other. */
export async function lockMeeting(db: Db, id: string) {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id)).for('update');
  return row ?? null;
}

export function listMeetings(db: Db, filter: { steeringGroupIds?: string[] } = {}) {
  const query = db.select().from(meetings);
  return (
    filter.steeringGroupIds
      ? query.where(
          inArray(
            meetings.steeringGroupId,
            filter.steeringGroupIds.length > 0
              ? filter.steeringGroupIds
              : ['00000000-0000-0000-0000-000000000000'],
          ),
        )
      : query
  ).orderBy(asc(meetings.startsAt));
}

export async function updateMeeting(db: Db, id: string, values: Partial<typeof meetings.$inferInsert>) {
  await db
    .update(meetings)
    .set({ ...values, updatedAt: transactionTime() })
    .where(eq(meetings.id, id));
}

export function listAgenda(db: Db, meetingId: string) {
  return db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      position: agendaItems.position,
      kind: agendaItems.kind,
      caseId: agendaItems.caseId,
      title: agendaItems.title,
      description: agendaItems.description,
      caseStatus: cases.status,
      decisionNumber: cases.decisionNumber,
    })
    .from(agendaItems)
    .leftJoin(cases, eq(cases.id, agendaItems.caseId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
}

export async function findAgendaItem(db: Db, id: string) {
  const [row] = await db.select().from(agendaItems).where(eq(agendaItems.id, id));
  return row ?? null;
}

export async function insertAgendaItems(db: Db, rows: Array<typeof agendaItems.$inferInsert>) {
  if (rows.length === 0) return [];
  return db.insert(agendaItems).values(rows).returning();
}

/** The group's cases still before it: open, with dissent, outside the mandate or escalated (line, RHFs). */
export function listOpenCases(db: Db, steeringGroupId: string) {
  return db
    .select({ id: cases.id, title: cases.title, status: cases.status, procurementId: cases.procurementId })
    .from(cases)
    .where(
      and(
        eq(cases.steeringGroupId, steeringGroupId),
        inArray(cases.status, ['open', 'dissent', 'outsideMandate', 'lineEscalated', 'escalated']),
      ),
    )
    .orderBy(asc(cases.submittedAt));
}

export function listConflicts(db: Db, agendaItemIds: string[]) {
  if (agendaItemIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      agendaItemId: agendaConflicts.agendaItemId,
      personId: agendaConflicts.personId,
      name: people.name,
      reason: agendaConflicts.reason,
      declaredAt: agendaConflicts.declaredAt,
    })
    .from(agendaConflicts)
    .innerJoin(people, eq(people.id, agendaConflicts.personId))
    .where(inArray(agendaConflicts.agendaItemId, agendaItemIds));
}

export async function upsertConflict(db: Db, values: typeof agendaConflicts.$inferInsert) {
  await db
    .insert(agendaConflicts)
    .values(values)
    .onConflictDoUpdate({
      target: [agendaConflicts.agendaItemId, agendaConflicts.personId],
      set: { reason: values.reason, declaredAt: transactionTime() },
    });
}

export async function deleteConflict(db: Db, agendaItemId: string, personId: string) {
  const rows = await db
    .delete(agendaConflicts)
    .where(and(eq(agendaConflicts.agendaItemId, agendaItemId), eq(agendaConflicts.personId, personId)))
    .returning({ reason: agendaConflicts.reason });
  return rows[0] ?? null;
}

export function listMinutes(db: Db, meetingId: string) {
  return db.select().from(minutes).where(eq(minutes.meetingId, meetingId)).orderBy(desc(minutes.version));
}

export function listMinutesStatus(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .select({ meetingId: minutes.meetingId, version: minutes.version, status: minutes.status })
    .from(minutes)
    .where(inArray(minutes.meetingId, meetingIds));
}

export async function insertMinutes(db: Db, values: typeof minutes.$inferInsert) {
  const [row] = await db.insert(minutes).values(values).returning();
  return row!;
}

/** Only a draft can change: the WHERE keeps an approved (locked) version untouched even under a race. */
export async function updateDraftMinutes(db: Db, id: string, values: Partial<typeof minutes.$inferInsert>) {
  const rows = await db
    .update(minutes)
    .set({ ...values, updatedAt: transactionTime() })
    .where(and(eq(minutes.id, id), eq(minutes.status, 'draft')))
    .returning({ id: minutes.id });
  return rows.length > 0;
}

const actionColumns = {
  id: actionItems.id,
  steeringGroupId: actionItems.steeringGroupId,
  steeringGroupName: steeringGroups.name,
  meetingId: actionItems.meetingId,
  agendaItemId: actionItems.agendaItemId,
  caseId: actionItems.caseId,
  title: actionItems.title,
  ownerPersonId: actionItems.ownerPersonId,
  ownerName: people.name,
  dueDate: actionItems.dueDate,
  status: actionItems.status,
  progressNote: actionItems.progressNote,
  completedOn: actionItems.completedOn,
  overdueNotifiedAt: actionItems.overdueNotifiedAt,
};
export type ActionRow = Awaited<ReturnType<typeof listActions>>[number];

export function listActions(
  db: Db,
  filter: { steeringGroupId?: string; meetingId?: string; notDone?: boolean; ids?: string[] } = {},
) {
  const conditions = [
    filter.steeringGroupId ? eq(actionItems.steeringGroupId, filter.steeringGroupId) : undefined,
    filter.meetingId ? eq(actionItems.meetingId, filter.meetingId) : undefined,
    filter.notDone ? ne(actionItems.status, 'done') : undefined,
    filter.ids ? inArray(actionItems.id, filter.ids) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select(actionColumns)
    .from(actionItems)
    .innerJoin(people, eq(people.id, actionItems.ownerPersonId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, actionItems.steeringGroupId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(actionItems.dueDate), asc(actionItems.createdAt));
}

export async function insertAction(db: Db, values: typeof actionItems.$inferInsert) {
  const [row] = await db.insert(actionItems).values(values).returning({ id: actionItems.id });
  return row!.id;
}

export async function updateAction(db: Db, id: string, values: Partial<typeof actionItems.$inferInsert>) {
  await db
    .update(actionItems)
    .set({ ...values, updatedAt: transactionTime() })
    .where(eq(actionItems.id, id));
}

export async function insertFeedToken(db: Db, values: typeof calendarFeedTokens.$inferInsert) {
  const [row] = await db.insert(calendarFeedTokens).values(values).returning();
  return row!;
}

export async function findActiveFeedToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select()
    .from(calendarFeedTokens)
    .where(and(eq(calendarFeedTokens.tokenHash, tokenHash), isNull(calendarFeedTokens.revokedAt)));
  return row ?? null;
}

export function listFeedTokens(db: Db, personId: string) {
  return db
    .select()
    .from(calendarFeedTokens)
    .where(eq(calendarFeedTokens.personId, personId))
    .orderBy(desc(calendarFeedTokens.createdAt));
}

export async function revokeFeedToken(db: Db, id: string, personId: string) {
  const rows = await db
    .update(calendarFeedTokens)
    .set({ revokedAt: transactionTime() })
    .where(
      and(
        eq(calendarFeedTokens.id, id),
        eq(calendarFeedTokens.personId, personId),
        isNull(calendarFeedTokens.revokedAt),
      ),
    )
    .returning({ id: calendarFeedTokens.id });
  return rows.length > 0;
}
