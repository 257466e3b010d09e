// Reads an HF's article mapping file (CSV with `,` or `;`, or XLSX: the first sheet) as a stream of rows with
// their line numbers: the file is never held whole in memory. Columns: local article number, master article
// number (Norwegian or English names). The import (import-article-mappings.ts) validates the rows.
import { Transform, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/app-error.js';
import { cellText } from '../agreements/index.js';

export const MAPPING_FILE_ERROR = 'Mappingfilen har feil; ingenting er importert.';
/** Far above any real article register; a bound so an endless upload cannot run for ever. */
export const MAX_MAPPING_FILE_BYTES = 200 * 1024 * 1024;

export interface MappingRow {
  line: number;
  localArticleNumber: string;
  masterArticleNumber: string;
}

const aliases: Record<string, keyof Omit<MappingRow, 'line'>> = {
  lokalt_artikkelnummer: 'localArticleNumber',
  'lokalt artikkelnummer': 'localArticleNumber',
  lokaltartikkelnummer: 'localArticleNumber',
  lokalt: 'localArticleNumber',
  localarticlenumber: 'localArticleNumber',
  masterartikkelnummer: 'masterArticleNumber',
  master_artikkelnummer: 'masterArticleNumber',
  'master artikkelnummer': 'masterArticleNumber',
  master: 'masterArticleNumber',
  masterarticlenumber: 'masterArticleNumber',
};

const fileError = (line: number, message: string) =>
  new AppError('badRequest', MAPPING_FILE_ERROR, [{ row: line, message }]);

/** Counts bytes as they pass and stops the stream past the limit. */
function byteLimit(limit: number) {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) callback(fileError(1, `Filen er større enn ${Math.round(limit / 1024 / 1024)} MB.`));
      else callback(null, chunk);
    },
  });
}

async function* csvRecords(input: Readable): AsyncGenerator<{ line: number; cells: string[] }> {
  const parser = input.pipe(byteLimit(MAX_MAPPING_FILE_BYTES)).pipe(
    parse({
      delimiter: [';', ','],
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>)
      yield { line: info.lines, cells: record };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileError(1, `Filen kan ikke leses som CSV (${(error as Error).message}).`);
  }
}

async function* xlsxRecords(input: Readable): AsyncGenerator<{ line: number; cells: string[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input.pipe(byteLimit(MAX_MAPPING_FILE_BYTES)), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = values.map((value) => cellText(value));
        if (cells.some((cell) => cell.trim() !== '')) yield { line: row.number, cells };
      }
      return; // the first sheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileError(1, 'Filen er ikke en gyldig XLSX-fil.');
  }
}

/** The rows of the file after its header; a header without both columns is refused before any row is read. */
export async function* readMappingRows(input: Readable, format: 'csv' | 'xlsx'): AsyncGenerator<MappingRow> {
  let columns: { local: number; master: number } | null = null;
  for await (const { line, cells } of format === 'csv' ? csvRecords(input) : xlsxRecords(input)) {
    if (!columns) {
      const found = new Map<string, number>();
      cells.forEach((raw, index) => {
        const field = aliases[raw.trim().toLowerCase()];
        if (field) found.set(field, index);
      });
      const local = found.get('localArticleNumber');
      const master = found.get('masterArticleNumber');
      if (local === undefined || master === undefined)
        throw fileError(
          line,
          'Overskriftsraden må ha kolonnene «lokalt_artikkelnummer» og «masterartikkelnummer».',
        );
      columns = { local, master };
      continue;
    }
    yield {
      line,
      localArticleNumber: (cells[columns.local] ?? '').trim(),
      masterArticleNumber: (cells[columns.master] ?? '').trim(),
    };
  }
  if (!columns) throw fileError(1, 'Filen er tom.');
}
