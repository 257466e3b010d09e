// The web app's sense of "today": the server's clock, as carried by every API answer (x-styr-now), so form
// defaults follow a demo pinned with STYR_TODAY and a test's fixed day. Before the first answer, and if the
// header is missing, the browser's own clock. Days are Norwegian days (Europe/Oslo) wherever the browser is.

export const CLOCK_HEADER = 'x-styr-now';

let offsetMs = 0;

/** Records the server's current instant from a response header value (ISO 8601). */
export function syncServerClock(serverNow: string | null): void {
  if (!serverNow) return;
  const at = Date.parse(serverNow);
  if (!Number.isNaN(at)) offsetMs = at - Date.now();
}

/** The current instant by the server's clock. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

const osloDay = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Norway, YYYY-MM-DD. */
export function todayIso(): string {
  return osloDay.format(now());
}

/** This year in Norway. */
export function currentYear(): number {
  return Number(todayIso().slice(0, 4));
}
