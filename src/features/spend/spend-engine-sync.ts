// Keeps the engine's prepared state (compact lines with their coverage flags, merged intervals, KPI cube)
// true to the stored Parquet files, persisted in engine.duckdb beside them:
//  - nothing changed since the state was saved (a restart): the saved tables are used as they are;
//  - new files only (an import): just those files are read and added, and only their months' cube cells
//    are recomputed;
//  - a file gone, or a categorisation input changed (mapping, articles, organisations, rates): rebuilt
//    from all files.
// Agreement validity and scope changes re-flag only the lines whose keys changed (refreshCoverage).
// Everything happens in one DuckDB transaction, so a crash leaves the previous state, never half of one.
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  extendLines,
  hasTables,
  lineSource,
  prepareLines,
  recomputeKpiCube,
  refreshCoverage,
} from './spend-engine.js';
import { listLineFiles, sqlString, type EngineConnection, type SpendStore } from './spend-store.js';

export interface SyncResult {
  mode: 'rebuilt' | 'extended' | 'unchanged';
  files: number;
  addedFiles: number;
  /** Months (YYYYMM) whose cube cells were recomputed; all of them after a rebuild or re-flagging. */
  months: number[] | 'all' | 'none';
  changedKeys: number;
}

const STATE_TABLES = ['engine_state', 'engine_files', 'lines', 'suppliers', 'kpi_cube', 'cov_iv', 'base_iv'];

async function savedState(c: DuckDBConnection) {
  if (!(await hasTables(c, STATE_TABLES))) return null;
  const state = (await c.runAndReadAll(`SELECT categorisation FROM engine_state`)).getRows()[0];
  if (!state) return null;
  const files = (await c.runAndReadAll(`SELECT file FROM engine_files`))
    .getRows()
    .map((row) => String(row[0]));
  return { categorisation: String(state[0]), files: new Set(files) };
}

/**
 * Brings the engine tables up to date with the stored files; the master-data tables (md_*) must already be
 * loaded. `categorisation` fingerprints every input the categorisation of a line depends on.
 */
export async function synchroniseEngine(
  store: Pick<SpendStore, 'dir'>,
  engine: EngineConnection,
  categorisation: string,
  files: readonly string[] = listLineFiles(store),
): Promise<SyncResult> {
  const c = engine.connection;
  const saved = await savedState(c);
  const isRebuild =
    !saved ||
    saved.categorisation !== categorisation ||
    [...saved.files].some((file) => !files.includes(file));
  const added = isRebuild ? [...files] : files.filter((file) => !saved.files.has(file));
  await c.run('BEGIN TRANSACTION');
  try {
    let months: SyncResult['months'] = 'none';
    if (isRebuild) {
      await prepareLines(c, lineSource(store, files));
      months = 'all';
    } else if (added.length > 0) months = await extendLines(c, lineSource(store, added));
    const coverage = await refreshCoverage(c);
    if (coverage.changedKeys > 0 || months === 'all') {
      await recomputeKpiCube(c);
      months = 'all';
    } else if (months !== 'none') await recomputeKpiCube(c, months);
    if (isRebuild) {
      await c.run(`CREATE OR REPLACE TABLE engine_files (file VARCHAR)`);
    }
    for (let start = 0; start < added.length; start += 1000)
      await c.run(
        `INSERT INTO engine_files VALUES ${added
          .slice(start, start + 1000)
          .map((file) => `(${sqlString(file)})`)
          .join(', ')}`,
      );
    await c.run(
      `CREATE OR REPLACE TABLE engine_state AS SELECT ${sqlString(categorisation)} AS categorisation`,
    );
    await c.run('COMMIT');
    const changed = isRebuild || added.length > 0 || coverage.changedKeys > 0;
    if (changed && engine.persistent) await c.run('CHECKPOINT');
    return {
      mode: isRebuild ? 'rebuilt' : added.length > 0 ? 'extended' : 'unchanged',
      files: files.length,
      addedFiles: added.length,
      months,
      changedKeys: coverage.changedKeys,
    };
  } catch (error) {
    await c.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
