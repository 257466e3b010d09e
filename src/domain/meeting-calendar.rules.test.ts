import { describe, expect, it } from 'vitest';
import {
  calendarStatus,
  isoWeek,
  monthWeeks,
  viewRange,
  weekDays,
  weekStart,
} from './meeting-calendar.rules.js';

describe('calendarStatus', () => {
  const base = { cancelled: false, minutesApproved: false, invitationSent: false, ended: false };
  it('is planned, then invited, then held, then minutes approved', () => {
    expect(calendarStatus(base)).toBe('planned');
    expect(calendarStatus({ ...base, invitationSent: true })).toBe('invited');
    expect(calendarStatus({ ...base, invitationSent: true, ended: true })).toBe('held');
    expect(calendarStatus({ ...base, ended: true })).toBe('held');
    expect(calendarStatus({ ...base, ended: true, minutesApproved: true })).toBe('minutesApproved');
  });
  it('is cancelled whatever else holds', () => {
    expect(
      calendarStatus({ cancelled: true, minutesApproved: true, invitationSent: true, ended: true }),
    ).toBe('cancelled');
  });
});

describe('weeks', () => {
  it('starts the week on Monday', () => {
    expect(weekStart('2026-12-03')).toBe('2026-11-30'); // a Thursday
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
    expect(weekStart('2026-12-06')).toBe('2026-11-30'); // Sunday belongs to the week before
    expect(weekDays('2028-02-29')).toEqual([
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
      '2028-03-02',
      '2028-03-03',
      '2028-03-04',
      '2028-03-05',
    ]);
  });

  it('numbers weeks as ISO 8601 does, across year ends', () => {
    expect(isoWeek('2026-01-01')).toBe(1); // Thursday
    expect(isoWeek('2027-01-01')).toBe(53); // Friday in week 53 of 2026
    expect(isoWeek('2026-12-31')).toBe(53);
    expect(isoWeek('2025-12-29')).toBe(1); // Monday in week 1 of 2026
    expect(isoWeek('2031-06-15')).toBe(24);
  });
});

describe('monthWeeks', () => {
  it('covers the month in whole weeks, Monday first', () => {
    const weeks = monthWeeks('2026-12-17');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]![0]).toBe('2026-11-30');
    expect(weeks.at(-1)!.at(-1)).toBe('2027-01-03');
    expect(weeks.flat()).toContain('2026-12-31');
  });
  it('is four weeks for a February starting on Monday, six when a month spreads out', () => {
    expect(monthWeeks('2027-02-10')).toHaveLength(4); // 1 February 2027 is a Monday, 28 days
    expect(monthWeeks('2026-08-01')).toHaveLength(6); // Saturday 1st, Monday 31st
  });
  it('gives the range of each view', () => {
    expect(viewRange('week', '2026-12-03')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(viewRange('month', '2026-12-03')).toEqual({ from: '2026-11-30', to: '2027-01-03' });
  });
});
