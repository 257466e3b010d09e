// The portfolio secretariat's meeting work (seed 001 §8.2): yearly plan approved by the group, meetings
// added, moved and cancelled, agenda from open cases, invitations, conflicts per item, minutes with
// versions, follow-up actions, and iCalendar feeds for Outlook/Teams.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor, type RecordAudit } from '../../db/unit-of-work.js';
import { isMembershipActive } from '../../domain/consensus.rules.js';
import { serializeCalendar, type CalendarEvent, type CalendarMethod } from '../../domain/icalendar.rules.js';
import {
  checkMeetingPlan,
  daysOverdue,
  invitationDueOn,
  isActionOverdue,
  isInvitationDue,
  meetingPlanApprovalBlocker,
  nextMinutesAction,
} from '../../domain/meetings.rules.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../shared/app-error.js';
import type { CurrentUser } from '../auth/access.rules.js';
import { loadCurrentUser } from '../auth/auth.repo.js';
import * as documentsRepo from '../documents/documents.repo.js';
import { caseElectorate } from '../governance/case-electorate.js';
import { raiseHabilitetQuestion } from '../governance/habilitet/habilitet-questions.service.js';
import * as governanceRepo from '../governance/governance.repo.js';
import { notify } from '../notifications/notifications.service.js';
import * as peopleRepo from '../people/people.repo.js';
import { journalApprovedMinutes, journalMeetingPlanDecision } from '../public-access/journal-registration.js';
import * as steeringGroupsRepo from '../steering-groups/steering-groups.repo.js';
import {
  requireLeaderOrSecretariat,
  requireSecretariat,
  requireWorkspace,
  viewerOf,
  canSeeWorkspace,
} from '../workspace/workspace-access.js';
import type { Clock } from '../../shared/clock.js';
import * as repo from './meetings.repo.js';
import type { MeetingDetail, MeetingInput, MinutesInput } from './meetings.schemas.js';
import { osloDay } from '../../shared/clock.js';

/** What the service needs besides the database: the day, and where the portal is for links. */
export interface MeetingContext {
  /** Today in Norway and the current instant, both from the app's clock. */
  today: string;
  now: Date;
  publicUrl: string;
  organizerEmail: string;
}

const meetingLink = (id: string) => `/moter/${id}`;
const workspaceLink = (groupId: string) => `/styringsgrupper/${groupId}/arbeidsrom`;

type Group = NonNullable<Awaited<ReturnType<typeof steeringGroupsRepo.findGroup>>>;
type Member = steeringGroupsRepo.MemberRow;

const activeMembers = (members: Member[], today: string) =>
  members.filter((m) => isMembershipActive(m, today));

function toEvent(meeting: repo.MeetingRow, group: Pick<Group, 'name'>, ctx: MeetingContext): CalendarEvent {
  return {
    uid: meeting.uid,
    sequence: meeting.sequence,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    summary: `${group.name}: ${meeting.title}`,
    // Only a link: the agenda and documents are read in the portal, where access is checked.
    description: `Saksliste, dokumenter og referat: ${ctx.publicUrl}${meetingLink(meeting.id)}`,
    location: meeting.location,
    url: `${ctx.publicUrl}${meetingLink(meeting.id)}`,
    cancelled: meeting.cancelled,
    lastModified: meeting.updatedAt,
  };
}

async function calendarFor(
  tx: Db,
  meeting: repo.MeetingRow,
  group: Group,
  method: CalendarMethod,
  ctx: MeetingContext,
) {
  const members = activeMembers(await steeringGroupsRepo.listMembers(tx, group.id), ctx.today);
  const event: CalendarEvent = {
    ...toEvent(meeting, group, ctx),
    organizer: { name: 'Porteføljesekretariatet', email: ctx.organizerEmail },
    attendees: members
      .filter((m) => m.personEmail)
      .map((m) => ({ name: m.personName, email: m.personEmail! })),
  };
  return {
    method,
    content: serializeCalendar({ name: group.name, method, events: [event], stamp: ctx.now }),
  };
}

const formatWhen = (meeting: Pick<repo.MeetingRow, 'startsAt'>) =>
  new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(meeting.startsAt);

function checkTimes(startsAt: string | Date, endsAt: string | Date) {
  if (new Date(endsAt).getTime() <= new Date(startsAt).getTime())
    throw badRequest('Møtet må slutte etter at det begynner.', [{ path: 'endsAt', message: 'Før start' }]);
}

async function insertMeetingRow(tx: Db, groupId: string, planId: string | null, input: MeetingInput) {
  const id = randomUUID();
  return repo.insertMeeting(tx, {
    id,
    steeringGroupId: groupId,
    planId,
    title: input.title ?? 'Styringsgruppemøte',
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    location: input.location,
    invitationDaysBefore: input.invitationDaysBefore,
    uid: `${id}@styringsportalen.no`,
  });
}

const meetingAudit = (meeting: repo.MeetingRow) => ({
  title: meeting.title,
  startsAt: meeting.startsAt.toISOString(),
  endsAt: meeting.endsAt.toISOString(),
  location: meeting.location,
  cancelled: meeting.cancelled,
  cancelReason: meeting.cancelReason,
  sequence: meeting.sequence,
});

/** Møteplan: the secretariat proposes the year's meetings; the group approves the plan as a decision. */
export async function proposePlan(
  db: Db,
  user: CurrentUser,
  groupId: string,
  input: { year: number; meetings: MeetingInput[] },
  ctx: MeetingContext,
) {
  const { group, members, viewer } = await requireWorkspace(db, user, groupId, ctx.today);
  requireSecretariat(viewer, 'foreslå møteplan');
  const problems = checkMeetingPlan(input.year, input.meetings);
  if (problems.length > 0) throw badRequest(problems[0]!.message, problems);
  return writeAudited(db, user, async (tx, recordAudit) => {
    const existing = (await repo.listPlans(tx, groupId)).find((p) => p.year === input.year);
    if (existing) throw conflict(`Gruppen har allerede en møteplan for ${input.year}.`);
    const plan = await repo.insertPlan(tx, {
      steeringGroupId: groupId,
      year: input.year,
      proposedBy: user.username,
    });
    for (const meeting of input.meetings) await insertMeetingRow(tx, groupId, plan.id, meeting);
    await notify(
      tx,
      activeMembers(members, ctx.today).map((m) => m.personId),
      {
        kind: 'meetingPlanProposed',
        title: `Forslag til møteplan ${input.year} for ${group.name}`,
        body: `${input.meetings.length} møter. Gruppen godkjenner planen.`,
        link: workspaceLink(groupId),
      },
    );
    await recordAudit({
      action: 'proposeMeetingPlan',
      entityType: 'meetingPlan',
      entityId: plan.id,
      summary: `Møteplan ${input.year} foreslått for ${group.name} (${input.meetings.length} møter)`,
      after: input,
    });
    return plan.id;
  });
}

export async function approvePlan(db: Db, user: CurrentUser, planId: string, ctx: MeetingContext) {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw notFound('Møteplanen finnes ikke.');
  const { group, members, viewer } = await requireWorkspace(db, user, plan.steeringGroupId, ctx.today);
  requireLeaderOrSecretariat(viewer, 'registrere gruppens godkjenning av møteplanen');
  return writeAudited(db, user, async (tx, recordAudit) => {
    const current = (await repo.findPlan(tx, planId))!;
    if (current.status === 'approved') throw conflict('Møteplanen er allerede godkjent.');
    const blocker = meetingPlanApprovalBlocker({
      isGroupLeader: viewer.isLeader,
      approverUsername: user.username,
      proposedBy: current.proposedBy,
    });
    if (blocker) throw forbidden(blocker);
    // The approval is a decision of the group, numbered in its decision series (KIR-2026-03).
    const year = Number(ctx.today.slice(0, 4));
    const number = await governanceRepo.takeDecisionNumber(tx, group.id, year);
    const decisionNumber = `${group.code}-${year}-${String(number).padStart(2, '0')}`;
    await repo.updatePlan(tx, planId, {
      status: 'approved',
      decisionNumber,
      approvedBy: user.username,
      approvedAt: ctx.now,
    });
    await journalMeetingPlanDecision(tx, planId, { registeredBy: user.username, today: ctx.today });
    await notify(
      tx,
      activeMembers(members, ctx.today).map((m) => m.personId),
      {
        kind: 'meetingPlanApproved',
        title: `Møteplan ${plan.year} for ${group.name} er godkjent (vedtak ${decisionNumber})`,
        link: workspaceLink(group.id),
      },
    );
    await recordAudit({
      action: 'approveMeetingPlan',
      entityType: 'meetingPlan',
      entityId: planId,
      summary: `Møteplan ${plan.year} for ${group.name} godkjent, vedtak ${decisionNumber}`,
      before: { status: 'proposed' },
      after: { status: 'approved', decisionNumber },
    });
    return decisionNumber;
  });
}

export async function addMeeting(
  db: Db,
  user: CurrentUser,
  groupId: string,
  input: MeetingInput,
  ctx: MeetingContext,
) {
  const { group, viewer } = await requireWorkspace(db, user, groupId, ctx.today);
  requireSecretariat(viewer, 'legge til møter');
  checkTimes(input.startsAt, input.endsAt);
  return writeAudited(db, user, async (tx, recordAudit) => {
    const meeting = await insertMeetingRow(tx, groupId, null, input);
    await recordAudit({
      action: 'addMeeting',
      entityType: 'meeting',
      entityId: meeting.id,
      summary: `Møte lagt til for ${group.name}: ${meeting.title} ${formatWhen(meeting)}`,
      after: meetingAudit(meeting),
    });
    return meeting.id;
  });
}

async function loadMeetingForWrite(tx: Db, meetingId: string) {
  const meeting = await repo.lockMeeting(tx, meetingId);
  if (!meeting) throw notFound('Møtet finnes ikke.');
  return meeting;
}

/** A move of time or place is a new SEQUENCE of the same UID; invited members get the update. */
export async function moveMeeting(
  db: Db,
  user: CurrentUser,
  meetingId: string,
  input: {
    title?: string;
    startsAt?: string;
    endsAt?: string;
    location?: string | null;
    invitationDaysBefore?: number;
  },
  ctx: MeetingContext,
) {
  const found = await repo.findMeeting(db, meetingId);
  if (!found) throw notFound('Møtet finnes ikke.');
  const { group, members, viewer } = await requireWorkspace(db, user, found.steeringGroupId, ctx.today);
  requireSecretariat(viewer, 'flytte møter');
  await writeAudited(db, user, async (tx, recordAudit) => {
    const before = await loadMeetingForWrite(tx, meetingId);
    if (before.cancelled) throw conflict('Møtet er avlyst og kan ikke endres.');
    const startsAt = input.startsAt ? new Date(input.startsAt) : before.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : before.endsAt;
    checkTimes(startsAt, endsAt);
    const location = input.location === undefined ? before.location : input.location;
    const moved =
      startsAt.getTime() !== before.startsAt.getTime() ||
      endsAt.getTime() !== before.endsAt.getTime() ||
      location !== before.location ||
      (input.title !== undefined && input.title !== before.title);
    await repo.updateMeeting(tx, meetingId, {
      title: input.title ?? before.title,
      startsAt,
      endsAt,
      location,
      invitationDaysBefore: input.invitationDaysBefore ?? before.invitationDaysBefore,
      sequence: moved ? before.sequence + 1 : before.sequence,
    });
    const after = (await repo.findMeeting(tx, meetingId))!;
    if (moved) {
      await notify(
        tx,
        activeMembers(members, ctx.today).map((m) => m.personId),
        {
          kind: 'meetingChanged',
          title: `Møtet i ${group.name} er flyttet til ${formatWhen(after)}`,
          link: meetingLink(meetingId),
          ...(after.invitationSentAt
            ? { calendar: await calendarFor(tx, after, group, 'REQUEST', ctx) }
            : {}),
        },
      );
    }
    await recordAudit({
      action: 'moveMeeting',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Møte endret: ${after.title} ${formatWhen(after)} (${group.name})`,
      before: meetingAudit(before),
      after: meetingAudit(after),
    });
  });
}

export async function cancelMeeting(
  db: Db,
  user: CurrentUser,
  meetingId: string,
  reason: string,
  ctx: MeetingContext,
) {
  const found = await repo.findMeeting(db, meetingId);
  if (!found) throw notFound('Møtet finnes ikke.');
  const { group, members, viewer } = await requireWorkspace(db, user, found.steeringGroupId, ctx.today);
  requireSecretariat(viewer, 'avlyse møter');
  await writeAudited(db, user, async (tx, recordAudit) => {
    const before = await loadMeetingForWrite(tx, meetingId);
    if (before.cancelled) throw conflict('Møtet er allerede avlyst.');
    await repo.updateMeeting(tx, meetingId, {
      cancelled: true,
      cancelReason: reason,
      sequence: before.sequence + 1,
    });
    const after = (await repo.findMeeting(tx, meetingId))!;
    await notify(
      tx,
      activeMembers(members, ctx.today).map((m) => m.personId),
      {
        kind: 'meetingCancelled',
        title: `Avlyst: møtet i ${group.name} ${formatWhen(after)}`,
        body: reason,
        link: meetingLink(meetingId),
        calendar: await calendarFor(tx, after, group, 'CANCEL', ctx),
      },
    );
    await recordAudit({
      action: 'cancelMeeting',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Møte avlyst: ${after.title} ${formatWhen(after)} (${group.name}): ${reason}`,
      before: meetingAudit(before),
      after: meetingAudit(after),
    });
  });
}

function summaryOf(meeting: repo.MeetingRow, minutesStatus: 'none' | 'draft' | 'approved') {
  return {
    id: meeting.id,
    steeringGroupId: meeting.steeringGroupId,
    planId: meeting.planId,
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    location: meeting.location,
    cancelled: meeting.cancelled,
    cancelReason: meeting.cancelReason,
    sequence: meeting.sequence,
    uid: meeting.uid,
    invitationDaysBefore: meeting.invitationDaysBefore,
    invitationDueOn: invitationDueOn(osloDay(meeting.startsAt), meeting.invitationDaysBefore),
    invitationSentAt: meeting.invitationSentAt?.toISOString() ?? null,
    minutesStatus,
  };
}

export async function listGroupMeetings(db: Db, groupId: string) {
  const meetings = await repo.listMeetings(db, { steeringGroupIds: [groupId] });
  const statuses = await repo.listMinutesStatus(
    db,
    meetings.map((m) => m.id),
  );
  return meetings.map((meeting) => {
    const latest = statuses
      .filter((s) => s.meetingId === meeting.id)
      .sort((a, b) => b.version - a.version)[0];
    const approved = statuses.some((s) => s.meetingId === meeting.id && s.status === 'approved');
    return summaryOf(meeting, latest ? (approved ? 'approved' : 'draft') : 'none');
  });
}

export async function listGroupPlans(db: Db, groupId: string) {
  const [plans, meetings] = await Promise.all([
    repo.listPlans(db, groupId),
    repo.listMeetings(db, { steeringGroupIds: [groupId] }),
  ]);
  return plans.map((plan) => ({
    id: plan.id,
    year: plan.year,
    status: plan.status,
    decisionNumber: plan.decisionNumber,
    proposedBy: plan.proposedBy,
    approvedBy: plan.approvedBy,
    approvedAt: plan.approvedAt?.toISOString() ?? null,
    meetingCount: meetings.filter((m) => m.planId === plan.id).length,
  }));
}

export function toActionDto(row: repo.ActionRow, today: string) {
  const status = row.status;
  return {
    id: row.id,
    steeringGroupId: row.steeringGroupId,
    steeringGroupName: row.steeringGroupName,
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    caseId: row.caseId,
    title: row.title,
    owner: { personId: row.ownerPersonId, name: row.ownerName },
    dueDate: row.dueDate,
    status,
    progressNote: row.progressNote,
    completedOn: row.completedOn,
    overdue: isActionOverdue({ status, dueDate: row.dueDate }, today),
    daysOverdue: daysOverdue({ status, dueDate: row.dueDate }, today),
  };
}

function minutesDto(
  row: repo.MinutesRow,
  agenda: Awaited<ReturnType<typeof repo.listAgenda>>,
  names: Map<string, string>,
) {
  const attendance = row.attendance as Array<{ personId: string; present: boolean }>;
  const items = row.items as Array<{
    agendaItemId: string;
    summary: string;
    decision: string | null;
    dissent: Array<{ personId: string; reason: string }>;
  }>;
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    attendance: attendance.map((a) => ({ ...a, name: names.get(a.personId) ?? 'Ukjent' })),
    items: items.map((item) => {
      const agendaItem = agenda.find((a) => a.id === item.agendaItemId);
      return {
        agendaItemId: item.agendaItemId,
        title: agendaItem?.title ?? 'Fjernet punkt',
        summary: item.summary,
        decision: item.decision,
        caseId: agendaItem?.caseId ?? null,
        decisionNumber: agendaItem?.decisionNumber ?? null,
        dissent: item.dissent.map((d) => ({ ...d, name: names.get(d.personId) ?? 'Ukjent' })),
      };
    }),
    changeNote: row.changeNote,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
  };
}

export async function getMeeting(
  db: Db,
  user: CurrentUser,
  meetingId: string,
  today: string,
): Promise<MeetingDetail> {
  const meeting = await repo.findMeeting(db, meetingId);
  if (!meeting) throw notFound('Møtet finnes ikke.');
  const { group, members, viewer } = await requireWorkspace(db, user, meeting.steeringGroupId, today);
  const [agenda, minutesRows, actions] = await Promise.all([
    repo.listAgenda(db, meetingId),
    repo.listMinutes(db, meetingId),
    repo.listActions(db, { meetingId }),
  ]);
  const conflicts = await repo.listConflicts(
    db,
    agenda.map((a) => a.id),
  );
  const names = new Map(members.map((m) => [m.personId, m.personName]));
  const latest = minutesRows[0] ?? null;
  const approved = minutesRows.some((m) => m.status === 'approved');
  // Over once its (Norwegian) day is behind us.
  const ended = osloDay(meeting.endsAt) < today;
  return {
    ...summaryOf(meeting, latest ? (approved ? 'approved' : 'draft') : 'none'),
    steeringGroupName: group.name,
    agenda: agenda.map((item) => ({
      id: item.id,
      position: item.position,
      kind: item.kind,
      caseId: item.caseId,
      caseStatus: item.caseStatus,
      decisionNumber: item.decisionNumber,
      title: item.title,
      description: item.description,
      conflicts: conflicts
        .filter((c) => c.agendaItemId === item.id)
        .map((c) => ({
          personId: c.personId,
          name: c.name,
          reason: c.reason,
          declaredAt: c.declaredAt.toISOString(),
        })),
      myConflict: conflicts.some((c) => c.agendaItemId === item.id && c.personId === user.personId),
    })),
    minutes: latest ? minutesDto(latest, agenda, names) : null,
    minutesHistory: minutesRows.slice(1).map((row) => minutesDto(row, agenda, names)),
    actions: actions.map((row) => toActionDto(row, today)),
    members: activeMembers(members, today).map((m) => ({
      personId: m.personId,
      name: m.personName,
      rhfName: m.rhfName,
      isLeader: m.isLeader,
    })),
    viewer: {
      isSecretariat: viewer.isSecretariat,
      isMember: viewer.isMember,
      isLeader: viewer.isLeader,
      canEdit: viewer.isSecretariat && !meeting.cancelled,
      canApproveMinutes: (viewer.isSecretariat || viewer.isLeader) && latest?.status === 'draft',
      canDeclareConflict: viewer.isMember && !meeting.cancelled && !ended,
    },
  };
}

async function nextPosition(tx: Db, meetingId: string) {
  const agenda = await repo.listAgenda(tx, meetingId);
  return { agenda, position: agenda.reduce((max, item) => Math.max(max, item.position), 0) + 1 };
}

/** Fills the agenda with the group's open cases not yet on it, and a follow-up item when actions are open. */
export async function fillAgendaFromCases(db: Db, user: CurrentUser, meetingId: string, today: string) {
  const meeting = await repo.findMeeting(db, meetingId);
  if (!meeting) throw notFound('Møtet finnes ikke.');
  const { viewer } = await requireWorkspace(db, user, meeting.steeringGroupId, today);
  requireSecretariat(viewer, 'sette opp sakslisten');
  return writeAudited(db, user, async (tx, recordAudit) => {
    const locked = await loadMeetingForWrite(tx, meetingId);
    if (locked.cancelled) throw conflict('Møtet er avlyst.');
    const { agenda, position } = await nextPosition(tx, meetingId);
    const onAgenda = new Set(agenda.map((a) => a.caseId).filter(Boolean));
    const open = (await repo.listOpenCases(tx, meeting.steeringGroupId)).filter((c) => !onAgenda.has(c.id));
    const openActions = await repo.listActions(tx, {
      steeringGroupId: meeting.steeringGroupId,
      notDone: true,
    });
    const rows: Parameters<typeof repo.insertAgendaItems>[1] = open.map((c, index) => ({
      meetingId,
      position: position + index,
      kind: 'case' as const,
      caseId: c.id,
      title: c.title,
    }));
    // Progress on earlier decisions is reported back to the group at the next meeting (§8.2.4).
    if (openActions.length > 0 && !agenda.some((a) => a.kind === 'followUp'))
      rows.push({
        meetingId,
        position: position + rows.length,
        kind: 'followUp',
        title: 'Oppfølging av vedtak',
        description: `${openActions.length} åpne tiltak, ${openActions.filter((a) => isActionOverdue(a, today)).length} forfalt.`,
      });
    const inserted = await repo.insertAgendaItems(tx, rows);
    await recordAudit({
      action: 'fillAgenda',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Saksliste fylt fra åpne saker: ${inserted.length} punkter lagt til`,
      after: { added: inserted.map((i) => ({ id: i.id, title: i.title, caseId: i.caseId })) },
    });
    return inserted.length;
  });
}

export async function addAgendaItem(
  db: Db,
  user: CurrentUser,
  meetingId: string,
  input: { title: string; description: string | null; caseId: string | null },
  today: string,
) {
  const meeting = await repo.findMeeting(db, meetingId);
  if (!meeting) throw notFound('Møtet finnes ikke.');
  const { viewer } = await requireWorkspace(db, user, meeting.steeringGroupId, today);
  requireSecretariat(viewer, 'sette opp sakslisten');
  if (input.caseId) {
    const found = await governanceRepo.findCase(db, input.caseId);
    if (!found || found.steeringGroupId !== meeting.steeringGroupId)
      throw badRequest('Saken hører ikke til denne styringsgruppen.', [
        { path: 'caseId', message: 'Ukjent sak' },
      ]);
  }
  return writeAudited(db, user, async (tx, recordAudit) => {
    const locked = await loadMeetingForWrite(tx, meetingId);
    if (locked.cancelled) throw conflict('Møtet er avlyst.');
    const { position } = await nextPosition(tx, meetingId);
    const [item] = await repo.insertAgendaItems(tx, [
      { meetingId, position, kind: input.caseId ? 'case' : 'item', ...input },
    ]);
    await recordAudit({
      action: 'addAgendaItem',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Punkt på sakslisten: ${input.title}`,
      after: input,
    });
    return item!.id;
  });
}

async function loadAgendaItemContext(db: Db, user: CurrentUser, agendaItemId: string, today: string) {
  const item = await repo.findAgendaItem(db, agendaItemId);
  if (!item) throw notFound('Punktet på sakslisten finnes ikke.');
  const meeting = (await repo.findMeeting(db, item.meetingId))!;
  const access = await requireWorkspace(db, user, meeting.steeringGroupId, today);
  return { item, meeting, ...access };
}

/** Inhabilitet per agenda item, declared by the member before the meeting (seed 001 §7.2). */
export async function declareConflict(
  db: Db,
  user: CurrentUser,
  agendaItemId: string,
  reason: string,
  today: string,
) {
  const { item, meeting, viewer } = await loadAgendaItemContext(db, user, agendaItemId, today);
  if (!viewer.isMember) throw forbidden('Bare gruppens medlemmer melder inhabilitet.');
  if (meeting.cancelled) throw conflict('Møtet er avlyst.');
  if (osloDay(meeting.endsAt) < today) throw conflict('Møtet er holdt; inhabilitet meldes før møtet.');
  await writeAudited(db, user, async (tx, recordAudit) => {
    await repo.upsertConflict(tx, { agendaItemId, personId: user.personId, reason });
    // On a case's agenda item the conflict is the case's too: no vote, no exempt documents (one record of it).
    if (item.caseId) {
      const caseRow = await governanceRepo.findCase(tx, item.caseId);
      const mayVote =
        caseRow?.status === 'open' &&
        (await caseElectorate(tx, caseRow, today)).eligible.some((m) => m.personId === user.personId);
      if (mayVote) {
        await raiseHabilitetQuestion(
          tx,
          recordAudit,
          {
            caseId: item.caseId,
            personId: user.personId,
            reason,
            source: 'agendaItem',
            raisedBy: user.username,
            skipIfBlocked: true,
          },
          today,
        );
      }
    }
    await recordAudit({
      action: 'declareConflict',
      entityType: 'agendaItem',
      entityId: agendaItemId,
      summary: `${user.personName} meldte seg inhabil: ${item.title}`,
      after: { reason },
    });
  });
}

export async function withdrawConflict(db: Db, user: CurrentUser, agendaItemId: string, today: string) {
  const { item } = await loadAgendaItemContext(db, user, agendaItemId, today);
  await writeAudited(db, user, async (tx, recordAudit) => {
    const removed = await repo.deleteConflict(tx, agendaItemId, user.personId);
    if (!removed) throw notFound('Du har ikke meldt deg inhabil i dette punktet.');
    await recordAudit({
      action: 'withdrawConflict',
      entityType: 'agendaItem',
      entityId: agendaItemId,
      summary: `${user.personName} trakk inhabilitet: ${item.title}`,
      before: removed,
    });
  });
}

/**
 * The documents an invitation refers to: those of the agenda's cases (in agenda order), then the meeting's
 * own. By id only: the mail dispatcher attaches the public ones when it sends (see src/features/documents).
 */
async function invitationDocuments(
  tx: Db,
  meetingId: string,
  agenda: Awaited<ReturnType<typeof repo.listAgenda>>,
) {
  const caseIds = agenda.flatMap((a) => (a.caseId ? [a.caseId] : []));
  const documents = await documentsRepo.listMeetingDocuments(tx, meetingId, caseIds);
  const refs: Array<{ id: string; label: string }> = [];
  agenda.forEach((item, index) => {
    for (const document of documents)
      if (item.caseId && document.caseId === item.caseId)
        refs.push({ id: document.id, label: `Sak ${index + 1}` });
  });
  for (const document of documents)
    if (document.meetingId === meetingId && !refs.some((r) => r.id === document.id))
      refs.push({ id: document.id, label: 'Møtedokument' });
  return refs;
}

async function sendInvitationIn(
  tx: Db,
  recordAudit: RecordAudit,
  meeting: repo.MeetingRow,
  group: Group,
  ctx: MeetingContext,
) {
  const members = activeMembers(await steeringGroupsRepo.listMembers(tx, group.id), ctx.today);
  await repo.updateMeeting(tx, meeting.id, { invitationSentAt: ctx.now });
  const agenda = await repo.listAgenda(tx, meeting.id);
  await notify(
    tx,
    members.map((m) => m.personId),
    {
      kind: 'invitation',
      title: `Innkalling: ${group.name} ${formatWhen(meeting)}`,
      body: `Saksliste: ${agenda.map((a, i) => `${i + 1}. ${a.title}`).join('; ') || 'kommer'}`,
      link: meetingLink(meeting.id),
      calendar: await calendarFor(tx, meeting, group, 'REQUEST', ctx),
      mail: {
        lines: [
          'Saksliste:',
          ...(agenda.length > 0 ? agenda.map((a, i) => `${i + 1}. ${a.title}`) : ['Kommer.']),
        ],
        documents: await invitationDocuments(tx, meeting.id, agenda),
      },
    },
  );
  await recordAudit({
    action: 'sendInvitation',
    entityType: 'meeting',
    entityId: meeting.id,
    summary: `Innkalling sendt: ${group.name} ${formatWhen(meeting)} til ${members.length} medlemmer`,
    after: { recipients: members.map((m) => m.personId), agenda: agenda.map((a) => a.title) },
  });
}

export async function sendInvitation(db: Db, user: CurrentUser, meetingId: string, ctx: MeetingContext) {
  const meeting = await repo.findMeeting(db, meetingId);
  if (!meeting) throw notFound('Møtet finnes ikke.');
  const { group, viewer } = await requireWorkspace(db, user, meeting.steeringGroupId, ctx.today);
  requireSecretariat(viewer, 'sende innkalling');
  await writeAudited(db, user, async (tx, recordAudit) => {
    const locked = await loadMeetingForWrite(tx, meetingId);
    if (locked.cancelled) throw conflict('Møtet er avlyst.');
    await sendInvitationIn(tx, recordAudit, locked, group, ctx);
  });
}

/** The job: invitations go out the configured number of days before each meeting. Idempotent. */
export async function sendDueInvitations(db: Db, actor: Actor, ctx: MeetingContext) {
  let sent = 0;
  for (const meeting of await repo.listMeetings(db)) {
    const due = isInvitationDue(
      {
        date: osloDay(meeting.startsAt),
        invitationDaysBefore: meeting.invitationDaysBefore,
        invitationSentAt: meeting.invitationSentAt,
        cancelled: meeting.cancelled,
      },
      ctx.today,
    );
    if (!due) continue;
    const group = (await steeringGroupsRepo.findGroup(db, meeting.steeringGroupId))!;
    await writeAudited(db, actor, async (tx, recordAudit) => {
      const locked = await loadMeetingForWrite(tx, meeting.id);
      if (locked.invitationSentAt || locked.cancelled) return;
      await sendInvitationIn(tx, recordAudit, locked, group, ctx);
      sent += 1;
    }).catch((error: unknown) => {
      // Nothing to send after all (a race with a manual send) is not an error.
      if (!(error instanceof AppError && error.code === 'internal')) throw error;
    });
  }
  return sent;
}

function checkMinutesInput(
  input: MinutesInput,
  agenda: Awaited<ReturnType<typeof repo.listAgenda>>,
  members: Member[],
  conflicts: Awaited<ReturnType<typeof repo.listConflicts>>,
) {
  const memberIds = new Set(members.map((m) => m.personId));
  const problems: Array<{ path: string; message: string }> = [];
  input.attendance.forEach((a, i) => {
    if (!memberIds.has(a.personId))
      problems.push({ path: `attendance.${i}`, message: 'Ikke medlem av gruppen' });
  });
  input.items.forEach((item, i) => {
    const agendaItem = agenda.find((a) => a.id === item.agendaItemId);
    if (!agendaItem) return problems.push({ path: `items.${i}.agendaItemId`, message: 'Ikke på sakslisten' });
    if (agendaItem.caseId && item.decision)
      problems.push({
        path: `items.${i}.decision`,
        message:
          'Vedtaket i en sak registreres i saken og vises her med vedtaksnummeret; skriv bare referatet.',
      });
    item.dissent.forEach((d, j) => {
      if (!memberIds.has(d.personId))
        problems.push({ path: `items.${i}.dissent.${j}`, message: 'Ikke medlem av gruppen' });
      if (conflicts.some((c) => c.agendaItemId === item.agendaItemId && c.personId === d.personId))
        problems.push({
          path: `items.${i}.dissent.${j}`,
          message: 'Et inhabilt medlem deltar ikke i punktet',
        });
    });
  });
  if (problems.length > 0) throw badRequest(`Referatet kan ikke lagres: ${problems[0]!.message}.`, problems);
}

/** Records the minutes: edits the draft, or after approval starts a new version (the approved one stays). */
export async function saveMinutes(
  db: Db,
  user: CurrentUser,
  meetingId: string,
  input: MinutesInput,
  today: string,
) {
  const meeting = await repo.findMeeting(db, meetingId);
  if (!meeting) throw notFound('Møtet finnes ikke.');
  const { members, viewer } = await requireWorkspace(db, user, meeting.steeringGroupId, today);
  requireSecretariat(viewer, 'skrive referat');
  await writeAudited(db, user, async (tx, recordAudit) => {
    const locked = await loadMeetingForWrite(tx, meetingId);
    if (locked.cancelled) throw conflict('Møtet er avlyst; det har ikke referat.');
    const agenda = await repo.listAgenda(tx, meetingId);
    checkMinutesInput(
      input,
      agenda,
      members,
      await repo.listConflicts(
        tx,
        agenda.map((a) => a.id),
      ),
    );
    const [latest] = await repo.listMinutes(tx, meetingId);
    const values = { attendance: input.attendance, items: input.items, changeNote: input.changeNote };
    const step = nextMinutesAction(latest ?? null);
    if (step === 'newVersion' && !input.changeNote)
      throw badRequest('Endring av godkjent referat blir en ny versjon: skriv hva som er endret.', [
        { path: 'changeNote', message: 'Mangler' },
      ]);
    if (step === 'edit') await repo.updateDraftMinutes(tx, latest!.id, values);
    else
      await repo.insertMinutes(tx, {
        meetingId,
        version: (latest?.version ?? 0) + 1,
        createdBy: user.username,
        ...values,
      });
    await recordAudit({
      action: step === 'edit' ? 'editMinutes' : 'createMinutes',
      entityType: 'minutes',
      entityId: meetingId,
      summary: `Referat ${step === 'newVersion' ? `ny versjon ${latest!.version + 1}` : step === 'edit' ? `versjon ${latest!.version} endret` : 'versjon 1'}: ${meeting.title}`,
      before: latest
        ? {
            version: latest.version,
            status: latest.status,
            items: latest.items,
            attendance: latest.attendance,
          }
        : null,
      after: values,
    });
  });
}

/** The group approves the minutes; the approved version is locked from then on. */
export async function approveMinutes(db: Db, user: CurrentUser, meetingId: string, clock: Clock) {
  const today = clock.today();
  const meeting = await repo.findMeeting(db, meetingId);
  if (!meeting) throw notFound('Møtet finnes ikke.');
  const { group, members, viewer } = await requireWorkspace(db, user, meeting.steeringGroupId, today);
  requireLeaderOrSecretariat(viewer, 'registrere at referatet er godkjent');
  await writeAudited(db, user, async (tx, recordAudit) => {
    await loadMeetingForWrite(tx, meetingId);
    const [latest] = await repo.listMinutes(tx, meetingId);
    if (!latest) throw conflict('Møtet har ikke referat ennå.');
    if (latest.status === 'approved')
      throw conflict(`Referatet (versjon ${latest.version}) er allerede godkjent.`);
    await repo.updateDraftMinutes(tx, latest.id, {
      status: 'approved',
      approvedBy: user.username,
      approvedAt: clock.now(),
    });
    await journalApprovedMinutes(tx, latest.id, { registeredBy: user.username, today });
    await notify(
      tx,
      activeMembers(members, today).map((m) => m.personId),
      {
        kind: 'minutesApproved',
        title: `Godkjent referat: ${group.name} ${formatWhen(meeting)}`,
        link: meetingLink(meetingId),
      },
    );
    await recordAudit({
      action: 'approveMinutes',
      entityType: 'minutes',
      entityId: meetingId,
      summary: `Referat versjon ${latest.version} godkjent og låst: ${meeting.title}`,
      before: { version: latest.version, status: 'draft' },
      after: { version: latest.version, status: 'approved' },
    });
  });
}

export async function createAction(
  db: Db,
  user: CurrentUser,
  groupId: string,
  input: {
    title: string;
    ownerPersonId: string;
    dueDate: string;
    meetingId: string | null;
    agendaItemId: string | null;
    caseId: string | null;
  },
  today: string,
) {
  const { group, viewer } = await requireWorkspace(db, user, groupId, today);
  requireSecretariat(viewer, 'opprette tiltak');
  if (!(await peopleRepo.findPerson(db, input.ownerPersonId)))
    throw badRequest('Ansvarlig finnes ikke.', [{ path: 'ownerPersonId', message: 'Ukjent person' }]);
  if (input.meetingId) {
    const meeting = await repo.findMeeting(db, input.meetingId);
    if (!meeting || meeting.steeringGroupId !== groupId)
      throw badRequest('Møtet hører ikke til gruppen.', [{ path: 'meetingId', message: 'Ukjent møte' }]);
  }
  if (input.agendaItemId) {
    const item = await repo.findAgendaItem(db, input.agendaItemId);
    if (!item || item.meetingId !== input.meetingId)
      throw badRequest('Punktet hører ikke til møtet.', [{ path: 'agendaItemId', message: 'Ukjent punkt' }]);
  }
  return writeAudited(db, user, async (tx, recordAudit) => {
    const id = await repo.insertAction(tx, { steeringGroupId: groupId, createdBy: user.username, ...input });
    await notify(tx, [input.ownerPersonId], {
      kind: 'actionAssigned',
      title: `Nytt tiltak til deg (${group.name}): ${input.title}, frist ${input.dueDate}`,
      link: workspaceLink(groupId),
    });
    await recordAudit({
      action: 'createAction',
      entityType: 'actionItem',
      entityId: id,
      summary: `Tiltak: ${input.title} (frist ${input.dueDate})`,
      after: input,
    });
    return id;
  });
}

export async function updateActionItem(
  db: Db,
  user: CurrentUser,
  actionId: string,
  input: { status?: 'open' | 'inProgress' | 'done'; progressNote?: string | null; dueDate?: string },
  today: string,
) {
  const [row] = await repo.listActions(db, { ids: [actionId] });
  if (!row) throw notFound('Tiltaket finnes ikke.');
  const { viewer } = await requireWorkspace(db, user, row.steeringGroupId, today);
  if (!viewer.isSecretariat && row.ownerPersonId !== user.personId)
    throw forbidden('Bare den ansvarlige og porteføljesekretariatet kan oppdatere tiltaket.');
  if (input.dueDate && !viewer.isSecretariat)
    throw forbidden('Bare porteføljesekretariatet kan endre fristen.');
  await writeAudited(db, user, async (tx, recordAudit) => {
    const status = input.status ?? row.status;
    await repo.updateAction(tx, actionId, {
      status,
      progressNote: input.progressNote === undefined ? row.progressNote : input.progressNote,
      dueDate: input.dueDate ?? row.dueDate,
      completedOn: status === 'done' ? (row.completedOn ?? today) : null,
      // A new due date earns a new reminder when it too passes.
      overdueNotifiedAt: input.dueDate && input.dueDate !== row.dueDate ? null : row.overdueNotifiedAt,
    });
    await recordAudit({
      action: 'updateAction',
      entityType: 'actionItem',
      entityId: actionId,
      summary: `Tiltak oppdatert: ${row.title}`,
      before: { status: row.status, progressNote: row.progressNote, dueDate: row.dueDate },
      after: input,
    });
  });
}

/** Forfalte tiltak across every group: the secretariat's follow-up list. */
export async function listOverdueActions(db: Db, today: string) {
  return (await repo.listActions(db, { notDone: true }))
    .map((row) => toActionDto(row, today))
    .filter((action) => action.overdue);
}

/** The job: the owner and the group's leader are told once when an action passes its due date. */
export async function notifyOverdueActions(db: Db, actor: Actor, clock: Clock) {
  const today = clock.today();
  const due = (await repo.listActions(db, { notDone: true })).filter(
    (row) => row.overdueNotifiedAt === null && isActionOverdue(row, today),
  );
  if (due.length === 0) return 0;
  await writeAudited(db, actor, async (tx, recordAudit) => {
    for (const row of due) {
      const leaders = activeMembers(
        await steeringGroupsRepo.listMembers(tx, row.steeringGroupId),
        today,
      ).filter((m) => m.isLeader);
      await notify(tx, [row.ownerPersonId, ...leaders.map((m) => m.personId)], {
        kind: 'actionOverdue',
        title: `Forfalt tiltak (${row.steeringGroupName}): ${row.title}, frist ${row.dueDate}`,
        link: workspaceLink(row.steeringGroupId),
      });
      await repo.updateAction(tx, row.id, { overdueNotifiedAt: clock.now() });
      await recordAudit({
        action: 'notifyOverdue',
        entityType: 'actionItem',
        entityId: row.id,
        summary: `Varsel om forfalt tiltak: ${row.title}`,
      });
    }
  });
  return due.length;
}

// ---- Calendar feeds -------------------------------------------------------------------------------------

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createFeed(
  db: Db,
  user: CurrentUser,
  steeringGroupId: string | null,
  ctx: MeetingContext,
) {
  if (steeringGroupId) await requireWorkspace(db, user, steeringGroupId, ctx.today);
  const token = randomBytes(24).toString('base64url');
  const row = await writeAudited(db, user, async (tx, recordAudit) => {
    const inserted = await repo.insertFeedToken(tx, {
      tokenHash: hashToken(token),
      personId: user.personId,
      steeringGroupId,
    });
    await recordAudit({
      action: 'createCalendarFeed',
      entityType: 'calendarFeed',
      entityId: inserted.id,
      summary: `Kalenderlenke opprettet (${steeringGroupId ? 'gruppe' : 'mine møter'})`,
      after: { steeringGroupId },
    });
    return inserted;
  });
  return { ...feedDto(row), url: `${ctx.publicUrl}/api/calendar/${token}.ics` };
}

const feedDto = (row: Awaited<ReturnType<typeof repo.insertFeedToken>>) => ({
  id: row.id,
  steeringGroupId: row.steeringGroupId,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export async function listFeeds(db: Db, user: CurrentUser) {
  return (await repo.listFeedTokens(db, user.personId)).map(feedDto);
}

export async function revokeFeed(db: Db, user: CurrentUser, id: string) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await repo.revokeFeedToken(tx, id, user.personId)))
      throw notFound('Kalenderlenken finnes ikke, eller er allerede trukket tilbake.');
    await recordAudit({
      action: 'revokeCalendarFeed',
      entityType: 'calendarFeed',
      entityId: id,
      summary: 'Kalenderlenke trukket tilbake',
    });
  });
}

/**
 * The .ics behind a secret feed URL (Outlook subscribes without a cookie). The token owner's access is
 * checked now, not when the link was made: a member who left the group stops seeing its meetings.
 */
export async function renderFeed(db: Db, file: string, ctx: MeetingContext): Promise<string> {
  const match = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(file);
  const feed = match ? await repo.findActiveFeedToken(db, hashToken(match[1]!)) : null;
  const account = feed ? await peopleRepo.findUserByPerson(db, feed.personId) : null;
  const owner = account ? await loadCurrentUser(db, account.id) : null;
  if (!feed || !owner) throw new AppError('unauthenticated', 'Ukjent eller tilbakekalt kalenderlenke.');
  const groups = await steeringGroupsRepo.listGroups(db);
  const allMembers = await steeringGroupsRepo.listMembers(db);
  const visible = groups.filter((group) => {
    if (feed.steeringGroupId && group.id !== feed.steeringGroupId) return false;
    const viewer = viewerOf(
      owner,
      allMembers.filter((m) => m.steeringGroupId === group.id),
      ctx.today,
    );
    // The personal feed holds the groups one sits in (all of them for the secretariat).
    return feed.steeringGroupId ? canSeeWorkspace(viewer) : viewer.isMember || viewer.isSecretariat;
  });
  if (feed.steeringGroupId && visible.length === 0)
    throw forbidden('Du har ikke lenger tilgang til gruppens møter.');
  const meetings = await repo.listMeetings(db, { steeringGroupIds: visible.map((g) => g.id) });
  const name = feed.steeringGroupId ? visible[0]!.name : `Styringsportalen – ${owner.personName}`;
  return serializeCalendar({
    name,
    method: 'PUBLISH',
    stamp: ctx.now,
    events: meetings.map((meeting) =>
      toEvent(
        meeting,
        visible.find((g) => g.id === meeting.steeringGroupId)!,
        ctx,
      ),
    ),
  });
}
