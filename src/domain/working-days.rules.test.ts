import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/calendar-date.js';
import {
  addWorkingDays,
  easterSunday,
  isWorkingDay,
  norwegianPublicHolidays,
  workingDaysBetween,
} from './working-days.rules.js';

describe('easterSunday', () => {
  it.each([
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, expected) => expect(easterSunday(year)).toBe(expected));

  it('is always a Sunday between 22 March and 25 April', () =>
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2500 }), (year) => {
        const easter = easterSunday(year);
        expect(new Date(`${easter}T00:00:00Z`).getUTCDay()).toBe(0);
        expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
      }),
    ));
});

describe('norwegianPublicHolidays', () => {
  it('lists the twelve days of 2026 with the movable feasts from Easter', () => {
    expect(norwegianPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Første nyttårsdag' },
      { date: '2026-04-02', name: 'Skjærtorsdag' },
      { date: '2026-04-03', name: 'Langfredag' },
      { date: '2026-04-05', name: 'Første påskedag' },
      { date: '2026-04-06', name: 'Andre påskedag' },
      { date: '2026-05-01', name: 'Offentlig høytidsdag (1. mai)' },
      { date: '2026-05-14', name: 'Kristi himmelfartsdag' },
      { date: '2026-05-17', name: 'Grunnlovsdag (17. mai)' },
      { date: '2026-05-24', name: 'Første pinsedag' },
      { date: '2026-05-25', name: 'Andre pinsedag' },
      { date: '2026-12-25', name: 'Første juledag' },
      { date: '2026-12-26', name: 'Andre juledag' },
    ]);
  });
  it('Ascension and Whit Monday of 2025', () => {
    const dates = norwegianPublicHolidays(2025).map((h) => h.date);
    expect(dates).toContain('2025-05-29');
    expect(dates).toContain('2025-06-09');
  });
});

describe('working days', () => {
  it('weekends and holidays are not working days; Christmas Eve is', () => {
    expect(isWorkingDay('2026-06-13')).toBe(false); // Saturday
    expect(isWorkingDay('2026-06-14')).toBe(false); // Sunday
    expect(isWorkingDay('2026-06-15')).toBe(true);
    expect(isWorkingDay('2026-04-02')).toBe(false); // Skjærtorsdag
    expect(isWorkingDay('2026-05-14')).toBe(false);
    expect(isWorkingDay('2026-12-24')).toBe(true);
  });
  it('a request received the Tuesday before Easter is due 3 working days later, after Easter Monday', () => {
    // Wed 1 Apr, then Thu–Mon are off: Tue 7 Apr, Wed 8 Apr.
    expect(addWorkingDays('2026-03-31', 3)).toBe('2026-04-08');
    expect(addWorkingDays('2026-03-31', 5)).toBe('2026-04-10');
  });
  it('across 17 May and Ascension 2026 (Thu 14 May, Sun 17 May)', () => {
    expect(addWorkingDays('2026-05-12', 3)).toBe('2026-05-18');
  });
  it('across Christmas and New Year', () => {
    expect(addWorkingDays('2026-12-23', 5)).toBe('2026-12-31');
    expect(addWorkingDays('2026-12-28', 5)).toBe('2027-01-05');
  });
  it('workingDaysBetween is the inverse of addWorkingDays', () =>
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 40 }),
        (date, count) => {
          const from = date.toISOString().slice(0, 10);
          const to = addWorkingDays(from, count);
          expect(workingDaysBetween(from, to)).toBe(count);
          expect(count === 0 || isWorkingDay(to)).toBe(true);
          expect(workingDaysBetween(from, addDays(from, 0))).toBe(0);
        },
      ),
    ));
});
