// Reads one EHF / Peppol BIS Billing 3.0 document (UBL 2.1 Invoice or CreditNote). Pure: bytes in, the fields
// the spend analysis needs out, or a per-file reason in Norwegian. Amounts and identifiers stay strings.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isValidOrgNumber, normaliseOrgNumber } from '../../domain/org-number.rules.js';

export const PEPPOL_BILLING_3 = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const NORWEGIAN_ORG_SCHEME = '0192';
const GTIN_SCHEME = '0160';
/** Item classification list ids: UNSPSC is «TST», CPV is «STI» (UNCL 7143). */
export const CLASSIFICATION_SCHEMES: Record<string, 'UNSPSC' | 'CPV'> = { TST: 'UNSPSC', STI: 'CPV' };
export const MAX_EHF_FILE_BYTES = 20 * 1024 * 1024;

export interface PartyId {
  scheme: string;
  id: string;
}

export interface EhfLine {
  lineId: string;
  /** Decimal string in the document currency; negative on a credit note. */
  amount: string;
  quantity: string | null;
  description: string | null;
  sellerItemId: string | null;
  gtin: string | null;
  classificationCode: string | null;
  classificationScheme: 'UNSPSC' | 'CPV' | null;
  hasOrderLineReference: boolean;
}

export interface EhfDocument {
  documentType: 'invoice' | 'creditNote';
  invoiceNumber: string;
  issueDate: string;
  currency: string;
  supplier: PartyId;
  supplierName: string;
  buyer: PartyId;
  orderReference: string | null;
  contractReference: string | null;
  lines: EhfLine[];
}

export type EhfParseResult = { ok: true; document: EhfDocument } | { ok: false; reason: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  trimValues: true,
  isArray: (name) => ['InvoiceLine', 'CreditNoteLine', 'CommodityClassification'].includes(name),
});

type Node = Record<string, unknown>;

const asNode = (value: unknown): Node | undefined =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Node)
    : Array.isArray(value)
      ? asNode(value[0])
      : undefined;

/** Follows a path of element names; repeated elements take the first. */
function at(node: unknown, ...path: string[]): unknown {
  let current: unknown = node;
  for (const name of path) {
    const parent = asNode(current);
    if (!parent) return undefined;
    current = parent[name];
  }
  return Array.isArray(current) ? current[0] : current;
}

function text(node: unknown): string | null {
  if (node === undefined || node === null) return null;
  if (typeof node === 'string') return node.trim() || null;
  const inner = asNode(node)?.['#text'];
  return typeof inner === 'string' ? inner.trim() || null : typeof inner === 'number' ? String(inner) : null;
}

const attribute = (node: unknown, name: string): string | null => {
  const value = asNode(node)?.[`@${name}`];
  return typeof value === 'string' ? value.trim() : null;
};

const AMOUNT = /^-?\d{1,15}(\.\d{1,2})?$/;
const negate = (amount: string) => (amount.startsWith('-') ? amount.slice(1) : amount === '0' ? amount : `-${amount}`);

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** The party's identity: its endpoint, else its legal registration number; Norwegian numbers must pass mod 11. */
function readParty(party: unknown, role: 'leverandør' | 'kjøper'): PartyId | string {
  const endpoint = at(party, 'EndpointID');
  const legal = at(party, 'PartyLegalEntity', 'CompanyID');
  const candidates = [endpoint, legal]
    .map((node) => ({ id: text(node), scheme: attribute(node, 'schemeID') }))
    .filter((candidate) => candidate.id);
  const chosen = candidates[0];
  if (!chosen) return `Mangler identifikator for ${role} (EndpointID / PartyLegalEntity/CompanyID).`;
  const scheme = chosen.scheme ?? (/^\d{9}$/.test(chosen.id!) ? NORWEGIAN_ORG_SCHEME : '');
  if (!scheme) return `Identifikatoren til ${role} mangler schemeID.`;
  if (scheme === NORWEGIAN_ORG_SCHEME) {
    if (!isValidOrgNumber(chosen.id!))
      return `Organisasjonsnummeret til ${role} (${chosen.id}) er ugyldig (kontrollsifferet stemmer ikke).`;
    return { scheme, id: normaliseOrgNumber(chosen.id!)! };
  }
  return { scheme, id: chosen.id! };
}

export function parseEhf(xml: string): EhfParseResult {
  const fail = (reason: string): EhfParseResult => ({ ok: false, reason });
  // Entity tricks ("billion laughs", external entities) are refused before any parsing.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return fail('Filen inneholder DOCTYPE/ENTITY-deklarasjoner, som ikke er tillatt.');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return fail(`Ugyldig XML (linje ${valid.err.line}): ${valid.err.msg}`);
  let root: Node;
  try {
    root = parser.parse(xml) as Node;
  } catch (error) {
    return fail(`Ugyldig XML: ${(error as Error).message}`);
  }
  const invoice = asNode(root['Invoice']);
  const creditNote = asNode(root['CreditNote']);
  const doc = invoice ?? creditNote;
  if (!doc) return fail('Rotelementet er verken Invoice eller CreditNote (UBL 2.1).');
  const documentType = invoice ? 'invoice' : 'creditNote';

  const customization = text(at(doc, 'CustomizationID'));
  if (!customization) return fail('Mangler CustomizationID.');
  if (!customization.startsWith(PEPPOL_BILLING_3))
    return fail(`CustomizationID «${customization}» er ikke Peppol BIS Billing 3.0.`);
  const invoiceNumber = text(at(doc, 'ID'));
  if (!invoiceNumber) return fail('Mangler fakturanummer (cbc:ID).');
  const issueDate = text(at(doc, 'IssueDate'));
  if (!issueDate || !isIsoDate(issueDate)) return fail(`Ugyldig eller manglende fakturadato (IssueDate: ${issueDate ?? 'mangler'}).`);
  const currency = text(at(doc, 'DocumentCurrencyCode'));
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return fail('Ugyldig eller manglende valutakode (DocumentCurrencyCode).');

  const supplierParty = at(doc, 'AccountingSupplierParty', 'Party');
  const supplier = readParty(supplierParty, 'leverandør');
  if (typeof supplier === 'string') return fail(supplier);
  const buyer = readParty(at(doc, 'AccountingCustomerParty', 'Party'), 'kjøper');
  if (typeof buyer === 'string') return fail(buyer);
  const supplierName =
    text(at(supplierParty, 'PartyLegalEntity', 'RegistrationName')) ?? text(at(supplierParty, 'PartyName', 'Name')) ?? supplier.id;

  const lineNodes = (doc[documentType === 'invoice' ? 'InvoiceLine' : 'CreditNoteLine'] as unknown[] | undefined) ?? [];
  if (lineNodes.length === 0) return fail('Dokumentet har ingen linjer.');
  const lines: EhfLine[] = [];
  for (const [index, node] of lineNodes.entries()) {
    const lineId = text(at(node, 'ID')) ?? String(index + 1);
    const amountNode = at(node, 'LineExtensionAmount');
    const amount = text(amountNode);
    if (!amount || !AMOUNT.test(amount)) return fail(`Linje ${lineId}: ugyldig eller manglende beløp (LineExtensionAmount).`);
    const lineCurrency = attribute(amountNode, 'currencyID');
    if (lineCurrency !== currency)
      return fail(`Linje ${lineId}: valuta ${lineCurrency ?? 'mangler'} avviker fra dokumentets valuta ${currency}.`);
    const standard = at(node, 'Item', 'StandardItemIdentification', 'ID');
    const classifications = (asNode(at(node, 'Item'))?.['CommodityClassification'] as unknown[] | undefined) ?? [];
    let classificationCode: string | null = null;
    let classificationScheme: 'UNSPSC' | 'CPV' | null = null;
    for (const classification of classifications) {
      const code = at(classification, 'ItemClassificationCode');
      const scheme = CLASSIFICATION_SCHEMES[attribute(code, 'listID') ?? ''];
      if (scheme && text(code)) {
        classificationCode = text(code);
        classificationScheme = scheme;
        break;
      }
    }
    lines.push({
      lineId,
      amount: documentType === 'creditNote' ? negate(amount) : amount,
      quantity: text(at(node, documentType === 'invoice' ? 'InvoicedQuantity' : 'CreditedQuantity')),
      description: text(at(node, 'Item', 'Name')),
      sellerItemId: text(at(node, 'Item', 'SellersItemIdentification', 'ID')),
      gtin: attribute(standard, 'schemeID') === GTIN_SCHEME ? text(standard) : null,
      classificationCode,
      classificationScheme,
      hasOrderLineReference: text(at(node, 'OrderLineReference', 'LineID')) !== null,
    });
  }
  return {
    ok: true,
    document: {
      documentType,
      invoiceNumber,
      issueDate,
      currency,
      supplier,
      supplierName,
      buyer,
      orderReference: text(at(doc, 'OrderReference', 'ID')),
      contractReference: text(at(doc, 'ContractDocumentReference', 'ID')),
      lines,
    },
  };
}
