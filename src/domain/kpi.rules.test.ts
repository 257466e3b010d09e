import { describe, expect, it } from 'vitest';
import { gainShare, onTimeShare, percent, ragStatus, targetFor, type Target } from './kpi.rules.js';

const higher: Target = {
  direction: 'higherIsBetter',
  target: 98,
  targetMax: null,
  amberTolerance: 5,
  yearlyTargets: {},
};

describe('KPI formulas', () => {
  it('percent has one decimal and no value for an empty base', () => {
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBeNull();
  });
  it('on time: delivered on or before the agreed day, counted in the year of delivery', () => {
    const deliveries = [
      { plannedOn: '2024-03-01', deliveredOn: '2024-03-01' },
      { plannedOn: '2024-03-01', deliveredOn: '2024-03-02' },
      { plannedOn: '2024-12-31', deliveredOn: '2024-12-01' },
      { plannedOn: '2023-12-31', deliveredOn: '2024-01-02' },
      { plannedOn: '2025-01-10', deliveredOn: '2025-01-09' },
    ];
    expect(onTimeShare(deliveries, 2024)).toEqual({ value: 50, onTime: 2, delivered: 4 });
    expect(onTimeShare(deliveries, 2025)).toEqual({ value: 100, onTime: 1, delivered: 1 });
    expect(onTimeShare(deliveries, 2023).value).toBeNull();
  });
  it('gain: realised gain over contract value', () => {
    expect(
      gainShare([
        { gainNok: 5, contractValueNok: 100 },
        { gainNok: 1, contractValueNok: 100 },
      ]),
    ).toBe(3);
    expect(gainShare([])).toBeNull();
  });
});

describe('ragStatus', () => {
  it('higher is better: green at target, amber within tolerance, red beyond', () => {
    expect(ragStatus(98, higher, 2024)).toBe('green');
    expect(ragStatus(93, higher, 2024)).toBe('amber');
    expect(ragStatus(92.9, higher, 2024)).toBe('red');
    expect(ragStatus(null, higher, 2024)).toBe('none');
  });
  it('lower is better mirrors it', () => {
    const lower: Target = { ...higher, direction: 'lowerIsBetter', target: 10, amberTolerance: 2 };
    expect(ragStatus(9, lower, 2024)).toBe('green');
    expect(ragStatus(12, lower, 2024)).toBe('amber');
    expect(ragStatus(13, lower, 2024)).toBe('red');
  });
  it('a range (gain 3–7 %) is green inside, amber just outside, red further away', () => {
    const range: Target = {
      direction: 'withinRange',
      target: 3,
      targetMax: 7,
      amberTolerance: 1,
      yearlyTargets: {},
    };
    expect(ragStatus(5, range, 2024)).toBe('green');
    expect(ragStatus(2.5, range, 2024)).toBe('amber');
    expect(ragStatus(8, range, 2024)).toBe('amber');
    expect(ragStatus(1.5, range, 2024)).toBe('red');
  });
  it('a minimum band (gain 3–7 %, seed 003) is green from its lower end up, also above 7 %', () => {
    const band: Target = {
      direction: 'minimumBand',
      target: 3,
      targetMax: 7,
      amberTolerance: 1,
      yearlyTargets: {},
    };
    expect(ragStatus(3, band, 2024)).toBe('green');
    expect(ragStatus(5, band, 2024)).toBe('green');
    expect(ragStatus(7, band, 2024)).toBe('green');
    expect(ragStatus(12.5, band, 2024)).toBe('green');
    expect(ragStatus(2.5, band, 2024)).toBe('amber');
    expect(ragStatus(1.5, band, 2024)).toBe('red');
  });
  it('a yearly target overrides the overall one (seed 002: 50/70/80/90 %)', () => {
    const eproc: Target = { ...higher, target: 90, yearlyTargets: { '2009': 50, '2010': 70 } };
    expect(targetFor(eproc, 2009)).toBe(50);
    expect(targetFor(eproc, 2012)).toBe(90);
    expect(ragStatus(55, eproc, 2009)).toBe('green');
    expect(ragStatus(55, eproc, 2010)).toBe('red');
  });
});
