// Strict, namespace-aware, streaming XML reading for invoice documents, on `saxes` (a conformant
// non-validating parser). Well-formedness errors, undeclared prefixes and bad character references are
// XmlErrors; any DOCTYPE (and with it every entity declaration) is refused. Each element is reported at its end
// tag with its path of namespace-qualified names — `cbc:ID` means the UBL basic-components namespace whatever
// prefix the file used — so a look-alike element in another namespace never matches.
import { SaxesParser, type SaxesTagNS } from 'saxes';

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'XmlError';
  }
}

/** Canonical prefixes for the namespaces the readers know; other namespaces appear as `{uri}local`. */
export const UBL_NAMESPACES: Record<string, string> = {
  'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2': 'inv',
  'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2': 'cn',
  'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2': 'cac',
  'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2': 'cbc',
  'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2': 'ext',
};

export interface ElementEvent {
  /** Qualified names from the root down to this element, e.g. ['inv:Invoice', 'cac:OrderReference', 'cbc:ID']. */
  path: readonly string[];
  /** Attributes in no namespace (UBL's schemeID, currencyID, listID), by name. */
  attributes: Readonly<Record<string, string>>;
  /** The element's own text (text and CDATA directly inside it). */
  text: string;
}

const qualify = (tag: SaxesTagNS, namespaces: Record<string, string>) => {
  const prefix = namespaces[tag.uri];
  return prefix ? `${prefix}:${tag.local}` : `{${tag.uri}}${tag.local}`;
};

/** Reads the whole document, calling `onElement` at each end tag; returns the root's qualified name. */
export function scanXml(
  xml: string,
  onElement: (event: ElementEvent) => void,
  namespaces: Record<string, string> = UBL_NAMESPACES,
): string {
  try {
    // Tracking positions costs almost half the time; a failing document is read again to name the line.
    return read(xml, onElement, namespaces, false);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    read(xml, () => {}, namespaces, true);
    throw error;
  }
}

function read(
  xml: string,
  onElement: (event: ElementEvent) => void,
  namespaces: Record<string, string>,
  position: boolean,
): string {
  const parser = new SaxesParser({ xmlns: true, position });
  const path: string[] = [];
  const attributeStack: Array<Record<string, string>> = [];
  const textStack: string[] = [];
  let root = '';
  // Set from the parser's callbacks; the first problem wins.
  const state: { failure: XmlError | null } = { failure: null };
  const fail = (message: string) => {
    state.failure ??= new XmlError(message, parser.line);
  };
  parser.on('error', (error) =>
    fail(`ikke velformet XML (${error.message.replace(/^[^:]*:\d+:\d+: /, '')})`),
  );
  parser.on('doctype', () => fail('DOCTYPE/ENTITY-deklarasjoner er ikke tillatt'));
  parser.on('opentag', (tag) => {
    const name = qualify(tag, namespaces);
    if (path.length === 0) root = name;
    path.push(name);
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes))
      if (attribute.uri === '' && attribute.prefix === '') attributes[attribute.local] = attribute.value;
    attributeStack.push(attributes);
    textStack.push('');
  });
  const addText = (text: string) => {
    if (textStack.length > 0) textStack[textStack.length - 1] += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    if (state.failure) return;
    onElement({ path, attributes: attributeStack.pop()!, text: textStack.pop()! });
    path.pop();
  });
  // Fed in slices, as a stream would be; stops at the first problem.
  const slice = 64 * 1024;
  for (let start = xml.charCodeAt(0) === 0xfeff ? 1 : 0; start < xml.length && !state.failure; start += slice)
    parser.write(xml.slice(start, start + slice));
  if (!state.failure) parser.close();
  if (state.failure) throw state.failure;
  if (!root) throw new XmlError('Filen har ikke noe rotelement', 1);
  return root;
}
