import { z } from 'zod';
import ExcelJS from 'exceljs';
import { problemSchema } from '../../shared/schemas.js';
import { requireUser, sendFileDownload, type App, type AppDeps } from '../../shared/http.js';
import { safeCell, writeCsv } from '../../shared/spreadsheet.js';
import { writeRoles } from '../auth/index.js';
import { registerKpiSource } from '../kpis/index.js';
import { MAX_EHF_FILE_BYTES } from './ehf-parser.js';
import { parseColumnMapping, parseRatesCsv, parseSpendCsv } from './spend-csv.js';
import { importSpendDocuments, ingestEhfFiles } from './spend-ingest.service.js';
import { getASuppliers, getBreakdown, getLeakageSuppliers, getSummary } from './spend-kpi.service.js';
import { appSpendStore } from './spend-app-store.js';
import type { SpendStore } from './spend-store.js';
import {
  aSupplierCategorySchema,
  breakdownQuerySchema,
  breakdownRowSchema,
  classificationMappingSchema,
  exportQuerySchema,
  ingestReportSchema,
  kpiSummarySchema,
  spendFilterSchema,
  supplierAmountSchema,
  type BreakdownRow,
} from './spend.schemas.js';
import { MAX_SPEND_CSV_BYTES } from './spend.config.js';
import * as service from './spend.service.js';
import { routesFor } from '../../shared/route.js';

const tags = ['spend'];

const dryRunQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

const columnLabels: Array<[keyof BreakdownRow, string]> = [
  ['key', 'Kode'],
  ['name', 'Navn'],
  ['total', 'Forbruk (NOK)'],
  ['covered', 'På avtale (NOK)'],
  ['coverage', 'Avtaledekning'],
  ['inAgreementCategory', 'I avtalekategorier (NOK)'],
  ['loyalty', 'Avtalelojalitet'],
  ['leakage', 'Lekkasjekjøp (NOK)'],
  ['freeText', 'Fritekstkjøp (NOK)'],
  ['withOrder', 'Med ordrereferanse (NOK)'],
  ['eProcurementShare', 'E-handelsandel'],
  ['unclassified', 'Uklassifisert (NOK)'],
  ['lines', 'Linjer'],
];

export function breakdownToCsv(rows: BreakdownRow[]): string {
  return writeCsv(
    columnLabels.map(([, label]) => label),
    rows.map((row) => columnLabels.map(([field]) => row[field])),
  );
}

export async function breakdownToXlsx(rows: BreakdownRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Forbruk');
  sheet.addRow(columnLabels.map(([, label]) => label));
  for (const row of rows)
    sheet.addRow(
      columnLabels.map(([field]) => {
        const value = row[field];
        return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) && field !== 'key'
          ? Number(value)
          : safeCell(value);
      }),
    );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function registerSpendRoutes(app: App, deps: AppDeps & { spendStore?: SpendStore }) {
  const route = routesFor(app, tags);
  const { db } = deps;
  const store = appSpendStore(app, deps);
  const kpiDeps = async () => ({ db, store: await store() });
  // Avtaledekning feeds the KPI dashboard (seed 003, target 85 %): the year's share in percent, or null without spend.
  registerKpiSource('agreementCoverage', async (kpiDb, year) => {
    const { measures } = await getSummary(
      { db: kpiDb, store: await store() },
      { from: `${year}-01`, to: `${year}-12` },
    );
    return measures.lines === 0 || measures.coverage === null
      ? null
      : Math.round(measures.coverage * 1000) / 10;
  });

  route.get(
    '/api/spend/kpis',
    {
      access: 'authenticated',
      summary: 'Avtaledekning, avtalelojalitet, lekkasjekjøp, fritekstkjøp, e-handelsandel for a filter',
      querystring: spendFilterSchema,
      response: { 200: kpiSummarySchema, 400: problemSchema },
    },
    async (request) => getSummary(await kpiDeps(), request.query),
  );
  route.get(
    '/api/spend/breakdown',
    {
      access: 'authenticated',
      summary: 'The KPIs per RHF, HF, category, supplier or month (drill-down)',
      querystring: breakdownQuerySchema,
      response: { 200: z.array(breakdownRowSchema), 400: problemSchema },
    },
    async (request) => {
      const { by, limit, ...filter } = request.query;
      return getBreakdown(await kpiDeps(), filter, by, limit);
    },
  );
  route.get(
    '/api/spend/leakage',
    {
      access: 'authenticated',
      summary: 'Top suppliers of lekkasjekjøp (spend in agreement categories outside the agreements)',
      querystring: spendFilterSchema,
      response: z.array(supplierAmountSchema),
    },
    async (request) => getLeakageSuppliers(await kpiDeps(), request.query),
  );
  route.get(
    '/api/spend/a-suppliers',
    {
      access: 'authenticated',
      summary: 'A-suppliers per category: the fewest suppliers making up 80 % of its spend',
      querystring: spendFilterSchema,
      response: z.array(aSupplierCategorySchema),
    },
    async (request) => getASuppliers(await kpiDeps(), request.query),
  );
  route.get(
    '/api/spend/export',
    { access: 'authenticated', summary: 'A drill-down table as CSV or XLSX', querystring: exportQuerySchema },
    async (request, reply) => {
      const { by, limit, format, ...filter } = request.query;
      const rows = await getBreakdown(await kpiDeps(), filter, by, limit);
      const name = `forbruk-${by}`;
      return format === 'xlsx'
        ? sendFileDownload(reply, {
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            fileName: `${name}.xlsx`,
            content: await breakdownToXlsx(rows),
          })
        : sendFileDownload(reply, {
            contentType: 'text/csv; charset=utf-8',
            fileName: `${name}.csv`,
            content: breakdownToCsv(rows),
          });
    },
  );
  route.get(
    '/api/spend/classification-mappings',
    { access: 'authenticated', response: z.array(classificationMappingSchema) },
    () => service.listClassificationMappings(db),
  );
  route.put(
    '/api/spend/classification-mappings',
    {
      access: writeRoles.referenceData,
      summary: 'Replace the mapping from UNSPSC (listID TST) / CPV (STI) code prefixes to categories',
      body: z.array(classificationMappingSchema).max(10_000),
      response: { 200: z.array(classificationMappingSchema), 400: problemSchema },
    },
    (request) => service.setClassificationMappings(db, requireUser(request), request.body),
  );

  // File uploads get their own content-type parsers (XML, a larger CSV limit) in an encapsulated scope.
  void app.register(async (scope: App) => {
    scope.removeContentTypeParser('text/csv');
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: MAX_SPEND_CSV_BYTES },
      (_r, body, done) => done(null, body),
    );
    scope.addContentTypeParser(
      ['application/xml', 'text/xml'],
      { parseAs: 'string', bodyLimit: MAX_EHF_FILE_BYTES },
      (_r, body, done) => done(null, body),
    );
    scope.post(
      '/api/spend/import/ehf',
      {
        config: { access: writeRoles.referenceData },
        schema: {
          tags,
          summary: 'Upload one EHF invoice or credit note (application/xml)',
          querystring: dryRunQuery.extend({
            fileName: z.string().trim().min(1).max(200).default('opplastet.xml'),
          }),
          body: z.string(),
          response: { 200: ingestReportSchema, 400: problemSchema },
        },
      },
      async (request) =>
        ingestEhfFiles(
          await kpiDeps(),
          requireUser(request),
          [{ name: request.query.fileName, read: () => request.body }],
          { dryRun: request.query.dryRun },
        ),
    );
    scope.post(
      '/api/spend/import/csv',
      {
        config: { access: writeRoles.referenceData },
        schema: {
          tags,
          summary: 'Upload an accounts-payable / ERP export (text/csv) with an optional column mapping',
          querystring: dryRunQuery.extend({
            mapping: z
              .string()
              .optional()
              .describe('field=column pairs, e.g. amount=Beløp,issueDate=Bilagsdato'),
            fileName: z.string().trim().min(1).max(200).default('reskontro.csv'),
          }),
          body: z.string(),
          response: { 200: ingestReportSchema, 400: problemSchema },
        },
      },
      async (request) =>
        importSpendDocuments(
          await kpiDeps(),
          requireUser(request),
          parseSpendCsv(request.body, parseColumnMapping(request.query.mapping)),
          { dryRun: request.query.dryRun, fileName: request.query.fileName },
        ),
    );
    scope.post(
      '/api/spend/rates',
      {
        config: { access: writeRoles.referenceData },
        schema: {
          tags,
          summary: 'Import exchange rates (valuta;dato;kurs, or Norges Bank CSV)',
          querystring: dryRunQuery,
          body: z.string(),
          response: {
            200: z.object({ dryRun: z.boolean(), rates: z.number().int(), currencies: z.array(z.string()) }),
            400: problemSchema,
          },
        },
      },
      (request) =>
        service.importRates(db, requireUser(request), parseRatesCsv(request.body), {
          dryRun: request.query.dryRun,
        }),
    );
  });
}
