import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readMappingRows, type MappingRow } from './article-mapping-file.js';

async function collect(stream: Readable, format: 'csv' | 'xlsx') {
  const rows: MappingRow[] = [];
  for await (const row of readMappingRows(stream, format)) rows.push(row);
  return rows;
}

describe('article mapping file', () => {
  it('streams an XLSX first sheet with its line numbers, skipping empty rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Mapping');
    sheet.addRow(['Lokalt artikkelnummer', 'Masterartikkelnummer']);
    sheet.addRow(['L-1', 'M-1']);
    sheet.addRow([]);
    sheet.addRow([4711, 'M-2']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await collect(Readable.from([bytes]), 'xlsx')).toEqual([
      { line: 2, localArticleNumber: 'L-1', masterArticleNumber: 'M-1' },
      { line: 4, localArticleNumber: '4711', masterArticleNumber: 'M-2' },
    ]);
  });

  it('reads CSV in chunks (quoted fields, BOM, ; delimiter) and refuses a header without the columns', async () => {
    const text = '\uFEFFmasterartikkelnummer;lokalt_artikkelnummer\n"M;1";L-1\nM-2;L-2\n';
    const chunks = text.match(/.{1,5}/gs)!.map((part) => Buffer.from(part));
    expect(await collect(Readable.from(chunks), 'csv')).toEqual([
      { line: 2, localArticleNumber: 'L-1', masterArticleNumber: 'M;1' },
      { line: 3, localArticleNumber: 'L-2', masterArticleNumber: 'M-2' },
    ]);
    await expect(collect(Readable.from([Buffer.from('a,b\n1,2\n')]), 'csv')).rejects.toMatchObject({
      details: [{ row: 1, message: expect.stringContaining('lokalt_artikkelnummer') }],
    });
    await expect(collect(Readable.from([Buffer.from('not a zip')]), 'xlsx')).rejects.toMatchObject({
      details: [{ row: 1, message: 'Filen er ikke en gyldig XLSX-fil.' }],
    });
  });
});
