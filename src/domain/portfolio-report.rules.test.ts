import { describe, expect, it } from 'vitest';
import { daysBetween } from '../shared/calendar-date.js';
import { assessGate, rollUp, sortReportRows, sumNok, type ReportRow } from './portfolio-report.rules.js';

describe('assessGate', () => {
  it('is on time when passed on or before the planned day', () => {
    expect(assessGate('2024-03-01', '2024-03-01', '2024-06-01')).toEqual({
      timeliness: 'onTime',
      daysLate: 0,
    });
    expect(assessGate('2024-03-01', '2024-02-20', '2024-06-01')).toEqual({
      timeliness: 'onTime',
      daysLate: 0,
    });
  });
  it('is late by the days after the plan when passed later', () => {
    expect(assessGate('2024-03-01', '2024-03-11', '2024-06-01')).toEqual({
      timeliness: 'late',
      daysLate: 10,
    });
  });
  it('is overdue by today − planned when not passed and the day is behind us', () => {
    expect(assessGate('2024-05-30', null, '2024-06-01')).toEqual({ timeliness: 'overdue', daysLate: 2 });
    expect(assessGate('2024-06-01', null, '2024-06-01')).toEqual({ timeliness: 'upcoming', daysLate: 0 });
  });
  it('says when there is no plan', () => {
    expect(assessGate(null, null, '2024-06-01').timeliness).toBe('noPlan');
    expect(assessGate(null, '2024-01-01', '2024-06-01').timeliness).toBe('passedNoPlan');
  });
  it('counts days across a leap day and year end', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-12-31', '2024-01-01')).toBe(1);
  });
});

describe('sumNok', () => {
  it('adds decimal strings exactly', () => {
    expect(sumNok(['0.10', '0.20', null, '1000000000000.05'])).toBe('1000000000000.35');
    expect(sumNok([])).toBe('0.00');
    expect(sumNok(['12', '3.5'])).toBe('15.50');
  });

  it('subtracts negative amounts (a credited gain) whole, fraction included', () => {
    expect(sumNok(['10.00', '-5.50'])).toBe('4.50');
    expect(sumNok(['-0.50'])).toBe('-0.50');
    expect(sumNok(['-5.50', '-0.25'])).toBe('-5.75');
  });
});

const row = (over: Partial<ReportRow>): ReportRow => ({
  procurementId: 'x',
  name: 'x',
  level: 'nasjonal',
  categoryCode: 'KIR',
  categoryName: 'Kirurgi',
  steeringGroupCode: 'KIR',
  steeringGroupName: 'KIR',
  significance: 'høy',
  significanceKind: 'final',
  initialSignificance: 'medium',
  finalSignificance: 'høy',
  phaseId: 'plan',
  phase: 'Plan',
  status: 'ongoing',
  riskProfile: 'høy',
  contractValueNok: '100.00',
  gainEstimateNok: '5.00',
  openCases: 1,
  escalations: 0,
  neededMeasures: null,
  gates: [],
  daysLate: 0,
  ...over,
});

describe('rollUp', () => {
  it('counts, sums and splits late from on schedule', () => {
    const rows = [
      row({
        name: 'A',
        daysLate: 3,
        gates: [
          { gate: 'plan', plannedOn: '2024-01-01', passedOn: '2024-01-04', timeliness: 'late', daysLate: 3 },
        ],
      }),
      row({
        name: 'B',
        riskProfile: 'lav',
        significance: null,
        escalations: 2,
        gates: [
          {
            gate: 'plan',
            plannedOn: '2024-01-01',
            passedOn: '2024-01-01',
            timeliness: 'onTime',
            daysLate: 0,
          },
        ],
      }),
      row({ name: 'C', level: 'regional', contractValueNok: null, gainEstimateNok: null }),
    ];
    const r = rollUp(rows);
    expect(r).toMatchObject({
      procurements: 3,
      late: 1,
      onSchedule: 2,
      gatesPassedWithPlan: 2,
      gatesOnTime: 1,
      openCases: 3,
      escalations: 2,
      highRisk: 2,
      contractValueNok: '200.00',
      gainEstimateNok: '10.00',
    });
    expect(r.byLevel).toEqual({ nasjonal: 2, regional: 1 });
    expect(r.bySignificance).toEqual({ høy: 2, ukjent: 1 });
    expect(sortReportRows([rows[1]!, rows[0]!]).map((x) => x.name)).toEqual(['A', 'B']);
  });
});
