// Pure readers for the spend CSV files: accounts-payable / ERP exports (with a column mapping) and exchange
// rates (our simple format or Norges Bank's CSV). Text in, validated rows out, or one AppError with every problem.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { isValidOrgNumber, normaliseOrgNumber } from '../../domain/org-number.rules.js';
import { AppError, type ErrorDetail } from '../../shared/app-error.js';
import { isoDate } from '../../shared/schemas.js';
import type { EhfDocument } from './ehf-parser.js';
import type { RateRow } from './spend.service.js';

export const SPEND_CSV_ERROR = 'Filen har feil; ingenting er importert.';

function readCsv(text: string): { header: string[]; rows: Array<{ line: number; cells: string[] }> } {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const first = normalised.split('\n', 1)[0] ?? '';
  const delimiter = first.split(';').length > first.split(',').length ? ';' : ',';
  try {
    const records = parse(normalised, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    const [header, ...rows] = records;
    if (!header) throw new AppError('badRequest', SPEND_CSV_ERROR, [{ row: 1, message: 'Filen er tom.' }]);
    return {
      header: header.record.map((h) => h.trim()),
      rows: rows.map((r) => ({ line: r.info.lines, cells: r.record })),
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('badRequest', SPEND_CSV_ERROR, [
      { row: 1, message: `Kan ikke leses som CSV (${(error as Error).message}).` },
    ]);
  }
}

/** The fields of an accounts-payable line, and the default (Norwegian) column names. */
export const spendCsvFields = {
  invoiceNumber: 'fakturanummer',
  issueDate: 'fakturadato',
  supplierOrgNumber: 'leverandor_orgnr',
  supplierName: 'leverandor_navn',
  buyerOrgNumber: 'kjoper_orgnr',
  amount: 'belop',
  currency: 'valuta',
  description: 'beskrivelse',
  articleNumber: 'artikkelnummer',
  orderReference: 'ordrereferanse',
  contractReference: 'avtalereferanse',
} as const;
export type SpendCsvField = keyof typeof spendCsvFields;
export type ColumnMapping = Partial<Record<SpendCsvField, string>>;

/** "amount=Beløp,issueDate=Bilagsdato" → mapping; unknown field names are refused. */
export function parseColumnMapping(text: string | undefined): ColumnMapping {
  if (!text) return {};
  const mapping: ColumnMapping = {};
  for (const pair of text.split(',')) {
    const [field, column] = pair.split('=').map((part) => part?.trim());
    if (!field || !column || !(field in spendCsvFields))
      throw new AppError(
        'badRequest',
        `Ugyldig kolonnekobling «${pair}»; bruk felt=kolonne med feltene ${Object.keys(spendCsvFields).join(', ')}.`,
      );
    mapping[field as SpendCsvField] = column;
  }
  return mapping;
}

const decimal = (value: string) => value.replace(/\s/g, '').replace(',', '.');

const spendRowSchema = z.object({
  invoiceNumber: z.string().trim().min(1, 'Fakturanummer mangler'),
  issueDate: isoDate,
  supplierOrgNumber: z.string().trim().refine(isValidOrgNumber, 'Ugyldig organisasjonsnummer for leverandør'),
  supplierName: z.string().trim(),
  buyerOrgNumber: z.string().trim().refine(isValidOrgNumber, 'Ugyldig organisasjonsnummer for kjøper'),
  amount: z
    .string()
    .transform(decimal)
    .refine((v) => /^-?\d{1,15}(\.\d{1,2})?$/.test(v), 'Ugyldig beløp (høyst to desimaler)'),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .transform((v) => v || 'NOK')
    .pipe(z.string().regex(/^[A-Z]{3}$/, 'Ugyldig valutakode')),
  description: z.string().trim(),
  articleNumber: z.string().trim(),
  orderReference: z.string().trim(),
  contractReference: z.string().trim(),
});

export interface SpendCsvDocument {
  row: number;
  document: EhfDocument;
}

/** Groups the rows into invoices (supplier + number); every row becomes one line. */
export function parseSpendCsv(text: string, mapping: ColumnMapping = {}): SpendCsvDocument[] {
  const { header, rows } = readCsv(text);
  const index = (field: SpendCsvField) => {
    const name = (mapping[field] ?? spendCsvFields[field]).toLowerCase();
    return header.findIndex((h) => h.toLowerCase() === name);
  };
  const problems: ErrorDetail[] = [];
  for (const field of [
    'invoiceNumber',
    'issueDate',
    'supplierOrgNumber',
    'buyerOrgNumber',
    'amount',
  ] as const)
    if (index(field) < 0)
      problems.push({
        row: 1,
        message: `Mangler kolonnen «${mapping[field] ?? spendCsvFields[field]}» (${field}).`,
      });
  if (problems.length > 0) throw new AppError('badRequest', SPEND_CSV_ERROR, problems);
  const byInvoice = new Map<string, SpendCsvDocument>();
  for (const { line, cells } of rows) {
    const value = (field: SpendCsvField) => (index(field) >= 0 ? (cells[index(field)] ?? '') : '');
    const rawDate = value('issueDate').trim();
    const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(rawDate);
    const parsed = spendRowSchema.safeParse({
      ...Object.fromEntries((Object.keys(spendCsvFields) as SpendCsvField[]).map((f) => [f, value(f)])),
      issueDate: norwegian
        ? `${norwegian[3]}-${norwegian[2]!.padStart(2, '0')}-${norwegian[1]!.padStart(2, '0')}`
        : rawDate,
    });
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.map((issue) => ({
          row: line,
          message: `${String(issue.path[0])}: ${issue.message}`,
        })),
      );
      continue;
    }
    const r = parsed.data;
    const supplierId = normaliseOrgNumber(r.supplierOrgNumber)!;
    const key = `${supplierId}:${r.invoiceNumber}`;
    const existing = byInvoice.get(key);
    if (
      existing &&
      (existing.document.issueDate !== r.issueDate || existing.document.currency !== r.currency)
    ) {
      problems.push({
        row: line,
        message: `Faktura ${r.invoiceNumber} har ulik dato eller valuta på rad ${existing.row} og her.`,
      });
      continue;
    }
    const document: EhfDocument = existing?.document ?? {
      documentType: 'invoice',
      invoiceNumber: r.invoiceNumber,
      issueDate: r.issueDate,
      currency: r.currency,
      supplier: { scheme: '0192', id: supplierId },
      supplierName: r.supplierName || supplierId,
      buyer: { scheme: '0192', id: normaliseOrgNumber(r.buyerOrgNumber)! },
      orderReference: r.orderReference || null,
      contractReference: r.contractReference || null,
      lines: [],
    };
    document.lines.push({
      lineId: String(document.lines.length + 1),
      amount: r.amount,
      quantity: null,
      description: r.description || null,
      sellerItemId: r.articleNumber || null,
      gtin: null,
      classificationCode: null,
      classificationScheme: null,
      hasOrderLineReference: false,
    });
    if (!existing) byInvoice.set(key, { row: line, document });
  }
  if (rows.length === 0) problems.push({ row: 1, message: 'Filen har ingen rader.' });
  if (problems.length > 0) throw new AppError('badRequest', SPEND_CSV_ERROR, problems);
  return [...byInvoice.values()];
}

/** Moves the decimal point: "123,45" with multiplier 2 → "1.2345" (Norges Bank quotes SEK, DKK per 100). */
function shiftDecimal(value: string, places: number): string {
  const [whole, fraction = ''] = value.split('.');
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  const point = whole!.length - places;
  const padded = point <= 0 ? `${'0'.repeat(1 - point)}${digits}` : digits;
  const at = Math.max(point, 1);
  const result = `${padded.slice(0, at)}.${padded.slice(at)}`.replace(/\.?0+$/, '');
  return result === '' ? '0' : result;
}

/** Rates as `valuta;dato;kurs` (NOK per unit) or Norges Bank's CSV (BASE_CUR, TIME_PERIOD, OBS_VALUE, UNIT_MULT). */
export function parseRatesCsv(text: string): RateRow[] {
  const { header, rows } = readCsv(text);
  const lower = header.map((h) => h.toLowerCase());
  const find = (...names: string[]) => lower.findIndex((h) => names.includes(h));
  const isNorgesBank = lower.includes('base_cur') && lower.includes('obs_value');
  const currencyAt = isNorgesBank ? find('base_cur') : find('valuta', 'currency');
  const dateAt = isNorgesBank ? find('time_period') : find('dato', 'date');
  const rateAt = isNorgesBank ? find('obs_value') : find('kurs', 'rate', 'nok_per_unit');
  const multAt = isNorgesBank ? find('unit_mult') : -1;
  const quoteAt = isNorgesBank ? find('quote_cur') : -1;
  if (currencyAt < 0 || dateAt < 0 || rateAt < 0)
    throw new AppError('badRequest', SPEND_CSV_ERROR, [
      {
        row: 1,
        message:
          'Fant ikke kolonnene valuta;dato;kurs (eller Norges Banks BASE_CUR, TIME_PERIOD, OBS_VALUE).',
      },
    ]);
  const problems: ErrorDetail[] = [];
  const result: RateRow[] = [];
  for (const { line, cells } of rows) {
    if (quoteAt >= 0 && (cells[quoteAt] ?? '').trim() !== 'NOK') continue;
    const currency = (cells[currencyAt] ?? '').trim().toUpperCase();
    const rateDate = (cells[dateAt] ?? '').trim();
    const rate = decimal(cells[rateAt] ?? '');
    const multiplier = multAt >= 0 ? Number((cells[multAt] ?? '0').trim() || '0') : 0;
    if (!/^[A-Z]{3}$/.test(currency))
      problems.push({ row: line, message: `Ugyldig valutakode «${currency}»` });
    else if (!isoDate.safeParse(rateDate).success)
      problems.push({ row: line, message: `Ugyldig dato «${rateDate}»` });
    else if (!/^\d{1,10}(\.\d{1,8})?$/.test(rate) || Number(rate) === 0)
      problems.push({ row: line, message: `Ugyldig kurs «${rate}»` });
    else if (!Number.isInteger(multiplier) || multiplier < 0 || multiplier > 6)
      problems.push({ row: line, message: 'Ugyldig UNIT_MULT' });
    else result.push({ row: line, currency, rateDate, nokPerUnit: shiftDecimal(rate, multiplier) });
  }
  if (problems.length > 0) throw new AppError('badRequest', SPEND_CSV_ERROR, problems);
  return result;
}
