import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error.js';
import { parseColumnMapping, parseRatesCsv, parseSpendCsv } from './spend-csv.js';

describe('spend CSV readers', () => {
  it('groups accounts-payable rows into invoices, with a column mapping and Norwegian numbers', () => {
    const text = [
      'Bilag;Dato;Lev;Navn;Kjøper;Beløp;Valuta;Ordre',
      'F1;05.03.2025;911000008;Lev AS;983974678;1 250,50;;PO-1',
      'F1;05.03.2025;911000008;Lev AS;983974678;-100;;PO-1',
      'F2;2025-03-06;911001004;Annen AS;983974724;10;EUR;',
    ].join('\n');
    const mapping = parseColumnMapping(
      'invoiceNumber=Bilag,issueDate=Dato,supplierOrgNumber=Lev,supplierName=Navn,buyerOrgNumber=Kjøper,amount=Beløp,currency=Valuta,orderReference=Ordre',
    );
    const docs = parseSpendCsv(text, mapping);
    expect(docs).toHaveLength(2);
    expect(docs[0]!.document).toMatchObject({
      invoiceNumber: 'F1',
      issueDate: '2025-03-05',
      currency: 'NOK',
      orderReference: 'PO-1',
    });
    expect(docs[0]!.document.lines.map((l) => l.amount)).toEqual(['1250.50', '-100']);
    expect(docs[1]!.document).toMatchObject({ currency: 'EUR', orderReference: null });
  });

  it('refuses the whole file with row numbers when a row is bad', () => {
    const text = [
      'fakturanummer;fakturadato;leverandor_orgnr;kjoper_orgnr;belop',
      'A;2025-01-01;911000008;983974678;1',
      'B;2025-01-01;911000009;983974678;1,234',
    ].join('\n');
    try {
      parseSpendCsv(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details.map((d) => d.row)).toEqual([3, 3]);
    }
    expect(() => parseColumnMapping('belop=X')).toThrow(/kolonnekobling/);
  });

  it('reads our rate format and Norges Bank CSV with its unit multiplier', () => {
    expect(parseRatesCsv('valuta;dato;kurs\nEUR;2025-03-10;11,52\n')).toEqual([
      { row: 2, currency: 'EUR', rateDate: '2025-03-10', nokPerUnit: '11.52' },
    ]);
    const nb = [
      'FREQ;Frekvens;BASE_CUR;Basisvaluta;QUOTE_CUR;Kvotert valuta;TENOR;Løpetid;DECIMALS;CALCULATED;UNIT_MULT;Multiplikator;COLLECTION;Innsamlingstidspunkt;TIME_PERIOD;OBS_VALUE',
      'B;Virkedag;SEK;Svenske kroner;NOK;Norske kroner;SP;Spot;4;false;2;Hundre;C;ECB concertation tidspunkt 14:15 CET;2025-03-10;102,35',
      'B;Virkedag;EUR;Euro;NOK;Norske kroner;SP;Spot;4;false;0;Enheter;C;ECB concertation tidspunkt 14:15 CET;2025-03-10;11,5163',
    ].join('\n');
    expect(parseRatesCsv(nb).map((r) => [r.currency, r.nokPerUnit])).toEqual([
      ['SEK', '1.0235'],
      ['EUR', '11.5163'],
    ]);
    expect(() => parseRatesCsv('valuta;dato;kurs\nEURO;2025-03-10;x')).toThrow(AppError);
  });
});
