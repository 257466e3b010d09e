// The meeting calendar (issue 11 item 2): the meetings of a date range with their status (planned, invited,
// held, minutes approved, cancelled). Who sees what, decided here on the server: the secretariat every
// group; an RHF contact the groups with an active member from their RHF; everyone else the groups they sit
// in (active membership).
import { and, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { meetings, minutes } from '../../db/schema.js';
import { isMembershipActive } from '../../domain/consensus.rules.js';
import { calendarStatus } from '../../domain/meeting-calendar.rules.js';
import { addDays } from '../../shared/calendar-date.js';
import { osloDay, osloInstant } from '../../shared/clock.js';
import { isSecretariat, type CurrentUser } from '../auth/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import type { MeetingCalendar, MeetingCalendarQuery } from './meeting-calendar.schemas.js';

/** The groups whose meetings the user's calendar shows. */
async function visibleGroups(db: Db, user: CurrentUser, today: string) {
  const [groups, members] = await Promise.all([
    steeringGroupsRepo.listGroups(db, 'all'),
    steeringGroupsRepo.listMembers(db),
  ]);
  if (isSecretariat(user)) return { scope: 'all' as const, groups };
  const contactRhfs = new Set(
    user.roles.filter((grant) => grant.role === 'rhfContact').map((grant) => grant.organisationId),
  );
  const visible = groups.filter((group) => {
    const active = members.filter(
      (member) => member.steeringGroupId === group.id && isMembershipActive(member, today),
    );
    return active.some((member) => member.personId === user.personId || contactRhfs.has(member.rhfId));
  });
  return { scope: 'mine' as const, groups: visible };
}

export async function listMeetingCalendar(
  db: Db,
  user: CurrentUser,
  query: MeetingCalendarQuery,
  now: Date,
): Promise<MeetingCalendar> {
  const today = osloDay(now);
  const { scope, groups } = await visibleGroups(db, user, today);
  const names = new Map(groups.map((group) => [group.id, group.name]));
  const rows =
    groups.length === 0
      ? []
      : await db
          .select()
          .from(meetings)
          .where(
            and(
              inArray(meetings.steeringGroupId, [...names.keys()]),
              // The range's days in Norway: from its first midnight to the midnight after its last day.
              gte(meetings.startsAt, osloInstant(query.from, '00:00')),
              lt(meetings.startsAt, osloInstant(addDays(query.to, 1), '00:00')),
            ),
          )
          .orderBy(meetings.startsAt, meetings.id);
  const approved =
    rows.length === 0
      ? []
      : await db
          .select({ meetingId: minutes.meetingId, status: minutes.status })
          .from(minutes)
          .where(
            inArray(
              minutes.meetingId,
              rows.map((row) => row.id),
            ),
          );
  const withApprovedMinutes = new Set(
    approved.filter((m) => m.status === 'approved').map((m) => m.meetingId),
  );
  return {
    from: query.from,
    to: query.to,
    today,
    scope,
    meetings: rows.map((meeting) => ({
      id: meeting.id,
      title: meeting.title,
      steeringGroupId: meeting.steeringGroupId,
      steeringGroupName: names.get(meeting.steeringGroupId)!,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      day: osloDay(meeting.startsAt),
      location: meeting.location,
      status: calendarStatus({
        cancelled: meeting.cancelled,
        minutesApproved: withApprovedMinutes.has(meeting.id),
        invitationSent: meeting.invitationSentAt !== null,
        ended: meeting.endsAt <= now,
      }),
    })),
  };
}
