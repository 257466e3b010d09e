// A small hand-checkable fixture for the harmonisation KPI tests: EHF invoices (Peppol BIS Billing 3.0) whose
// lines name articles by seller's item id or GTIN. Test support only (imported by *.test.ts).
export interface FixtureLine {
  amount: string;
  item?: string;
  gtin?: string;
}

export function ehfInvoice(o: {
  number: string;
  date: string;
  supplier: string;
  buyer: string;
  currency?: string;
  lines: FixtureLine[];
}): string {
  const currency = o.currency ?? 'NOK';
  const lines = o.lines
    .map(
      (line, index) => `
  <cac:InvoiceLine>
    <cbc:ID>${index + 1}</cbc:ID>
    <cbc:InvoicedQuantity unitCode="EA">1</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="${currency}">${line.amount}</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>Artikkel ${index + 1}</cbc:Name>
      ${line.item ? `<cac:SellersItemIdentification><cbc:ID>${line.item}</cbc:ID></cac:SellersItemIdentification>` : ''}
      ${line.gtin ? `<cac:StandardItemIdentification><cbc:ID schemeID="0160">${line.gtin}</cbc:ID></cac:StandardItemIdentification>` : ''}
    </cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="${currency}">${line.amount}</cbc:PriceAmount></cac:Price>
  </cac:InvoiceLine>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>${o.number}</cbc:ID>
  <cbc:IssueDate>${o.date}</cbc:IssueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>${currency}</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party>
    <cbc:EndpointID schemeID="0192">${o.supplier}</cbc:EndpointID>
    <cac:PartyLegalEntity><cbc:RegistrationName>Leverandør ${o.supplier}</cbc:RegistrationName></cac:PartyLegalEntity>
  </cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party>
    <cbc:EndpointID schemeID="0192">${o.buyer}</cbc:EndpointID>
    <cac:PartyLegalEntity><cbc:RegistrationName>Helseforetak</cbc:RegistrationName></cac:PartyLegalEntity>
  </cac:Party></cac:AccountingCustomerParty>${lines}
</Invoice>`;
}
