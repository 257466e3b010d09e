// Demo spend data for `npm start` in demo mode and the browser tests: a classification mapping, demo
// agreements and two years of generated invoices to the HFs' real organisation numbers, written through the
// same ingest path as real EHF files. Idempotent: runs once per database and spend folder.
import type { Db } from '../../db/client.js';
import { systemActor, type Actor } from '../../db/unit-of-work.js';
import { orgNumberFromStem } from '../../domain/org-number.rules.js';
import { addDays, addMonths, daysBetween } from '../../shared/calendar-date.js';
import { importAgreements } from '../agreements/index.js';
import { createAgreementSchema } from '../agreements/index.js';
import type { EhfDocument } from './ehf-parser.js';
import { emptyReport, recordImport, storeDocuments } from './spend-ingest.service.js';
import { hasLineFiles, openSpendStore } from './spend-store.js';
import * as repo from './spend.repo.js';
import { setClassificationMappings } from './spend.service.js';

const DEMO_PREFIX = 'DEMO-';
const demoMappings: Array<[string, string]> = [
  ['41', 'LAB'],
  ['42', 'MFV'],
  ['4218', 'MTU'],
  ['4229', 'KIR'],
  ['51', 'LEGEMIDLER'],
  ['43', 'IKT'],
  ['44', 'ADM'],
  ['80', 'HR'],
  ['85', 'HELSETJENESTER'],
  ['72', 'BYGG-EIENDOM'],
];

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export async function seedSpendDemo(
  db: Db,
  spendDir: string,
  today: string,
  actor: Actor = systemActor('seed'),
): Promise<{ agreements: number; lines: number }> {
  const existing = (await repo.listAgreementCategoryRows(db)).some((row) =>
    row.agreementNumber.startsWith(DEMO_PREFIX),
  );
  const store = await openSpendStore(spendDir);
  try {
    if (existing && hasLineFiles(store)) return { agreements: 0, lines: 0 };
    const orgs = await repo.listOrganisationsForSpend(db);
    // Invoices are addressed to the HFs' real organisation numbers from the reference data, as real EHF
    // invoices are; an HF without one (entered by hand without a number) receives none.
    const hfs = orgs.filter((org) => org.kind === 'HF' && org.orgNumber);
    if (hfs.length === 0) return { agreements: 0, lines: 0 };
    if ((await repo.listClassificationMappings(db)).length === 0)
      await setClassificationMappings(
        db,
        actor,
        demoMappings.map(([codePrefix, categoryCode]) => ({
          scheme: 'UNSPSC' as const,
          codePrefix,
          categoryCode,
        })),
      );

    const next = random(2024);
    const categories = demoMappings.filter(([prefix]) => prefix.length === 2);
    const suppliers = Array.from({ length: 60 }, (_, index) => ({
      orgNumber: orgNumberFromStem(91_500_000 + index * 1000),
      name: `${['Nordisk', 'Medi', 'Fjord', 'Polar', 'Vest', 'Aurora'][index % 6]} ${['Helse', 'Lab', 'Teknikk', 'Pharma', 'Service'][index % 5]} AS ${index + 1}`,
      segment: categories[index % categories.length]!,
    }));
    const rhfs = orgs.filter((org) => org.kind === 'RHF');
    const start = addMonths(today, -24).slice(0, 8) + '01';
    let agreementCount = 0;
    if (!existing) {
      const rows = suppliers.slice(0, 36).map((supplier, index) => {
        const isRegional = index % 4 === 3;
        agreementCount += 1;
        return {
          row: index + 2,
          hasArticles: true,
          agreement: createAgreementSchema.parse({
            agreementNumber: `${DEMO_PREFIX}${String(index + 1).padStart(3, '0')}`,
            name: `Rammeavtale ${supplier.segment[1]} ${index + 1}`,
            supplierName: supplier.name,
            supplierOrgNumber: supplier.orgNumber,
            scope: isRegional ? 'regional' : 'national',
            rhfId: isRegional ? rhfs[index % rhfs.length]!.id : null,
            categoryCodes: [supplier.segment[1]],
            validFrom: addMonths(start, -6 + (index % 5) * 2),
            validTo: addMonths(today, index % 7 === 0 ? 4 : 18),
            articles: [{ supplierArticleNumber: `ART-${index + 1}`, description: `Avtalevare ${index + 1}` }],
          }),
        };
      });
      await importAgreements(db, actor, rows, { dryRun: false });
    }

    const documents: Array<{ file: string; document: EhfDocument; hfCode: string }> = [];
    const days = daysBetween(start, today);
    for (let index = 0; index < 4000; index += 1) {
      const hf = hfs[Math.floor(next() ** 1.5 * hfs.length)]!;
      const supplier = suppliers[Math.floor(next() ** 2 * suppliers.length)]!;
      const issueDate = addDays(start, Math.floor(next() * days));
      const isOrdered = next() < 0.7;
      const lines = Array.from({ length: 1 + Math.floor(next() * 4) }, (_, lineIndex) => {
        const isArticle = next() < 0.5;
        return {
          lineId: String(lineIndex + 1),
          amount: (Math.floor(next() * 5_000_000) / 100).toFixed(2),
          quantity: '1',
          description: isArticle ? 'Avtalevare' : 'Diverse',
          sellerItemId: isArticle ? `ART-${suppliers.indexOf(supplier) + 1}` : null,
          gtin: null,
          classificationCode:
            next() < 0.85 ? `${supplier.segment[0]}1015${String(lineIndex).padStart(2, '0')}` : null,
          classificationScheme: 'UNSPSC' as const,
          hasOrderLineReference: isOrdered,
        };
      });
      documents.push({
        file: `demo-${index + 1}.xml`,
        hfCode: hf.code,
        document: {
          documentType: next() < 0.03 ? 'creditNote' : 'invoice',
          invoiceNumber: `D${100000 + index}`,
          issueDate,
          currency: 'NOK',
          supplier: { scheme: '0192', id: supplier.orgNumber },
          supplierName: supplier.name,
          buyer: { scheme: '0192', id: hf.orgNumber! },
          orderReference: isOrdered ? `PO-${index}` : null,
          contractReference: null,
          lines: lines.map((line) =>
            line.classificationCode ? line : { ...line, classificationScheme: null },
          ),
        },
      });
    }
    for (const entry of documents)
      if (entry.document.documentType === 'creditNote')
        entry.document.lines = entry.document.lines.map((line) => ({ ...line, amount: `-${line.amount}` }));
    const report = emptyReport(false);
    report.files = documents.length;
    await storeDocuments({ db, store }, documents, report, new Map(), 'demo');
    await recordImport({ db, store }, actor, 'ehf', report);
    return { agreements: agreementCount, lines: report.lines };
  } finally {
    store.close();
  }
}
