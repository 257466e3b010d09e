// Data sources another feature can provide for a KPI. The spend feature fills `agreementCoverage`
// (avtaledekning) with registerKpiSource; until it does, or when it answers null, hand-entered values count.
import type { Db } from '../../db/client.js';

export type KpiSourceFn = (db: Db, year: number) => Promise<number | null>;

const registry = new Map<string, KpiSourceFn>();

/** E.g. registerKpiSource('agreementCoverage', (db, year) => coverageShareFor(db, year)). */
export function registerKpiSource(source: string, fn: KpiSourceFn): void {
  registry.set(source, fn);
}

export function findKpiSource(source: string): KpiSourceFn | undefined {
  return registry.get(source);
}
