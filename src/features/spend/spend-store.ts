// The Parquet store of invoice lines under STYR_DATA_DIR/spend/: lines/month=YYYY-MM/part-<uuid>.parquet and an
// invoice register (invoices/part-<uuid>.parquet) for duplicate checks. Plain Parquet with Hive-style month
// partitions, so Spark or Trino read the same files. DuckDB writes them; each batch is written to a staging
// folder first and then renamed into place, so a failed write never leaves a half file behind.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { spendDuckDbLimits } from './spend.config.js';

export interface SpendStore {
  dir: string;
  /** Imports: staging tables and the Parquet writer (an in-memory database). */
  connection: DuckDBConnection;
  /** The KPI engine's own connection, opened on first use (see `openEngine`). */
  engine(): Promise<EngineConnection>;
  close(): void;
}

/**
 * The engine's prepared state — compact line table, coverage flags, merged intervals, KPI cube — lives in
 * `engine.duckdb` beside the Parquet files, so a restart finds it ready. Only the KPI engine opens the file
 * (imports only write Parquet), so `styr import` can run while the server runs. When another process holds
 * the file (DuckDB allows one writer), the engine works in memory from the Parquet files instead.
 */
export interface EngineConnection {
  connection: DuckDBConnection;
  persistent: boolean;
}

export const engineFile = (store: Pick<SpendStore, 'dir'>) => path.join(store.dir, 'engine.duckdb');

/** The line columns of the Parquet files, in order; `month` is the partition column. */
export const LINE_COLUMNS = [
  ['issue_date', 'DATE'],
  ['document_type', 'VARCHAR'],
  ['invoice_number', 'VARCHAR'],
  ['line_id', 'VARCHAR'],
  ['supplier_scheme', 'VARCHAR'],
  ['supplier_id', 'VARCHAR'],
  ['supplier_name', 'VARCHAR'],
  ['buyer_org_number', 'VARCHAR'],
  ['hf_code', 'VARCHAR'],
  ['currency', 'VARCHAR'],
  ['amount', 'DECIMAL(18,2)'],
  ['quantity', 'VARCHAR'],
  ['description', 'VARCHAR'],
  ['seller_item_id', 'VARCHAR'],
  ['gtin', 'VARCHAR'],
  ['classification_scheme', 'VARCHAR'],
  ['classification_code', 'VARCHAR'],
  ['contract_reference', 'VARCHAR'],
  ['order_reference', 'VARCHAR'],
  ['has_order_line_reference', 'BOOLEAN'],
  ['file_name', 'VARCHAR'],
  ['batch_id', 'VARCHAR'],
] as const;

export const INVOICE_COLUMNS = [
  ['supplier_scheme', 'VARCHAR'],
  ['supplier_id', 'VARCHAR'],
  ['document_type', 'VARCHAR'],
  ['invoice_number', 'VARCHAR'],
  ['issue_date', 'DATE'],
  ['file_name', 'VARCHAR'],
  ['batch_id', 'VARCHAR'],
] as const;

export const linesDir = (store: Pick<SpendStore, 'dir'>) => path.join(store.dir, 'lines');
export const invoicesDir = (store: Pick<SpendStore, 'dir'>) => path.join(store.dir, 'invoices');
export const sqlString = (value: string) => `'${value.replaceAll("'", "''")}'`;

export async function openSpendStore(
  dir: string,
  options: { threads?: number; memoryLimit?: string; persistEngine?: boolean } = {},
): Promise<SpendStore> {
  fs.mkdirSync(path.join(dir, 'lines'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'invoices'), { recursive: true });
  // In memory, but allowed to spill to disk beside the Parquet files when a query needs more than the limit;
  // bounded by default (spendDuckDbLimits), not DuckDB's 80 % of the machine.
  const limits = spendDuckDbLimits();
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads ?? limits.threads),
    preserve_insertion_order: 'false',
    temp_directory: path.join(dir, '.duckdb-tmp'),
    memory_limit: options.memoryLimit ?? limits.memoryLimit,
  });
  const connection = await instance.connect();
  let engine: Promise<EngineConnection> | null = null;
  let engineConnection: DuckDBConnection | null = null;
  return {
    dir,
    connection,
    engine() {
      return (engine ??= (async () => {
        engineConnection = await instance.connect();
        const persistent =
          options.persistEngine !== false && (await attachEngineFile(engineConnection, engineFile({ dir })));
        return { connection: engineConnection, persistent };
      })());
    },
    close() {
      engineConnection?.closeSync();
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Attaches the engine file and makes it the engine connection's default database; false when it is locked. */
async function attachEngineFile(connection: DuckDBConnection, file: string): Promise<boolean> {
  const attach = () => connection.run(`ATTACH ${sqlString(file)} AS engine; USE engine`);
  try {
    await attach();
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/lock/i.test(message)) {
      process.emitWarning(`KPI-motoren regner i minnet: ${file} er i bruk av en annen prosess.`);
      return false;
    }
    // The file is derived state only: one that cannot be opened (damaged, older format) is rebuilt.
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.wal`, { force: true });
    await attach();
    return true;
  }
}

export function hasLineFiles(store: Pick<SpendStore, 'dir'>): boolean {
  const root = linesDir(store);
  return (
    fs.existsSync(root) &&
    fs
      .readdirSync(root)
      .some((month) => fs.readdirSync(path.join(root, month)).some((f) => f.startsWith('part-')))
  );
}

/** The stored line files, as paths relative to the lines folder (`month=YYYY-MM/part-….parquet`), sorted. */
export function listLineFiles(store: Pick<SpendStore, 'dir'>): string[] {
  const root = linesDir(store);
  if (!fs.existsSync(root)) return [];
  const files: string[] = [];
  for (const month of fs.readdirSync(root).sort())
    for (const file of fs.readdirSync(path.join(root, month)).sort())
      if (file.startsWith('part-') && file.endsWith('.parquet')) files.push(`${month}/${file}`);
  return files;
}

export const lineFilesGlob = (store: Pick<SpendStore, 'dir'>) =>
  path.join(linesDir(store), 'month=*', 'part-*.parquet');
export const invoiceFilesGlob = (store: Pick<SpendStore, 'dir'>) =>
  path.join(invoicesDir(store), 'part-*.parquet');
export const hasInvoiceFiles = (store: Pick<SpendStore, 'dir'>) =>
  fs.existsSync(invoicesDir(store)) && fs.readdirSync(invoicesDir(store)).some((f) => f.startsWith('part-'));

/** Creates (or empties) the VARCHAR staging tables an import appends to. */
export async function createStaging(store: SpendStore) {
  const varchar = (columns: readonly (readonly [string, string])[]) =>
    columns.map(([name]) => `${name} VARCHAR`).join(', ');
  await store.connection.run(`CREATE OR REPLACE TABLE staged_lines (${varchar(LINE_COLUMNS)})`);
  await store.connection.run(`CREATE OR REPLACE TABLE staged_invoices (${varchar(INVOICE_COLUMNS)})`);
}

const typedSelect = (columns: readonly (readonly [string, string])[]) =>
  columns.map(([name, type]) => `CAST(${name} AS ${type}) AS ${name}`).join(', ');

/**
 * Writes the staged rows as Parquet: lines partitioned by month, sorted by date, and the invoice register.
 * Everything goes to a staging folder first; only complete files are renamed into place.
 * `source` overrides the staged lines with a typed query in the same column layout (the benchmark's generator).
 */
export async function commitStaged(
  store: SpendStore,
  options: { lineSource?: string; invoiceSource?: string } = {},
): Promise<{ lineFiles: number; invoiceFiles: number }> {
  const staging = path.join(store.dir, `.staging-${randomUUID()}`);
  fs.mkdirSync(staging, { recursive: true });
  try {
    const lineSource = options.lineSource ?? `SELECT ${typedSelect(LINE_COLUMNS)} FROM staged_lines`;
    await store.connection.run(
      `COPY (SELECT *, strftime(issue_date, '%Y-%m') AS month FROM (${lineSource}) ORDER BY issue_date)
       TO ${sqlString(path.join(staging, 'lines'))}
       (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (month), FILENAME_PATTERN 'part-{uuid}', ROW_GROUP_SIZE 1000000)`,
    );
    const invoiceSource =
      options.invoiceSource ?? `SELECT ${typedSelect(INVOICE_COLUMNS)} FROM staged_invoices`;
    const invoiceFile = path.join(staging, `part-${randomUUID()}.parquet`);
    await store.connection.run(
      `COPY (${invoiceSource}) TO ${sqlString(invoiceFile)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    // All files are complete: move them into place (a rename within one file system is atomic per file).
    let lineFiles = 0;
    const stagedLines = path.join(staging, 'lines');
    for (const month of fs.existsSync(stagedLines) ? fs.readdirSync(stagedLines) : []) {
      const target = path.join(linesDir(store), month);
      fs.mkdirSync(target, { recursive: true });
      for (const file of fs.readdirSync(path.join(stagedLines, month))) {
        fs.renameSync(path.join(stagedLines, month, file), path.join(target, file));
        lineFiles += 1;
      }
    }
    fs.renameSync(invoiceFile, path.join(invoicesDir(store), path.basename(invoiceFile)));
    return { lineFiles, invoiceFiles: 1 };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Which of the staged invoices are already stored (same supplier, document type and number). */
export async function findStoredInvoices(
  store: SpendStore,
): Promise<Array<{ key: string; fileName: string }>> {
  if (!hasInvoiceFiles(store)) return [];
  const reader = await store.connection.runAndReadAll(
    `SELECT s.supplier_scheme || ':' || s.supplier_id || ':' || s.document_type || ':' || s.invoice_number, min(i.file_name)
     FROM staged_invoices s
     JOIN read_parquet(${sqlString(invoiceFilesGlob(store))}) i
       ON i.supplier_scheme = s.supplier_scheme AND i.supplier_id = s.supplier_id
      AND i.document_type = s.document_type AND i.invoice_number = s.invoice_number
     GROUP BY 1`,
  );
  return reader.getRows().map(([key, fileName]) => ({ key: String(key), fileName: String(fileName) }));
}
