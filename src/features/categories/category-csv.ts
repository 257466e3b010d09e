// Parses the category-structure import file. Pure (no I/O): text in, validated rows out, or one AppError
// listing every problem with its line number. Whether a parent code exists in the database is the service's job.
import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../shared/app-error.js';

export const MAX_CATEGORY_CSV_ROWS = 10_000;
export const CATEGORY_CSV_ERROR_MESSAGE = 'Kategorifilen har feil; ingenting er importert.';

const CODE_PATTERN = /^[A-ZÆØÅ0-9-]+$/;
const MAX_CODE_LENGTH = 40;

/** Header names (lower-case) and the field each fills; English and Norwegian are both accepted. */
const headerAliases = {
  code: 'code',
  kode: 'code',
  name: 'name',
  navn: 'name',
  parentcode: 'parentCode',
  overordnet: 'parentCode',
  medical: 'isMedicalMainArea',
  medisinsk: 'isMedicalMainArea',
  runby: 'runBy',
  drives_av: 'runBy',
} as const;
type Field = (typeof headerAliases)[keyof typeof headerAliases];
const requiredFields: readonly { field: Field; names: string }[] = [
  { field: 'code', names: '«code» eller «kode»' },
  { field: 'name', names: '«name» eller «navn»' },
];

const medicalValues: Record<string, boolean | undefined> = {
  '': undefined,
  ja: true,
  true: true,
  yes: true,
  '1': true,
  nei: false,
  false: false,
  no: false,
  '0': false,
};

const isValidCode = (code: string) => code.length <= MAX_CODE_LENGTH && CODE_PATTERN.test(code);
const codeRule = `store bokstaver (A–Å), tall og bindestrek, høyst ${MAX_CODE_LENGTH} tegn`;

/** One data row, after trimming; every field is a string because it comes from the file. */
export const categoryCsvRowSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, { error: 'Kode mangler.', abort: true })
    .refine(isValidCode, {
      error: (issue) => `Koden «${String(issue.input)}» er ugyldig; bruk ${codeRule}.`,
    }),
  name: z
    .string()
    .trim()
    .min(1, { error: 'Navn mangler.', abort: true })
    .min(2, 'Navnet må ha minst 2 tegn.')
    .max(200, 'Navnet kan ha høyst 200 tegn.')
    .refine((name) => !/[\r\n]/.test(name), 'Navnet kan ikke inneholde linjeskift.'),
  parentCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => code === '' || isValidCode(code), {
      error: (issue) => `Overordnet kode «${String(issue.input)}» er ugyldig; bruk ${codeRule}.`,
    })
    .transform((code) => (code === '' ? null : code)),
  isMedicalMainArea: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => value in medicalValues, {
      error: (issue) => `Ugyldig verdi «${String(issue.input)}» for medisinsk; bruk ja, nei eller tomt felt.`,
    })
    .transform((value) => medicalValues[value]),
  runBy: z
    .string()
    .trim()
    .toUpperCase()
    .transform((value) => value || 'SHI')
    .pipe(
      z.enum(['SHI', 'RHF'], {
        error: (issue) => `Ugyldig verdi «${String(issue.input)}» for drives av; bruk SHI eller RHF.`,
      }),
    ),
});

export interface ParsedCategoryRow {
  /** Line number in the file, counting the header as line 1. */
  row: number;
  code: string;
  name: string;
  /** Null for a category; the category's code for a purchase group. */
  parentCode: string | null;
  /** Undefined: inherit from the parent category, or false for a category. */
  isMedicalMainArea: boolean | undefined;
  runBy: 'SHI' | 'RHF';
}

/** Parses and validates the whole file; throws AppError('badRequest') with every problem found. */
export function parseCategoryCsv(text: string): ParsedCategoryRow[] {
  // One line-ending style makes csv-parse's line count match what the user sees in an editor.
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalised.trim() === '')
    fail([{ row: 1, message: 'Filen er tom; den må ha en overskriftsrad og minst én rad.' }]);

  const records = readRecords(normalised);
  const [header, ...dataRecords] = records;
  if (!header) fail([{ row: 1, message: 'Filen er tom; den må ha en overskriftsrad og minst én rad.' }]);
  const columns = readHeader(header.fields);
  if (dataRecords.length === 0) {
    fail([{ row: 1, message: 'Filen har bare overskriftsraden; det er ingen kategorier å importere.' }]);
  }
  if (dataRecords.length > MAX_CATEGORY_CSV_ROWS) {
    fail([
      {
        row: dataRecords[MAX_CATEGORY_CSV_ROWS]!.line,
        message: `Filen har mer enn ${String(MAX_CATEGORY_CSV_ROWS).replace(/\B(?=(\d{3})+$)/g, ' ')} rader; del den opp.`,
      },
    ]);
  }

  const problems: ErrorDetail[] = [];
  const rows: ParsedCategoryRow[] = [];
  for (const { line, fields } of dataRecords) {
    if (fields.length !== header.fields.length) {
      problems.push({
        row: line,
        message: `Raden har ${fields.length} kolonner, men overskriftsraden har ${header.fields.length}.`,
      });
      continue;
    }
    const input = Object.fromEntries(
      (['code', 'name', 'parentCode', 'isMedicalMainArea', 'runBy'] as const).map((field) => {
        const index = columns.get(field);
        return [field, index === undefined ? '' : (fields[index] ?? '')];
      }),
    );
    const result = categoryCsvRowSchema.safeParse(input);
    if (result.success) {
      const { code, name, parentCode, isMedicalMainArea, runBy } = result.data;
      rows.push({ row: line, code, name, parentCode, isMedicalMainArea, runBy });
    } else {
      problems.push(...result.error.issues.map((issue) => ({ row: line, message: issue.message })));
    }
  }

  problems.push(...findStructureProblems(rows));
  if (problems.length > 0) fail(problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
  return rows;
}

interface CsvRecord {
  /** Line the record starts on (a quoted field may span several lines). */
  line: number;
  fields: string[];
}

function readRecords(text: string): CsvRecord[] {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  let lastRecordEnd = 0;
  try {
    const parsed = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true, // reported per row below, so that every bad row is listed
      skip_empty_lines: true,
      skip_records_with_empty_values: true, // spreadsheet exports end with rows like ";;;;"
      to: MAX_CATEGORY_CSV_ROWS + 2, // header + the limit + one to detect "too many"
      on_record: (record, context) => {
        lastRecordEnd = context.lines;
        return record;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return parsed.map(({ record, info }) => ({
      line: info.lines - record.reduce((sum, field) => sum + count(field, '\n'), 0),
      fields: record,
    }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? firstNonBlankLineAfter(text, lastRecordEnd)
        : typeof error.lines === 'number'
          ? error.lines
          : lastRecordEnd + 1;
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'Et anførselstegn åpnes her, men lukkes aldri.'
        : error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'INVALID_OPENING_QUOTE'
          ? 'Ugyldig bruk av anførselstegn; et felt med anførselstegn må starte og slutte med dem, og et anførselstegn inne i feltet skrives "".'
          : `Raden kan ikke leses som CSV (${error.message}).`;
    fail([{ row: line, message }]);
  }
}

function readHeader(names: string[]): Map<Field, number> {
  const columns = new Map<Field, number>();
  const problems: ErrorDetail[] = [];
  names.forEach((rawName, index) => {
    const name = rawName.trim().toLowerCase();
    const field = Object.hasOwn(headerAliases, name)
      ? headerAliases[name as keyof typeof headerAliases]
      : undefined;
    if (field === undefined) {
      problems.push({
        row: 1,
        message: `Ukjent kolonne «${rawName.trim()}»; bruk code, name, parentCode, medical, runBy (eller kode, navn, overordnet, medisinsk, drives_av).`,
      });
    } else if (columns.has(field)) {
      problems.push({ row: 1, message: `Kolonnen «${rawName.trim()}» er oppgitt mer enn én gang.` });
    } else {
      columns.set(field, index);
    }
  });
  for (const { field, names: accepted } of requiredFields) {
    if (!columns.has(field))
      problems.push({ row: 1, message: `Overskriftsraden mangler kolonnen ${accepted}.` });
  }
  if (problems.length > 0) fail(problems);
  return columns;
}

/** Codes must be unique, and a parent in the file must be a category: the structure has two levels. */
function findStructureProblems(rows: readonly ParsedCategoryRow[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const firstByCode = new Map<string, ParsedCategoryRow>();
  for (const row of rows) {
    const first = firstByCode.get(row.code);
    if (first)
      problems.push({ row: row.row, message: `Koden «${row.code}» er allerede brukt på rad ${first.row}.` });
    else firstByCode.set(row.code, row);
  }
  for (const row of rows) {
    if (row.parentCode === null) continue;
    if (row.parentCode === row.code) {
      problems.push({ row: row.row, message: `«${row.code}» kan ikke være overordnet seg selv.` });
      continue;
    }
    const parent = firstByCode.get(row.parentCode);
    if (parent && parent.parentCode !== null) {
      problems.push({
        row: row.row,
        message: `Overordnet «${row.parentCode}» er selv en innkjøpsgruppe (rad ${parent.row}); strukturen har bare to nivåer.`,
      });
    }
  }
  return problems;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function firstNonBlankLineAfter(text: string, line: number): number {
  const lines = text.split('\n');
  let next = line + 1;
  while (next <= lines.length && lines[next - 1]!.trim() === '') next += 1;
  return next;
}

function fail(details: ErrorDetail[]): never {
  throw new AppError('badRequest', CATEGORY_CSV_ERROR_MESSAGE, details);
}
