// Norwegian formatting of dates, months and NOK amounts.
const nokFormat = new Intl.NumberFormat('nb-NO', {
  style: 'currency',
  currency: 'NOK',
  maximumFractionDigits: 0,
});
const monthFormat = new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const timestampFormat = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** "2023-10-05" → "05.10.2023"; built by hand so it never shifts a day with the time zone. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return year && month && day ? `${day}.${month}.${year}` : isoDate;
}

/** "2023-10-01" with precision month → "oktober 2023". */
export function formatMonth(isoDate: string): string {
  const [year, month] = isoDate.split('-').map(Number);
  if (!year || !month) return isoDate;
  return monthFormat.format(new Date(Date.UTC(year, month - 1, 1)));
}

export function formatAnnouncement(isoDate: string | null, precision: 'day' | 'month'): string {
  if (!isoDate) return '';
  return precision === 'month' ? formatMonth(isoDate) : formatDate(isoDate);
}

export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timestampFormat.format(date);
}

/** Amounts arrive as decimal strings; whole kroner are plenty for display. */
export function formatNok(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const value = Number(amount);
  return Number.isFinite(value) ? nokFormat.format(value) : amount;
}

const oneDecimal = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });

/** Large amounts for key figures: "228,8 mill. kr", "1,2 mrd. kr"; below a million the whole amount. */
export function formatNokCompact(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  if (Math.abs(value) >= 1e9) return `${oneDecimal.format(value / 1e9)} mrd. kr`;
  if (Math.abs(value) >= 1e6) return `${oneDecimal.format(value / 1e6)} mill. kr`;
  return nokFormat.format(value);
}

export function formatYesNo(value: boolean): string {
  return value ? 'Ja' : 'Nei';
}

export { currentYear, todayIso } from './clock.js';

/** Sorts Norwegian names the way users expect (æ, ø, å last). */
export const compareNb = new Intl.Collator('nb-NO').compare;
