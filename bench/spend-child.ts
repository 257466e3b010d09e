// The two stages of `npm run bench:spend` that are not the product's, each in its own process so that the
// memory they leave behind is not carried into the product's stages (bench/spend.ts starts them and adds the
// parent's resident memory to their peak, so the reported peak is what the bench held at once):
//   generate  PARAMS.json — the synthetic lines through the product's Parquet writer (commitStaged);
//   reference PARAMS.json — the bare Parquet scan and the naive reference SQL (DuckDB over the compact lines,
//                           DuckDB from the Parquet files, PostgreSQL), on the engine file the product saved.
// Prints one JSON line on stdout.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { COMPACT_LINES_SQL, lineSource } from '../src/features/spend/spend-engine.js';
import {
  commitStaged,
  createStaging,
  engineFile,
  lineFilesGlob,
  openSpendStore,
  sqlString,
} from '../src/features/spend/spend-store.js';

export interface GenerateParams {
  dir: string;
  lines: number;
  memoryLimit: string;
  supplierOrgNumbers: string[];
  hfs: Array<{ code: string; orgNumber: string }>;
  categories: number;
}

export interface ReferenceParams {
  dir: string;
  memoryLimit: string;
  /** The scratch database for the PostgreSQL reference, or null to leave it out. */
  postgresUrl: string | null;
  exportDir: string;
}

export interface ReferenceResult {
  scanMs: number;
  naiveMs: number;
  naiveRows: unknown[][];
  naiveParquetMs: number;
  naiveParquetRows: unknown[][];
  postgresMs: number | null;
  postgresRows: unknown[][];
  peaks: Record<string, number>;
}

const log = (message: string) => process.stderr.write(`[bench child] ${message}\n`);
const statusMb = (field: string) => {
  const match = fs.readFileSync('/proc/self/status', 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`));
  return match ? Math.round(Number(match[1]) / 1024) : Math.round(process.resourceUsage().maxRSS / 1024);
};
const peaks: Record<string, number> = {};
/** This process's peak during the stage just ended (VmHWM, reset after each stage as in bench/spend.ts). */
const stagePeak = (stage: string) => {
  peaks[stage] = statusMb('VmHWM');
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux: the next stage's figure is the process's peak so far
  }
};
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

async function generate(p: GenerateParams) {
  const store = await openSpendStore(p.dir, { threads: 2, memoryLimit: p.memoryLimit });
  const c = store.connection;
  await c.run(
    `CREATE TABLE bench_suppliers AS SELECT (unnest(range(${p.supplierOrgNumbers.length})))::INTEGER AS idx, unnest([${p.supplierOrgNumbers.map(sqlString).join(',')}]) AS org`,
  );
  await c.run(
    `CREATE TABLE bench_hfs AS SELECT (unnest(range(${p.hfs.length})))::INTEGER AS idx, unnest([${p.hfs.map((hf) => sqlString(hf.code)).join(',')}]) AS code, unnest([${p.hfs.map((hf) => sqlString(hf.orgNumber)).join(',')}]) AS org`,
  );
  await createStaging(store);
  const suppliers = p.supplierOrgNumbers.length;
  // Generated in chunks of consecutive lines, each a run of consecutive days (an invoice's lines share its
  // date), so no chunk needs more memory than DuckDB's limit and the 100 M run does not sort 100 M rows at once.
  const GENERATION_CHUNK = 2_000_000;
  const generation = await timed(async () => {
    let lineFiles = 0;
    for (let start = 0; start < p.lines; start += GENERATION_CHUNK) {
      const end = Math.min(p.lines, start + GENERATION_CHUNK);
      const committed = await commitStaged(store, {
        lineSource: `
      WITH g AS (
        SELECT i, hash(i) AS h1, hash(i * 7 + 3) AS h2,
               (floor(${suppliers} * pow(((hash(i * 13 + 5) % 1000003) / 1000003.0), 3)))::INTEGER AS s
        FROM range(${start}, ${end}) t(i))
      SELECT (DATE '2023-01-01' + (i // 4 * 4 * 1095 // ${p.lines})::INTEGER) AS issue_date, 'invoice' AS document_type,
             'B' || (i // 4) AS invoice_number, (i % 4 + 1)::VARCHAR AS line_id, '0192' AS supplier_scheme,
             sup.org AS supplier_id, 'Leverandør ' || g.s AS supplier_name, hf.org AS buyer_org_number, hf.code AS hf_code,
             'NOK' AS currency, ((h2 % 2000000) / 100.0 - 500)::DECIMAL(18,2) AS amount, '1' AS quantity,
             NULL::VARCHAR AS description,
             CASE WHEN h2 % 10 < 4 THEN 'A' || (h1 % 50000) END AS seller_item_id, NULL::VARCHAR AS gtin,
             'UNSPSC' AS classification_scheme,
             CASE WHEN h1 % 100 < 3 THEN NULL
                  ELSE (10 + (CASE WHEN h2 % 100 < 85 THEN g.s % ${p.categories} ELSE h1 % ${p.categories} END))::VARCHAR || '101500' END AS classification_code,
             NULL::VARCHAR AS contract_reference,
             CASE WHEN h2 % 10 < 7 THEN 'PO-' || (i // 4) END AS order_reference, false AS has_order_line_reference,
             'bench' AS file_name, 'bench' AS batch_id
      FROM g JOIN bench_suppliers sup ON sup.idx = g.s JOIN bench_hfs hf ON hf.idx = (g.h1 // 7) % ${p.hfs.length}`,
        invoiceSource: `SELECT '0192' AS supplier_scheme, '0' AS supplier_id, 'invoice' AS document_type, 'B0' AS invoice_number,
        DATE '2023-01-01' AS issue_date, 'bench' AS file_name, 'bench' AS batch_id WHERE ${start === 0}`,
      });
      lineFiles += committed.lineFiles;
    }
    return { lineFiles };
  });
  store.close();
  stagePeak('generation');
  return { ms: generation.ms, lineFiles: generation.result.lineFiles, peaks };
}

/** The naive reference SQL: EXISTS over the agreements (expanded to the organisations they cover, NOT merged), per line. */
const naiveSql = (money: string, lines: string) => `
  SELECT l.hf_key, l.category_key,
    coalesce(sum(l.amount_nok), 0)::${money} AS total,
    coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM ref_cover a WHERE a.supplier_key = l.supplier_key AND a.category_key = l.category_key
        AND a.hf_key = l.hf_key AND l.day BETWEEN a.from_day AND a.to_day) THEN l.amount_nok END), 0)::${money} AS covered,
    coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM ref_cover a WHERE a.category_key = l.category_key
        AND a.hf_key = l.hf_key AND l.day BETWEEN a.from_day AND a.to_day) THEN l.amount_nok END), 0)::${money} AS in_agreement_category
  FROM ${lines} l GROUP BY l.hf_key, l.category_key ORDER BY l.hf_key, l.category_key NULLS FIRST`;

async function reference(p: ReferenceParams): Promise<ReferenceResult> {
  // The same DuckDB settings as the product's store in the bench (threads, memory limit, spill folder), over
  // the engine file the product saved, read-only: the compact lines, the dictionaries, the categorisation
  // tables, and the bench's copies of the agreements expanded to organisations and the rates of the last import.
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '2',
    preserve_insertion_order: 'false',
    temp_directory: path.join(p.dir, '.duckdb-tmp'),
    memory_limit: p.memoryLimit,
  });
  const e: DuckDBConnection = await instance.connect();
  await e.run(`ATTACH ${sqlString(engineFile({ dir: p.dir }))} AS engine (READ_ONLY); USE engine`);
  await e.run(
    `CREATE TEMP VIEW ref_cover AS SELECT * FROM bench_ref_cover; CREATE TEMP VIEW src_rates AS SELECT * FROM bench_src_rates`,
  );
  stagePeak('reference setup');
  const scan = await timed(async () =>
    (
      await e.runAndReadAll(
        `SELECT count(*), sum(hash(issue_date, supplier_scheme, supplier_id, hf_code, currency, amount, seller_item_id, gtin,
           classification_scheme, classification_code, contract_reference, order_reference, has_order_line_reference))
         FROM read_parquet(${sqlString(lineFilesGlob({ dir: p.dir }))}, hive_partitioning = false)`,
      )
    ).getRows(),
  );
  log(`bare scan of the Parquet columns the engine reads: ${(scan.ms / 1000).toFixed(3)} s`);
  stagePeak('scan');
  // One warm-up run, then the timed one (as the product's KPI recomputation is timed warm).
  await e.runAndReadAll(naiveSql('VARCHAR', 'lines'));
  const naive = await timed(async () => (await e.runAndReadAll(naiveSql('VARCHAR', 'lines'))).getRows());
  log(`naive DuckDB SQL: ${(naive.ms / 1000).toFixed(3)} s`);
  stagePeak('naive');
  // The same naive SQL from the Parquet files: each line categorised on the fly by the product's own
  // categorisation SQL (a view, not materialised; its small dictionaries are the engine's), then EXISTS.
  await e.run(
    `CREATE TEMP VIEW src_lines AS ${lineSource({ dir: p.dir })}; CREATE TEMP VIEW parquet_lines AS ${COMPACT_LINES_SQL}`,
  );
  const naiveParquet = await timed(async () =>
    (await e.runAndReadAll(naiveSql('VARCHAR', 'parquet_lines'))).getRows(),
  );
  log(`naive DuckDB SQL from the Parquet files: ${(naiveParquet.ms / 1000).toFixed(3)} s`);
  stagePeak('naive-parquet');

  // PostgreSQL: a scratch database, bulk-loaded with COPY, the same naive SQL.
  let postgresMs: number | null = null;
  let postgresRows: unknown[][] = [];
  if (p.postgresUrl) {
    const pgClient = new pg.Client({ connectionString: p.postgresUrl });
    try {
      await pgClient.connect();
      fs.mkdirSync(p.exportDir, { recursive: true });
      fs.chmodSync(path.dirname(p.exportDir), 0o755);
      fs.chmodSync(p.exportDir, 0o777);
      const exportCsv = async (name: string, query: string) => {
        const file = path.join(p.exportDir, `${name}.csv`);
        await e.run(`COPY (${query}) TO ${sqlString(file)} (FORMAT csv, HEADER false)`);
        fs.chmodSync(file, 0o644);
        return file;
      };
      await pgClient.query(`CREATE TABLE bench_lines (day integer, hf_key smallint, rhf_key smallint, supplier_key integer, category_key smallint, amount_nok numeric(18,2));
      CREATE TABLE ref_cover (supplier_key integer, category_key smallint, hf_key smallint, from_day integer, to_day integer);`);
      const load = await timed(async () => {
        for (const [table, query] of [
          ['bench_lines', 'SELECT day, hf_key, rhf_key, supplier_key, category_key, amount_nok FROM lines'],
          ['ref_cover', 'SELECT * FROM ref_cover'],
        ] as const) {
          const file = await exportCsv(table, query);
          await pgClient.query(`COPY ${table} FROM ${sqlString(file)} (FORMAT csv)`);
        }
        await pgClient.query(
          `CREATE INDEX ON ref_cover (supplier_key, category_key, hf_key); CREATE INDEX ON ref_cover (category_key, hf_key); ANALYZE`,
        );
      });
      log(`PostgreSQL: loaded with COPY in ${(load.ms / 1000).toFixed(3)} s`);
      await pgClient.query(`SET max_parallel_workers_per_gather = 2; SET work_mem = '256MB'`);
      const measured = await timed(
        async () =>
          (await pgClient.query({ text: naiveSql('numeric', 'bench_lines'), rowMode: 'array' }))
            .rows as unknown[][],
      );
      postgresMs = measured.ms;
      postgresRows = measured.result;
      log(`PostgreSQL naive SQL: ${(postgresMs / 1000).toFixed(3)} s`);
      stagePeak('postgres');
    } finally {
      await pgClient.end().catch(() => undefined);
    }
  }
  e.closeSync();
  instance.closeSync();
  return {
    scanMs: scan.ms,
    naiveMs: naive.ms,
    naiveRows: naive.result,
    naiveParquetMs: naiveParquet.ms,
    naiveParquetRows: naiveParquet.result,
    postgresMs,
    postgresRows,
    peaks,
  };
}

const [role, paramsFile] = process.argv.slice(2);
const params: unknown = JSON.parse(fs.readFileSync(paramsFile!, 'utf8'));
const result =
  role === 'generate'
    ? await generate(params as GenerateParams)
    : role === 'reference'
      ? await reference(params as ReferenceParams)
      : null;
if (result === null) throw new Error(`unknown role ${role}`);
process.stdout.write(
  `${JSON.stringify(result, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))}\n`,
);
