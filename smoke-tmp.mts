import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseEhf } from './src/features/spend/ehf-parser.ts';
import { ehfInvoiceXml } from './bench/ehf-generator.ts';
const docs = Array.from({ length: 2000 }, (_, i) => ehfInvoiceXml({ number: `E-${i}`, issueDate: '2025-01-01', supplierOrgNumber: '974760673', buyerOrgNumber: '974760673', lines: 2 + (i % 4), seed: i }));
let t = performance.now(); for (const d of docs) parseEhf(d); console.log('parseEhf', performance.now() - t);
t = performance.now(); for (const d of docs) XMLValidator.validate(d); console.log('validate', performance.now() - t);
const p = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false, processEntities: false });
t = performance.now(); for (const d of docs) p.parse(d); console.log('parse', performance.now() - t);
console.log(docs[0]!.length);
