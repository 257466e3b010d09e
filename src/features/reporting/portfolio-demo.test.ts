import { describe, expect, it } from 'vitest';
import { demoGatePlan, PORTFOLIO_DEMO_REFERENCE_DAY } from './portfolio-demo.js';

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
  it('draws the agreed dates as on the reference day when today is that day', () => {
    expect(demoGatePlan(procurements[0]!, PORTFOLIO_DEMO_REFERENCE_DAY)).toEqual([
      ['significance', '2022-12-22'],
      ['plan', '2023-01-21'],
      ['tenderPreparation', '2023-08-21'],
      ['tenderApproval', '2023-09-13'],
      ['award', '2024-01-18'],
    ]);
  });

  it('has the same shape on every day, with dates moved near today', () => {
    const reference = shapeOn(PORTFOLIO_DEMO_REFERENCE_DAY);
    expect(reference.flat().some(([, late]) => late)).toBe(true);
    expect(reference.flat().some(([, late]) => !late)).toBe(true);
    for (const today of ['2026-12-03', '2027-01-01', '2028-02-29', '2031-06-15']) {
      expect(shapeOn(today), today).toEqual(reference);
      const award = demoGatePlan(procurements[1]!, today).find(([gate]) => gate === 'award')![1];
      expect(Math.abs(Date.parse(award) - Date.parse(today)) / 86_400_000, today).toBeLessThan(366);
    }
  });

  it('plans no gates without a project start', () => {
    expect(demoGatePlan({ projectStart: null, announcementDate: '2024-01-01' }, '2026-06-15')).toEqual([]);
  });
});
