import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../shared/calendar-date.js';
import { demoFirstGateOffset, demoGatePlan, PORTFOLIO_DEMO_REFERENCE_DAY } from './portfolio-demo.js';

// The Vedlegg 04 procurements' starts and announcements (seed 001), as in the reference data.
const procurements = [
  { projectStart: '2022-11-22', announcementDate: '2023-09-20' },
  { projectStart: '2023-06-01', announcementDate: '2024-06-01' },
  { projectStart: '2024-03-01', announcementDate: '2025-02-15' },
  { projectStart: '2024-01-02', announcementDate: null },
];

/** Per procurement: which of its agreed gate dates lie before today (the demo's "late" picture). */
const shapeOn = (today: string) =>
  procurements.map((p) => demoGatePlan(p, today).map(([gate, plannedOn]) => [gate, plannedOn < today]));

describe('the portfolio demo on the clock', () => {
  it('keeps the gaps between the gates and puts a 2022 start weeks late, not years', () => {
    // Project start 2022-11-22: its first gate (start + 30 days) is 527 days before the reference day, so it
    // is placed 53 days late; the other gates keep their distance to it.
    expect(demoGatePlan(procurements[0]!, PORTFOLIO_DEMO_REFERENCE_DAY)).toEqual([
      ['significance', '2024-04-09'],
      ['plan', '2024-05-09'],
      ['tenderPreparation', '2024-12-07'],
      ['tenderApproval', '2024-12-30'],
      ['award', '2025-05-06'],
    ]);
  });

  it('compresses lateness into days and weeks and keeps the order of the starts', () => {
    expect(demoFirstGateOffset(-527)).toBe(-53);
    expect(demoFirstGateOffset(-5000)).toBe(-56);
    expect(demoFirstGateOffset(-3)).toBe(-1);
    expect(demoFirstGateOffset(0)).toBe(0);
    expect(demoFirstGateOffset(45)).toBe(45);
    expect(demoFirstGateOffset(400)).toBe(120);
    const late = procurements.map((p) => {
      const [, first] = demoGatePlan(p, '2026-12-07')[0]!;
      return daysBetween(first, '2026-12-07');
    });
    for (const days of late) expect(days).toBeLessThanOrEqual(56);
    expect([...late].sort((a, b) => b - a)).toEqual(late.slice().sort((a, b) => b - a));
  });

  it('has the same shape on every day, with dates moved near today', () => {
    const reference = shapeOn(PORTFOLIO_DEMO_REFERENCE_DAY);
    expect(reference.flat().some(([, late]) => late)).toBe(true);
    expect(reference.flat().some(([, late]) => !late)).toBe(true);
    for (const today of ['2026-12-03', '2027-01-01', '2028-02-29', '2031-06-15']) {
      expect(shapeOn(today), today).toEqual(reference);
      const award = demoGatePlan(procurements[1]!, today).find(([gate]) => gate === 'award')![1];
      expect(Math.abs(Date.parse(award) - Date.parse(today)) / 86_400_000, today).toBeLessThan(500);
    }
  });

  it('plans no gates without a project start', () => {
    expect(demoGatePlan({ projectStart: null, announcementDate: '2024-01-01' }, '2026-06-15')).toEqual([]);
  });
});
