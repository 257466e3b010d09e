import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, writeCsv } from './spreadsheet.js';

describe('spreadsheet cells', () => {
  it.each([
    ['=HYPERLINK("http://x","klikk")', `'=HYPERLINK("http://x","klikk")`],
    ['+47 22 00 00 00', `'+47 22 00 00 00`],
    ['-2+3+cmd|" /C calc"!A0', `'-2+3+cmd|" /C calc"!A0`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['-100.00', '-100.00'],
    ['+5', '+5'],
    ['Hanskeleverandøren AS', 'Hanskeleverandøren AS'],
    ['', ''],
  ])('%j is written as %j', (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });

  it('writes semicolon CSV with a BOM that reads back cell for cell, no cell starting a formula', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 8 }),
        (rows) => {
          const csv = writeCsv(['a', 'b'], rows);
          expect(csv.startsWith('\uFEFF')).toBe(true);
          const back: string[][] = parse(csv.slice(1), {
            delimiter: ';',
            record_delimiter: '\r\n',
            relax_quotes: false,
          });
          expect(back).toEqual([['a', 'b'], ...rows.map((row) => row.map(neutraliseFormula))]);
          for (const cell of back.flat())
            expect(/^[=+\-@\t\r]/.test(cell) && !/^[-+]?\d+([.,]\d+)?$/.test(cell)).toBe(false);
        },
      ),
    );
  });
});
