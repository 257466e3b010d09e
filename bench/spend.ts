// npm run bench:spend -- --lines N [--invoices N] [--keep] [--skip-postgres]
// A synthetic national data set (30 HFs in 4 regions, 20,000 suppliers with skewed spend, 14 categories, 3 years,
// about 3,000 national and regional agreements) written through the product's Parquet writer; then
//  - the product's engine from scratch (no saved state: Parquet → compact flagged lines → KPI cube → answer),
//    a bare scan of the same Parquet columns (the floor of any from-scratch path), and the KPI recomputation,
//  - a restart (the store closed and opened again: the saved engine state answers the first KPI question),
//  - an import of 1,000 EHF invoices through the product's ingest, and how long until the KPIs include them,
//  - the same KPIs by a straightforward reference SQL (EXISTS over agreements) on DuckDB and on PostgreSQL,
//  - whether all three agree, a drill-down query, the EHF ingest rate on generated files, and peak RSS.
// The generator and the references run in child processes (bench/spend-child.ts), so the memory they leave
// behind is not carried into the product's stages. `peak_rss_mb` is the largest peak of any process over every
// stage the bench runs (each stage's own VmHWM); `held_at_once_mb` adds to a child's peak the parent's resident
// memory while it waited, which is the most the bench held at one time.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import type { GenerateParams, ReferenceParams, ReferenceResult } from './spend-child.js';
import { openDatabase } from '../src/db/client.js';
import { agreementCategories, agreementOrganisations, agreements, organisations } from '../src/db/schema.js';
import { systemActor } from '../src/db/unit-of-work.js';
import { orgNumberFromStem } from '../src/domain/org-number.rules.js';
import { seedReferenceData } from '../src/features/seed/seed.js';
import { computeKpiTable, refreshCoverage } from '../src/features/spend/spend-engine.js';
import { ingestEhfFiles } from '../src/features/spend/spend-ingest.service.js';
import { getBreakdown, getSummary } from '../src/features/spend/spend-kpi.service.js';
import { openSpendStore } from '../src/features/spend/spend-store.js';
import * as spendRepo from '../src/features/spend/spend.repo.js';
import { setClassificationMappings } from '../src/features/spend/spend.service.js';
import { ehfInvoiceXml } from './ehf-generator.js';

const args = z
  .object({
    lines: z.coerce.number().int().min(1000).default(10_000_000),
    invoices: z.coerce.number().int().min(100).default(20_000),
    keep: z.boolean().default(false),
    'skip-postgres': z.boolean().default(false),
  })
  .parse(parseArgs(process.argv.slice(2)));

function parseArgs(argv: string[]) {
  const result: Record<string, string | boolean> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const name = argv[index]!.replace(/^--/, '');
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--')) result[name] = true;
    else {
      result[name] = value;
      index += 1;
    }
  }
  return result;
}

const POSTGRES_URL = process.env.STYR_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SUPPLIERS = 20_000;
const AGREEMENTS = 3_000;
const HF_COUNT = 30;
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
// Peak RSS per stage: Linux resets the high-water mark (VmHWM) when 5 is written to clear_refs, so each stage's
// peak is its own; the product's peak is the highest over the stages that run product code.
const stagePeaks = new Map<string, number>();
const PRODUCT_STAGES = ['scratch', 'kpi', 'drill-down', 'coverage', 'restart', 'import', 'ingest', 'final'];
const statusMb = (field: string) => {
  const match = fs.readFileSync('/proc/self/status', 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`));
  return match ? Math.round(Number(match[1]) / 1024) : Math.round(process.resourceUsage().maxRSS / 1024);
};
const rss = (stage: string) => {
  const peak = statusMb('VmHWM');
  stagePeaks.set(stage, peak);
  heldAtOnce.set(stage, peak);
  log(`  rss after ${stage}: ${statusMb('VmRSS')} MB (peak during it ${peak} MB)`);
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux: the next stage's figure is the process's peak so far
  }
};
/** Per stage, the child's peak plus the parent's resident memory while it waited (parent stages: their peak). */
const heldAtOnce = new Map<string, number>();
/** Runs a stage in a child process (bench/spend-child.ts) and records its peaks. */
async function inChild<T extends { peaks: Record<string, number> }>(
  role: 'generate' | 'reference',
  params: GenerateParams | ReferenceParams,
): Promise<T> {
  const paramsFile = path.join(root, `${role}.json`);
  fs.writeFileSync(paramsFile, JSON.stringify(params));
  const script = fileURLToPath(new URL('./spend-child.ts', import.meta.url));
  const parentMb = statusMb('VmRSS');
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, role, paramsFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`bench:spend ${role} ended with ${code}`)),
    );
  });
  const result = JSON.parse(output.trim().split('\n').at(-1)!) as T;
  for (const [stage, childMb] of Object.entries(result.peaks)) {
    stagePeaks.set(stage, childMb);
    heldAtOnce.set(stage, childMb + parentMb);
    log(
      `  peak during ${stage}: child ${childMb} MB (with the waiting parent's ${parentMb} MB: ${childMb + parentMb} MB)`,
    );
  }
  fs.writeFileSync('/proc/self/clear_refs', '5');
  return result;
}
const seconds = (ms: number) => (ms / 1000).toFixed(3);
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}
/** Median of `runs` timed runs after one warm-up run. */
async function medianOf<T>(runs: number, work: () => Promise<T>) {
  await work();
  const times: number[] = [];
  let result!: T;
  for (let run = 0; run < runs; run += 1) {
    const measured = await timed(work);
    times.push(measured.ms);
    result = measured.result;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, result };
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-bench-'));
const actor = systemActor('bench');
// Master data lives in a scratch database on the real PostgreSQL server (dropped at the end); the naive
// PostgreSQL reference query runs there too.
const scratch = `styr_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: POSTGRES_URL });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
await admin.query(`CREATE DATABASE ${scratch}`);
const scratchUrl = new URL(POSTGRES_URL);
scratchUrl.pathname = `/${scratch}`;
const database = await openDatabase({ kind: 'postgres', url: scratchUrl.toString() });
await database.migrate();
await seedReferenceData(database.db);
const db = database.db;

// --- Master data: 30 HFs in 4 regions (the real ones with their organisation numbers, padded), the category mapping, 3,000 agreements. ---
const orgRows = await spendRepo.listOrganisationsForSpend(db);
const rhfs = orgRows.filter((org) => org.kind === 'RHF');
let hfs = orgRows.filter((org) => org.kind === 'HF');
for (let index = hfs.length; index < HF_COUNT; index += 1)
  await db.insert(organisations).values({
    code: `BENCH-HF-${index}`,
    name: `Benchmark HF ${index}`,
    kind: 'HF',
    rhfId: rhfs[index % 4]!.id,
    orgNumber: orgNumberFromStem(98_000_000 + index * 1000),
  });
hfs = (await spendRepo.listOrganisationsForSpend(db)).filter((org) => org.kind === 'HF').slice(0, HF_COUNT);
const allOrgs = await spendRepo.listOrganisationsForSpend(db);
const hfOrgNumbers = hfs.map((hf) => allOrgs.find((org) => org.id === hf.id)!.orgNumber!);
const categories = (await spendRepo.listCategoriesForSpend(db)).filter(
  (category) => category.parentId === null,
);
if (categories.length !== 14) log(`note: ${categories.length} top-level categories in the reference data`);
await setClassificationMappings(
  db,
  actor,
  categories.map((category, index) => ({
    scheme: 'UNSPSC' as const,
    codePrefix: String(10 + index),
    categoryCode: category.code,
  })),
);
const supplierOrgNumbers = Array.from({ length: SUPPLIERS }, (_, index) =>
  orgNumberFromStem(80_000_000 + index * 10),
);
let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const agreementRows: Array<typeof agreements.$inferInsert> = [];
const agreementCategoryRows: Array<{ index: number; categoryId: string }> = [];
const agreementOrgRows: Array<{ index: number; organisationId: string }> = [];
for (let index = 0; index < AGREEMENTS; index += 1) {
  // Agreements mostly with the big suppliers, in their main category; renewals overlap their predecessors.
  const supplierIndex = Math.floor(random() ** 2 * 4000);
  const kind = random();
  const scope = kind < 0.65 ? 'national' : kind < 0.95 ? 'regional' : 'local';
  const startDay = Math.floor(random() * 1460) - 365;
  const from = new Date(Date.UTC(2022, 0, 1) + startDay * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(2022, 0, 1) + (startDay + 365 + Math.floor(random() * 1100)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  agreementRows.push({
    agreementNumber: `B-${index}`,
    name: `Benchmark-avtale ${index}`,
    supplierName: `Leverandør ${supplierIndex}`,
    supplierOrgNumber: supplierOrgNumbers[supplierIndex]!,
    scope,
    rhfId: scope === 'regional' ? rhfs[Math.floor(random() * 4)]!.id : null,
    validFrom: from,
    validTo: to,
    status: 'active',
  });
  agreementCategoryRows.push({
    index,
    categoryId:
      categories[
        random() < 0.85 ? supplierIndex % categories.length : Math.floor(random() * categories.length)
      ]!.id,
  });
  if (scope === 'local')
    for (let count = 0; count < 3; count += 1)
      agreementOrgRows.push({ index, organisationId: hfs[Math.floor(random() * hfs.length)]!.id });
}
const agreementIds: string[] = [];
for (let start = 0; start < agreementRows.length; start += 500) {
  const inserted = await db
    .insert(agreements)
    .values(agreementRows.slice(start, start + 500))
    .returning({ id: agreements.id });
  agreementIds.push(...inserted.map((row) => row.id));
}
await db.insert(agreementCategories).values(
  agreementCategoryRows.map((row) => ({
    agreementId: agreementIds[row.index]!,
    categoryId: row.categoryId,
  })),
);
const uniqueOrgRows = [
  ...new Map(agreementOrgRows.map((row) => [`${row.index}:${row.organisationId}`, row])).values(),
];
if (uniqueOrgRows.length > 0)
  await db.insert(agreementOrganisations).values(
    uniqueOrgRows.map((row) => ({
      agreementId: agreementIds[row.index]!,
      organisationId: row.organisationId,
    })),
  );
rss('master data');
log(
  `master data: ${hfs.length} HFs, ${categories.length} categories, ${SUPPLIERS} suppliers, ${AGREEMENTS} agreements`,
);

// --- Lines through the product's Parquet writer (commitStaged), generated by SQL in the product's column layout. ---
// DuckDB's memory limit (it spills to disk beyond it): 1 GB up to 10 M lines, 4 GB for the 100 M run.
const memoryLimit = args.lines > 20_000_000 ? '4GB' : '1GB';
const spendDir = path.join(root, 'spend');
const generation = await inChild<{ ms: number; lineFiles: number; peaks: Record<string, number> }>(
  'generate',
  {
    dir: spendDir,
    lines: args.lines,
    memoryLimit,
    supplierOrgNumbers,
    hfs: hfs.map((hf, index) => ({ code: hf.code, orgNumber: hfOrgNumbers[index]! })),
    categories: categories.length,
  } satisfies GenerateParams,
);
log(
  `generated ${args.lines} lines as Parquet in ${seconds(generation.ms)} s (${generation.lineFiles} files)`,
);
// The product starts from the files on disk, in this process.
let store = await openSpendStore(spendDir, { threads: 2, memoryLimit });

// --- The product's path from scratch (no saved engine state): first KPI answer; then recomputation, drill-down. ---
let deps = { db, store };
const fromScratch = await timed(() => getSummary(deps, {}));
rss('scratch');
log(`from scratch (Parquet → flagged compact lines → KPI cube → first answer): ${seconds(fromScratch.ms)} s`);
let e = (await store.engine()).connection;
const kpi = await medianOf(3, () => computeKpiTable(e));
rss('kpi');
log(`product KPI recomputation (from the flagged lines): ${seconds(kpi.ms)} s (median of 3)`);
const drillFilter = { hf: hfs[3]!.code, category: categories[2]!.code, from: '2024-01', to: '2024-12' };
const drill = await medianOf(5, () => getBreakdown(deps, drillFilter, 'supplier', 50));
const drillNational = await medianOf(5, () => getBreakdown(deps, {}, 'rhf'));
rss('drill-down');
log(
  `drill-down (HF × category × year by supplier): ${drill.ms.toFixed(1)} ms; national by RHF: ${drillNational.ms.toFixed(1)} ms`,
);

// --- Keeping the flags true: a full re-flagging of every line, and one agreement change (incremental). ---
const coverageFull = await timed(async () => {
  await e.run(`DROP TABLE IF EXISTS cov_iv; DROP TABLE IF EXISTS base_iv`);
  return refreshCoverage(e);
});
log(`coverage flags rebuilt for all lines: ${seconds(coverageFull.ms)} s`);
await db
  .update(agreements)
  .set({ validTo: '2026-06-30', updatedAt: new Date() })
  .where(eq(agreements.agreementNumber, 'B-1'));
const change = await timed(() => getSummary(deps, {}));
log(`one agreement changed → dashboard answer (incremental re-flag + KPI cube): ${seconds(change.ms)} s`);
rss('coverage');

// --- A restart: the store closed and opened again; the saved engine state answers the first KPI question. ---
const before = (await getSummary(deps, {})).measures;
store.close();
store = await openSpendStore(spendDir, { threads: 2, memoryLimit });
deps = { db, store };
const restart = await timed(() => getSummary(deps, {}));
const isRestartAgreeing = JSON.stringify(restart.result.measures) === JSON.stringify(before);
rss('restart');
log(
  `restart → first KPI answer: ${seconds(restart.ms)} s (${isRestartAgreeing ? 'same' : 'DIFFERENT'} figures)`,
);
e = (await store.engine()).connection;

// --- EHF files on disk (generated multi-line invoices), for the 1,000-invoice import and the ingest rate. ---
const ehfDir = path.join(root, 'ehf');
fs.mkdirSync(ehfDir);
for (let index = 0; index < args.invoices; index += 1) {
  fs.writeFileSync(
    path.join(ehfDir, `inv-${String(index).padStart(6, '0')}.xml`),
    ehfInvoiceXml({
      number: `E-${index}`,
      issueDate: `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
      supplierOrgNumber: supplierOrgNumbers[index % 2000]!,
      buyerOrgNumber: hfOrgNumbers[index % hfOrgNumbers.length]!,
      lines: 2 + (index % 4),
      seed: index,
    }),
  );
}
const files = fs
  .readdirSync(ehfDir)
  .sort()
  .map((name) => ({ name, read: () => fs.readFileSync(path.join(ehfDir, name), 'utf8') }));

// --- 1,000 new invoices imported into the 10 M store; then how long until the KPIs include them. ---
const importCommit = await timed(() =>
  ingestEhfFiles({ db, store }, actor, files.slice(0, 1000), { batchSize: 1000 }),
);
const imported = await timed(() => getSummary(deps, {}));
const isImportAgreeing = imported.result.measures.lines === before.lines + importCommit.result.lines;
rss('import');
log(
  `import of ${importCommit.result.invoices} invoices (${importCommit.result.lines} lines) committed in ${seconds(importCommit.ms)} s; reflected in the KPIs ${seconds(imported.ms)} s later (${isImportAgreeing ? 'all lines counted' : 'LINE COUNT WRONG'})`,
);

// --- EHF ingest rate: the generated files into an empty store, through the product's ingest. ---
const ingestStore = await openSpendStore(path.join(root, 'ingest'), { threads: 2, memoryLimit });
const ingest = await timed(() =>
  ingestEhfFiles({ db, store: ingestStore }, actor, files, { batchSize: 5000 }),
);
ingestStore.close();
rss('ingest');
const ingestRate = ingest.result.invoices / (ingest.ms / 1000);
log(
  `EHF ingest: ${ingest.result.invoices} invoices, ${ingest.result.lines} lines, ${ingest.result.rejected.length} rejected in ${seconds(ingest.ms)} s`,
);

// --- The product's final figures (its KPI table after a full re-flag), then the references in a child process. ---
await refreshCoverage(e);
const kpiFinal = (await timed(() => computeKpiTable(e))).result;
const national = (
  await e.runAndReadAll(
    `SELECT sum(amount_nok)::VARCHAR, (sum(amount_nok) FILTER (is_covered) / sum(amount_nok))::DOUBLE FROM kpi_lines`,
  )
).getRows()[0]!;
rss('final');
// What the references read besides the saved engine tables: the agreements expanded to the organisations they
// cover (the engine's temporary `agreement_cover`: national all, regional the RHF's, local the listed HFs, NOT
// merged) and the rates of the last import's lines (the engine's temporary `src_rates`).
await e.run(
  `CREATE OR REPLACE TABLE bench_ref_cover AS SELECT supplier_key, category_key, hf_key, from_day, to_day FROM agreement_cover;
   CREATE OR REPLACE TABLE bench_src_rates AS SELECT * FROM src_rates; CHECKPOINT`,
);
store.close();
const reference = await inChild<ReferenceResult>('reference', {
  dir: spendDir,
  memoryLimit,
  postgresUrl: args['skip-postgres'] ? null : scratchUrl.toString(),
  exportDir: path.join(root, 'pg'),
} satisfies ReferenceParams);
const scan = { ms: reference.scanMs };
const naive = { ms: reference.naiveMs, result: reference.naiveRows };
const naiveParquet = { ms: reference.naiveParquetMs, result: reference.naiveParquetRows };
const postgresMs = reference.postgresMs ?? Number.NaN;
const postgresRows = reference.postgresRows;

// --- Do they agree? Compare every (organisation, category) row: spend, covered spend, spend in agreement categories. ---
const normalise = (rows: unknown[][]) =>
  rows.map((row) =>
    row
      .map((value) =>
        value === null
          ? 'null'
          : /^-?\d+(\.\d+)?$/.test(String(value as string))
            ? Number(value).toFixed(2)
            : String(value as string),
      )
      .join('|'),
  );
const productRows = normalise(kpiFinal);
const isAgreeing =
  JSON.stringify(productRows) === JSON.stringify(normalise(naive.result)) &&
  JSON.stringify(productRows) === JSON.stringify(normalise(naiveParquet.result)) &&
  (args['skip-postgres'] || JSON.stringify(productRows) === JSON.stringify(normalise(postgresRows))) &&
  productRows.length > 0;
if (!isAgreeing) {
  const naiveRows = normalise(naive.result);
  const pgRows = normalise(postgresRows);
  log(`DISAGREE: product ${productRows.length} rows, naive ${naiveRows.length}, postgres ${pgRows.length}`);
  for (let index = 0; index < productRows.length; index += 1)
    if (productRows[index] !== naiveRows[index] || productRows[index] !== pgRows[index]) {
      log(
        `  first difference: product ${productRows[index]} | naive ${naiveRows[index]} | postgres ${pgRows[index]}`,
      );
      break;
    }
}
log(`national spend ${String(national[0])} NOK, avtaledekning ${(Number(national[1]) * 100).toFixed(1)} %`);

const peakRssMb = Math.max(...stagePeaks.values());
const heldAtOnceMb = Math.max(...heldAtOnce.values());
const productPeakRssMb = Math.max(...PRODUCT_STAGES.map((stage) => stagePeaks.get(stage) ?? 0));
const peakStage = [...stagePeaks.entries()].find(([, peak]) => peak === peakRssMb)![0];
await database.close();
await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
await admin.end();
if (!args.keep) fs.rmSync(root, { recursive: true, force: true });
else log(`kept ${root}`);

const speedupNaive = naive.ms / kpi.ms;
const speedupPostgres = postgresMs / kpi.ms;
const speedupScratch = naiveParquet.ms / fromScratch.ms;
const isAllAgreeing = isAgreeing && isRestartAgreeing && isImportAgreeing;
console.log(`lines                      ${args.lines}`);
console.log(`scratch_s                  ${seconds(fromScratch.ms)} (no saved state → first KPI answer)`);
console.log(`parquet_scan_s             ${seconds(scan.ms)} (bare scan of the columns the engine reads)`);
console.log(`restart_s                  ${seconds(restart.ms)} (store reopened → first KPI answer)`);
console.log(
  `import_1000_s              ${seconds(imported.ms)} (commit of 1,000 invoices → KPIs include them; the commit took ${seconds(importCommit.ms)} s)`,
);
console.log(`kpi_recompute_s            ${seconds(kpi.ms)}`);
console.log(`duckdb_naive_s             ${seconds(naive.ms)}`);
console.log(
  `duckdb_naive_parquet_s     ${seconds(naiveParquet.ms)} (the naive SQL from the Parquet files; scratch is ${speedupScratch.toFixed(2)}× faster)`,
);
console.log(`postgres_naive_s           ${seconds(postgresMs)}`);
console.log(
  `coverage_full_s            ${seconds(coverageFull.ms)}; one agreement change ${seconds(change.ms)} s`,
);
console.log(
  `drilldown_ms               ${drill.ms.toFixed(1)} (HF × category × year by supplier), ${drillNational.ms.toFixed(1)} (national by RHF)`,
);
console.log(`ehf_ingest                 ${ingest.result.invoices} invoices in ${seconds(ingest.ms)} s`);
console.log(
  `peak_rss_mb                ${peakRssMb} (largest process, in stage ${peakStage}, every stage counted); product stages ${productPeakRssMb}; held at once ${heldAtOnceMb} (a child's peak + the waiting parent)`,
);
console.log(`agree                      ${isAllAgreeing ? 'yes' : 'no'}`);
console.log(
  `RESULT lines=${args.lines} kpi_s=${seconds(kpi.ms)} duckdb_naive_s=${seconds(naive.ms)} postgres_s=${seconds(postgresMs)} speedup_vs_naive=${speedupNaive.toFixed(1)} speedup_vs_postgres=${speedupPostgres.toFixed(1)} restart_s=${seconds(restart.ms)} import_1000_s=${seconds(imported.ms)} scratch_s=${seconds(fromScratch.ms)} duckdb_naive_parquet_s=${seconds(naiveParquet.ms)} speedup_scratch_vs_naive_parquet=${speedupScratch.toFixed(2)} scan_s=${seconds(scan.ms)} ingest_invoices_per_s=${Math.round(ingestRate)} peak_rss_mb=${peakRssMb} product_peak_rss_mb=${productPeakRssMb} held_at_once_mb=${heldAtOnceMb} agree=${isAllAgreeing ? 'yes' : 'no'}`,
);
if (!isAllAgreeing) process.exitCode = 1;
