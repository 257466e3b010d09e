// The portfolio report of seed 001 §7.4/§7.7: planned vs. actual gate dates and the roll-ups at the top. Pure.
import type { Gate } from './involvement.rules.js';
import { daysBetween } from '../shared/calendar-date.js';
import { nokOf, oreOf } from './money.rules.js';

export type GateTimeliness = 'onTime' | 'late' | 'overdue' | 'upcoming' | 'noPlan' | 'passedNoPlan';

export const timelinessLabels: Record<GateTimeliness, string> = {
  onTime: 'På tid',
  late: 'Forsinket',
  overdue: 'Forsinket (ikke passert)',
  upcoming: 'Planlagt',
  noPlan: 'Ingen plan',
  passedNoPlan: 'Passert (ingen plan)',
};

/**
 * A gate against its plan: passed on or before the planned day is on time; passed later is late by the
 * difference; not passed and the planned day is behind us is overdue by today − planned.
 */
export function assessGate(
  plannedOn: string | null,
  passedOn: string | null,
  today: string,
): { timeliness: GateTimeliness; daysLate: number } {
  if (!plannedOn) return { timeliness: passedOn ? 'passedNoPlan' : 'noPlan', daysLate: 0 };
  if (passedOn) {
    const late = daysBetween(plannedOn, passedOn);
    return late > 0 ? { timeliness: 'late', daysLate: late } : { timeliness: 'onTime', daysLate: 0 };
  }
  const overdue = daysBetween(plannedOn, today);
  return overdue > 0 ? { timeliness: 'overdue', daysLate: overdue } : { timeliness: 'upcoming', daysLate: 0 };
}

export interface ReportGate {
  gate: Gate;
  plannedOn: string | null;
  passedOn: string | null;
  timeliness: GateTimeliness;
  daysLate: number;
}

export interface ReportRow {
  procurementId: string;
  name: string;
  level: string | null;
  categoryCode: string;
  categoryName: string;
  steeringGroupCode: string | null;
  steeringGroupName: string | null;
  /** The significance in force (final, else initial, else recommended) and which one it is. */
  significance: 'høy' | 'medium' | 'lav' | null;
  significanceKind: 'final' | 'initial' | 'recommended' | null;
  initialSignificance: 'høy' | 'medium' | 'lav' | null;
  finalSignificance: 'høy' | 'medium' | 'lav' | null;
  /** The first gate not passed, 'implementation' after the last, 'outsideModel'; `phase` is its label. */
  phaseId: Gate | 'implementation' | 'outsideModel';
  phase: string | null;
  status: string;
  riskProfile: 'høy' | 'medium' | 'lav' | null;
  contractValueNok: string | null;
  gainEstimateNok: string | null;
  openCases: number;
  escalations: number;
  neededMeasures: string | null;
  gates: ReportGate[];
  /** The worst delay among the gates (0 when none is late). */
  daysLate: number;
}

export interface ReportRollup {
  procurements: number;
  byLevel: Record<string, number>;
  bySignificance: Record<string, number>;
  byRisk: Record<string, number>;
  byPhase: Record<string, number>;
  onSchedule: number;
  late: number;
  /** Gates with a plan that are passed, and how many of those on time. */
  gatesPassedWithPlan: number;
  gatesOnTime: number;
  openCases: number;
  escalations: number;
  contractValueNok: string;
  gainEstimateNok: string;
  highRisk: number;
}

/** Adds decimal-string amounts exactly (øre as bigint): amounts are never floats. */
export function sumNok(values: Array<string | null>): string {
  let total = 0n;
  for (const value of values) if (value !== null && value !== '') total += oreOf(value);
  return nokOf(total);
}

const count = (values: Array<string | null>) => {
  const result: Record<string, number> = {};
  for (const value of values) {
    const key = value ?? 'ukjent';
    result[key] = (result[key] ?? 0) + 1;
  }
  return result;
};

export function rollUp(rows: readonly ReportRow[]): ReportRollup {
  const gates = rows.flatMap((row) => row.gates);
  const passedWithPlan = gates.filter((g) => g.timeliness === 'onTime' || g.timeliness === 'late');
  const late = rows.filter((row) => row.daysLate > 0).length;
  return {
    procurements: rows.length,
    byLevel: count(rows.map((row) => row.level)),
    bySignificance: count(rows.map((row) => row.significance)),
    byRisk: count(rows.map((row) => row.riskProfile)),
    byPhase: count(rows.map((row) => row.phase)),
    onSchedule: rows.length - late,
    late,
    gatesPassedWithPlan: passedWithPlan.length,
    gatesOnTime: passedWithPlan.filter((g) => g.timeliness === 'onTime').length,
    openCases: rows.reduce((sum, row) => sum + row.openCases, 0),
    escalations: rows.reduce((sum, row) => sum + row.escalations, 0),
    contractValueNok: sumNok(rows.map((row) => row.contractValueNok)),
    gainEstimateNok: sumNok(rows.map((row) => row.gainEstimateNok)),
    highRisk: rows.filter((row) => row.riskProfile === 'høy').length,
  };
}

/** Norwegian collation, made once (`localeCompare(…, 'nb')` builds a collator on every call). */
const byNorwegianName = new Intl.Collator('nb').compare;

/** The report order of two rows: late first (most days first), then by name. */
export function compareReportRows(a: ReportRow, b: ReportRow): number {
  return b.daysLate - a.daysLate || byNorwegianName(a.name, b.name);
}

/** Late first (most days first), then by name: the rows that need attention at the top. */
export function sortReportRows(rows: readonly ReportRow[]): ReportRow[] {
  return [...rows].sort(compareReportRows);
}
