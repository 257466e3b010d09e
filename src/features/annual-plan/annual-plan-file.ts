// Parses an annual-plan import (CSV or XLSX) into rows, or one AppError listing every problem by row number.
// Pure apart from reading the workbook; matching procurement names against the database is the service's job.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { badRequest, type ErrorDetail } from '../../shared/app-error.js';
import { nokAmount } from '../../shared/schemas.js';

export const ANNUAL_PLAN_FILE_ERROR = 'Planfilen har feil; ingenting er importert.';

const headerAliases: Record<
  string,
  'name' | 'initialSignificance' | 'gainEstimateNok' | 'riskProfile' | 'note'
> = {
  anskaffelse: 'name',
  navn: 'name',
  initial_betydning: 'initialSignificance',
  betydning: 'initialSignificance',
  'strategisk betydning': 'initialSignificance',
  gevinstestimat: 'gainEstimateNok',
  gevinst: 'gainEstimateNok',
  risiko: 'riskProfile',
  risikoprofil: 'riskProfile',
  merknad: 'note',
};

const level = z.enum(['høy', 'medium', 'lav'], { message: 'må være høy, medium eller lav' });
export const planRowSchema = z.object({
  name: z.string().trim().min(1, 'anskaffelse mangler'),
  initialSignificance: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase().replace('hoy', 'høy') : v),
    level,
  ),
  gainEstimateNok: z.preprocess((v) => (v === '' || v === undefined ? null : v), nokAmount.nullable()),
  riskProfile: z.preprocess(
    (v) =>
      v === '' || v === undefined
        ? null
        : typeof v === 'string'
          ? v.trim().toLowerCase().replace('hoy', 'høy')
          : v,
    level.nullable(),
  ),
  note: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().trim().max(2000).nullable()),
});
export type PlanRow = z.infer<typeof planRowSchema> & { row: number };

function toRows(table: string[][]): PlanRow[] {
  const [header, ...body] = table;
  if (!header) throw badRequest(ANNUAL_PLAN_FILE_ERROR, [{ row: 1, message: 'Filen er tom.' }]);
  const fields = header.map((name) => headerAliases[name.trim().toLowerCase()]);
  const errors: ErrorDetail[] = [];
  if (!fields.includes('name')) errors.push({ row: 1, message: 'Kolonnen «anskaffelse» mangler.' });
  if (!fields.includes('initialSignificance'))
    errors.push({ row: 1, message: 'Kolonnen «initial_betydning» mangler.' });
  if (errors.length) throw badRequest(ANNUAL_PLAN_FILE_ERROR, errors);
  const rows: PlanRow[] = [];
  body.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const record: Record<string, string> = {};
    fields.forEach((field, i) => {
      if (field) record[field] = cells[i] ?? '';
    });
    const parsed = planRowSchema.safeParse(record);
    if (parsed.success) rows.push({ ...parsed.data, row });
    else
      for (const issue of parsed.error.issues)
        errors.push({
          row,
          path: String(issue.path[0] ?? ''),
          message: `${String(issue.path[0] ?? '')}: ${issue.message}`,
        });
  });
  if (errors.length) throw badRequest(ANNUAL_PLAN_FILE_ERROR, errors);
  return rows;
}

export function parsePlanCsv(text: string): PlanRow[] {
  const delimiter = (text.split('\n')[0] ?? '').includes(';') ? ';' : ',';
  let table: string[][];
  try {
    table = parse(text.replace(/^\uFEFF/, ''), {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
    });
  } catch (error) {
    // An unclosed quote or similar is the file's fault: a 400 with the parser's reason, never a 500.
    throw badRequest(ANNUAL_PLAN_FILE_ERROR, [
      {
        row: (error as { lines?: number }).lines ?? 1,
        message: `Filen kan ikke leses som CSV (${(error as Error).message}).`,
      },
    ]);
  }
  return toRows(table);
}

export async function parsePlanXlsx(content: Buffer): Promise<PlanRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw badRequest('Filen kunne ikke leses som XLSX.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badRequest(ANNUAL_PLAN_FILE_ERROR, [{ row: 1, message: 'Arbeidsboken har ingen ark.' }]);
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, 1); column += 1)
      cells.push(row.getCell(column).text);
    table.push(cells);
  });
  return toRows(table);
}
