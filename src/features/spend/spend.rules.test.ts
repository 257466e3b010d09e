import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar-date.js';
import { pickASuppliers } from '../../domain/a-suppliers.rules.js';
import { hasRate, mergeIntervals } from './spend.rules.js';

describe('spend rules', () => {
  it('merges overlapping and adjacent intervals, keeps gaps', () => {
    expect(
      mergeIntervals([
        { from: 10, to: 20 },
        { from: 1, to: 5 },
        { from: 6, to: 8 },
        { from: 15, to: 30 },
        { from: 32, to: 40 },
      ]),
    ).toEqual([
      { from: 1, to: 8 },
      { from: 10, to: 30 },
      { from: 32, to: 40 },
    ]);
    expect(mergeIntervals([])).toEqual([]);
  });

  it('finds a rate published on the date or up to a week before, never after', () => {
    const rates = new Map([['EUR', ['2025-03-07', '2025-03-10']]]);
    expect(hasRate(rates, 'NOK', '2020-01-01')).toBe(true);
    expect(hasRate(rates, 'EUR', '2025-03-09')).toBe(true);
    expect(hasRate(rates, 'EUR', '2025-03-17')).toBe(true);
    expect(hasRate(rates, 'EUR', '2025-03-18')).toBe(false);
    expect(hasRate(rates, 'EUR', '2025-03-06')).toBe(false);
    expect(hasRate(rates, 'SEK', '2025-03-10')).toBe(false);
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('picks the fewest suppliers making up 80 % of spend', () => {
    const rows = [
      { id: 'a', amount: 50 },
      { id: 'b', amount: 25 },
      { id: 'c', amount: 10 },
      { id: 'd', amount: 10 },
      { id: 'e', amount: 5 },
      { id: 'credit', amount: -3 },
    ];
    expect(pickASuppliers(rows).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(pickASuppliers([{ id: 'x', amount: 100 }]).map((r) => r.id)).toEqual(['x']);
  });
});
