import { addDays } from '../shared/calendar-date.js';
// Working days in Norway, for the deadlines of offentleglova (§ 29: answer without undue delay — normally
// 1–3 working days; § 32: no answer within 5 working days counts as a refusal). Pure, no I/O.
// Public holidays (helligdager and høytidsdager, lov om helligdager og helligdagsfred § 2 and the
// 1 May / 17 May act): the fixed days and the movable feasts counted from Easter Sunday.

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus), as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

export interface PublicHoliday {
  date: string;
  name: string;
}

/** The Norwegian public holidays of a year, in date order (Sundays are days off anyway). */
export function norwegianPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number, name: string) => ({ date: addDays(easter, days), name });
  return [
    { date: isoDate(year, 1, 1), name: 'Første nyttårsdag' },
    fromEaster(-3, 'Skjærtorsdag'),
    fromEaster(-2, 'Langfredag'),
    fromEaster(0, 'Første påskedag'),
    fromEaster(1, 'Andre påskedag'),
    { date: isoDate(year, 5, 1), name: 'Offentlig høytidsdag (1. mai)' },
    { date: isoDate(year, 5, 17), name: 'Grunnlovsdag (17. mai)' },
    fromEaster(39, 'Kristi himmelfartsdag'),
    fromEaster(49, 'Første pinsedag'),
    fromEaster(50, 'Andre pinsedag'),
    { date: isoDate(year, 12, 25), name: 'Første juledag' },
    { date: isoDate(year, 12, 26), name: 'Andre juledag' },
  ].sort((x, y) => x.date.localeCompare(y.date));
}

const holidayCache = new Map<number, Set<string>>();
function holidaysOf(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(norwegianPublicHolidays(year).map((h) => h.date));
    holidayCache.set(year, set);
  }
  return set;
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(Number(date.slice(0, 4))).has(date);
}

/** The date `count` working days after `date` (the day of receipt itself is not counted). */
export function addWorkingDays(date: string, count: number): string {
  let current = date;
  let left = count;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/** Working days after `from` up to and including `to` (0 when `to` is on or before `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1))
    if (isWorkingDay(current)) count += 1;
  return count;
}

function isoDate(year: number, month: number, day: number) {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
