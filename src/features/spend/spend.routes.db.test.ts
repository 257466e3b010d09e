// The spend and agreement routes over HTTP: uploads with their own content types, KPIs, exports, bad input.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { App } from '../../shared/http.js';
import * as organisationsRepo from '../organisations/organisations.repo.js';
import { fixedClock } from '../../shared/clock.js';

const fixture = (name: string) =>
  fs.readFileSync(new URL(`../../../tests/fixtures/ehf/${name}`, import.meta.url), 'utf8');

describe.each(databaseKinds)('spend routes on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  let dataDir: string;
  let cookie: string;

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    const orgs = await organisationsRepo.listOrganisations(database.db);
    expect(orgs.find((o) => o.code === 'HELSE-STAVANGER-HF')!.orgNumber).toBe('983974678');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-spend-routes-'));
    app = await buildApp(
      {
        db: database.db,
        config: loadConfig({ LOG_LEVEL: 'silent', STYR_DATA_DIR: dataDir }),
        clock: fixedClock(TEST_TODAY),
      },
      { serveWeb: false },
    );
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sekretariat', password: 'demo' },
    });
    cookie = `styr_session=${login.cookies.find((c) => c.name === 'styr_session')!.value}`;
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports agreements from CSV and XLSX uploads, refusing a bad file whole', async () => {
    const header = 'avtalenummer;navn;leverandør;orgnr;omfang;kategorier;gyldig_fra;gyldig_til';
    const bad = await app.inject({
      method: 'POST',
      url: '/api/agreements/import',
      headers: { cookie, 'content-type': 'text/csv' },
      payload: `${header}\nSHI-1;Hansker;Hanskeleverandøren AS;911000008;nasjonal;KIR;2024-01-01;2026-12-31\nSHI-2;X;Y AS;911000009;nasjonal;KIR;2024-01-01;2026-12-31\n`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { row: number }) => error.row)).toEqual([3, 3]);
    expect(
      (await app.inject({ method: 'GET', url: '/api/agreements', headers: { cookie } })).json(),
    ).toMatchObject({ items: [], total: 0 });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Avtaler');
    sheet.addRow(header.split(';'));
    sheet.addRow([
      'SHI-1',
      'Hansker',
      'Hanskeleverandøren AS',
      '911000008',
      'nasjonal',
      'KIR',
      '2024-01-01',
      '2026-12-31',
    ]);
    const good = await app.inject({
      method: 'POST',
      url: '/api/agreements/import',
      headers: {
        cookie,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ agreements: 1, created: 1 });
  });

  it('takes an EHF upload, reports a bad one, and answers the KPIs and exports', async () => {
    const upload = (name: string) =>
      app.inject({
        method: 'POST',
        url: `/api/spend/import/ehf?fileName=${name}`,
        headers: { cookie, 'content-type': 'application/xml' },
        payload: fixture(name),
      });
    const stored = await upload('invoice-001.xml');
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.json()).toMatchObject({ invoices: 1, lines: 2, rejected: [] });
    expect((await upload('billion-laughs.xml')).json().rejected).toEqual([
      { file: 'billion-laughs.xml', reason: expect.stringMatching(/DOCTYPE/) },
    ]);
    expect((await upload('invoice-001.xml')).json().duplicates).toHaveLength(1);

    const kpis = await app.inject({ method: 'GET', url: '/api/spend/kpis', headers: { cookie } });
    expect(kpis.json().measures).toMatchObject({ total: '1583.83', covered: '1583.83', coverage: 1 });
    const byHf = await app.inject({ method: 'GET', url: '/api/spend/breakdown?by=hf', headers: { cookie } });
    expect(byHf.json()).toEqual([expect.objectContaining({ key: 'HELSE-STAVANGER-HF', total: '1583.83' })]);
    const csv = await app.inject({
      method: 'GET',
      url: '/api/spend/export?by=category&format=csv',
      headers: { cookie },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('KIR;Kirurgiske produkter;1583.83');
    const xlsx = await app.inject({
      method: 'GET',
      url: '/api/spend/export?by=category&format=xlsx',
      headers: { cookie },
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const badFilter = await app.inject({
      method: 'GET',
      url: '/api/spend/kpis?hf=NOPE',
      headers: { cookie },
    });
    expect(badFilter.statusCode).toBe(400);
    expect(fs.existsSync(path.join(dataDir, 'spend', 'lines', 'month=2025-03'))).toBe(true);
  });
});
