// Calendar dates: the days the rules reason about (terms, deadlines, plans, windows), written YYYY-MM-DD and
// computed on the calendar alone — no time of day, no time zone. Which day it is today comes from the clock
// (src/shared/clock.ts: `clock.today()`, `osloDay(instant)`); this module only moves between days.
// Pure; the domain rules use it as well.

/** A date written YYYY-MM-DD. */
export type CalendarDate = string;

const DAY_MS = 86_400_000;

const utcMidnight = (day: CalendarDate) => Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
const fromUtc = (date: Date): CalendarDate => date.toISOString().slice(0, 10);

/** The day `days` after (or, negative, before) `day`. */
export function addDays(day: CalendarDate, days: number): CalendarDate {
  return fromUtc(new Date(utcMidnight(day) + days * DAY_MS));
}

/** Whole days from `from` to `to`, negative when `to` is earlier. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/**
 * The same day `months` later (or earlier); where that month is shorter, its last day (31 January plus one
 * month is 28 or 29 February).
 */
export function addMonths(day: CalendarDate, months: number): CalendarDate {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return fromUtc(target);
}

/** The same day `years` later (or earlier); 29 February lands on 28 February in a common year. */
export function addYears(day: CalendarDate, years: number): CalendarDate {
  return addMonths(day, years * 12);
}

/** The first day of the month `months` after `day`'s month. */
export function firstOfMonth(day: CalendarDate, months = 0): CalendarDate {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return fromUtc(new Date(Date.UTC(year, month - 1 + months, 1)));
}

/** Monday 0 … Sunday 6. */
export function weekdayOf(day: CalendarDate): number {
  return (new Date(utcMidnight(day)).getUTCDay() + 6) % 7;
}
