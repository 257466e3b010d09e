import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { auditLog, agreements as agreementsTable } from '../../db/schema.js';
import { systemActor } from '../../db/unit-of-work.js';
import { AppError } from '../../shared/app-error.js';
import * as organisationsRepo from '../organisations/organisations.repo.js';
import { readAgreementTables, readCsvTable, readXlsxTables } from './agreement-file.js';
import { createAgreementSchema } from './agreements.schemas.js';
import * as service from './agreements.service.js';

const actor = systemActor('test');

describe.each(databaseKinds)('agreement register on %s', (kind) => {
  let database: TestDatabase;
  let byCode: Map<string, { id: string; kind: string }>;
  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    byCode = new Map((await organisationsRepo.listOrganisations(database.db)).map((o) => [o.code, o]));
  });
  afterAll(() => database.dispose());

  const base = {
    agreementNumber: 'SHI-2024-001',
    name: 'Kirurgiske hansker',
    supplierName: 'Hanskeleverandøren AS',
    supplierOrgNumber: '974760673',
    scope: 'national',
    categoryCodes: ['KIR'],
    validFrom: '2024-01-01',
    validTo: '2026-12-31',
    articles: [
      { supplierArticleNumber: 'H-100', gtin: '7038010000003', description: 'Hanske str. 7', price: '2.5' },
    ],
  };

  it('creates an agreement with articles and an audit entry, and refuses a bad organisation number', async () => {
    const created = await service.createAgreement(database.db, actor, createAgreementSchema.parse(base));
    expect(created).toMatchObject({
      agreementNumber: 'SHI-2024-001',
      scope: 'national',
      categoryCodes: ['KIR'],
    });
    expect(created.articles).toHaveLength(1);
    expect(created.articles[0]!.price).toBe('2.5000');
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audits.map((a) => a.action)).toEqual(['create']);
    expect(createAgreementSchema.safeParse({ ...base, supplierOrgNumber: '974760674' }).success).toBe(false);
  });

  it('checks scope: a regional agreement needs an RHF, a local one its HFs', async () => {
    const regional = createAgreementSchema.parse({ ...base, agreementNumber: 'R-1', scope: 'regional' });
    await expect(service.createAgreement(database.db, actor, regional)).rejects.toMatchObject({
      code: 'badRequest',
    });
    const local = createAgreementSchema.parse({
      ...base,
      agreementNumber: 'L-1',
      scope: 'local',
      hfIds: [byCode.get('HN')!.id],
    });
    await expect(service.createAgreement(database.db, actor, local)).rejects.toThrow(/helseforetak/);
    const duplicate = createAgreementSchema.parse(base);
    await expect(service.createAgreement(database.db, actor, duplicate)).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('imports a CSV: a bad row refuses the whole file, a good file creates and updates', async () => {
    const header = 'avtalenummer;navn;leverandør;orgnr;omfang;rhf;hf;kategorier;gyldig_fra;gyldig_til;status';
    const bad = [
      header,
      'A-1;Avtale en;Lev AS;923609016;nasjonal;;;LAB;01.01.2024;31.12.2026;aktiv',
      'A-2;Avtale to;Lev AS;923609017;regional;HV;;LAB;2024-01-01;2026-12-31;aktiv',
      'A-3;Avtale tre;Lev AS;923609016;regional;;;NOPE;2024-01-01;2023-12-31;aktiv',
    ].join('\n');
    const before = (await database.db.select().from(agreementsTable)).length;
    let error: unknown;
    try {
      const rows = readAgreementTables(readCsvTable(bad), null, byCode);
      await service.importAgreements(database.db, actor, rows, { dryRun: false });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    const rows = (error as AppError).details.map((d) => d.row);
    expect(rows).toContain(3);
    expect(rows).not.toContain(2);
    expect((await database.db.select().from(agreementsTable)).length).toBe(before);

    const good = [
      header,
      'A-1;Avtale en;Lev AS;923609016;nasjonal;;;LAB;01.01.2024;31.12.2026;aktiv',
      `A-2;Avtale to;Lev AS;923609016;regional;HV;;HR|MTU;2024-01-01;${TEST_TODAY.slice(0, 4)}-12-31;aktiv`,
      'SHI-2024-001;Kirurgiske hansker (ny);Hanskeleverandøren AS;974760673;nasjonal;;;KIR;2024-01-01;2026-12-31;aktiv',
    ].join('\n');
    const summary = await service.importAgreements(
      database.db,
      actor,
      readAgreementTables(readCsvTable(good), null, byCode),
      { dryRun: false },
    );
    expect(summary).toMatchObject({ agreements: 3, created: 2, updated: 1 });
    const all = await service.listAgreements(database.db);
    expect(all.find((a) => a.agreementNumber === 'A-2')).toMatchObject({
      scope: 'regional',
      rhfId: byCode.get('HV')!.id,
      categoryCodes: ['HR', 'MTU'],
    });
    // The update kept the articles, since the file named none.
    expect(all.find((a) => a.agreementNumber === 'SHI-2024-001')).toMatchObject({
      name: 'Kirurgiske hansker (ny)',
      articleCount: 1,
    });
  });

  it('imports XLSX with an article sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Avtaler');
    sheet.addRow([
      'avtalenummer',
      'navn',
      'leverandør',
      'orgnr',
      'omfang',
      'hf',
      'kategorier',
      'gyldig_fra',
      'gyldig_til',
    ]);
    sheet.addRow([
      'X-1',
      'Lokal avtale',
      'Lokal AS',
      '923609016',
      'lokal',
      'HELSE-BERGEN-HF',
      'ADM',
      new Date('2024-02-01'),
      '2027-01-31',
    ]);
    const articles = workbook.addWorksheet('Artikler');
    articles.addRow([
      'avtalenummer',
      'artikkelnummer',
      'gtin',
      'beskrivelse',
      'pris',
      'produksjonsland',
      'kritikalitet',
    ]);
    articles.addRow(['X-1', 'P-1', '', 'Papir A4', '45,50', 'se', 'lav']);
    articles.addRow(['X-1', '', '7038010000010', 'Penn', 3, 'CN', 'middels']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const tables = await readXlsxTables(bytes);
    const rows = readAgreementTables(tables.agreements, tables.articles, byCode);
    await service.importAgreements(database.db, actor, rows, { dryRun: false });
    const [found] = await service.listAgreements(database.db, { q: 'X-1' });
    const detail = await service.getAgreement(database.db, found!.id);
    expect(detail).toMatchObject({
      scope: 'local',
      hfIds: [byCode.get('HELSE-BERGEN-HF')!.id],
      validFrom: '2024-02-01',
    });
    expect(
      detail.articles.map((a) => [a.supplierArticleNumber, a.price, a.productionCountry, a.criticality]),
    ).toEqual([
      ['P-1', '45.5000', 'SE', 'low'],
      [null, '3.0000', 'CN', 'medium'],
    ]);
  });

  it('lists agreements ending within 12 months with no replacing procurement', async () => {
    const expiring = await service.listExpiringAgreements(database.db, TEST_TODAY);
    // A-2 (HR, MTU) ends this year; no open HR/MTU procurement in the reference data replaces it.
    const numbers = expiring.map((a) => a.agreementNumber);
    expect(numbers).toContain('A-2');
    expect(numbers).not.toContain('A-1');
    // A LAB agreement ending soon is replaced by the open LAB procurements of Vedlegg 04.
    const lab = createAgreementSchema.parse({
      ...base,
      agreementNumber: 'LAB-1',
      categoryCodes: ['LAB'],
      validTo: '2026-09-01',
    });
    await service.createAgreement(database.db, actor, lab);
    expect(
      (await service.listExpiringAgreements(database.db, TEST_TODAY)).map((a) => a.agreementNumber),
    ).not.toContain('LAB-1');
  });

  it('pages the register in SQL: every filter as the whole list says, no gaps or overlap, with the total', async () => {
    const all = await service.listAgreements(database.db);
    expect(all.length).toBeGreaterThan(3);
    const filters = [
      {},
      { q: 'hansker' },
      { q: 'LEV as' },
      { categoryCode: 'KIR' },
      { status: 'active' as const },
      { supplierOrgNumber: '974760673' },
      { q: '%' },
    ];
    for (const filter of filters) {
      const expected = (await service.listAgreements(database.db, filter)).map((a) => a.agreementNumber);
      const paged: string[] = [];
      for (let offset = 0; offset < all.length + 2; offset += 2) {
        const page = await service.listAgreementPage(database.db, { ...filter, limit: 2, offset });
        expect(page.total, JSON.stringify(filter)).toBe(expected.length);
        paged.push(...page.items.map((a) => a.agreementNumber));
      }
      expect(paged, JSON.stringify(filter)).toEqual(expected);
    }
    const [first] = (await service.listAgreementPage(database.db, { q: 'X-1', limit: 1, offset: 0 })).items;
    expect(first).toEqual((await service.listAgreements(database.db, { q: 'X-1' }))[0]);
  });
});
