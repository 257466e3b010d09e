// What every meeting use case shares: the context (day, links), who may change a meeting, and the one way a
// meeting is changed — found, access checked, locked in one audited transaction (`withMeetingWrite`).
import type { Db } from '../../db/client.js';
import { writeAudited, type RecordAudit } from '../../db/unit-of-work.js';
import { isMembershipActive } from '../../domain/consensus.rules.js';
import { serializeCalendar, type CalendarEvent, type CalendarMethod } from '../../domain/icalendar.rules.js';
import { conflict, notFound } from '../../shared/app-error.js';
import type { CurrentUser } from '../auth/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import {
  requireLeaderOrSecretariat,
  requireSecretariat,
  requireWorkspace,
  type WorkspaceViewer,
} from '../workspace/index.js';
import * as repo from './meetings.repo.js';

/** What the use cases need besides the database: the day, and where the portal is for links. */
export interface MeetingContext {
  /** Today in Norway and the current instant, both from the app's clock. */
  today: string;
  now: Date;
  publicUrl: string;
  organizerEmail: string;
}

export type Group = NonNullable<Awaited<ReturnType<typeof steeringGroupsRepo.findGroup>>>;
export type Member = steeringGroupsRepo.MemberRow;

export const meetingLink = (id: string) => `/moter/${id}`;
export const workspaceLink = (groupId: string) => `/styringsgrupper/${groupId}/arbeidsrom`;

export const activeMembers = (members: Member[], today: string) =>
  members.filter((m) => isMembershipActive(m, today));

export const formatWhen = (meeting: Pick<repo.MeetingRow, 'startsAt'>) =>
  new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(meeting.startsAt);

export const meetingAudit = (meeting: repo.MeetingRow) => ({
  title: meeting.title,
  startsAt: meeting.startsAt.toISOString(),
  endsAt: meeting.endsAt.toISOString(),
  location: meeting.location,
  cancelled: meeting.cancelled,
  cancelReason: meeting.cancelReason,
  sequence: meeting.sequence,
});

/** The meeting as an event: only a link in the text, the agenda and papers are read where access is checked. */
export function toEvent(
  meeting: repo.MeetingRow,
  group: Pick<Group, 'name'>,
  ctx: MeetingContext,
): CalendarEvent {
  return {
    uid: meeting.uid,
    sequence: meeting.sequence,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    summary: `${group.name}: ${meeting.title}`,
    description: `Saksliste, dokumenter og referat: ${ctx.publicUrl}${meetingLink(meeting.id)}`,
    location: meeting.location,
    url: `${ctx.publicUrl}${meetingLink(meeting.id)}`,
    cancelled: meeting.cancelled,
    lastModified: meeting.updatedAt,
  };
}

/** The iCalendar attachment of an invitation, move or cancellation mail, addressed to the active members. */
export async function calendarFor(
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

export async function lockMeetingForWrite(tx: Db, meetingId: string) {
  const meeting = await repo.lockMeeting(tx, meetingId);
  if (!meeting) throw notFound('Møtet finnes ikke.');
  return meeting;
}

export interface MeetingWrite {
  tx: Db;
  recordAudit: RecordAudit;
  /** The meeting as locked inside the transaction. */
  meeting: repo.MeetingRow;
  group: Group;
  members: Member[];
  viewer: WorkspaceViewer;
}

export interface MeetingAbility {
  /** Who may: the secretariat, or also the group's leader (approvals the group makes). */
  by: 'secretariat' | 'leaderOrSecretariat';
  /** What, for the refusal: "Bare porteføljesekretariatet kan {what}." */
  what: string;
  /** When set, a cancelled meeting refuses the change with this message (409). */
  refuseIfCancelled?: string;
}

/**
 * The one way a meeting is changed: 404 for an unknown meeting, 403 unless the user sees the group's
 * workspace and has the ability, then `change` runs in one audited transaction with the meeting locked.
 */
export async function withMeetingWrite<T>(
  db: Db,
  user: CurrentUser,
  meetingId: string,
  ability: MeetingAbility,
  today: string,
  change: (write: MeetingWrite) => Promise<T>,
): Promise<T> {
  const found = await repo.findMeeting(db, meetingId);
  if (!found) throw notFound('Møtet finnes ikke.');
  const { group, members, viewer } = await requireWorkspace(db, user, found.steeringGroupId, today);
  if (ability.by === 'secretariat') requireSecretariat(viewer, ability.what);
  else requireLeaderOrSecretariat(viewer, ability.what);
  return writeAudited(db, user, async (tx, recordAudit) => {
    const meeting = await lockMeetingForWrite(tx, meetingId);
    if (ability.refuseIfCancelled && meeting.cancelled) throw conflict(ability.refuseIfCancelled);
    return change({ tx, recordAudit, meeting, group, members, viewer });
  });
}
