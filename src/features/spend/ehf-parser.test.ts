import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEhf } from './ehf-parser.js';

const fixture = (name: string) =>
  fs.readFileSync(new URL(`../../../tests/fixtures/ehf/${name}`, import.meta.url), 'utf8');
const parsed = (name: string) => {
  const result = parseEhf(fixture(name));
  if (!result.ok) throw new Error(result.reason);
  return result.document;
};
const reason = (name: string) => {
  const result = parseEhf(fixture(name));
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.reason;
};

describe('EHF / Peppol BIS Billing 3.0 parser', () => {
  it('reads an invoice with exact decimal strings, identifiers and references', () => {
    const doc = parsed('invoice-001.xml');
    expect(doc).toMatchObject({
      documentType: 'invoice',
      invoiceNumber: 'F-1001',
      issueDate: '2025-03-05',
      currency: 'NOK',
      supplier: { scheme: '0192', id: '911000008' },
      supplierName: 'Hanskeleverandøren AS',
      buyer: { scheme: '0192', id: '983974678' },
      orderReference: 'PO-77',
      contractReference: 'SHI-2024-001',
    });
    expect(doc.lines).toEqual([
      {
        lineId: '1',
        amount: '1250.50',
        quantity: '100',
        description: 'Hanske str. 7',
        sellerItemId: 'H-100',
        gtin: '7038010000003',
        classificationCode: '42132203',
        classificationScheme: 'UNSPSC',
        hasOrderLineReference: true,
      },
      expect.objectContaining({
        amount: '333.33',
        sellerItemId: null,
        classificationScheme: 'CPV',
        classificationCode: '60000000',
      }),
    ]);
  });

  it('makes credit-note lines negative', () => {
    const doc = parsed('creditnote-001.xml');
    expect(doc.documentType).toBe('creditNote');
    expect(doc.lines.map((line) => [line.amount, line.quantity])).toEqual([['-100.00', '10']]);
  });

  it('keeps a foreign supplier with its own scheme and the document currency', () => {
    const doc = parsed('invoice-eur.xml');
    expect(doc.supplier).toEqual({ scheme: '0007', id: '5560001111' });
    expect(doc.currency).toBe('EUR');
  });

  it('gives a clear reason for a wrong organisation number, malformed XML and entity declarations', () => {
    expect(reason('wrong-org-number.xml')).toMatch(/911000009.*ugyldig/);
    expect(reason('malformed.xml')).toMatch(/Ugyldig XML/);
    expect(reason('billion-laughs.xml')).toMatch(/DOCTYPE\/ENTITY/);
  });

  it('refuses documents that are not BIS Billing 3.0 or lack what the analysis needs', () => {
    const good = fixture('invoice-002.xml');
    expect(parseEhf(good.replace('billing:3.0', 'billing:2.0'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/CustomizationID/),
    });
    expect(parseEhf(good.replace('<cbc:IssueDate>2025-04-20', '<cbc:IssueDate>2025-02-30'))).toMatchObject({
      ok: false,
    });
    expect(
      parseEhf(
        good.replace(
          'currencyID="NOK">9999.99</cbc:LineExtensionAmount>\n    <cac:Item>',
          'currencyID="NOK">9999.999</cbc:LineExtensionAmount>\n    <cac:Item>',
        ),
      ),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/beløp/) });
    expect(
      parseEhf(
        good.replace(
          /currencyID="NOK">9999.99<\/cbc:LineExtensionAmount>\n {4}<cac:Item>/,
          'currencyID="EUR">9999.99</cbc:LineExtensionAmount>\n    <cac:Item>',
        ),
      ),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/valuta/) });
    expect(parseEhf('<Order/>')).toMatchObject({ ok: false, reason: expect.stringMatching(/Rotelementet/) });
  });

  it('keeps long identifiers and amounts exact (never floats)', () => {
    const doc = parseEhf(
      fixture('invoice-002.xml')
        .replaceAll('>9999.99<', '>123456789012345.67<')
        .replace('<cbc:ID>7001</cbc:ID>', '<cbc:ID>000123456789012345678</cbc:ID>'),
    );
    expect(doc).toMatchObject({ ok: true, document: { invoiceNumber: '000123456789012345678' } });
    if (doc.ok) expect(doc.document.lines.map((l) => l.amount)).toContain('123456789012345.67');
  });

  it('answers a bad character reference with a reason, not an exception', () => {
    const good = fixture('invoice-001.xml');
    for (const bad of ['&#xZZ;', '&#x110000;', '&#0;', '&#;', '&bogus;']) {
      const result = parseEhf(
        good.replace('Hanskeleverandøren AS</cbc:RegistrationName>', `H${bad}</cbc:RegistrationName>`),
      );
      expect(result, bad).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/^Ugyldig XML \(linje \d+\)/),
      });
    }
  });

  it('reads by namespace: a look-alike invoice or element in another namespace is not UBL', () => {
    const good = fixture('invoice-001.xml');
    const evilRoot = good.replace(
      'xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"',
      'xmlns="urn:evil"',
    );
    expect(parseEhf(evilRoot)).toMatchObject({ ok: false, reason: expect.stringMatching(/navnerommet/) });
    const evilBasics = good.replace(
      'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"',
      'xmlns:cbc="urn:evil"',
    );
    expect(parseEhf(evilBasics)).toMatchObject({ ok: false, reason: 'Mangler CustomizationID.' });
    // Other prefixes for the right namespaces are the same document.
    const renamed = good.replaceAll('cbc:', 'b:').replace('xmlns:cbc=', 'xmlns:b=');
    expect(parseEhf(renamed)).toMatchObject({ ok: true, document: { invoiceNumber: 'F-1001' } });
  });
});
