// The meeting calendar (issue 11 item 2): a meeting's status for the calendar and the days of a month view
// (whole Monday-to-Sunday weeks) and a week view. Pure; days are calendar dates (YYYY-MM-DD).
import { addDays, daysBetween, firstOfMonth, weekdayOf, type CalendarDate } from '../shared/calendar-date.js';

export const calendarStatusIds = ['planned', 'invited', 'held', 'minutesApproved', 'cancelled'] as const;
export type CalendarStatus = (typeof calendarStatusIds)[number];

export const calendarStatusLabels: Record<CalendarStatus, string> = {
  planned: 'Planlagt',
  invited: 'Innkalt',
  held: 'Avholdt',
  minutesApproved: 'Referat godkjent',
  cancelled: 'Avlyst',
};

/**
 * Cancelled wins; then approved minutes; a meeting whose (Norwegian) end day is behind us, or which has ended
 * today, is held; before that it is invited once the invitation is sent, else planned.
 */
export function calendarStatus(meeting: {
  cancelled: boolean;
  minutesApproved: boolean;
  invitationSent: boolean;
  ended: boolean;
}): CalendarStatus {
  if (meeting.cancelled) return 'cancelled';
  if (meeting.minutesApproved) return 'minutesApproved';
  if (meeting.ended) return 'held';
  return meeting.invitationSent ? 'invited' : 'planned';
}

/** The Monday of the week `day` is in. */
export const weekStart = (day: CalendarDate): CalendarDate => addDays(day, -weekdayOf(day));

/** The seven days of the week `day` is in, Monday first. */
export const weekDays = (day: CalendarDate): CalendarDate[] =>
  Array.from({ length: 7 }, (_, index) => addDays(weekStart(day), index));

/** The month view of `day`'s month: whole weeks, Monday first, from the week of the 1st to that of the last. */
export function monthWeeks(day: CalendarDate): CalendarDate[][] {
  const first = firstOfMonth(day);
  const last = addDays(firstOfMonth(day, 1), -1);
  const start = weekStart(first);
  const count = Math.floor(daysBetween(start, last) / 7) + 1;
  return Array.from({ length: count }, (_, week) => weekDays(addDays(start, week * 7)));
}

/** ISO 8601 week number: the week with the year's first Thursday is week 1. */
export function isoWeek(day: CalendarDate): number {
  const thursday = addDays(weekStart(day), 3);
  const januaryFirst = `${thursday.slice(0, 4)}-01-01`;
  return Math.floor(daysBetween(januaryFirst, thursday) / 7) + 1;
}

/** The days a view shows, first to last, for asking the server. */
export function viewRange(
  view: 'month' | 'week',
  day: CalendarDate,
): { from: CalendarDate; to: CalendarDate } {
  const days = view === 'week' ? weekDays(day) : monthWeeks(day).flat();
  return { from: days[0]!, to: days.at(-1)! };
}
