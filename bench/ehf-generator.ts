// Generated EHF (Peppol BIS Billing 3.0) invoices for the ingest benchmark.
const CUSTOMIZATION = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';

export function ehfInvoiceXml(input: {
  number: string;
  issueDate: string;
  supplierOrgNumber: string;
  buyerOrgNumber: string;
  lines: number;
  seed: number;
}): string {
  const lines: string[] = [];
  let total = 0;
  for (let index = 1; index <= input.lines; index += 1) {
    const cents = ((input.seed * 7919 + index * 104_729) % 5_000_000) + 100;
    total += cents;
    const amount = (cents / 100).toFixed(2);
    lines.push(`  <cac:InvoiceLine>
    <cbc:ID>${index}</cbc:ID>
    <cbc:InvoicedQuantity unitCode="EA">${index}</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="NOK">${amount}</cbc:LineExtensionAmount>
    <cac:OrderLineReference><cbc:LineID>${index}</cbc:LineID></cac:OrderLineReference>
    <cac:Item>
      <cbc:Name>Vare ${index}</cbc:Name>
      <cac:SellersItemIdentification><cbc:ID>A${(input.seed + index) % 50000}</cbc:ID></cac:SellersItemIdentification>
      <cac:StandardItemIdentification><cbc:ID schemeID="0160">70380100${String((input.seed * 31 + index) % 100000).padStart(5, '0')}</cbc:ID></cac:StandardItemIdentification>
      <cac:CommodityClassification><cbc:ItemClassificationCode listID="TST">${10 + ((input.seed + index) % 14)}101500</cbc:ItemClassificationCode></cac:CommodityClassification>
      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="NOK">${amount}</cbc:PriceAmount></cac:Price>
  </cac:InvoiceLine>`);
  }
  const sum = (total / 100).toFixed(2);
  return `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>${CUSTOMIZATION}</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>${input.number}</cbc:ID>
  <cbc:IssueDate>${input.issueDate}</cbc:IssueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>
  <cac:OrderReference><cbc:ID>PO-${input.number}</cbc:ID></cac:OrderReference>
  <cac:AccountingSupplierParty><cac:Party>
    <cbc:EndpointID schemeID="0192">${input.supplierOrgNumber}</cbc:EndpointID>
    <cac:PartyName><cbc:Name>Leverandør ${input.supplierOrgNumber}</cbc:Name></cac:PartyName>
    <cac:PartyLegalEntity><cbc:RegistrationName>Leverandør ${input.supplierOrgNumber} AS</cbc:RegistrationName><cbc:CompanyID schemeID="0192">${input.supplierOrgNumber}</cbc:CompanyID></cac:PartyLegalEntity>
  </cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party>
    <cbc:EndpointID schemeID="0192">${input.buyerOrgNumber}</cbc:EndpointID>
    <cac:PartyLegalEntity><cbc:RegistrationName>Helseforetak</cbc:RegistrationName><cbc:CompanyID schemeID="0192">${input.buyerOrgNumber}</cbc:CompanyID></cac:PartyLegalEntity>
  </cac:Party></cac:AccountingCustomerParty>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="NOK">${sum}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="NOK">${sum}</cbc:TaxExclusiveAmount>
    <cbc:PayableAmount currencyID="NOK">${sum}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
${lines.join('\n')}
</Invoice>
`;
}
