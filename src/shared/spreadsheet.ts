// The one CSV writer (csv-stringify) and the cell rule every CSV and XLSX export shares: a text cell that a
// spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe.
import { stringify } from 'csv-stringify/sync';

export type CellValue = string | number | null | undefined;

const PLAIN_NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet must show it: never a live formula; plain numbers (e.g. "-100.00") stay numbers. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function safeCell<T extends CellValue>(value: T): T | string {
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/** Semicolon-separated with a BOM and CRLF, as Norwegian Excel opens it; every text cell neutralised. */
export function writeCsv(header: readonly string[], rows: ReadonlyArray<readonly CellValue[]>): string {
  const records = [header, ...rows].map((row) => row.map((value) => safeCell(value ?? '')));
  return `\uFEFF${stringify(records, { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\r\n]/ })}`;
}
