// Reads one EHF / Peppol BIS Billing 3.0 document (UBL 2.1 Invoice or CreditNote). Pure: text in, the fields
// the spend analysis needs out, or a per-file reason in Norwegian. Amounts and identifiers stay strings (never
// numbers). Reads in one streaming pass (xml-scanner.ts, namespace-aware: `cbc:ID` is the UBL namespace, not a
// prefix), without building a tree.
import { scanXml, XmlError } from './xml-scanner.js';
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

interface Found {
  text: string;
  attributes: Readonly<Record<string, string>>;
}

const textOf = (found: Found | undefined): string | null => (found ? found.text.trim() || null : null);
const attributeOf = (found: Found | undefined, name: string): string | null =>
  found ? (found.attributes[name]?.trim() ?? null) : null;

const AMOUNT = /^-?\d{1,15}(\.\d{1,2})?$/;
const negate = (amount: string) =>
  amount.startsWith('-') ? amount.slice(1) : amount === '0' ? amount : `-${amount}`;

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** The party's identity: its endpoint, else its legal registration number; Norwegian numbers must pass mod 11. */
function readParty(
  endpoint: Found | undefined,
  legal: Found | undefined,
  role: 'leverandør' | 'kjøper',
): PartyId | string {
  const candidates = [endpoint, legal]
    .map((node) => ({ id: textOf(node), scheme: attributeOf(node, 'schemeID') }))
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
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    return fail('Filen inneholder DOCTYPE/ENTITY-deklarasjoner, som ikke er tillatt.');
  // One pass over the document: header elements by path (first occurrence), and each line's elements.
  const header = new Map<string, Found>();
  const lineElements: Array<Map<string, Found[]>> = [];
  let current: Map<string, Found[]> | null = null;
  let root: string;
  try {
    root = scanXml(xml, ({ path, attributes, text }) => {
      if (path.length < 2) return;
      const group = path[1];
      if (group === 'cac:InvoiceLine' || group === 'cac:CreditNoteLine') {
        if (path.length === 2) {
          lineElements.push(current ?? new Map<string, Found[]>());
          current = null;
          return;
        }
        current ??= new Map();
        const key = path.slice(2).join('/');
        const list = current.get(key);
        if (list) list.push({ text, attributes });
        else current.set(key, [{ text, attributes }]);
        return;
      }
      const key = path.slice(1).join('/');
      if (!header.has(key)) header.set(key, { text, attributes });
    });
  } catch (error) {
    if (error instanceof XmlError) return fail(`Ugyldig XML (linje ${error.line}): ${error.message}`);
    throw error;
  }
  if (root !== 'inv:Invoice' && root !== 'cn:CreditNote')
    return fail('Rotelementet er verken Invoice eller CreditNote i UBL 2.1-navnerommet.');
  const documentType = root === 'inv:Invoice' ? 'invoice' : 'creditNote';
  const get = (path: string) => textOf(header.get(path));

  const customization = get('cbc:CustomizationID');
  if (!customization) return fail('Mangler CustomizationID.');
  if (!customization.startsWith(PEPPOL_BILLING_3))
    return fail(`CustomizationID «${customization}» er ikke Peppol BIS Billing 3.0.`);
  const invoiceNumber = get('cbc:ID');
  if (!invoiceNumber) return fail('Mangler fakturanummer (cbc:ID).');
  const issueDate = get('cbc:IssueDate');
  if (!issueDate || !isIsoDate(issueDate))
    return fail(`Ugyldig eller manglende fakturadato (IssueDate: ${issueDate ?? 'mangler'}).`);
  const currency = get('cbc:DocumentCurrencyCode');
  if (!currency || !/^[A-Z]{3}$/.test(currency))
    return fail('Ugyldig eller manglende valutakode (DocumentCurrencyCode).');

  const supplier = readParty(
    header.get('cac:AccountingSupplierParty/cac:Party/cbc:EndpointID'),
    header.get('cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID'),
    'leverandør',
  );
  if (typeof supplier === 'string') return fail(supplier);
  const buyer = readParty(
    header.get('cac:AccountingCustomerParty/cac:Party/cbc:EndpointID'),
    header.get('cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID'),
    'kjøper',
  );
  if (typeof buyer === 'string') return fail(buyer);
  const supplierName =
    get('cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName') ??
    get('cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name') ??
    supplier.id;

  if (lineElements.length === 0) return fail('Dokumentet har ingen linjer.');
  const lines: EhfLine[] = [];
  for (const [index, elements] of lineElements.entries()) {
    const first = (key: string) => elements.get(key)?.[0];
    const lineId = textOf(first('cbc:ID')) ?? String(index + 1);
    const amountNode = first('cbc:LineExtensionAmount');
    const amount = textOf(amountNode);
    if (!amount || !AMOUNT.test(amount))
      return fail(`Linje ${lineId}: ugyldig eller manglende beløp (LineExtensionAmount).`);
    const lineCurrency = attributeOf(amountNode, 'currencyID');
    if (lineCurrency !== currency)
      return fail(
        `Linje ${lineId}: valuta ${lineCurrency ?? 'mangler'} avviker fra dokumentets valuta ${currency}.`,
      );
    const standard = first('cac:Item/cac:StandardItemIdentification/cbc:ID');
    let classificationCode: string | null = null;
    let classificationScheme: 'UNSPSC' | 'CPV' | null = null;
    for (const code of elements.get('cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode') ??
      []) {
      const scheme = CLASSIFICATION_SCHEMES[attributeOf(code, 'listID') ?? ''];
      if (scheme && textOf(code)) {
        classificationCode = textOf(code);
        classificationScheme = scheme;
        break;
      }
    }
    lines.push({
      lineId,
      amount: documentType === 'creditNote' ? negate(amount) : amount,
      quantity: textOf(first(documentType === 'invoice' ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity')),
      description: textOf(first('cac:Item/cbc:Name')),
      sellerItemId: textOf(first('cac:Item/cac:SellersItemIdentification/cbc:ID')),
      gtin: attributeOf(standard, 'schemeID') === GTIN_SCHEME ? textOf(standard) : null,
      classificationCode,
      classificationScheme,
      hasOrderLineReference: textOf(first('cac:OrderLineReference/cbc:LineID')) !== null,
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
      orderReference: get('cac:OrderReference/cbc:ID'),
      contractReference: get('cac:ContractDocumentReference/cbc:ID'),
      lines,
    },
  };
}
