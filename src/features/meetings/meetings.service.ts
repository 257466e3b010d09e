// Meetings of a steering group (seed 001 §8.2): added (alone or in the approved plan), moved and cancelled
// with the same iCalendar UID and the next SEQUENCE, listed, and read whole with agenda, minutes and actions.
// The other meeting use cases: meeting-plans, agenda, invitations, minutes, action-items, calendar-feeds.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { invitationDueOn, nextSequence } from '../../domain/meetings.rules.js';
import { badRequest, notFound } from '../../shared/app-error.js';
import { osloDay } from '../../shared/clock.js';
import type { CurrentUser } from '../auth/index.js';
import { notify } from '../notifications/index.js';
import { requireSecretariat, requireWorkspace } from '../workspace/index.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { toActionDto } from './action-items.service.js';
import {
  activeMembers,
  calendarFor,
  formatWhen,
  meetingAudit,
  meetingLink,
  withMeetingWrite,
  type MeetingContext,
} from './meeting-write.js';
import * as repo from './meetings.repo.js';
import type { MeetingDetail, MeetingInput } from './meetings.schemas.js';
import { minutesDto } from './minutes.service.js';

export type { MeetingContext } from './meeting-write.js';

function checkTimes(startsAt: string | Date, endsAt: string | Date) {
  if (new Date(endsAt).getTime() <= new Date(startsAt).getTime())
    throw badRequest('Møtet må slutte etter at det begynner.', [{ path: 'endsAt', message: 'Før start' }]);
}

export async function insertMeetingRow(tx: Db, groupId: string, planId: string | null, input: MeetingInput) {
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
  const ability = {
    by: 'secretariat',
    what: 'flytte møter',
    refuseIfCancelled: 'Møtet er avlyst og kan ikke endres.',
  } as const;
  await withMeetingWrite(db, user, meetingId, ability, ctx.today, async (write) => {
    const { tx, recordAudit, meeting: before, group, members } = write;
    const changed = {
      title: input.title ?? before.title,
      startsAt: input.startsAt ? new Date(input.startsAt) : before.startsAt,
      endsAt: input.endsAt ? new Date(input.endsAt) : before.endsAt,
      location: input.location === undefined ? before.location : input.location,
      cancelled: false,
    };
    checkTimes(changed.startsAt, changed.endsAt);
    const sequence = nextSequence(before, changed);
    await repo.updateMeeting(tx, meetingId, {
      ...changed,
      invitationDaysBefore: input.invitationDaysBefore ?? before.invitationDaysBefore,
      sequence,
    });
    const after = (await repo.findMeeting(tx, meetingId))!;
    if (sequence !== before.sequence) {
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
  const ability = {
    by: 'secretariat',
    what: 'avlyse møter',
    refuseIfCancelled: 'Møtet er allerede avlyst.',
  } as const;
  await withMeetingWrite(db, user, meetingId, ability, ctx.today, async (write) => {
    const { tx, recordAudit, meeting: before, group, members } = write;
    await repo.updateMeeting(tx, meetingId, {
      cancelled: true,
      cancelReason: reason,
      sequence: nextSequence(before, { ...before, cancelled: true }),
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
