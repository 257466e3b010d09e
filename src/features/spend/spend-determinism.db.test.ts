// The KPI engine answers the same for the same data, whatever order rows arrive in: every pick among equals has
// an explicit tie-break (a supplier's main category, an article's category, a supplier's name, equal amounts in
// rankings). Each case is built as a tie, checked against a hand calculation, and again after the main database
// has returned its rows in another order and the engine was rebuilt from scratch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededDatabase, databaseKinds, type TestDatabase } from '../../../tests/support/databases.js';
import { systemActor } from '../../db/unit-of-work.js';
import { orgNumberFromStem } from '../../domain/org-number.rules.js';
import { createAgreementSchema } from '../agreements/agreements.schemas.js';
import { createAgreement, listAgreements, updateAgreement } from '../agreements/agreements.service.js';
import * as organisationsRepo from '../organisations/organisations.repo.js';
import type { EhfDocument } from './ehf-parser.js';
import { emptyReport, storeDocuments } from './spend-ingest.service.js';
import { getASuppliers, getBreakdown, getSummary, refreshEngine } from './spend-kpi.service.js';
import { openSpendStore, type SpendStore } from './spend-store.js';
import { setClassificationMappings } from './spend.service.js';

const actor = systemActor('test');
const supplier = (n: number) => orgNumberFromStem(70_000_000 + n * 100);
// T: one MTU and one LAB agreement (a tie), U: one LAB and two MTU agreements, V: one agreement in MTU and LAB
// with an article, W: invoices under two names, X and Y: equal amounts, Y's id the lower, Y imported later.
const [T, U, V, W, X, Y] = [supplier(1), supplier(2), supplier(3), supplier(4), supplier(9), supplier(8)];

describe.each(databaseKinds)('spend engine tie-breaks on %s', (kind) => {
  let database: TestDatabase;
  let dir: string;
  let store: SpendStore;
  let orgs: Awaited<ReturnType<typeof organisationsRepo.listOrganisations>>;
  const org = (code: string) => orgs.find((o) => o.code === code)!;

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-spend-ties-'));
    store = await openSpendStore(dir);
    orgs = await organisationsRepo.listOrganisations(database.db);
  });
  afterAll(async () => {
    store?.close();
    await database?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('resolves every tie the same way, by the hand calculation, whatever order the rows come in', async () => {
    const bergen = org('HELSE-BERGEN-HF');
    const stavanger = org('HELSE-STAVANGER-HF');
    const agreement = async (
      number: string,
      supplierOrgNumber: string,
      categoryCodes: string[],
      local: boolean,
      articles: Array<{ supplierArticleNumber: string; description: string }> = [],
    ) =>
      createAgreement(
        database.db,
        actor,
        createAgreementSchema.parse({
          agreementNumber: number,
          name: `Avtale ${number}`,
          supplierName: `Leverandør ${supplierOrgNumber}`,
          supplierOrgNumber,
          scope: local ? 'local' : 'national',
          hfIds: local ? [bergen.id] : [],
          categoryCodes,
          validFrom: '2025-01-01',
          validTo: '2025-12-31',
          articles,
        }),
      );
    // The MTU agreement is created (and numbered) first: an order-following pick would make T's lines MTU.
    await agreement('DET-1', T, ['MTU'], false);
    await agreement('DET-2', T, ['LAB'], true);
    await agreement('DET-3', U, ['LAB'], false);
    await agreement('DET-4', U, ['MTU'], true);
    await agreement('DET-5', U, ['MTU'], true);
    await agreement('DET-6', V, ['MTU', 'LAB'], false, [
      { supplierArticleNumber: 'V-1', description: 'Artikkel' },
    ]);
    await setClassificationMappings(database.db, actor, [
      { scheme: 'UNSPSC', codePrefix: '43', categoryCode: 'IKT' },
    ]);

    let invoice = 0;
    const document = (
      supplierId: string,
      hf: typeof bergen,
      amount: string,
      options: { name?: string; item?: string; classification?: string } = {},
    ) => {
      invoice += 1;
      const doc: EhfDocument = {
        documentType: 'invoice',
        invoiceNumber: `T-${invoice}`,
        issueDate: '2025-03-10',
        currency: 'NOK',
        supplier: { scheme: '0192', id: supplierId },
        supplierName: options.name ?? `Leverandør ${supplierId}`,
        buyer: { scheme: '0192', id: hf.orgNumber! },
        orderReference: null,
        contractReference: null,
        lines: [
          {
            lineId: '1',
            amount,
            quantity: '1',
            description: null,
            sellerItemId: options.item ?? null,
            gtin: null,
            classificationCode: options.classification ?? null,
            classificationScheme: options.classification ? 'UNSPSC' : null,
            hasOrderLineReference: false,
          },
        ],
      };
      return { file: `t-${invoice}.xml`, document: doc, hfCode: hf.code };
    };
    const write = (documents: ReturnType<typeof document>[]) =>
      storeDocuments({ db: database.db, store }, documents, emptyReport(false), new Map(), 'ties');
    await write([
      document(T, stavanger, '1000.00'),
      document(T, bergen, '200.00'),
      document(U, stavanger, '500.00'),
      document(V, stavanger, '300.00', { item: 'V-1' }),
      document(W, stavanger, '50.00', { name: 'Westa AS' }),
      document(W, stavanger, '60.00', { name: 'Aust AS' }),
      document(X, stavanger, '700.00', { classification: '43211500' }),
    ]);
    let deps = { db: database.db, store };
    expect(await refreshEngine(deps)).toMatchObject({ mode: 'rebuilt' });
    // Y comes in a later import, so its engine key is higher than X's although its organisation number is lower.
    await write([document(Y, stavanger, '700.00', { classification: '43211500' })]);
    expect(await refreshEngine(deps)).toMatchObject({ mode: 'extended' });

    // By hand. T's main category is LAB (one agreement each: the first code); its LAB agreement is Bergen's, so
    // T's Stavanger line is not covered (U's national LAB agreement makes it spend in an agreement category),
    // its Bergen line is. (Were T's lines MTU, T's national MTU agreement would cover the 1000.00.)
    // U's main category is MTU (two agreements to one); U's MTU agreements are Bergen's, so its Stavanger line
    // is not covered, but T's national MTU agreement makes it spend in an agreement category.
    // V's article is in its agreement's first category, LAB, and covered by that national agreement.
    const expected = {
      summary: { total: '3510.00', covered: '500.00', inAgreementCategory: '2000.00', leakage: '1500.00' },
      categories: [
        ['LAB', '1500.00', '500.00', '1500.00'],
        ['IKT', '1400.00', '0.00', '0.00'],
        ['MTU', '500.00', '0.00', '500.00'],
        ['-', '110.00', '0.00', '0.00'],
      ],
      // Equal amounts in code order: Y (lower organisation number) before X.
      suppliers: [
        [`0192:${T}`, '1200.00'],
        [`0192:${Y}`, '700.00'],
        [`0192:${X}`, '700.00'],
        [`0192:${U}`, '500.00'],
        [`0192:${V}`, '300.00'],
        [`0192:${W}`, '110.00'],
      ],
    };
    const answers = async (d: typeof deps) => {
      const summary = (await getSummary(d, {})).measures;
      const categories = await getBreakdown(d, {}, 'category');
      const suppliers = await getBreakdown(d, {}, 'supplier');
      const aSuppliers = await getASuppliers(d, {});
      return { summary, categories, suppliers, aSuppliers };
    };
    const check = (answer: Awaited<ReturnType<typeof answers>>) => {
      expect(answer.summary).toMatchObject(expected.summary);
      expect(
        answer.categories.map((row) => [row.key, row.total, row.covered, row.inAgreementCategory]),
      ).toEqual(expected.categories);
      expect(answer.suppliers.map((row) => [row.key, row.total])).toEqual(expected.suppliers);
      expect(answer.suppliers.find((row) => row.key === `0192:${W}`)?.name).toBe('Aust AS');
      const ikt = answer.aSuppliers.find((row) => row.key === 'IKT')!;
      expect(ikt.top.map((row) => row.key)).toEqual([`0192:${Y}`, `0192:${X}`]);
    };
    const saved = await answers(deps);
    check(saved);

    // Other row orders from the main database: updates move rows (PostgreSQL writes a new row version at the end
    // of the table), then two engines built from scratch must answer exactly as the saved, extended one.
    for (const number of ['DET-1', 'DET-3', 'DET-4']) {
      const [row] = await listAgreements(database.db, { q: number });
      await updateAgreement(database.db, actor, row!.id, { name: `Avtale ${number} (endret)` });
    }
    for (let run = 0; run < 2; run += 1) {
      const scratch = await openSpendStore(dir, { persistEngine: false });
      try {
        const scratchDeps = { db: database.db, store: scratch };
        expect(await refreshEngine(scratchDeps)).toMatchObject({ mode: 'rebuilt' });
        const again = await answers(scratchDeps);
        check(again);
        expect(again).toEqual(saved);
      } finally {
        scratch.close();
      }
    }
    store.close();
    store = await openSpendStore(dir);
    deps = { db: database.db, store };
    expect(await answers(deps)).toEqual(saved);
  });
});
