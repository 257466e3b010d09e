// The agreement register and spend import in the browser: the secretariat creates an agreement (a wrong
// organisation number is refused with the mod-11 message first), finds it in the list, opens it and sees its
// articles; then uploads one EHF invoice and sees the per-file result. Screenshot for review.
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from '../support/browser.js';

const MOD11_MESSAGE = 'Ugyldig organisasjonsnummer (ni siffer med gyldig kontrollsiffer)';

function ehfInvoice(invoiceNumber: string, buyerOrgNumber: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>${invoiceNumber}</cbc:ID>
  <cbc:IssueDate>2025-03-05</cbc:IssueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>
  <cac:OrderReference><cbc:ID>PO-1</cbc:ID></cac:OrderReference>
  <cac:AccountingSupplierParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0192">911000008</cbc:EndpointID>
      <cac:PartyName><cbc:Name>Nettlestesten AS</cbc:Name></cac:PartyName>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Nettlestesten AS</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0192">911000008</cbc:CompanyID>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0192">${buyerOrgNumber}</cbc:EndpointID>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Helseforetak HF</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0192">${buyerOrgNumber}</cbc:CompanyID>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingCustomerParty>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="NOK">1250.50</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="NOK">1250.50</cbc:TaxExclusiveAmount>
    <cbc:PayableAmount currencyID="NOK">1250.50</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cbc:InvoicedQuantity unitCode="EA">100</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="NOK">1250.50</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>Hanske str. 7</cbc:Name>
      <cac:SellersItemIdentification><cbc:ID>BT-100</cbc:ID></cac:SellersItemIdentification>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="NOK">12.505</cbc:PriceAmount></cac:Price>
  </cac:InvoiceLine>
</Invoice>
`;
}

describe('agreement register and spend import in the browser', () => {
  const suite = useBrowserSuite();

  it('creates an agreement with an article and uploads an EHF invoice', async () => {
    const page = await suite.as('sekretariat');
    const agreementNumber = `BT-${Date.now()}`;
    await page.goto(`${suite.server.url}/avtaler`);
    await page.getByTestId('agreement-new').click();
    await page.waitForURL(`${suite.server.url}/avtaler/ny`);

    await page.getByLabel('Avtalenummer').fill(agreementNumber);
    await page.getByLabel('Navn', { exact: true }).fill('Hansker nettlesertest');
    await page.getByLabel('Leverandør', { exact: true }).fill('Nettlestesten AS');
    await page.getByLabel('Organisasjonsnummer').fill('911000009');
    await expect.poll(() => page.getByTestId('org-number-check').textContent()).toBe(MOD11_MESSAGE);
    await page.getByLabel('Gyldig fra').fill('2025-01-01');
    await page.getByLabel('Gyldig til').fill('2027-12-31');
    await page.getByLabel('Opsjoner (forlengelse)').fill('1 + 1 år');
    await page.getByTestId('agreement-categories').locator('input[type="checkbox"]').first().check();

    // A wrong check digit is refused before anything is sent.
    await page.getByTestId('agreement-save').click();
    await expect.poll(() => page.getByTestId('agreement-error').textContent()).toContain(MOD11_MESSAGE);
    expect(page.url()).toBe(`${suite.server.url}/avtaler/ny`);

    await page.getByLabel('Organisasjonsnummer').fill('911000008');
    await expect
      .poll(() => page.getByTestId('org-number-check').textContent())
      .toBe('Gyldig organisasjonsnummer.');
    await page.getByTestId('agreement-save').click();
    await page.waitForURL((url) => /\/avtaler\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByTestId('agreement-facts').waitFor();

    // Add an article through the dialog.
    await page.getByTestId('article-add').click();
    const dialog = page.getByTestId('article-dialog');
    await dialog.getByLabel('Leverandørens artikkelnummer').fill('BT-100');
    await dialog.getByLabel('GTIN').fill('7038010000003');
    await dialog.getByLabel('Beskrivelse').fill('Hanske str. 7');
    await dialog.getByLabel('Enhet').fill('EA');
    await dialog.getByLabel('Pris (NOK)').fill('12,505');
    await dialog.getByLabel('Produksjonsland (landkode)').fill('MY');
    await dialog.getByLabel('Kritikalitet').selectOption('high');
    await dialog.getByTestId('article-save').click();
    await page.getByTestId('article-row').first().waitFor();

    // The list shows it; opening it shows its articles.
    await page.goto(`${suite.server.url}/avtaler`);
    await page.getByLabel('Søk', { exact: true }).fill(agreementNumber);
    const row = page.getByTestId('agreement-row').filter({ hasText: agreementNumber });
    await row.waitFor();
    expect(await row.textContent()).toContain('Nettlestesten AS');
    await row.getByRole('link').click();
    await page.getByTestId('agreement-page').waitFor();
    const article = page.getByTestId('article-row');
    await article.first().waitFor();
    expect(await article.count()).toBe(1);
    expect(await article.first().textContent()).toContain('7038010000003');
    await page.getByTestId('article-search').fill('finnes-ikke');
    await expect.poll(() => article.count()).toBe(0);
    await page.getByTestId('article-search').fill('');

    // EHF upload: the buyer is an HF the demo data knows by its organisation number.
    const organisations = (await (
      await page.request.get(`${suite.server.url}/api/organisations`)
    ).json()) as Array<{
      kind: string;
      orgNumber: string | null;
    }>;
    const buyer = organisations.find((org) => org.kind === 'HF' && org.orgNumber)!.orgNumber!;
    await page.goto(`${suite.server.url}/forbruk`);
    await page.getByTestId('spend-import-link').click();
    await page.waitForURL(`${suite.server.url}/forbruk/import`);
    await page.getByTestId('ehf-files').setInputFiles({
      name: 'nettlesertest.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(ehfInvoice(`NT-${Date.now()}`, buyer), 'utf8'),
    });
    const result = page.getByTestId('ehf-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('Lagret');
    expect(await result.locator('td.numeric').textContent()).toBe('1');
    await page.getByTestId('mapping-editor').waitFor();
    await screenshot(page, 'agreements');
  }, 120_000);
});
