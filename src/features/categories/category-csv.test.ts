import { describe, expect, expectTypeOf, it } from 'vitest';
import { AppError, type ErrorDetail } from '../../shared/app-error.js';
import { MAX_CATEGORY_CSV_ROWS, parseCategoryCsv, type ParsedCategoryRow } from './category-csv.js';

/** Runs the parser on a file that must fail and returns the problems it lists. */
function problemsIn(text: string): ErrorDetail[] {
  try {
    parseCategoryCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('badRequest');
    expect(appError.message).toBe('Kategorifilen har feil; ingenting er importert.');
    return appError.details;
  }
  throw new Error('expected parseCategoryCsv to throw');
}

const rowsOf = (problems: ErrorDetail[]) => problems.map((problem) => problem.row);

const lines = (...rows: string[]) => rows.join('\n') + '\n';

describe('parseCategoryCsv', () => {
  it('has the output type the import service expects', () => {
    expectTypeOf<ParsedCategoryRow>().toEqualTypeOf<{
      row: number;
      code: string;
      name: string;
      parentCode: string | null;
      isMedicalMainArea: boolean | undefined;
      runBy: 'SHI' | 'RHF';
    }>();
  });

  describe('valid files', () => {
    const expected: ParsedCategoryRow[] = [
      {
        row: 2,
        code: 'BHM',
        name: 'Behandlingshjelpemidler',
        parentCode: null,
        isMedicalMainArea: true,
        runBy: 'SHI',
      },
      {
        row: 3,
        code: 'DIABETES',
        name: 'Diabetesprodukter',
        parentCode: 'BHM',
        isMedicalMainArea: undefined,
        runBy: 'SHI',
      },
      {
        row: 4,
        code: 'EIH',
        name: 'Eksterne og interne helsetjenester',
        parentCode: null,
        isMedicalMainArea: false,
        runBy: 'RHF',
      },
    ];

    it('reads a comma-separated file', () => {
      const text = lines(
        'code,name,parentCode,medical,runBy',
        'BHM,Behandlingshjelpemidler,,ja,SHI',
        'DIABETES,Diabetesprodukter,BHM,,',
        'EIH,Eksterne og interne helsetjenester,,nei,RHF',
      );
      expect(parseCategoryCsv(text)).toEqual(expected);
    });

    it('reads a semicolon-separated file (Excel with Norwegian locale)', () => {
      const text = lines(
        'code;name;parentCode;medical;runBy',
        'BHM;Behandlingshjelpemidler;;ja;SHI',
        'DIABETES;Diabetesprodukter;BHM;;',
        'EIH;Eksterne og interne helsetjenester;;nei;RHF',
      );
      expect(parseCategoryCsv(text)).toEqual(expected);
    });

    it('detects the delimiter from the header even when names contain the other one', () => {
      const text = lines('kode;navn', 'ADM;Administrasjon, innkjøp og drift');
      expect(parseCategoryCsv(text)).toMatchObject([
        { code: 'ADM', name: 'Administrasjon, innkjøp og drift' },
      ]);
    });

    it('strips a byte-order mark and accepts Windows line endings', () => {
      const text = '\uFEFFcode;name;parentCode\r\nLAB;Laboratorier;\r\n\r\nLAB-REAG;Reagenser;LAB\r\n';
      expect(parseCategoryCsv(text)).toEqual([
        {
          row: 2,
          code: 'LAB',
          name: 'Laboratorier',
          parentCode: null,
          isMedicalMainArea: undefined,
          runBy: 'SHI',
        },
        {
          row: 4,
          code: 'LAB-REAG',
          name: 'Reagenser',
          parentCode: 'LAB',
          isMedicalMainArea: undefined,
          runBy: 'SHI',
        },
      ]);
    });

    it('accepts Norwegian headers in any case and column order', () => {
      const text = lines('Navn;DRIVES_AV;Kode;Medisinsk;Overordnet', 'Innkjøpsgruppe Øre;rhf;øre-1;JA;mtu');
      expect(parseCategoryCsv(text)).toEqual([
        {
          row: 2,
          code: 'ØRE-1',
          name: 'Innkjøpsgruppe Øre',
          parentCode: 'MTU',
          isMedicalMainArea: true,
          runBy: 'RHF',
        },
      ]);
    });

    it('accepts headers with surrounding spaces and mixed case', () => {
      expect(
        parseCategoryCsv(lines(' Code , NAME , parentcode , Medical , RunBy ', 'HR,Personal,,no,shi')),
      ).toEqual([
        { row: 2, code: 'HR', name: 'Personal', parentCode: null, isMedicalMainArea: false, runBy: 'SHI' },
      ]);
    });

    it('needs only the code and name columns', () => {
      expect(parseCategoryCsv('code,name\nIKT,Informasjons- og kommunikasjonsteknologi')).toEqual([
        {
          row: 2,
          code: 'IKT',
          name: 'Informasjons- og kommunikasjonsteknologi',
          parentCode: null,
          isMedicalMainArea: undefined,
          runBy: 'SHI',
        },
      ]);
    });

    it('reads every spelling of the medical flag', () => {
      const values: [string, boolean | undefined][] = [
        ['ja', true],
        ['Ja', true],
        ['true', true],
        ['TRUE', true],
        ['1', true],
        ['yes', true],
        ['nei', false],
        ['false', false],
        ['0', false],
        ['no', false],
        ['NEI', false],
        ['', undefined],
        ['  ', undefined],
      ];
      const text = lines('code,name,medical', ...values.map(([value], i) => `K${i},Kategori ${i},${value}`));
      expect(parseCategoryCsv(text).map((row) => row.isMedicalMainArea)).toEqual(
        values.map(([, flag]) => flag),
      );
    });

    it('trims values and upper-cases codes and parent codes', () => {
      const text = lines(
        'code,name,parentCode,runBy',
        '  mfv  ,  Medisinsk forbruksvare  ,,  rhf ',
        ' mfv-sår , Sår , mfv ,',
      );
      expect(parseCategoryCsv(text)).toEqual([
        {
          row: 2,
          code: 'MFV',
          name: 'Medisinsk forbruksvare',
          parentCode: null,
          isMedicalMainArea: undefined,
          runBy: 'RHF',
        },
        {
          row: 3,
          code: 'MFV-SÅR',
          name: 'Sår',
          parentCode: 'MFV',
          isMedicalMainArea: undefined,
          runBy: 'SHI',
        },
      ]);
    });

    it('reads quoted fields with delimiters, escaped quotes and æøå', () => {
      const text = lines(
        'code,name,parentCode',
        'BYGG,"Bygg og eiendom, drift",',
        'ARK,"Arkitekt- og rådgivende ingeniørtjenester, ""RIB"" og ""RIV""",BYGG',
        '"ÆØÅ-1","Særskilte tjenester, øvrige (å)",""',
      );
      expect(parseCategoryCsv(text)).toMatchObject([
        { row: 2, code: 'BYGG', name: 'Bygg og eiendom, drift', parentCode: null },
        {
          row: 3,
          code: 'ARK',
          name: 'Arkitekt- og rådgivende ingeniørtjenester, "RIB" og "RIV"',
          parentCode: 'BYGG',
        },
        { row: 4, code: 'ÆØÅ-1', name: 'Særskilte tjenester, øvrige (å)', parentCode: null },
      ]);
    });

    it('reads quoted semicolon fields', () => {
      expect(parseCategoryCsv(lines('kode;navn', 'KIR;"Kirurgi; implantater"'))).toMatchObject([
        { code: 'KIR', name: 'Kirurgi; implantater' },
      ]);
    });

    it('skips blank lines and empty spreadsheet rows but keeps the line numbers', () => {
      const text = lines('code;name', '', 'ADM;Administrasjon', ';', '', 'HR;Personal', ';;');
      expect(parseCategoryCsv(text).map((row) => [row.row, row.code])).toEqual([
        [3, 'ADM'],
        [6, 'HR'],
      ]);
    });

    it('accepts a parent code that is not in the file (the service checks the database)', () => {
      expect(parseCategoryCsv(lines('code,name,parentCode', 'ENERGI,Energi,ADM'))).toMatchObject([
        { code: 'ENERGI', parentCode: 'ADM' },
      ]);
    });

    it('accepts a parent that appears later in the file', () => {
      const text = lines('code,name,parentCode', 'FINANS,Finanstjenester,ADM', 'ADM,Administrasjon,');
      expect(parseCategoryCsv(text).map((row) => row.code)).toEqual(['FINANS', 'ADM']);
    });

    it('accepts a name of exactly 2 and exactly 200 characters', () => {
      const text = lines('code,name', 'A,HR', `B,${'x'.repeat(200)}`);
      expect(parseCategoryCsv(text).map((row) => row.name.length)).toEqual([2, 200]);
    });

    it(`accepts exactly ${MAX_CATEGORY_CSV_ROWS} rows`, () => {
      const rows = Array.from({ length: MAX_CATEGORY_CSV_ROWS }, (_, i) => `K${i},Kategori ${i}`);
      const parsed = parseCategoryCsv(lines('code,name', ...rows));
      expect(parsed).toHaveLength(MAX_CATEGORY_CSV_ROWS);
      expect(parsed.at(-1)).toMatchObject({
        row: MAX_CATEGORY_CSV_ROWS + 1,
        code: `K${MAX_CATEGORY_CSV_ROWS - 1}`,
      });
    });
  });

  describe('whole-file errors', () => {
    it('rejects an empty file', () => {
      expect(problemsIn('')).toEqual([{ row: 1, message: expect.stringContaining('tom') }]);
      expect(problemsIn('\uFEFF')).toHaveLength(1);
      expect(problemsIn('\n  \n')).toHaveLength(1);
    });

    it('rejects a file with only the header', () => {
      expect(problemsIn('code,name,parentCode\n')).toEqual([
        { row: 1, message: 'Filen har bare overskriftsraden; det er ingen kategorier å importere.' },
      ]);
      expect(problemsIn('kode;navn\n\n;\n')).toHaveLength(1);
    });

    it(`rejects more than ${MAX_CATEGORY_CSV_ROWS} rows, pointing at the first row too many`, () => {
      const rows = Array.from({ length: MAX_CATEGORY_CSV_ROWS + 5 }, (_, i) => `K${i},Kategori ${i}`);
      expect(problemsIn(lines('code,name', ...rows))).toEqual([
        { row: MAX_CATEGORY_CSV_ROWS + 2, message: 'Filen har mer enn 10 000 rader; del den opp.' },
      ]);
    });

    it('rejects a header without the required columns, naming each', () => {
      expect(problemsIn(lines('parentCode,medical', 'X,ja'))).toEqual([
        { row: 1, message: 'Overskriftsraden mangler kolonnen «code» eller «kode».' },
        { row: 1, message: 'Overskriftsraden mangler kolonnen «name» eller «navn».' },
      ]);
    });

    it('rejects a file without a header row (the first data row is read as the header)', () => {
      const problems = problemsIn(lines('ADM,Administrasjon', 'HR,Personal'));
      expect(problems.map((p) => p.message)).toEqual([
        expect.stringContaining('Ukjent kolonne «ADM»'),
        expect.stringContaining('Ukjent kolonne «Administrasjon»'),
        'Overskriftsraden mangler kolonnen «code» eller «kode».',
        'Overskriftsraden mangler kolonnen «name» eller «navn».',
      ]);
      expect(rowsOf(problems)).toEqual([1, 1, 1, 1]);
    });

    it('rejects unknown and repeated columns', () => {
      expect(problemsIn(lines('code,name,kode,kommentar', 'A,Aa,B,x'))).toEqual([
        { row: 1, message: 'Kolonnen «kode» er oppgitt mer enn én gang.' },
        {
          row: 1,
          message:
            'Ukjent kolonne «kommentar»; bruk code, name, parentCode, medical, runBy (eller kode, navn, overordnet, medisinsk, drives_av).',
        },
      ]);
    });
  });

  describe('malformed CSV', () => {
    it('reports a quote that is never closed on the line where it opens', () => {
      const problems = problemsIn(lines('code,name', 'ADM,Administrasjon', '', 'HR,"Personal', 'IKT,IKT'));
      expect(problems).toEqual([{ row: 4, message: 'Et anførselstegn åpnes her, men lukkes aldri.' }]);
    });

    it('reports an unclosed quote on the first data row', () => {
      expect(rowsOf(problemsIn(lines('code,name', '"ADM,Administrasjon')))).toEqual([2]);
    });

    it('reports text after a closing quote', () => {
      const problems = problemsIn(lines('code,name', 'ADM,Administrasjon', 'HR,"Personal"x'));
      expect(problems).toEqual([{ row: 3, message: expect.stringContaining('anførselstegn') }]);
    });

    it('reports a stray quote in an unquoted field', () => {
      expect(rowsOf(problemsIn(lines('code;name', 'ADM;Admin', 'HR;Per"sonal')))).toEqual([3]);
    });

    it('reports every row with the wrong number of columns', () => {
      const text = lines(
        'code,name,parentCode',
        'ADM,Administrasjon',
        'HR,Personal,,ekstra',
        'IKT,IKT,',
        'A,B,C,D,E',
      );
      expect(problemsIn(text)).toEqual([
        { row: 2, message: 'Raden har 2 kolonner, men overskriftsraden har 3.' },
        { row: 3, message: 'Raden har 4 kolonner, men overskriftsraden har 3.' },
        { row: 5, message: 'Raden har 5 kolonner, men overskriftsraden har 3.' },
      ]);
    });

    it('numbers a multi-line quoted record by its first line and counts its lines for later rows', () => {
      const text = lines('code,name', 'ADM,"Admini', 'strasjon"', 'HR,P');
      expect(problemsIn(text)).toEqual([
        { row: 2, message: 'Navnet kan ikke inneholde linjeskift.' },
        { row: 4, message: 'Navnet må ha minst 2 tegn.' },
      ]);
    });
  });

  describe('row errors', () => {
    it('requires a code', () => {
      expect(problemsIn(lines('code,name', ',Administrasjon'))).toEqual([
        { row: 2, message: 'Kode mangler.' },
      ]);
      expect(problemsIn(lines('code,name', '   ,Administrasjon'))).toEqual([
        { row: 2, message: 'Kode mangler.' },
      ]);
    });

    it('rejects codes with other characters than A–Å, digits and hyphen', () => {
      const text = lines(
        'code,name',
        'AD M,Administrasjon',
        'IKT_INFRA,IKT-infrastruktur',
        'ÉNERGI,Energi',
        'OK-1,Fint',
      );
      const problems = problemsIn(text);
      expect(rowsOf(problems)).toEqual([2, 3, 4]);
      expect(problems[0]?.message).toBe(
        'Koden «AD M» er ugyldig; bruk store bokstaver (A–Å), tall og bindestrek, høyst 40 tegn.',
      );
    });

    it('rejects a code longer than 40 characters', () => {
      expect(rowsOf(problemsIn(lines('code,name', `${'A'.repeat(41)},Lang`)))).toEqual([2]);
      expect(parseCategoryCsv(lines('code,name', `${'A'.repeat(40)},Lang`))).toHaveLength(1);
    });

    it('requires a name of 2 to 200 characters', () => {
      const text = lines('code,name', 'A,', 'B,x', `C,${'x'.repeat(201)}`, 'D,  ', 'E, y ');
      expect(problemsIn(text)).toEqual([
        { row: 2, message: 'Navn mangler.' },
        { row: 3, message: 'Navnet må ha minst 2 tegn.' },
        { row: 4, message: 'Navnet kan ha høyst 200 tegn.' },
        { row: 5, message: 'Navn mangler.' },
        { row: 6, message: 'Navnet må ha minst 2 tegn.' },
      ]);
    });

    it('rejects an invalid parent code', () => {
      expect(problemsIn(lines('code,name,parentCode', 'A,Aa,B C'))).toEqual([
        {
          row: 2,
          message:
            'Overordnet kode «B C» er ugyldig; bruk store bokstaver (A–Å), tall og bindestrek, høyst 40 tegn.',
        },
      ]);
    });

    it('rejects an unknown medical value', () => {
      expect(problemsIn(lines('code,name,medical', 'A,Aa,kanskje', 'B,Bb,2'))).toEqual([
        { row: 2, message: 'Ugyldig verdi «kanskje» for medisinsk; bruk ja, nei eller tomt felt.' },
        { row: 3, message: 'Ugyldig verdi «2» for medisinsk; bruk ja, nei eller tomt felt.' },
      ]);
    });

    it('rejects an unknown runBy value', () => {
      expect(problemsIn(lines('code,name,runBy', 'A,Aa,HF'))).toEqual([
        { row: 2, message: 'Ugyldig verdi «HF» for drives av; bruk SHI eller RHF.' },
      ]);
    });

    it('lists several problems on one row', () => {
      const problems = problemsIn(lines('code,name,medical,runBy', 'a b,x,kanskje,HF'));
      expect(rowsOf(problems)).toEqual([2, 2, 2, 2]);
      expect(problems.map((p) => p.message)).toEqual([
        expect.stringContaining('Koden «A B»'),
        'Navnet må ha minst 2 tegn.',
        expect.stringContaining('medisinsk'),
        expect.stringContaining('drives av'),
      ]);
    });

    it('reports a duplicate code on the later row, also when case and spaces differ', () => {
      const text = lines(
        'code,name',
        'ADM,Administrasjon',
        'HR,Personal',
        ' adm ,Administrasjon igjen',
        'ADM,Tredje gang',
      );
      expect(problemsIn(text)).toEqual([
        { row: 4, message: 'Koden «ADM» er allerede brukt på rad 2.' },
        { row: 5, message: 'Koden «ADM» er allerede brukt på rad 2.' },
      ]);
    });

    it('rejects a parent that is itself a purchase group in the file (only two levels)', () => {
      const text = lines(
        'code;name;parentCode',
        'BHM;Behandlingshjelpemidler;',
        'DIABETES;Diabetesprodukter;BHM',
        'INSULINPUMPER;Insulinpumper;DIABETES',
        'SENSORER;Sensorer;diabetes',
      );
      expect(problemsIn(text)).toEqual([
        {
          row: 4,
          message: 'Overordnet «DIABETES» er selv en innkjøpsgruppe (rad 3); strukturen har bare to nivåer.',
        },
        {
          row: 5,
          message: 'Overordnet «DIABETES» er selv en innkjøpsgruppe (rad 3); strukturen har bare to nivåer.',
        },
      ]);
    });

    it('rejects a row that is its own parent', () => {
      expect(problemsIn(lines('code,name,parentCode', 'ADM,Administrasjon,adm'))).toEqual([
        { row: 2, message: '«ADM» kan ikke være overordnet seg selv.' },
      ]);
    });

    it('collects every problem in the file, in line order, and imports nothing', () => {
      const text = lines(
        'kode;navn;overordnet;medisinsk;drives_av',
        'BHM;Behandlingshjelpemidler;;ja;SHI',
        'DIABETES;Diabetesprodukter;BHM;;',
        'PUMPER;Insulinpumper;DIABETES;;',
        'BHM;Dobbel;;;',
        'LAB;L;;;',
        'IKT;IKT;;;SHI;ekstra',
        'HR;Personal;;kanskje;',
      );
      expect(problemsIn(text)).toEqual([
        { row: 4, message: expect.stringContaining('innkjøpsgruppe') },
        { row: 5, message: 'Koden «BHM» er allerede brukt på rad 2.' },
        { row: 6, message: 'Navnet må ha minst 2 tegn.' },
        { row: 7, message: 'Raden har 6 kolonner, men overskriftsraden har 5.' },
        { row: 8, message: expect.stringContaining('kanskje') },
      ]);
    });
  });
});
