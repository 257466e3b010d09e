// The overview of seed 004: counts per area and status, and the measures not started. Pure.
export type MeasureStatus = 'done' | 'inProgress' | 'notStarted' | 'unknown';

export const measureStatusSymbols: Record<MeasureStatus, string> = {
  done: '●',
  inProgress: '◑',
  notStarted: '○',
  unknown: '–',
};
export const measureStatusLabels: Record<MeasureStatus, string> = {
  done: 'Gjennomført',
  inProgress: 'Pågår',
  notStarted: 'Ikke startet',
  unknown: 'Ikke rapportert',
};

export interface OverviewMeasure {
  id: string;
  title: string;
  priority: number | null;
  status: MeasureStatus;
}

export function summariseArea<M extends OverviewMeasure>(measures: readonly M[]) {
  const counts: Record<MeasureStatus, number> = { done: 0, inProgress: 0, notStarted: 0, unknown: 0 };
  for (const measure of measures) counts[measure.status] += 1;
  const notStarted = measures
    .filter((m) => m.status === 'notStarted')
    .sort((a, b) => (a.priority ?? 9) - (b.priority ?? 9));
  return { counts, notStarted };
}
