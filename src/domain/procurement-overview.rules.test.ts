import { describe, expect, it } from 'vitest';
import type { ReportGate, ReportRow } from './portfolio-report.rules.js';
import {
  hasDerivedFilter,
  matchesOverviewFilter,
  nextGate,
  overviewSortIds,
  sortOverviewRows,
} from './procurement-overview.rules.js';

const gate = (over: Partial<ReportGate> & Pick<ReportGate, 'gate'>): ReportGate => ({
  plannedOn: null,
  passedOn: null,
  timeliness: 'noPlan',
  daysLate: 0,
  ...over,
});

const row = (over: Partial<ReportRow>): ReportRow => ({
  procurementId: over.name ?? 'x',
  name: 'x',
  level: 'nasjonal',
  categoryCode: 'KIR',
  categoryName: 'Kirurgi',
  steeringGroupCode: 'KIR',
  steeringGroupName: 'KIR',
  significance: null,
  significanceKind: null,
  initialSignificance: null,
  finalSignificance: null,
  phaseId: 'significance',
  phase: 'Endelig strategisk betydning',
  status: 'ongoing',
  riskProfile: null,
  contractValueNok: null,
  gainEstimateNok: null,
  openCases: 0,
  escalations: 0,
  neededMeasures: null,
  gates: [],
  daysLate: 0,
  ...over,
});

const names = (rows: ReportRow[]) => rows.map((r) => r.name);
const statuses = ['planned', 'ongoing', 'announced', 'awarded', 'completed', 'cancelled'];

describe('nextGate', () => {
  it('is the gate of the current phase, with its plan', () => {
    const gates = [
      gate({ gate: 'significance', passedOn: '2026-01-01' }),
      gate({ gate: 'plan', plannedOn: '2026-03-01' }),
    ];
    expect(nextGate({ phaseId: 'plan', gates })).toEqual(gates[1]);
  });
  it('is null after the last gate and outside the model', () => {
    expect(nextGate({ phaseId: 'implementation', gates: [gate({ gate: 'award' })] })).toBeNull();
    expect(nextGate({ phaseId: 'outsideModel', gates: [] })).toBeNull();
  });
});

describe('matchesOverviewFilter', () => {
  const late = row({
    name: 'a',
    level: 'flerregional',
    significance: 'høy',
    riskProfile: 'lav',
    daysLate: 3,
  });
  const fine = row({ name: 'b', level: 'nasjonal' });

  it('passes everything without a filter', () => {
    expect(hasDerivedFilter({})).toBe(false);
    expect([late, fine].every((r) => matchesOverviewFilter(r, {}))).toBe(true);
  });
  it('filters by level, significance and risk, with ukjent for none', () => {
    expect(hasDerivedFilter({ level: 'nasjonal' })).toBe(true);
    expect(matchesOverviewFilter(late, { level: 'nasjonal' })).toBe(false);
    expect(matchesOverviewFilter(fine, { level: 'nasjonal' })).toBe(true);
    expect(matchesOverviewFilter(late, { significance: 'høy' })).toBe(true);
    expect(matchesOverviewFilter(fine, { significance: 'høy' })).toBe(false);
    expect(matchesOverviewFilter(fine, { significance: 'ukjent' })).toBe(true);
    expect(matchesOverviewFilter(late, { riskProfile: 'lav' })).toBe(true);
    expect(matchesOverviewFilter(late, { riskProfile: 'ukjent' })).toBe(false);
    expect(matchesOverviewFilter(fine, { riskProfile: 'ukjent' })).toBe(true);
  });
  it('filters late (any gate late or overdue) and on schedule', () => {
    expect(matchesOverviewFilter(late, { schedule: 'late' })).toBe(true);
    expect(matchesOverviewFilter(fine, { schedule: 'late' })).toBe(false);
    expect(matchesOverviewFilter(late, { schedule: 'onSchedule' })).toBe(false);
    expect(matchesOverviewFilter(fine, { schedule: 'onSchedule' })).toBe(true);
  });
  it('combines filters with and', () => {
    expect(matchesOverviewFilter(late, { level: 'flerregional', schedule: 'onSchedule' })).toBe(false);
  });
});

describe('sortOverviewRows', () => {
  // Given in the database's name order.
  const rows = [
    row({
      name: 'A',
      level: 'lokal',
      significance: 'høy',
      riskProfile: 'medium',
      contractValueNok: '1000000.00',
      daysLate: 0,
      status: 'planned',
      phaseId: 'award',
      gates: [gate({ gate: 'award', plannedOn: '2027-05-01' })],
    }),
    row({
      name: 'B',
      level: 'nasjonal',
      significance: 'lav',
      riskProfile: null,
      contractValueNok: '999999999999.99',
      daysLate: 40,
      status: 'cancelled',
      phaseId: 'implementation',
    }),
    row({
      name: 'C',
      level: null,
      significance: 'medium',
      riskProfile: 'høy',
      contractValueNok: null,
      daysLate: 3,
      status: 'ongoing',
      phaseId: 'outsideModel',
    }),
    row({
      name: 'D',
      level: 'flerregional',
      significance: null,
      riskProfile: 'lav',
      contractValueNok: '2000000.00',
      daysLate: 3,
      status: 'announced',
      phaseId: 'plan',
      gates: [gate({ gate: 'plan', plannedOn: '2026-12-24' })],
    }),
  ];

  it.each([
    ['name', ['A', 'B', 'C', 'D'], ['D', 'C', 'B', 'A']],
    ['level', ['A', 'D', 'B', 'C'], ['B', 'D', 'A', 'C']],
    ['significance', ['B', 'C', 'A', 'D'], ['A', 'C', 'B', 'D']],
    ['phase', ['D', 'A', 'B', 'C'], ['B', 'A', 'D', 'C']],
    ['nextGate', ['D', 'A', 'B', 'C'], ['A', 'D', 'B', 'C']],
    ['riskProfile', ['D', 'A', 'C', 'B'], ['C', 'A', 'D', 'B']],
    ['contractValueNok', ['A', 'D', 'B', 'C'], ['B', 'D', 'A', 'C']],
    ['daysLate', ['A', 'C', 'D', 'B'], ['B', 'C', 'D', 'A']],
    ['status', ['A', 'C', 'D', 'B'], ['B', 'D', 'C', 'A']],
  ] as const)(
    'by %s: ascending and descending, without a value last, ties in name order',
    (sort, asc, desc) => {
      expect(names(sortOverviewRows(rows, sort, false, statuses))).toEqual(asc);
      expect(names(sortOverviewRows(rows, sort, true, statuses))).toEqual(desc);
    },
  );

  it('covers every sort id', () => {
    expect([...overviewSortIds].sort()).toEqual(
      [
        'name',
        'level',
        'significance',
        'phase',
        'nextGate',
        'riskProfile',
        'contractValueNok',
        'daysLate',
        'status',
      ].sort(),
    );
  });

  it('compares amounts exactly, beyond float precision', () => {
    const exact = [
      row({ name: 'x', contractValueNok: '9007199254740993.01' }),
      row({ name: 'y', contractValueNok: '9007199254740993.00' }),
    ];
    expect(names(sortOverviewRows(exact, 'contractValueNok', false, statuses))).toEqual(['y', 'x']);
  });

  it('keeps rows of one name in their order when sorting by name descending', () => {
    const twins = [
      row({ name: 'A', procurementId: '1' }),
      row({ name: 'A', procurementId: '2' }),
      row({ name: 'B' }),
    ];
    expect(sortOverviewRows(twins, 'name', true, statuses).map((r) => r.procurementId)).toEqual([
      'B',
      '1',
      '2',
    ]);
  });

  it('does not change its input', () => {
    const copy = [...rows];
    sortOverviewRows(rows, 'daysLate', true, statuses);
    expect(rows).toEqual(copy);
  });
});
