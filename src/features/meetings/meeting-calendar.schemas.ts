import { z } from 'zod';
import { calendarStatusIds } from '../../domain/meeting-calendar.rules.js';
import { daysBetween } from '../../shared/calendar-date.js';
import { isoDate, uuid } from '../../shared/schemas.js';

/** Longest range one request may ask for: a month view is at most six weeks. */
export const MAX_CALENDAR_DAYS = 62;

export const meetingCalendarQuery = z
  .object({ from: isoDate, to: isoDate })
  .refine((range) => range.from <= range.to, { message: 'Fra-dato må være før til-dato', path: ['to'] })
  .refine((range) => daysBetween(range.from, range.to) < MAX_CALENDAR_DAYS, {
    message: `Kalenderen viser høyst ${MAX_CALENDAR_DAYS} dager om gangen`,
    path: ['to'],
  });
export type MeetingCalendarQuery = z.infer<typeof meetingCalendarQuery>;

export const calendarMeetingSchema = z.object({
  id: uuid,
  title: z.string(),
  steeringGroupId: uuid,
  steeringGroupName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  day: isoDate.describe('The meeting day in Norway'),
  location: z.string().nullable(),
  status: z.enum(calendarStatusIds),
});

export const meetingCalendarSchema = z.object({
  from: isoDate,
  to: isoDate,
  today: isoDate,
  scope: z
    .enum(['all', 'mine'])
    .describe('all: the secretariat sees every group; mine: the groups I may see'),
  meetings: z.array(calendarMeetingSchema),
});
export type MeetingCalendar = z.infer<typeof meetingCalendarSchema>;
