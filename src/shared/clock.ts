// The one clock. Everything that asks "what day or time is it" — services, jobs, mail, sessions, demo data —
// takes it from a Clock passed in, never from `new Date()`. Production reads the system clock; tests use a fixed
// or a running clock that starts on a chosen day; demo mode can be pinned to a day with STYR_TODAY=YYYY-MM-DD.
// Days are Norwegian days (Europe/Oslo): terms, deadlines and meeting dates are about dates in Norway.

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's date in Norway as YYYY-MM-DD. */
  today(): string;
}

export const OSLO = 'Europe/Oslo';

/** The response header carrying the server's current instant (ISO 8601) to the web app. */
export const CLOCK_HEADER = 'x-styr-now';

const osloDayFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: OSLO,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const osloTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: OSLO,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Norwegian date (YYYY-MM-DD) of an instant. */
export function osloDay(instant: Date): string {
  return osloDayFormat.format(instant);
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  const match = isoDay.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * The instant at a wall-clock time (HH:MM[:SS]) on a Norwegian date, whatever the process's time zone: the
 * UTC offset of Oslo on that day (+01:00 or +02:00) is found by formatting and correcting once.
 */
export function osloInstant(day: string, time = '12:00'): Date {
  if (!isIsoDay(day)) throw new Error(`Not a date (YYYY-MM-DD): ${day}`);
  const [hours = 0, minutes = 0, seconds = 0] = time.split(':').map(Number);
  const wanted = Date.parse(`${day}T00:00:00Z`) + ((hours * 60 + minutes) * 60 + seconds) * 1000;
  let guess = wanted - 60 * 60 * 1000; // Oslo is UTC+1 or UTC+2
  for (let step = 0; step < 2; step += 1) {
    const shown = Date.parse(`${osloDay(new Date(guess))}T${osloTimeFormat.format(new Date(guess))}Z`);
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** The wall-clock time of day in Oslo (HH:MM:SS) of an instant. */
export function osloTimeOfDay(instant: Date): string {
  return osloTimeFormat.format(instant);
}

/** Production: the system clock. */
export const systemClock: Clock = {
  now: () => new Date(),
  today: () => osloDay(new Date()),
};

/** A clock standing still at one instant (a YYYY-MM-DD day means 12:00 in Oslo that day). */
export function fixedClock(at: Date | string): Clock {
  const instant = typeof at === 'string' ? (isIsoDay(at) ? osloInstant(at) : new Date(at)) : at;
  if (Number.isNaN(instant.getTime())) throw new Error(`Not an instant: ${String(at)}`);
  return { now: () => new Date(instant), today: () => osloDay(instant) };
}

/**
 * A clock that starts at `start` and runs at the pace of `base` from the moment it is made: durations (session
 * expiry, mail retries) behave as in production, on another day.
 */
export function clockStartingAt(start: Date, base: Clock = systemClock): Clock {
  const offset = start.getTime() - base.now().getTime();
  const now = () => new Date(base.now().getTime() + offset);
  return { now, today: () => osloDay(now()) };
}

/**
 * Demo mode pinned to a day (STYR_TODAY): the clock starts on that day at the current time of day in Oslo
 * and runs on from there. Without a day, the system clock.
 */
export function pinnedClock(day: string | undefined, base: Clock = systemClock): Clock {
  if (!day) return base;
  return clockStartingAt(osloInstant(day, osloTimeOfDay(base.now())), base);
}
