// The harmonisation KPI against a hand calculation on a small fixture, on PGlite and PostgreSQL: a master
// agreement of four articles, two HFs' mapping imports, EHF invoices in the Parquet store (DuckDB sums them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { demoUser } from '../../../tests/support/users.js';
import { auditLog, organisations } from '../../db/schema.js';
import { createAgreementSchema } from '../agreements/agreements.schemas.js';
import { createAgreement } from '../agreements/agreements.service.js';
import type { CurrentUser } from '../auth/index.js';
import { ingestEhfFiles } from '../spend/spend-ingest.service.js';
import { openSpendStore, type SpendStore } from '../spend/spend-store.js';
import * as spendRepo from '../spend/spend.repo.js';
import { getHarmonisation } from './harmonisation-kpis.js';
import { ehfInvoice } from './harmonisation.fixture.js';
import { importArticleMappings } from './import-article-mappings.js';
import * as service from './master-agreements.service.js';

const SUPPLIER = '911000008';
const OTHER_SUPPLIER = '974760673';
const UNN = { code: 'UNIVERSITETSSYKEHUSET-NORD-NORGE-HF', orgNumber: '983974899' };
const SPN = { code: 'SYKEHUSAPOTEK-NORD-HF', orgNumber: '983974937' };
const csv = (text: string) => ({ stream: Readable.from([Buffer.from(text)]), format: 'csv' as const });

describe.each(databaseKinds)('master agreements and harmonisation on %s', (kind) => {
  let database: TestDatabase;
  let store: SpendStore;
  let dir: string;
  let secretariat: CurrentUser;
  let masterId: string;
  const orgId = async (code: string) =>
    (await database.db.select().from(organisations).where(eq(organisations.code, code)))[0]!.id;
  const asRole = (role: CurrentUser['roles'][number]['role'], organisationId: string): CurrentUser => ({
    ...secretariat,
    personName: `Test ${role}`,
    roles: [{ role, organisationId }],
  });

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    secretariat = await demoUser(database.db, 'sekretariat');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-harmonisation-'));
    store = await openSpendStore(dir);
    await createAgreement(
      database.db,
      secretariat,
      createAgreementSchema.parse({
        agreementNumber: 'HN-2025-010',
        name: 'Sårbehandling',
        supplierName: 'Sårleverandøren AS',
        supplierOrgNumber: SUPPLIER,
        scope: 'regional',
        rhfId: await orgId('HN'),
        categoryCodes: ['MFV'],
        validFrom: '2025-01-01',
        validTo: '2026-12-31',
        articles: [
          { supplierArticleNumber: 'A-1', description: 'Kompress 10x10' },
          { supplierArticleNumber: 'A-2', description: 'Kompress 5x5' },
          { supplierArticleNumber: 'A-3', gtin: '7038010000003', description: 'Plaster' },
          { supplierArticleNumber: 'A-4', description: 'Bandasje' },
        ],
      }),
    );
    await spendRepo.upsertRates(database.db, [
      { currency: 'EUR', rateDate: '2025-03-03', nokPerUnit: '11.5' },
    ]);
    const invoices = [
      // UNN, within validity: A-1, A-2 (mapped), A-4 (not mapped by UNN), X-9 (not a master article).
      ehfInvoice({
        number: 'U1',
        date: '2025-03-05',
        supplier: SUPPLIER,
        buyer: UNN.orgNumber,
        lines: [
          { amount: '1000.00', item: 'A-1' },
          { amount: '500.00', item: 'A-2' },
          { amount: '250.00', item: 'A-4' },
          { amount: '250.00', item: 'X-9' },
        ],
      }),
      // UNN: A-3 named only by its GTIN (mapped).
      ehfInvoice({
        number: 'U2',
        date: '2025-04-01',
        supplier: SUPPLIER,
        buyer: UNN.orgNumber,
        lines: [{ amount: '100.00', gtin: '7038010000003' }],
      }),
      // Not counted: before the agreement's validity, and another supplier.
      ehfInvoice({
        number: 'U3',
        date: '2024-06-01',
        supplier: SUPPLIER,
        buyer: UNN.orgNumber,
        lines: [{ amount: '999.00', item: 'A-1' }],
      }),
      ehfInvoice({
        number: 'U4',
        date: '2025-05-01',
        supplier: OTHER_SUPPLIER,
        buyer: UNN.orgNumber,
        lines: [{ amount: '777.00', item: 'A-1' }],
      }),
      // Sykehusapotek Nord: A-4 (mapped), A-1 (not mapped by it), and 10 EUR on A-4 at 11.5 = 115.00 NOK.
      ehfInvoice({
        number: 'S1',
        date: '2025-03-05',
        supplier: SUPPLIER,
        buyer: SPN.orgNumber,
        lines: [
          { amount: '300.00', item: 'A-4' },
          { amount: '700.00', item: 'A-1' },
        ],
      }),
      ehfInvoice({
        number: 'S2',
        date: '2025-03-05',
        supplier: SUPPLIER,
        buyer: SPN.orgNumber,
        currency: 'EUR',
        lines: [{ amount: '10.00', item: 'A-4' }],
      }),
    ];
    const report = await ingestEhfFiles(
      { db: database.db, store },
      secretariat,
      invoices.map((xml, index) => ({ name: `f${index}.xml`, read: () => xml })),
    );
    expect(report.lines).toBe(10);
  }, 120_000);
  afterAll(async () => {
    store?.close();
    await database?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('REFIL creates the master agreement from the agreement’s articles; only the region’s coordinators may', async () => {
    const agreementId = (await database.db.query.agreements.findFirst())!.id;
    const regionId = await orgId('HN');
    await expect(
      service.createMasterAgreement(
        database.db,
        asRole('hfPurchasing', await orgId(UNN.code)),
        { agreementId, regionId, decisionReference: null },
        TEST_TODAY,
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const row = await service.createMasterAgreement(
      database.db,
      asRole('rhfContact', regionId),
      { agreementId, regionId, decisionReference: 'REFIL 2026-03' },
      TEST_TODAY,
    );
    masterId = row.id;
    const articles = await service.listMasterArticles(database.db, masterId);
    expect(articles.map((a) => [a.masterArticleNumber, a.supplierArticleNumber])).toEqual([
      ['HN-2025-010-0001', 'A-1'],
      ['HN-2025-010-0002', 'A-2'],
      ['HN-2025-010-0003', 'A-3'],
      ['HN-2025-010-0004', 'A-4'],
    ]);
    await expect(
      service.createMasterAgreement(
        database.db,
        secretariat,
        { agreementId, regionId, decisionReference: null },
        TEST_TODAY,
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses a bad mapping file whole, with Norwegian messages and line numbers', async () => {
    const unnId = await orgId(UNN.code);
    await expect(
      importArticleMappings(
        database.db,
        secretariat,
        masterId,
        unnId,
        csv(
          'lokalt_artikkelnummer;masterartikkelnummer\nL-11;HN-2025-010-0001\nL-11;HN-2025-010-0002\n;HN-2025-010-0003\nL-15;HN-9\n',
        ),
        { dryRun: false },
      ),
    ).rejects.toMatchObject({
      code: 'badRequest',
      details: [
        { row: 3, message: 'Lokalt artikkelnummer «L-11» står også på linje 2.' },
        { row: 4, message: 'Lokalt artikkelnummer mangler.' },
        { row: 5, message: 'Masterartikkelnummer «HN-9» finnes ikke i masteravtalen.' },
      ],
    });
    await expect(
      importArticleMappings(
        database.db,
        asRole('hfPurchasing', await orgId(SPN.code)),
        masterId,
        unnId,
        csv('a,b\n'),
        { dryRun: false },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getHarmonisation(database.db, masterId, store)).total.mappedMasterArticles).toBe(0);
  });

  it('the harmonisation KPI per HF and agreement equals the hand calculation', async () => {
    const unnId = await orgId(UNN.code);
    const spnId = await orgId(SPN.code);
    const unn = await importArticleMappings(
      database.db,
      asRole('hfPurchasing', unnId),
      masterId,
      unnId,
      csv(
        'lokalt_artikkelnummer,masterartikkelnummer\nL-11,HN-2025-010-0001\nL-12,HN-2025-010-0001\nL-13,HN-2025-010-0002\nL-14,HN-2025-010-0003\n',
      ),
      { dryRun: false },
    );
    expect(unn).toEqual({ dryRun: false, rows: 4, mappedMasterArticles: 3, masterArticles: 4, replaced: 0 });
    await importArticleMappings(
      database.db,
      secretariat,
      masterId,
      spnId,
      csv('lokalt;master\nS-1;HN-2025-010-0004\n'),
      { dryRun: false },
    );

    const kpi = await getHarmonisation(database.db, masterId, store);
    expect(kpi.hasSpend).toBe(true);
    const of = (id: string) => kpi.perHf.find((hf) => hf.hfId === id)!;
    // UNN: 3 of 4 master articles; spend 1000+500+250+250+100 = 2100, on mapped: 1600.
    expect(of(unnId)).toMatchObject({
      mappedMasterArticles: 3,
      articleShare: 0.75,
      supplierSpend: '2100.00',
      spendOnMappedMasterArticles: '1600.00',
      spendShare: 0.7619,
    });
    // Sykehusapotek Nord: 1 of 4; spend 300+700+115 = 1115, on mapped A-4: 415.
    expect(of(spnId)).toMatchObject({
      mappedMasterArticles: 1,
      articleShare: 0.25,
      supplierSpend: '1115.00',
      spendOnMappedMasterArticles: '415.00',
      spendShare: 0.3722,
    });
    expect(kpi.perHf.filter((hf) => hf.mappedMasterArticles === 0)).toHaveLength(4);
    // The agreement: 4 mapped of 6 HFs × 4 articles; spend 2015 of 3215.
    expect(kpi.total).toMatchObject({
      mappedMasterArticles: 4,
      masterArticles: 24,
      articleShare: 0.1667,
      supplierSpend: '3215.00',
      spendOnMappedMasterArticles: '2015.00',
      spendShare: 0.6267,
    });
    // A re-import replaces the HF's mapping: UNN now maps all four.
    const again = await importArticleMappings(
      database.db,
      secretariat,
      masterId,
      unnId,
      csv(
        'lokalt_artikkelnummer;masterartikkelnummer\nL-11;HN-2025-010-0001\nL-13;HN-2025-010-0002\nL-14;HN-2025-010-0003\nL-16;HN-2025-010-0004\n',
      ),
      { dryRun: false },
    );
    expect(again.replaced).toBe(4);
    expect(of(unnId).articleShare).toBe(0.75);
    const after = (await getHarmonisation(database.db, masterId, store)).perHf.find(
      (hf) => hf.hfId === unnId,
    )!;
    expect(after).toMatchObject({ articleShare: 1, spendOnMappedMasterArticles: '1850.00' });
    // An import after the engine was built: its lines are added to the engine (not re-read from Parquet),
    // one on a new article pair (A-3 by item id only) and one on an identifier no master article has.
    await ingestEhfFiles({ db: database.db, store }, secretariat, [
      {
        name: 'later.xml',
        read: () =>
          ehfInvoice({
            number: 'U5',
            date: '2025-06-02',
            supplier: SUPPLIER,
            buyer: UNN.orgNumber,
            lines: [
              { amount: '40.00', item: 'A-3' },
              { amount: '60.00', item: 'Y-1' },
            ],
          }),
      },
    ]);
    const later = await getHarmonisation(database.db, masterId, store);
    expect(later.perHf.find((hf) => hf.hfId === unnId)).toMatchObject({
      supplierSpend: '2200.00',
      spendOnMappedMasterArticles: '1890.00',
    });
    // UNN now maps all four: 1850 + 40 on A-3; with Sykehusapotek Nord's 415.
    expect(later.total).toMatchObject({ supplierSpend: '3315.00', spendOnMappedMasterArticles: '2305.00' });
  });

  it('maintenance passes to REFIL only when every HF is done; signature and hand-over are audited', async () => {
    const regionId = await orgId('HN');
    await service.recordRhfSignature(database.db, secretariat, masterId, TEST_TODAY);
    await expect(
      service.transferMaintenanceToRefil(database.db, secretariat, masterId, TEST_TODAY),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    const hfs = (await getHarmonisation(database.db, masterId, store)).perHf;
    for (const hf of hfs)
      await service.recordHfCompletion(
        database.db,
        asRole('hfPurchasing', hf.hfId),
        masterId,
        hf.hfId,
        TEST_TODAY,
      );
    expect((await getHarmonisation(database.db, masterId, store)).handOver).toEqual({
      isReady: true,
      waitingFor: [],
    });
    await service.transferMaintenanceToRefil(
      database.db,
      asRole('rhfContact', regionId),
      masterId,
      TEST_TODAY,
    );
    const { masterAgreement } = await getHarmonisation(database.db, masterId, store);
    expect(masterAgreement).toMatchObject({
      isSignedByRhf: true,
      maintenanceOwner: 'refil',
      maintenanceTransferredOn: TEST_TODAY,
    });
    const actions = (await database.db.select().from(auditLog).where(eq(auditLog.entityId, masterId))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['create', 'import', 'sign', 'complete', 'transfer']));
  });
});
