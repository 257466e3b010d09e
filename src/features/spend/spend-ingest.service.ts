// Invoice ingest: EHF files (and accounts-payable CSV rows) → checked documents → Parquet, as a pipeline
// parse → map buyer → drop duplicates → stage → commit, in batches. One audit entry per batch in the main DB.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import { badRequest } from '../../shared/app-error.js';
import { parseEhf, type EhfDocument } from './ehf-parser.js';
import * as repo from './spend.repo.js';
import {
  commitStaged,
  createStaging,
  findStoredInvoices,
  sqlString,
  type SpendStore,
} from './spend-store.js';
import { hasRate, type RateTable } from './spend.rules.js';

export interface SpendDeps {
  db: Db;
  store: SpendStore;
  /** Called after an import changed the stored lines, so cached KPIs are refreshed. */
  onLinesChanged?: () => void;
}

export interface InputFile {
  name: string;
  read(): Promise<string> | string;
}

export interface IngestReport {
  dryRun: boolean;
  files: number;
  invoices: number;
  creditNotes: number;
  lines: number;
  duplicates: Array<{ file: string; supplier: string; invoiceNumber: string; firstSeenIn: string }>;
  rejected: Array<{ file: string; reason: string }>;
  linesWithoutRate: number;
}

export const emptyReport = (dryRun: boolean): IngestReport => ({
  dryRun,
  files: 0,
  invoices: 0,
  creditNotes: 0,
  lines: 0,
  duplicates: [],
  rejected: [],
  linesWithoutRate: 0,
});

export interface AcceptedDocument {
  file: string;
  document: EhfDocument;
  hfCode: string;
}

const invoiceKey = (doc: EhfDocument) =>
  `${doc.supplier.scheme}:${doc.supplier.id}:${doc.documentType}:${doc.invoiceNumber}`;

/** Buyers by organisation number (and by organisation code, for CSV exports that name the HF). */
export async function loadBuyerLookup(db: Db) {
  const orgs = await repo.listOrganisationsForSpend(db);
  return new Map(orgs.filter((org) => org.orgNumber).map((org) => [org.orgNumber!, org.code]));
}

/** Stages accepted documents (minus duplicates) and writes them; returns what was stored. */
export async function storeDocuments(
  deps: SpendDeps,
  accepted: AcceptedDocument[],
  report: IngestReport,
  rates: RateTable,
  batchId: string,
) {
  const { store } = deps;
  await createStaging(store);
  const firstSeen = new Map<string, string>();
  const unique: AcceptedDocument[] = [];
  for (const entry of accepted) {
    const key = invoiceKey(entry.document);
    const first = firstSeen.get(key);
    if (first !== undefined) {
      report.duplicates.push({
        file: entry.file,
        supplier: `${entry.document.supplier.scheme}:${entry.document.supplier.id}`,
        invoiceNumber: entry.document.invoiceNumber,
        firstSeenIn: first,
      });
    } else {
      firstSeen.set(key, entry.file);
      unique.push(entry);
    }
  }
  const invoices = await store.connection.createAppender('staged_invoices');
  for (const { file, document } of unique) {
    for (const value of [
      document.supplier.scheme,
      document.supplier.id,
      document.documentType,
      document.invoiceNumber,
      document.issueDate,
      file,
      batchId,
    ])
      invoices.appendVarchar(value);
    invoices.endRow();
  }
  invoices.closeSync();
  const stored = new Map((await findStoredInvoices(store)).map((row) => [row.key, row.fileName]));
  if (stored.size > 0) {
    await store.connection.run(
      `DELETE FROM staged_invoices WHERE supplier_scheme || ':' || supplier_id || ':' || document_type || ':' || invoice_number IN (${[...stored.keys()].map(sqlString).join(', ')})`,
    );
  }
  const lines = await store.connection.createAppender('staged_lines');
  const put = (value: string | null) => (value === null ? lines.appendNull() : lines.appendVarchar(value));
  let stagedLines = 0;
  for (const { file, document, hfCode } of unique) {
    const key = invoiceKey(document);
    const storedIn = stored.get(key);
    if (storedIn !== undefined) {
      report.duplicates.push({
        file,
        supplier: `${document.supplier.scheme}:${document.supplier.id}`,
        invoiceNumber: document.invoiceNumber,
        firstSeenIn: storedIn,
      });
      continue;
    }
    if (document.documentType === 'creditNote') report.creditNotes += 1;
    else report.invoices += 1;
    const isRateMissing = !hasRate(rates, document.currency, document.issueDate);
    for (const line of document.lines) {
      put(document.issueDate);
      put(document.documentType);
      put(document.invoiceNumber);
      put(line.lineId);
      put(document.supplier.scheme);
      put(document.supplier.id);
      put(document.supplierName);
      put(document.buyer.id);
      put(hfCode);
      put(document.currency);
      put(line.amount);
      put(line.quantity);
      put(line.description);
      put(line.sellerItemId);
      put(line.gtin);
      put(line.classificationScheme);
      put(line.classificationCode);
      put(document.contractReference);
      put(document.orderReference);
      put(line.hasOrderLineReference ? 'true' : 'false');
      put(file);
      put(batchId);
      lines.endRow();
      stagedLines += 1;
      if (isRateMissing) report.linesWithoutRate += 1;
    }
  }
  lines.closeSync();
  report.lines += stagedLines;
  if (!report.dryRun && stagedLines > 0) await commitStaged(store);
}

/** Adds one batch's counts to the whole import's report. */
function addReport(total: IngestReport, batch: IngestReport) {
  total.files += batch.files;
  total.invoices += batch.invoices;
  total.creditNotes += batch.creditNotes;
  total.lines += batch.lines;
  total.duplicates.push(...batch.duplicates);
  total.rejected.push(...batch.rejected);
  total.linesWithoutRate += batch.linesWithoutRate;
}

/**
 * Reads, checks and stores EHF files in batches; a bad file is reported with its reason and stores nothing.
 * Each batch is one unit: its lines are committed, then its audit entry is written, before the next batch
 * starts — so a failure later never leaves a stored batch unaudited. Running the same folder again resumes:
 * invoices already stored are skipped (reported as duplicates of the file they came from).
 */
export async function ingestEhfFiles(
  deps: SpendDeps,
  actor: Actor,
  files: readonly InputFile[],
  options: { dryRun?: boolean; batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<IngestReport> {
  const report = emptyReport(options.dryRun ?? false);
  const buyers = await loadBuyerLookup(deps.db);
  const rates = await repo.loadRateTable(deps.db);
  const batchSize = options.batchSize ?? 5000;
  const batchCount = Math.ceil(files.length / batchSize);
  for (let start = 0; start < files.length; start += batchSize) {
    const batch = emptyReport(report.dryRun);
    const accepted: AcceptedDocument[] = [];
    for (const file of files.slice(start, start + batchSize)) {
      batch.files += 1;
      let result: ReturnType<typeof parseEhf>;
      try {
        result = parseEhf(await file.read());
      } catch (error) {
        // An unreadable file (or a parser fault) is that file's problem, never the whole import's.
        batch.rejected.push({ file: file.name, reason: `Kan ikke lese filen: ${(error as Error).message}` });
        continue;
      }
      if (!result.ok) {
        batch.rejected.push({ file: file.name, reason: result.reason });
        continue;
      }
      const hfCode = buyers.get(result.document.buyer.id);
      if (!hfCode) {
        batch.rejected.push({
          file: file.name,
          reason: `Kjøperen ${result.document.buyer.scheme}:${result.document.buyer.id} er ikke en kjent organisasjon (organisasjonsnummer mangler i organisasjonsregisteret).`,
        });
        continue;
      }
      accepted.push({ file: file.name, document: result.document, hfCode });
    }
    await storeDocuments(deps, accepted, batch, rates, randomUUID());
    await recordImport(
      deps,
      actor,
      'ehf',
      batch,
      batchCount > 1 ? { batch: start / batchSize + 1, of: batchCount } : undefined,
    );
    addReport(report, batch);
    options.onProgress?.(Math.min(start + batchSize, files.length));
  }
  if (files.length === 0) await recordImport(deps, actor, 'ehf', report);
  return report;
}

export async function recordImport(
  deps: SpendDeps,
  actor: Actor,
  kind: 'ehf' | 'csv',
  report: IngestReport,
  part?: { batch: number; of: number },
) {
  if (report.dryRun) return;
  const what = kind === 'ehf' ? 'EHF-filer' : 'leverandørreskontro (CSV)';
  const batch = part ? ` (parti ${part.batch} av ${part.of})` : '';
  await writeAudited(deps.db, actor, async (_tx, recordAudit) => {
    await recordAudit({
      action: 'import',
      entityType: 'spend',
      entityId: null,
      summary: `Importerte ${what}${batch}: ${report.files} filer, ${report.invoices} fakturaer, ${report.creditNotes} kreditnotaer, ${report.lines} linjer, ${report.duplicates.length} duplikater, ${report.rejected.length} avvist`,
      after: {
        ...report,
        ...(part ? { batch: part } : {}),
        rejected: report.rejected.slice(0, 200),
        duplicates: report.duplicates.slice(0, 200),
      },
    });
  });
  if (report.lines > 0) deps.onLinesChanged?.();
}

/** Accounts-payable / ERP rows (already grouped into invoices); an unknown buyer refuses the whole file. */
export async function importSpendDocuments(
  deps: SpendDeps,
  actor: Actor,
  documents: ReadonlyArray<{ row: number; document: EhfDocument }>,
  options: { dryRun?: boolean; fileName: string },
): Promise<IngestReport> {
  const report = emptyReport(options.dryRun ?? false);
  report.files = 1;
  const buyers = await loadBuyerLookup(deps.db);
  const unknown = documents.filter((entry) => !buyers.has(entry.document.buyer.id));
  if (unknown.length > 0)
    throw badRequest(
      'Filen har kjøpere som ikke er kjente organisasjoner; ingenting er importert.',
      unknown.map((entry) => ({ row: entry.row, message: `Ukjent kjøper ${entry.document.buyer.id}` })),
    );
  const accepted = documents.map(({ row, document }) => ({
    file: `${options.fileName}#${row}`,
    document,
    hfCode: buyers.get(document.buyer.id)!,
  }));
  await storeDocuments(deps, accepted, report, await repo.loadRateTable(deps.db), randomUUID());
  await recordImport(deps, actor, 'csv', report);
  return report;
}
