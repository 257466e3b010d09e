// Innkalling (seed 001 §8.2): sent N days before the meeting by the job, or on demand by the secretariat.
// The mail lists the agenda, carries the iCalendar REQUEST and refers to the agenda's documents by id (the
// dispatcher attaches only the public ones when it sends; see src/features/notifications).
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor, type RecordAudit } from '../../db/unit-of-work.js';
import { isInvitationDue } from '../../domain/meetings.rules.js';
import { AppError } from '../../shared/app-error.js';
import { osloDay } from '../../shared/clock.js';
import type { CurrentUser } from '../auth/index.js';
import { documentsRepo } from '../documents/index.js';
import { notify } from '../notifications/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import {
  activeMembers,
  calendarFor,
  formatWhen,
  lockMeetingForWrite,
  meetingLink,
  withMeetingWrite,
  type Group,
  type MeetingContext,
} from './meeting-write.js';
import * as repo from './meetings.repo.js';

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
  const ability = {
    by: 'secretariat',
    what: 'sende innkalling',
    refuseIfCancelled: 'Møtet er avlyst.',
  } as const;
  await withMeetingWrite(db, user, meetingId, ability, ctx.today, ({ tx, recordAudit, meeting, group }) =>
    sendInvitationIn(tx, recordAudit, meeting, group, ctx),
  );
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
      const locked = await lockMeetingForWrite(tx, meeting.id);
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
