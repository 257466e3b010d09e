// Reads agreement import files (CSV, or XLSX with the sheets «Avtaler» and «Artikler»). Pure apart from
// reading the XLSX bytes: the rows come back validated with their line numbers, or one AppError with all problems.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../shared/app-error.js';
import type { ImportedAgreement } from './agreements.service.js';
import { articleInputSchema, createAgreementSchema } from './agreements.schemas.js';

export const AGREEMENT_FILE_ERROR = 'Avtalefilen har feil; ingenting er importert.';
export const MAX_AGREEMENT_FILE_BYTES = 20 * 1024 * 1024;

export interface Table {
  sheet: string;
  header: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

const agreementAliases: Record<string, string> = {
  avtalenummer: 'agreementNumber',
  agreementnumber: 'agreementNumber',
  navn: 'name',
  name: 'name',
  leverandor: 'supplierName',
  leverandør: 'supplierName',
  suppliername: 'supplierName',
  orgnr: 'supplierOrgNumber',
  organisasjonsnummer: 'supplierOrgNumber',
  supplierorgnumber: 'supplierOrgNumber',
  omfang: 'scope',
  scope: 'scope',
  rhf: 'rhf',
  hf: 'hfs',
  hfs: 'hfs',
  kategorier: 'categories',
  kategori: 'categories',
  categories: 'categories',
  gyldig_fra: 'validFrom',
  validfrom: 'validFrom',
  gyldig_til: 'validTo',
  validto: 'validTo',
  opsjoner: 'extensionOptions',
  extensionoptions: 'extensionOptions',
  status: 'status',
  anskaffelse: 'procurementId',
  procurementid: 'procurementId',
};

const articleAliases: Record<string, string> = {
  avtalenummer: 'agreementNumber',
  agreementnumber: 'agreementNumber',
  artikkelnummer: 'supplierArticleNumber',
  supplierarticlenumber: 'supplierArticleNumber',
  gtin: 'gtin',
  beskrivelse: 'description',
  description: 'description',
  enhet: 'unit',
  unit: 'unit',
  pris: 'price',
  price: 'price',
  produksjonsland: 'productionCountry',
  productioncountry: 'productionCountry',
  kritikalitet: 'criticality',
  criticality: 'criticality',
};

const scopeWords: Record<string, string> = {
  nasjonal: 'national',
  national: 'national',
  regional: 'regional',
  lokal: 'local',
  local: 'local',
};
const statusWords: Record<string, string> = {
  '': 'active',
  aktiv: 'active',
  active: 'active',
  utkast: 'draft',
  draft: 'draft',
  utløpt: 'expired',
  utlopt: 'expired',
  expired: 'expired',
  avsluttet: 'terminated',
  terminated: 'terminated',
};
const criticalityWords: Record<string, string | null> = {
  '': null,
  høy: 'high',
  hoy: 'high',
  high: 'high',
  middels: 'medium',
  medium: 'medium',
  lav: 'low',
  low: 'low',
};

/** Norwegian dates (dd.mm.yyyy) and spreadsheet dates become ISO; anything else is left for zod to refuse. */
function toIsoDate(value: string): string {
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (norwegian) return `${norwegian[3]}-${norwegian[2]!.padStart(2, '0')}-${norwegian[1]!.padStart(2, '0')}`;
  return value.slice(0, 10);
}

const list = (value: string) =>
  value
    .split(/[|,;]/)
    .map((item) => item.trim())
    .filter(Boolean);

function readColumns(table: Table, aliases: Record<string, string>, problems: ErrorDetail[]) {
  const columns = new Map<string, number>();
  table.header.forEach((raw, index) => {
    const field = aliases[raw.trim().toLowerCase()];
    if (!field) problems.push({ row: 1, message: `${table.sheet}: ukjent kolonne «${raw.trim()}»` });
    else columns.set(field, index);
  });
  return (cells: string[], field: string) => {
    const index = columns.get(field);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
}

export interface OrganisationCodes {
  get(code: string): { id: string; kind: string } | undefined;
}

/** Turns the agreement table (and optionally the article table) into import rows; throws every problem at once. */
export function readAgreementTables(
  agreementsTable: Table,
  articlesTable: Table | null,
  orgByCode: OrganisationCodes,
): ImportedAgreement[] {
  const problems: ErrorDetail[] = [];
  const cell = readColumns(agreementsTable, agreementAliases, problems);
  if (problems.length > 0) throw new AppError('badRequest', AGREEMENT_FILE_ERROR, problems);
  if (agreementsTable.rows.length === 0)
    throw new AppError('badRequest', AGREEMENT_FILE_ERROR, [{ row: 1, message: 'Filen har ingen avtaler.' }]);

  const articlesByNumber = new Map<string, z.infer<typeof articleInputSchema>[]>();
  if (articlesTable) {
    const articleCell = readColumns(articlesTable, articleAliases, problems);
    for (const { line, cells } of articlesTable.rows) {
      const criticality = articleCell(cells, 'criticality').toLowerCase();
      const parsed = articleInputSchema.safeParse({
        supplierArticleNumber: articleCell(cells, 'supplierArticleNumber') || null,
        gtin: articleCell(cells, 'gtin') || null,
        description: articleCell(cells, 'description'),
        unit: articleCell(cells, 'unit') || null,
        price: articleCell(cells, 'price') || null,
        productionCountry: articleCell(cells, 'productionCountry') || null,
        criticality: criticality in criticalityWords ? criticalityWords[criticality] : criticality,
      });
      if (!parsed.success) {
        problems.push(
          ...parsed.error.issues.map((issue) => ({ row: line, message: `Artikler: ${issue.message}` })),
        );
        continue;
      }
      const number = articleCell(cells, 'agreementNumber');
      articlesByNumber.set(number, [...(articlesByNumber.get(number) ?? []), parsed.data]);
    }
  }

  const result: ImportedAgreement[] = [];
  const numbers = new Set<string>();
  for (const { line, cells } of agreementsTable.rows) {
    const rowProblems: string[] = [];
    const orgId = (code: string, kind: string) => {
      const org = orgByCode.get(code.toUpperCase());
      if (!org || org.kind !== kind) {
        rowProblems.push(`Ukjent ${kind} ${code}`);
        return '00000000-0000-4000-8000-000000000000';
      }
      return org.id;
    };
    const scope = cell(cells, 'scope').toLowerCase();
    const status = cell(cells, 'status').toLowerCase();
    const rhf = cell(cells, 'rhf');
    const agreementNumber = cell(cells, 'agreementNumber');
    numbers.add(agreementNumber);
    const parsed = createAgreementSchema.safeParse({
      agreementNumber,
      name: cell(cells, 'name'),
      supplierName: cell(cells, 'supplierName'),
      supplierOrgNumber: cell(cells, 'supplierOrgNumber'),
      scope: scopeWords[scope] ?? scope,
      rhfId: rhf ? orgId(rhf, 'RHF') : null,
      hfIds: list(cell(cells, 'hfs')).map((code) => orgId(code, 'HF')),
      categoryCodes: list(cell(cells, 'categories')).map((code) => code.toUpperCase()),
      validFrom: toIsoDate(cell(cells, 'validFrom')),
      validTo: toIsoDate(cell(cells, 'validTo')),
      extensionOptions: cell(cells, 'extensionOptions') || null,
      status: statusWords[status] ?? status,
      procurementId: cell(cells, 'procurementId') || null,
      articles: articlesByNumber.get(agreementNumber) ?? [],
    });
    problems.push(...rowProblems.map((message) => ({ row: line, message })));
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.map((issue) => ({
          row: line,
          message: `${issue.path.join('.') || 'rad'}: ${issue.message}`,
        })),
      );
    } else if (rowProblems.length === 0) {
      result.push({ row: line, agreement: parsed.data, hasArticles: articlesByNumber.has(agreementNumber) });
    }
  }
  if (articlesTable)
    for (const { line, cells } of articlesTable.rows) {
      const number =
        cells[
          articlesTable.header.findIndex((h) => articleAliases[h.trim().toLowerCase()] === 'agreementNumber')
        ];
      if (number !== undefined && !numbers.has(number.trim()))
        problems.push({ row: line, message: `Artikler: avtalenummeret ${number} står ikke i avtalelisten` });
    }
  if (problems.length > 0)
    throw new AppError(
      'badRequest',
      AGREEMENT_FILE_ERROR,
      problems.sort((a, b) => a.row! - b.row!),
    );
  return result;
}

/** CSV text (`,` or `;`) as a table; the header is line 1. */
export function readCsvTable(text: string, sheet = 'Avtaler'): Table {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = normalised.split('\n', 1)[0] ?? '';
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(normalised, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new AppError('badRequest', AGREEMENT_FILE_ERROR, [
      { row: 1, message: `Filen kan ikke leses som CSV (${(error as Error).message}).` },
    ]);
  }
  const [header, ...rows] = records;
  if (!header) throw new AppError('badRequest', AGREEMENT_FILE_ERROR, [{ row: 1, message: 'Filen er tom.' }]);
  return {
    sheet,
    header: header.record,
    rows: rows.map(({ record, info }) => ({ line: info.lines, cells: record })),
  };
}

/** A spreadsheet cell as the text a user sees (dates as ISO, formulas by their result). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    return '';
  }
  return String(value);
}

/** An XLSX workbook: the first sheet (or «Avtaler») holds agreements, an optional «Artikler» sheet the articles. */
export async function readXlsxTables(bytes: Buffer): Promise<{ agreements: Table; articles: Table | null }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('badRequest', AGREEMENT_FILE_ERROR, [
      { row: 1, message: 'Filen er ikke en gyldig XLSX-fil.' },
    ]);
  }
  const toTable = (sheet: ExcelJS.Worksheet): Table => {
    const rows: Table['rows'] = [];
    let header: string[] = [];
    sheet.eachRow((row, line) => {
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column += 1)
        cells.push(cellText(row.getCell(column).value));
      if (line === 1) header = cells;
      else if (cells.some((cell) => cell.trim() !== '')) rows.push({ line, cells });
    });
    return { sheet: sheet.name, header, rows };
  };
  const agreementSheet = workbook.getWorksheet('Avtaler') ?? workbook.worksheets[0];
  if (!agreementSheet)
    throw new AppError('badRequest', AGREEMENT_FILE_ERROR, [
      { row: 1, message: 'Arbeidsboken har ingen ark.' },
    ]);
  const articleSheet = workbook.getWorksheet('Artikler');
  return { agreements: toTable(agreementSheet), articles: articleSheet ? toTable(articleSheet) : null };
}
