// The procurement list at a glance: its derived columns (next gate, on time / late), the filters on them and
// the sort orders. Pure; the service computes the rows and pages the sorted result.
import { gateIds } from './involvement.rules.js';
import type { ReportGate, ReportRow } from './portfolio-report.rules.js';

export const overviewSortIds = [
  'name',
  'level',
  'significance',
  'phase',
  'nextGate',
  'riskProfile',
  'contractValueNok',
  'daysLate',
  'status',
] as const;
export type OverviewSort = (typeof overviewSortIds)[number];

/**
 * Sorts the database can do on the procurement table itself, so it can page before the derived columns are
 * computed; its order (column, nulls last, then name and id) is the one sortOverviewRows gives.
 */
export const tableSorts: ReadonlySet<OverviewSort> = new Set(['name', 'contractValueNok']);

export const scheduleFilterIds = ['late', 'onSchedule'] as const;
export type ScheduleFilter = (typeof scheduleFilterIds)[number];

export interface OverviewFilter {
  level?: string | undefined;
  /** The significance in force (final, else initial, else recommended); 'ukjent' for none. */
  significance?: string | undefined;
  riskProfile?: string | undefined;
  schedule?: ScheduleFilter | undefined;
}

export const hasDerivedFilter = (filter: OverviewFilter) =>
  Boolean(filter.level || filter.significance || filter.riskProfile || filter.schedule);

/** The gate of the current phase, with its planned day (null after the last gate or outside the model). */
export function nextGate(row: Pick<ReportRow, 'phaseId' | 'gates'>): ReportGate | null {
  return row.gates.find((gate) => gate.gate === row.phaseId) ?? null;
}

export function matchesOverviewFilter(row: ReportRow, filter: OverviewFilter): boolean {
  if (filter.level && row.level !== filter.level) return false;
  if (filter.significance && (row.significance ?? 'ukjent') !== filter.significance) return false;
  if (filter.riskProfile && (row.riskProfile ?? 'ukjent') !== filter.riskProfile) return false;
  if (filter.schedule === 'late' && row.daysLate === 0) return false;
  if (filter.schedule === 'onSchedule' && row.daysLate > 0) return false;
  return true;
}

const levelRank: Record<string, number> = { lokal: 1, regional: 2, flerregional: 3, nasjonal: 4 };
const level3Rank: Record<string, number> = { lav: 1, medium: 2, høy: 3 };
const phaseRank = (row: ReportRow) => {
  if (row.phaseId === 'outsideModel') return null;
  if (row.phaseId === 'implementation') return gateIds.length;
  return gateIds.indexOf(row.phaseId);
};

/** Øre as a bigint, so amounts compare exactly. */
const ore = (amount: string | null) => {
  if (amount === null || amount === '') return null;
  const [whole = '0', fraction = ''] = amount.split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2)) * (whole.startsWith('-') ? -1n : 1n);
};

type Key = number | bigint | string | null;
const sortKeys = (
  statusRank: ReadonlyMap<string, number>,
): Record<Exclude<OverviewSort, 'name'>, (row: ReportRow) => Key> => ({
  level: (row) => (row.level ? (levelRank[row.level] ?? null) : null),
  significance: (row) => (row.significance ? level3Rank[row.significance]! : null),
  phase: phaseRank,
  nextGate: (row) => nextGate(row)?.plannedOn ?? null,
  riskProfile: (row) => (row.riskProfile ? level3Rank[row.riskProfile]! : null),
  contractValueNok: (row) => ore(row.contractValueNok),
  daysLate: (row) => row.daysLate,
  status: (row) => statusRank.get(row.status) ?? null,
});

/** Name descending, as SQL's `name desc, id asc`: the runs of one name keep their order. */
function reverseKeepingTies(rows: readonly ReportRow[]): ReportRow[] {
  const runs: ReportRow[][] = [];
  for (const row of rows) {
    const last = runs.at(-1);
    if (last && last[0]!.name === row.name) last.push(row);
    else runs.push([row]);
  }
  return runs.reverse().flat();
}

const compareKeys = (a: Exclude<Key, null>, b: Exclude<Key, null>) =>
  typeof a === 'string' && typeof b === 'string' ? a.localeCompare(b) : a < b ? -1 : a > b ? 1 : 0;

/**
 * Sorts rows given in the database's name order (name, then id) by the column, ascending or descending
 * (statuses in the given order);
 * rows without a value come last either way; ties keep the name order, so pages never overlap and a sort
 * agrees with the same sort done in SQL.
 */
export function sortOverviewRows(
  rows: readonly ReportRow[],
  sort: OverviewSort,
  descending: boolean,
  statusOrder: readonly string[],
): ReportRow[] {
  if (sort === 'name') return descending ? reverseKeepingTies(rows) : [...rows];
  const key = sortKeys(new Map(statusOrder.map((status, index) => [status, index])))[sort];
  return rows
    .map((row, index) => ({ row, index, key: key(row) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key !== b.key) return a.key === null ? 1 : -1;
      } else {
        const order = compareKeys(a.key, b.key);
        if (order !== 0) return descending ? -order : order;
      }
      return a.index - b.index;
    })
    .map(({ row }) => row);
}
