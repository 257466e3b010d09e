// Meeting calendar, invitations, minutes and follow-up of decisions (seed 001 §8.2): pure rules, no I/O.
import { addDays, daysBetween } from '../shared/calendar-date.js';
import { osloDay } from '../shared/clock.js';

export const actionStatusIds = ['open', 'inProgress', 'done'] as const;
export type ActionStatus = (typeof actionStatusIds)[number];

/** An action item is overdue from the day after its due date until it is done. */
export function isActionOverdue(action: { status: ActionStatus; dueDate: string }, today: string): boolean {
  return action.status !== 'done' && action.dueDate < today;
}

/** Days past the due date (0 when not overdue). */
export function daysOverdue(action: { status: ActionStatus; dueDate: string }, today: string): number {
  if (!isActionOverdue(action, today)) return 0;
  return daysBetween(action.dueDate, today);
}

/** The day the invitation goes out: a configurable number of days before the meeting's (Oslo) date. */
export function invitationDueOn(meetingDate: string, daysBefore: number): string {
  return addDays(meetingDate, -daysBefore);
}

export function isInvitationDue(
  meeting: { date: string; invitationDaysBefore: number; invitationSentAt: unknown; cancelled: boolean },
  today: string,
): boolean {
  return (
    !meeting.cancelled &&
    meeting.invitationSentAt === null &&
    meeting.date >= today &&
    invitationDueOn(meeting.date, meeting.invitationDaysBefore) <= today
  );
}

export interface PlannedMeeting {
  startsAt: string;
  endsAt: string;
}

/** The yearly plan: every meeting inside the year, ending after it starts, no two at the same time. */
export function checkMeetingPlan(
  year: number,
  meetings: PlannedMeeting[],
): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  if (meetings.length === 0) problems.push({ path: 'meetings', message: 'Møteplanen må ha minst ett møte.' });
  const seen = new Set<string>();
  meetings.forEach((meeting, index) => {
    const path = `meetings.${index}`;
    if (Date.parse(meeting.endsAt) <= Date.parse(meeting.startsAt))
      problems.push({ path, message: 'Møtet må slutte etter at det begynner.' });
    if (osloYear(meeting.startsAt) !== year) problems.push({ path, message: `Møtet er ikke i ${year}.` });
    const key = new Date(meeting.startsAt).toISOString();
    if (seen.has(key)) problems.push({ path, message: 'To møter på samme tidspunkt.' });
    seen.add(key);
  });
  return problems;
}

function osloYear(iso: string): number {
  return Number(osloDay(new Date(iso)).slice(0, 4));
}

/** Minutes are edited as drafts; an approved version is locked and a change makes a new draft version. */
export function nextMinutesAction(
  latest: { status: 'draft' | 'approved' } | null,
): 'create' | 'edit' | 'newVersion' {
  if (latest === null) return 'create';
  return latest.status === 'draft' ? 'edit' : 'newVersion';
}

/**
 * Sykehusinnkjøp proposes the meeting plan, the steering group approves it (seed 001 §8.2.3, §10.2): the
 * approval is registered by the group's leader, never by whoever proposed the plan. Null when allowed.
 */
export function meetingPlanApprovalBlocker(input: {
  isGroupLeader: boolean;
  approverUsername: string;
  proposedBy: string;
}): string | null {
  if (input.approverUsername === input.proposedBy)
    return 'Den som foreslo møteplanen kan ikke godkjenne den; styringsgruppen godkjenner møteplanen.';
  if (!input.isGroupLeader)
    return 'Styringsgruppen godkjenner møteplanen; godkjenningen registreres av gruppens leder, ikke av sekretariatet.';
  return null;
}

/** What a calendar client compares to see that a meeting changed. */
export interface MeetingIdentity {
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  cancelled: boolean;
  sequence: number;
}

/**
 * A meeting keeps its UID for life; any change a calendar shows (time, place, title, cancellation) is the
 * next SEQUENCE, so Outlook replaces the event instead of adding a second one (RFC 5545 §3.8.7.4).
 */
export function nextSequence(before: MeetingIdentity, after: Omit<MeetingIdentity, 'sequence'>): number {
  const changed =
    before.title !== after.title ||
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.location !== after.location ||
    before.cancelled !== after.cancelled;
  return changed ? before.sequence + 1 : before.sequence;
}
