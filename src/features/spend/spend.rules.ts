import { addDays } from '../../shared/calendar-date.js';
// Pure rules of the spend analysis: exchange-rate lookup, agreement interval merging, A-suppliers. No I/O.

/** A rate counts for an invoice date if it was published on that date or up to this many days before. */
export const RATE_LOOKBACK_DAYS = 7;

/** Rate dates (ISO, ascending) per currency. */
export type RateTable = Map<string, string[]>;

export function hasRate(rates: RateTable, currency: string, date: string): boolean {
  if (currency === 'NOK') return true;
  const dates = rates.get(currency);
  if (!dates) return false;
  const earliest = addDays(date, -RATE_LOOKBACK_DAYS);
  return dates.some((rateDate) => rateDate <= date && rateDate >= earliest);
}

export interface Interval {
  from: number;
  to: number;
}

/**
 * Merges overlapping and adjacent validity intervals (inclusive day numbers). After merging, a date lies in at
 * most one interval per key: counting covered spend needs no de-duplication of lines matching several agreements.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.from <= last.to + 1) last.to = Math.max(last.to, interval.to);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Share as a fraction, or null when there is nothing to divide by. */
export const shareOf = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
