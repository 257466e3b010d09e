// Keeps the engine's prepared state (compact lines with their coverage flags, merged intervals, KPI cube)
// true to the stored Parquet files, persisted in engine.duckdb beside them:
//  - nothing changed since the state was saved (a restart): the saved tables are used as they are;
//  - new files only (an import): just those files are read and added, and the cube grows by their lines'
//    measures;
//  - a file gone, or a categorisation input changed (mapping, articles, organisations, rates): rebuilt
//    from all files.
// Agreement validity and scope changes re-flag only the lines whose keys changed (refreshCoverage).
// Everything happens in one DuckDB transaction, so a crash leaves the previous state, never half of one.
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  addToKpiCube,
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
  /** Months (YYYYMM) whose cube cells changed (grown by an import's lines); all of them after a rebuild or re-flagging. */
  months: number[] | 'all' | 'none';
  changedKeys: number;
}

/** The saved state; one without a table of them (an older engine's, before `articles`) is rebuilt. */
const STATE_TABLES = [
  'engine_state',
  'engine_files',
  'lines',
  'suppliers',
  'articles',
  'kpi_cube',
  'cov_iv',
  'base_iv',
];

/** What the saved state was built from: the two master-data versions and the files. */
export interface EngineFingerprints {
  /** Every input the categorisation of a line depends on. */
  categorisation: string;
  /** Every input the merged agreement intervals depend on besides those (validity, scope, status, organisations). */
  coverage: string;
}

async function savedState(c: DuckDBConnection) {
  if (!(await hasTables(c, STATE_TABLES))) return null;
  const reader = await c.runAndReadAll(`SELECT * FROM engine_state`);
  const state = reader.getRowObjects()[0];
  if (!state) return null;
  const files = (await c.runAndReadAll(`SELECT file FROM engine_files`))
    .getRows()
    .map((row) => String(row[0]));
  // A state saved before the coverage version was kept has none: its intervals are compared afresh.
  const coverage = 'coverage' in state ? String(state.coverage) : null;
  return { categorisation: String(state.categorisation), coverage, files: new Set(files) };
}

/**
 * Brings the engine tables up to date with the stored files; the master-data tables (md_*) must already be
 * loaded. The merged intervals are compared with the saved ones only when they can have changed: the
 * coverage version moved, or an import brought a supplier that an agreement names.
 */
export async function synchroniseEngine(
  store: Pick<SpendStore, 'dir'>,
  engine: EngineConnection,
  fingerprints: EngineFingerprints,
  files: readonly string[] = listLineFiles(store),
): Promise<SyncResult> {
  const c = engine.connection;
  const saved = await savedState(c);
  const current = new Set(files);
  const isRebuild =
    !saved ||
    saved.categorisation !== fingerprints.categorisation ||
    [...saved.files].some((file) => !current.has(file));
  const added = isRebuild ? [...files] : files.filter((file) => !saved.files.has(file));
  await c.run('BEGIN TRANSACTION');
  try {
    let months: SyncResult['months'] = 'none';
    let hasAgreementSuppliers = false;
    if (isRebuild) {
      // Built and flagged from the current intervals: nothing to compare.
      await prepareLines(c, lineSource(store, files));
      months = 'all';
    } else if (added.length > 0) {
      const extended = await extendLines(c, lineSource(store, added));
      months = extended.months;
      hasAgreementSuppliers = extended.hasNewAgreementSuppliers;
    }
    const isCoverageStale = !isRebuild && (saved.coverage !== fingerprints.coverage || hasAgreementSuppliers);
    const coverage = isCoverageStale ? await refreshCoverage(c) : { changedKeys: 0 };
    if (coverage.changedKeys > 0 || months === 'all') {
      await c.run('DROP TABLE IF EXISTS added_cube');
      await recomputeKpiCube(c);
      months = 'all';
    } else if (months !== 'none') await addToKpiCube(c);
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
    if (isRebuild || isCoverageStale || saved.coverage === null)
      await c.run(
        `CREATE OR REPLACE TABLE engine_state AS
         SELECT ${sqlString(fingerprints.categorisation)} AS categorisation, ${sqlString(fingerprints.coverage)} AS coverage`,
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
