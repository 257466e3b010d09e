// KPI formulas of seeds 002 and 003 and the red/amber/green status against a target. Pure.

/**
 * `minimumBand`: a target band that is a floor, not a ceiling — gain on completed procurements "Mål: 3-7 %"
 * (seed 003: "Hver krone spart er en krone mer til pasientbehandling"): at or above the band's lower end is
 * green, above its upper end too; only falling short of the lower end turns amber or red.
 */
export type Direction = 'higherIsBetter' | 'lowerIsBetter' | 'withinRange' | 'minimumBand';
export type Rag = 'green' | 'amber' | 'red' | 'none';

export const ragLabels: Record<Rag, string> = {
  green: 'Grønn',
  amber: 'Gul',
  red: 'Rød',
  none: 'Ingen verdi',
};

/** Percent with one decimal, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

export interface Delivery {
  /** The agreed (planned) date of the award gate. */
  plannedOn: string;
  /** When the award gate was passed. */
  deliveredOn: string;
}

/**
 * "Anskaffelser gjennomført på avtalt tid" (seed 003, target 98 %): of the procurements delivered (award gate
 * passed) in the year and having an agreed date, the share delivered on or before that date.
 */
export function onTimeShare(
  deliveries: readonly Delivery[],
  year: number,
): { value: number | null; onTime: number; delivered: number } {
  const inYear = deliveries.filter((d) => Number(d.deliveredOn.slice(0, 4)) === year);
  const onTime = inYear.filter((d) => d.deliveredOn.slice(0, 10) <= d.plannedOn.slice(0, 10)).length;
  return { value: percent(onTime, inYear.length), onTime, delivered: inYear.length };
}

/** "Gevinst på avsluttede anskaffelser" (3–7 %): realised gain over contract value of the completed ones. */
export function gainShare(
  completed: ReadonlyArray<{ gainNok: number; contractValueNok: number }>,
): number | null {
  const value = completed.reduce((sum, row) => sum + row.contractValueNok, 0);
  const gain = completed.reduce((sum, row) => sum + row.gainNok, 0);
  return percent(gain, value);
}

export interface Target {
  direction: Direction;
  target: number;
  targetMax: number | null;
  amberTolerance: number;
  yearlyTargets: Record<string, number>;
}

/** The target for a year: the year's own target when it has one. */
export function targetFor(kpi: Target, year: number): number {
  return kpi.yearlyTargets[String(year)] ?? kpi.target;
}

/** Green at or beyond target (inside the range, at or above a minimum band); amber within the tolerance; red beyond. */
export function ragStatus(value: number | null, kpi: Target, year: number): Rag {
  if (value === null) return 'none';
  const target = targetFor(kpi, year);
  let shortfall: number;
  if (kpi.direction === 'higherIsBetter' || kpi.direction === 'minimumBand') shortfall = target - value;
  else if (kpi.direction === 'lowerIsBetter') shortfall = value - target;
  else {
    const max = kpi.targetMax ?? target;
    shortfall = value < target ? target - value : value > max ? value - max : 0;
  }
  if (shortfall <= 0) return 'green';
  return shortfall <= kpi.amberTolerance ? 'amber' : 'red';
}
