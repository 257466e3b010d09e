import { describe, expect, it } from 'vitest';
import { gateNumbers, gateTimeline, position, timelineAxis, timelineTicks } from './gate-timeline.rules.js';
import type { ReportGate } from './portfolio-report.rules.js';

const gate = (over: Partial<ReportGate> & Pick<ReportGate, 'gate'>): ReportGate => ({
  plannedOn: null,
  passedOn: null,
  timeliness: 'noPlan',
  daysLate: 0,
  ...over,
});

describe('timelineAxis', () => {
  it('spans every planned and actual day and today, in whole months', () => {
    const axis = timelineAxis(
      [
        [gate({ gate: 'plan', plannedOn: '2025-03-10', passedOn: '2025-04-02' })],
        [gate({ gate: 'award', plannedOn: '2027-11-30' })],
      ],
      '2026-06-15',
    );
    expect(axis).toEqual({ from: '2025-03-01', to: '2027-12-01' });
  });

  it('is at least six months long, around today when there are no dates', () => {
    const axis = timelineAxis([[]], '2028-02-29');
    expect(axis.from <= '2028-02-29' && axis.to > '2028-02-29').toBe(true);
    expect(axis).toEqual({ from: '2027-11-01', to: '2028-05-01' });
  });

  it('does not depend on the order of the rows', () => {
    const a = [gate({ gate: 'plan', plannedOn: '2026-01-05' })];
    const b = [gate({ gate: 'award', passedOn: '2024-12-31' })];
    expect(timelineAxis([a, b], '2025-06-01')).toEqual(timelineAxis([b, a], '2025-06-01'));
  });
});

describe('position', () => {
  const axis = { from: '2026-01-01', to: '2027-01-01' };
  it('is 0 at the start, 1 at the end, proportional between, clamped outside', () => {
    expect(position(axis, '2026-01-01')).toBe(0);
    expect(position(axis, '2027-01-01')).toBe(1);
    expect(position(axis, '2026-07-02')).toBeCloseTo(182 / 365, 10);
    expect(position(axis, '2025-05-01')).toBe(0);
    expect(position(axis, '2030-05-01')).toBe(1);
  });
});

describe('gateTimeline', () => {
  const axis = { from: '2026-01-01', to: '2027-01-01' };
  const gates = [
    gate({ gate: 'significance', plannedOn: '2026-02-01', passedOn: '2026-01-20', timeliness: 'onTime' }),
    gate({ gate: 'plan', plannedOn: '2026-03-01', passedOn: '2026-03-31', timeliness: 'late', daysLate: 30 }),
    gate({ gate: 'tenderPreparation', plannedOn: '2026-05-01', timeliness: 'overdue', daysLate: 45 }),
    gate({ gate: 'tenderApproval', plannedOn: '2026-09-01', timeliness: 'upcoming' }),
    gate({ gate: 'award', passedOn: '2026-04-01', timeliness: 'passedNoPlan' }),
  ];
  const timeline = gateTimeline(gates, axis, '2026-06-15');

  it('marks each planned day and each actual day with the gate number', () => {
    expect(timeline.planned.map((m) => [m.number, m.day])).toEqual([
      [1, '2026-02-01'],
      [2, '2026-03-01'],
      [3, '2026-05-01'],
      [4, '2026-09-01'],
    ]);
    expect(timeline.actual.map((m) => [m.number, m.day])).toEqual([
      [1, '2026-01-20'],
      [2, '2026-03-31'],
      [5, '2026-04-01'],
    ]);
    expect(timeline.planned[0]!.x).toBe(position(axis, '2026-02-01'));
  });

  it('draws a late stretch from plan to passing, and to today while overdue; none when on time', () => {
    expect(timeline.late).toEqual([
      { gate: 'plan', x1: position(axis, '2026-03-01'), x2: position(axis, '2026-03-31'), days: 30 },
      {
        gate: 'tenderPreparation',
        x1: position(axis, '2026-05-01'),
        x2: position(axis, '2026-06-15'),
        days: 45,
      },
    ]);
  });

  it('puts today on the axis', () => {
    expect(timeline.today).toBe(position(axis, '2026-06-15'));
  });

  it('numbers the gates 1 to 5 in model order', () => {
    expect(Object.values(gateNumbers)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('timelineTicks', () => {
  it('ticks each quarter on a short axis, with the year at January', () => {
    expect(timelineTicks({ from: '2026-01-01', to: '2027-01-01' }).map((t) => t.label)).toEqual([
      '2026',
      'apr',
      'jul',
      'okt',
      '2027',
    ]);
  });
  it('ticks only the years on a long axis', () => {
    const ticks = timelineTicks({ from: '2023-11-01', to: '2027-02-01' });
    expect(ticks.map((t) => t.label)).toEqual(['2024', '2025', '2026', '2027']);
    expect(ticks[0]!.x).toBe(position({ from: '2023-11-01', to: '2027-02-01' }, '2024-01-01'));
  });
});
