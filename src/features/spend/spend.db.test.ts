// EHF ingest on the hand-made fixtures, and the KPI engine cross-checked against an independent, naive
// calculation (a plain loop over every line and every agreement) on a generated fixture data set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededDatabase, databaseKinds, type TestDatabase } from '../../../tests/support/databases.js';
import { auditLog } from '../../db/schema.js';
import { systemActor } from '../../db/unit-of-work.js';
import { eq } from 'drizzle-orm';
import { orgNumberFromStem } from '../../domain/org-number.rules.js';
import { createAgreementSchema } from '../agreements/agreements.schemas.js';
import { createAgreement, listAgreements, updateAgreement } from '../agreements/agreements.service.js';
import * as organisationsRepo from '../organisations/organisations.repo.js';
import type { EhfDocument } from './ehf-parser.js';
import { emptyReport, ingestEhfFiles, storeDocuments } from './spend-ingest.service.js';
import {
  getASuppliers,
  getBreakdown,
  getLeakageSuppliers,
  getSummary,
  refreshEngine,
} from './spend-kpi.service.js';
import { lineFilesGlob, openSpendStore, sqlString, type SpendStore } from './spend-store.js';
import * as repo from './spend.repo.js';
import { pickASuppliers } from '../../domain/a-suppliers.rules.js';
import { setClassificationMappings } from './spend.service.js';

const actor = systemActor('test');
const fixtureDir = new URL('../../../tests/fixtures/ehf/', import.meta.url);
const fixtureFiles = () =>
  fs
    .readdirSync(fixtureDir)
    .sort()
    .map((name) => ({ name, read: () => fs.readFileSync(new URL(name, fixtureDir), 'utf8') }));

/** Deterministic pseudo-random numbers, so a failure can be reproduced. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe.each(databaseKinds)('spend analytics on %s', (kind) => {
  let database: TestDatabase;
  let store: SpendStore;
  let dir: string;
  let orgs: Awaited<ReturnType<typeof organisationsRepo.listOrganisations>>;
  const org = (code: string) => orgs.find((o) => o.code === code)!;

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-spend-'));
    store = await openSpendStore(dir);
    orgs = await organisationsRepo.listOrganisations(database.db);
    // The fixtures are addressed to the HFs' real organisation numbers, which the reference data carries.
    expect(org('HELSE-BERGEN-HF').orgNumber).toBe('983974724');
    expect(org('HELSE-STAVANGER-HF').orgNumber).toBe('983974678');
    await createAgreement(
      database.db,
      actor,
      createAgreementSchema.parse({
        agreementNumber: 'SHI-2024-001',
        name: 'Kirurgiske hansker',
        supplierName: 'Hanskeleverandøren AS',
        supplierOrgNumber: '911000008',
        scope: 'national',
        categoryCodes: ['KIR'],
        validFrom: '2024-01-01',
        validTo: '2026-12-31',
        articles: [{ supplierArticleNumber: 'H-100', description: 'Hanske str. 7' }],
      }),
    );
    await repo.upsertRates(database.db, [{ currency: 'EUR', rateDate: '2025-03-10', nokPerUnit: '11.5' }]);
  });
  afterAll(async () => {
    store?.close();
    await database?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ingests the EHF fixtures: stores valid documents, reports duplicates and bad files, stores none of their lines', async () => {
    const report = await ingestEhfFiles({ db: database.db, store }, actor, fixtureFiles());
    expect(report).toMatchObject({ files: 9, invoices: 4, creditNotes: 1, lines: 6, linesWithoutRate: 1 });
    expect(report.duplicates).toEqual([
      {
        file: 'invoice-099-duplicate-of-001.xml',
        supplier: '0192:911000008',
        invoiceNumber: 'F-1001',
        firstSeenIn: 'invoice-001.xml',
      },
    ]);
    expect(Object.fromEntries(report.rejected.map((r) => [r.file, r.reason]))).toEqual({
      'billion-laughs.xml': expect.stringMatching(/DOCTYPE\/ENTITY/),
      'malformed.xml': expect.stringMatching(/Ugyldig XML/),
      'wrong-org-number.xml': expect.stringMatching(/911000009.*ugyldig/),
    });
    const stored = await store.connection.runAndReadAll(
      `SELECT file_name, invoice_number, amount::VARCHAR, currency, month FROM read_parquet(${sqlString(lineFilesGlob(store))}, hive_partitioning = true) ORDER BY file_name, line_id`,
    );
    expect(stored.getRows().map((row) => row.map(String))).toEqual([
      ['creditnote-001.xml', 'K-55', '-100.00', 'NOK', '2025-03'],
      ['invoice-001.xml', 'F-1001', '1250.50', 'NOK', '2025-03'],
      ['invoice-001.xml', 'F-1001', '333.33', 'NOK', '2025-03'],
      ['invoice-002.xml', '7001', '9999.99', 'NOK', '2025-04'],
      ['invoice-eur.xml', 'EU-9', '1000.00', 'EUR', '2025-03'],
      ['invoice-sek-no-rate.xml', 'SE-1', '500.00', 'SEK', '2025-03'],
    ]);
    expect(stored.getRows().length).toBe(6);
    expect(fs.readdirSync(path.join(dir, 'lines')).sort()).toEqual(['month=2025-03', 'month=2025-04']);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityType, 'spend'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toMatch(
      /9 filer, 4 fakturaer, 1 kreditnotaer, 6 linjer, 1 duplikater, 3 avvist/,
    );

    // Importing the same invoice again stores nothing new and reports it.
    const again = await ingestEhfFiles(
      { db: database.db, store },
      actor,
      fixtureFiles().filter((f) => f.name === 'invoice-001.xml'),
    );
    expect(again).toMatchObject({ invoices: 0, lines: 0 });
    expect(again.duplicates).toHaveLength(1);
  });

  it('categorises, converts currencies, flags missing rates and computes coverage for the fixtures', async () => {
    const summary = await getSummary({ db: database.db, store }, {});
    // NOK: 1250.50 + 333.33 − 100.00 + 9999.99; EUR 1000.00 × 11.5 = 11500.00; the SEK line has no rate.
    expect(summary.measures.total).toBe('22983.82');
    expect(summary.measures.rateMissingLines).toBe(1);
    // The article line and the credit note match the KIR agreement of the supplier; the freight line is
    // categorised by the supplier's main category (KIR) and covered too.
    expect(summary.measures.covered).toBe('1483.83');
    const byCategory = await getBreakdown({ db: database.db, store }, {}, 'category');
    expect(byCategory.find((row) => row.key === 'KIR')?.total).toBe('1483.83');
    expect(byCategory.find((row) => row.key === '-')?.total).toBe('21499.99');
    // Free text: the consultancy invoice (no article id, no order reference) and the EUR line.
    expect(summary.measures.freeText).toBe('21499.99');
  });

  it('agrees with an independent naive calculation on a generated data set', async () => {
    const next = random(42);
    const hfs = orgs.filter((o) => o.kind === 'HF').slice(0, 12);
    const orgNumberById = new Map(orgs.map((o) => [o.id, o.orgNumber!]));
    const categoryCodes = ['LAB', 'MTU', 'ADM', 'IKT'];
    const segmentOf: Record<string, string> = { LAB: '41', MTU: '42', ADM: '44', IKT: '43' };
    await setClassificationMappings(
      database.db,
      actor,
      categoryCodes.map((code) => ({
        scheme: 'UNSPSC' as const,
        codePrefix: segmentOf[code]!,
        categoryCode: code,
      })),
    );
    const suppliers = Array.from({ length: 15 }, (_, index) => orgNumberFromStem(60_000_000 + index * 100));
    const rhfs = orgs.filter((o) => o.kind === 'RHF');
    interface Agreement {
      supplier: string;
      category: string;
      scope: 'national' | 'regional' | 'local';
      rhfId: string | null;
      hfIds: string[];
      from: string;
      to: string;
    }
    const agreements: Agreement[] = [];
    for (let index = 0; index < 25; index += 1) {
      const scope = (['national', 'regional', 'local'] as const)[index % 3]!;
      const fromMonth = 1 + Math.floor(next() * 12);
      const agreement: Agreement = {
        supplier: suppliers[Math.floor(next() * 10)]!,
        category: categoryCodes[Math.floor(next() * categoryCodes.length)]!,
        scope,
        rhfId: scope === 'regional' ? rhfs[Math.floor(next() * rhfs.length)]!.id : null,
        hfIds: scope === 'local' ? [hfs[Math.floor(next() * hfs.length)]!.id] : [],
        from: `2024-${String(fromMonth).padStart(2, '0')}-01`,
        to: `2025-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-15`,
      };
      agreements.push(agreement);
      await createAgreement(
        database.db,
        actor,
        createAgreementSchema.parse({
          agreementNumber: `GEN-${index}`,
          name: `Generert avtale ${index}`,
          supplierName: `Leverandør ${agreement.supplier}`,
          supplierOrgNumber: agreement.supplier,
          scope,
          rhfId: agreement.rhfId,
          hfIds: agreement.hfIds,
          categoryCodes: [agreement.category],
          validFrom: agreement.from,
          validTo: agreement.to,
        }),
      );
    }
    // Lines: every one has a UNSPSC code (so its category is known independently) or, for suppliers without
    // agreements, none at all (unclassified).
    interface Line {
      hfId: string;
      supplier: string;
      category: string | null;
      date: string;
      ore: bigint;
      hasOrder: boolean;
    }
    const lines: Line[] = [];
    const documents: Array<{ file: string; document: EhfDocument; hfCode: string }> = [];
    for (let index = 0; index < 600; index += 1) {
      const hf = hfs[Math.floor(next() * hfs.length)]!;
      const supplier = suppliers[Math.floor(next() ** 2 * suppliers.length)]!;
      const hasAgreements = agreements.some((a) => a.supplier === supplier);
      const category =
        hasAgreements || next() < 0.5 ? categoryCodes[Math.floor(next() * categoryCodes.length)]! : null;
      const date = `${2024 + Math.floor(next() * 2)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
      const ore = BigInt(Math.floor(next() * 10_000_000)) - (next() < 0.05 ? 5_000_000n : 0n);
      const amount = `${ore < 0n ? '-' : ''}${(ore < 0n ? -ore : ore) / 100n}.${String((ore < 0n ? -ore : ore) % 100n).padStart(2, '0')}`;
      const hasOrder = next() < 0.6;
      lines.push({ hfId: hf.id, supplier, category, date, ore, hasOrder });
      documents.push({
        file: `gen-${index}.xml`,
        hfCode: hf.code,
        document: {
          documentType: 'invoice',
          invoiceNumber: `G-${index}`,
          issueDate: date,
          currency: 'NOK',
          supplier: { scheme: '0192', id: supplier },
          supplierName: `Leverandør ${supplier}`,
          buyer: { scheme: '0192', id: orgNumberById.get(hf.id)! },
          orderReference: hasOrder ? `PO-${index}` : null,
          contractReference: null,
          lines: [
            {
              lineId: '1',
              amount,
              quantity: '1',
              description: null,
              sellerItemId: null,
              gtin: null,
              classificationCode: category ? `${segmentOf[category]}101501` : null,
              classificationScheme: category ? 'UNSPSC' : null,
              hasOrderLineReference: false,
            },
          ],
        },
      });
    }
    const generated = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-spend-gen-'));
    let genStore = await openSpendStore(generated);
    try {
      // Three imports: the engine is prepared after the first and only extended by the others. The first
      // leaves out one agreement supplier, so the second brings a supplier whose agreements are new intervals;
      // the third comes after a restart, onto the saved state.
      const store = (part: typeof documents) =>
        storeDocuments({ db: database.db, store: genStore }, part, emptyReport(false), new Map(), 'gen');
      const held = lines.find(
        (line, index) => index < 450 && agreements.some((a) => a.supplier === line.supplier),
      )!.supplier;
      const isFirst = (index: number) => index < 450 && lines[index]!.supplier !== held;
      const firstImport = new Set(lines.filter((_, index) => isFirst(index)));
      const secondImport = new Set(lines.filter((_, index) => index < 450));
      await store(documents.filter((_, index) => isFirst(index)));

      // The independent calculation: for every line, look through every agreement.
      const rhfOf = new Map(orgs.map((o) => [o.id, o.rhfId]));
      const covers = (a: Agreement, line: Line) =>
        a.category === line.category &&
        a.from <= line.date &&
        line.date <= a.to &&
        (a.scope === 'national' ||
          (a.scope === 'regional' && a.rhfId === rhfOf.get(line.hfId)) ||
          a.hfIds.includes(line.hfId));
      const expected = (filter: (line: Line) => boolean) => {
        let total = 0n,
          covered = 0n,
          base = 0n,
          withOrder = 0n,
          unclassified = 0n;
        for (const line of lines.filter(filter)) {
          total += line.ore;
          if (agreements.some((a) => a.supplier === line.supplier && covers(a, line))) covered += line.ore;
          if (agreements.some((a) => covers(a, line))) base += line.ore;
          if (line.hasOrder) withOrder += line.ore;
          if (!line.category) unclassified += line.ore;
        }
        const fmt = (ore: bigint) =>
          `${ore < 0n ? '-' : ''}${(ore < 0n ? -ore : ore) / 100n}.${String((ore < 0n ? -ore : ore) % 100n).padStart(2, '0')}`;
        return {
          total: fmt(total),
          covered: fmt(covered),
          inAgreementCategory: fmt(base),
          leakage: fmt(base - covered),
          withOrder: fmt(withOrder),
          unclassified: fmt(unclassified),
        };
      };
      let deps = { db: database.db, store: genStore };
      expect(await refreshEngine(deps)).toMatchObject({ mode: 'rebuilt' });
      expect((await getSummary(deps, {})).measures).toMatchObject(expected((line) => firstImport.has(line)));
      await store(documents.filter((_, index) => index < 450 && !isFirst(index)));
      const second = await refreshEngine(deps);
      expect(second).toMatchObject({ mode: 'extended', addedFiles: expect.any(Number) });
      expect(second.changedKeys, 'the held supplier’s agreements are new intervals').toBeGreaterThan(0);
      expect((await getSummary(deps, {})).measures).toMatchObject(expected((line) => secondImport.has(line)));
      // A restart finds the saved engine state and uses it as it is; an import then extends it.
      genStore.close();
      genStore = await openSpendStore(generated);
      deps = { db: database.db, store: genStore };
      expect(await refreshEngine(deps)).toMatchObject({ mode: 'unchanged', changedKeys: 0 });
      expect((await getSummary(deps, {})).measures).toMatchObject(expected((line) => secondImport.has(line)));
      await store(documents.slice(450));
      expect(await refreshEngine(deps)).toMatchObject({
        mode: 'extended',
        changedKeys: 0,
        months: expect.any(Array),
      });
      expect((await getSummary(deps, {})).measures).toMatchObject(expected(() => true));
      const codeOf = new Map(orgs.map((o) => [o.id, o.code]));
      for (const row of await getBreakdown(deps, {}, 'hf'))
        expect(row, row.key).toMatchObject(expected((line) => codeOf.get(line.hfId) === row.key));
      for (const category of categoryCodes) {
        expect((await getSummary(deps, { category })).measures, category).toMatchObject(
          expected((line) => line.category === category),
        );
        expect(
          (await getSummary(deps, { category, hf: hfs[0]!.code, from: '2024-06', to: '2025-03' })).measures,
        ).toMatchObject(
          expected(
            (line) =>
              line.category === category &&
              line.hfId === hfs[0]!.id &&
              line.date >= '2024-06' &&
              line.date < '2025-04',
          ),
        );
      }
      const rhf = rhfs[0]!;
      expect((await getSummary(deps, { rhf: rhf.code })).measures).toMatchObject(
        expected((line) => rhfOf.get(line.hfId) === rhf.id),
      );

      // An agreement change that only moves validity re-flags just the touched lines; the answer must still match.
      const [moved] = await listAgreements(database.db, { q: 'GEN-0' });
      await updateAgreement(database.db, actor, moved!.id, {
        validFrom: '2024-01-01',
        validTo: '2025-12-31',
      });
      agreements[0] = { ...agreements[0]!, from: '2024-01-01', to: '2025-12-31' };
      const [dropped] = await listAgreements(database.db, { q: 'GEN-1' });
      await updateAgreement(database.db, actor, dropped!.id, { validTo: agreements[1]!.from });
      agreements[1] = { ...agreements[1]!, to: agreements[1]!.from };
      expect((await getSummary(deps, {})).measures).toMatchObject(expected(() => true));
      for (const row of await getBreakdown(deps, {}, 'hf'))
        expect(row, row.key).toMatchObject(expected((line) => codeOf.get(line.hfId) === row.key));
      // The saved, extended and re-flagged state answers exactly as an engine built from scratch in memory.
      const scratch = await openSpendStore(generated, { persistEngine: false });
      try {
        const scratchDeps = { db: database.db, store: scratch };
        expect(await refreshEngine(scratchDeps)).toMatchObject({ mode: 'rebuilt' });
        for (const by of ['hf', 'category', 'month', 'supplier'] as const)
          expect(await getBreakdown(deps, {}, by), by).toEqual(await getBreakdown(scratchDeps, {}, by));
        expect(await getLeakageSuppliers(deps, {})).toEqual(await getLeakageSuppliers(scratchDeps, {}));
      } finally {
        scratch.close();
      }

      // Leakage by supplier and A-suppliers, against the same loop.
      const leakage = new Map<string, bigint>();
      for (const line of lines) {
        const isBase = agreements.some((a) => covers(a, line));
        const isCovered = agreements.some((a) => a.supplier === line.supplier && covers(a, line));
        if (isBase && !isCovered) leakage.set(line.supplier, (leakage.get(line.supplier) ?? 0n) + line.ore);
      }
      const topLeak = [...leakage.entries()].sort((a, b) => Number(b[1] - a[1]))[0]!;
      const leakRows = await getLeakageSuppliers(deps, {});
      expect(leakRows[0]).toMatchObject({ key: `0192:${topLeak[0]}` });
      for (const category of categoryCodes) {
        const bySupplier = new Map<string, number>();
        for (const line of lines.filter((l) => l.category === category))
          bySupplier.set(line.supplier, (bySupplier.get(line.supplier) ?? 0) + Number(line.ore));
        const picked = pickASuppliers([...bySupplier.entries()].map(([id, amount]) => ({ id, amount })));
        const row = (await getASuppliers(deps, {})).find((r) => r.key === category)!;
        expect(row.aSuppliers, category).toBe(picked.length);
        expect(row.top[0]!.key).toBe(`0192:${picked[0]!.id}`);
      }
    } finally {
      genStore.close();
      fs.rmSync(generated, { recursive: true, force: true });
    }
  });
});
