// The HTTP contract through app.inject: authorisation on every route, bad input as clear 4xx, nothing half-written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { App } from '../../src/shared/http.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';
import { fixedClock } from '../../src/shared/clock.js';

describe.each(databaseKinds)('HTTP API on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  const cookies: Record<string, string> = {};

  const login = async (username: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'demo' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'styr_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    return `styr_session=${cookie.value}`;
  };
  const as = (username: string) => ({ cookie: cookies[username]! });

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    app = await buildApp(
      { db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: fixedClock(TEST_TODAY) },
      { serveWeb: false },
    );
    await app.ready();
    for (const username of ['sekretariat', 'leder', 'medlem', 'kontakt', 'innkjop', 'lesetilgang'])
      cookies[username] = await login(username);
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const discoverRoutes = () => app.routeTable;
  const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');

  it('finds the API routes to walk', () => {
    const found = discoverRoutes().map((route) => `${route.method} ${route.url}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'GET /api/organisations',
        'PATCH /api/procurements/:id',
        'DELETE /api/steering-groups/:id/members/:membershipId',
        'GET /api/audit',
      ]),
    );
    expect(found.length).toBeGreaterThanOrEqual(20);
  });

  it('answers 401 on every non-public route without a session', async () => {
    // Open without login, by design: the public pages of offentleglova and open data (issue 10).
    const open = new Set([
      'POST /api/auth/login',
      'GET /api/auth/methods',
      'GET /api/auth/sso/start',
      'GET /api/auth/sso/callback',
      'GET /api/health',
      'GET /api/open-data/ocds',
      'GET /api/public/journal',
      'GET /api/public/journal/export',
      'GET /api/public/journal/:id',
      'GET /api/public/journal/:id/file',
      'GET /api/public/filters',
      'GET /api/public/decisions',
      'GET /api/public/meetings',
      'POST /api/public/access-requests',
    ]);
    for (const route of discoverRoutes()) {
      if (open.has(`${route.method} ${route.url}`)) {
        expect(route.access).toBe('public');
        continue;
      }
      const response = await app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers 401 to a forged or expired session cookie', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/organisations',
      headers: { cookie: 'styr_session=forged' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('answers 403 on every write route to the read-only and HF purchasing roles', async () => {
    for (const route of discoverRoutes()) {
      if (route.method === 'GET' || route.url.startsWith('/api/auth/')) continue;
      // Writes open to every logged-in user are only the personal ones (my inbox); the one public write is
      // a request for access under offentleglova (anyone may ask, without login).
      if (!Array.isArray(route.access)) {
        expect(route.url, `${route.method} ${route.url} is a write open to every role`).toMatch(
          /^\/api\/my\/|^\/api\/public\/access-requests$/,
        );
        continue;
      }
      for (const username of ['lesetilgang', 'innkjop']) {
        const response = await app.inject({
          method: route.method as 'POST',
          url: concrete(route.url),
          headers: as(username),
          payload: {},
        });
        // A write granted to HF purchasing (reporting on their own HF's duties) passes the role gate and is
        // refused by its own checks (the organisation rule is tested with the feature); never a 500.
        if (username === 'innkjop' && route.access.includes('hfPurchasing')) {
          expect(response.statusCode, `${username} ${route.method} ${route.url}`).toBeGreaterThanOrEqual(400);
          expect(response.statusCode, `${username} ${route.method} ${route.url}`).toBeLessThan(500);
          continue;
        }
        expect(response.statusCode, `${username} ${route.method} ${route.url}`).toBe(403);
      }
    }
  });

  it('answers 403 on every role-restricted route to each demo user whose role is not listed', async () => {
    const roleOf: Record<string, string> = {
      sekretariat: 'secretariat',
      leder: 'procurementLead',
      medlem: 'steeringGroupMember',
      kontakt: 'rhfContact',
      innkjop: 'hfPurchasing',
      lesetilgang: 'readOnly',
    };
    let checked = 0;
    for (const route of discoverRoutes()) {
      if (!Array.isArray(route.access)) continue;
      for (const [username, role] of Object.entries(roleOf)) {
        if (route.access.includes(role)) continue;
        const response = await app.inject({
          method: route.method as 'POST',
          url: concrete(route.url),
          headers: as(username),
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        expect(response.statusCode, `${username} ${route.method} ${route.url}`).toBe(403);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('keeps secretariat-only routes from other roles', async () => {
    for (const username of ['leder', 'medlem', 'kontakt', 'innkjop', 'lesetilgang']) {
      expect((await app.inject({ method: 'GET', url: '/api/audit', headers: as(username) })).statusCode).toBe(
        403,
      );
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/api/categories',
            headers: as(username),
            payload: { code: 'NY', name: 'Ny' },
          })
        ).statusCode,
      ).toBe(403);
    }
    for (const username of ['medlem', 'innkjop', 'lesetilgang']) {
      expect(
        (await app.inject({ method: 'GET', url: '/api/people', headers: as(username) })).statusCode,
      ).toBe(403);
    }
  });

  it('serves the steering groups and procurements to every role', async () => {
    for (const username of Object.keys(cookies)) {
      const groups = await app.inject({ method: 'GET', url: '/api/steering-groups', headers: as(username) });
      expect(groups.statusCode).toBe(200);
      expect(groups.json()).toHaveLength(11);
    }
    const page = (
      await app.inject({ method: 'GET', url: '/api/procurements', headers: as('lesetilgang') })
    ).json();
    expect(page).toMatchObject({ total: 17, limit: 50, offset: 0 });
    const procurements = page.items;
    expect(procurements).toHaveLength(17);
    // Vedlegg 04 procurements marked 'Nei' stay in the old model (§10.4): no group; every other one has its group.
    type Listed = { steeringGroupId: string | null; transferToNewModel: boolean; routing: string };
    expect(procurements.some((p: Listed) => !p.transferToNewModel)).toBe(true);
    for (const p of procurements as Listed[]) {
      expect(p.steeringGroupId !== null).toBe(p.transferToNewModel);
      expect(p.routing).toBe(p.transferToNewModel ? 'resolved' : 'outsideModel');
    }
  });

  it('refuses an unknown category and a negative value with 400, writing nothing', async () => {
    const before = (
      await app.inject({ method: 'GET', url: '/api/procurements', headers: as('sekretariat') })
    ).json().total;
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/procurements',
      headers: as('sekretariat'),
      payload: { name: 'Test', categoryCode: 'NOPE' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'badRequest',
      errors: [{ path: 'categoryCode', message: 'Ukjent kategorikode NOPE' }],
    });
    const negative = await app.inject({
      method: 'POST',
      url: '/api/procurements',
      headers: as('sekretariat'),
      payload: { name: 'Test', categoryCode: 'KIR', contractValueNok: '-5' },
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().detail).toContain('negativt');
    const wrongType = await app.inject({
      method: 'POST',
      url: '/api/procurements',
      headers: as('sekretariat'),
      payload: { name: 'Test', categoryCode: 'KIR', transferToNewModel: 'kanskje' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].path).toBe('body.transferToNewModel');
    const badJson = await app.inject({
      method: 'POST',
      url: '/api/procurements',
      headers: { ...as('sekretariat'), 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(badJson.statusCode).toBe(400);
    const badId = await app.inject({
      method: 'GET',
      url: '/api/procurements/123',
      headers: as('sekretariat'),
    });
    expect(badId.statusCode).toBe(400);
    const missing = await app.inject({
      method: 'GET',
      url: '/api/procurements/00000000-0000-4000-8000-000000000000',
      headers: as('sekretariat'),
    });
    expect(missing.statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: '/api/procurements', headers: as('sekretariat') })).json()
        .total,
    ).toBe(before);
  });

  it('refuses a malformed category CSV with row numbers, importing nothing', async () => {
    const before = (
      await app.inject({ method: 'GET', url: '/api/categories', headers: as('sekretariat') })
    ).json().length;
    const csv = 'code,name,parentCode\nNY-KAT,Ny kategori,\nNY-GRUPPE,"Uavsluttet,NY-KAT\n';
    const response = await app.inject({
      method: 'POST',
      url: '/api/categories/import',
      headers: { ...as('sekretariat'), 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toHaveProperty('row');
    const badParent = 'code,name,parentCode\nNY-KAT,Ny kategori,\nNY-GRUPPE,Ny gruppe,FINNES-IKKE\n';
    const second = await app.inject({
      method: 'POST',
      url: '/api/categories/import',
      headers: { ...as('sekretariat'), 'content-type': 'text/csv' },
      payload: badParent,
    });
    expect(second.statusCode).toBe(400);
    expect(second.json().errors).toEqual([expect.objectContaining({ row: 3 })]);
    expect(
      (await app.inject({ method: 'GET', url: '/api/categories', headers: as('sekretariat') })).json().length,
    ).toBe(before);
  });

  it('imports a valid category CSV, with a dry run first', async () => {
    const csv =
      'code;name;parentCode;medical\nMTU;Medisinsk teknisk utstyr;;ja\nMTU-BILDE;Bildediagnostikk;MTU;\nREHAB;Rehabiliteringstjenester;;nei\n';
    const headers = { ...as('sekretariat'), 'content-type': 'text/csv' };
    const dry = await app.inject({
      method: 'POST',
      url: '/api/categories/import?dryRun=true',
      headers,
      payload: csv,
    });
    expect(dry.json()).toEqual({ dryRun: true, rows: 3, created: 2, updated: 0, unchanged: 1 });
    const categoriesAfterDry = (
      await app.inject({ method: 'GET', url: '/api/categories', headers: as('sekretariat') })
    ).json();
    expect(categoriesAfterDry.some((c: { code: string }) => c.code === 'REHAB')).toBe(false);
    const real = await app.inject({ method: 'POST', url: '/api/categories/import', headers, payload: csv });
    expect(real.json()).toMatchObject({ dryRun: false, created: 2 });
    const imported = (
      await app.inject({ method: 'GET', url: '/api/categories', headers: as('sekretariat') })
    ).json();
    expect(imported.find((c: { code: string }) => c.code === 'MTU-BILDE')).toMatchObject({
      kind: 'purchaseGroup',
      parentCode: 'MTU',
      isMedicalMainArea: true,
    });
  });

  it('lists the audit log with filters and paging', async () => {
    const page = await app.inject({
      method: 'GET',
      url: '/api/audit?entityType=category&limit=2',
      headers: as('sekretariat'),
    });
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.entries).toHaveLength(2);
    expect(
      body.entries.every(
        (e: { entityType: string; actorUsername: string }) =>
          e.entityType === 'category' && e.actorUsername === 'sekretariat',
      ),
    ).toBe(true);
    expect(body.nextBeforeId).toBe(body.entries[1].id);
    const next = (
      await app.inject({
        method: 'GET',
        url: `/api/audit?entityType=category&limit=2&beforeId=${body.nextBeforeId}`,
        headers: as('sekretariat'),
      })
    ).json();
    expect(next.entries[0].id).toBeLessThan(body.nextBeforeId);
  });

  it('logs out and the session stops working', async () => {
    const cookie = await login('lesetilgang');
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode,
    ).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    );
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sekretariat', password: 'feil' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).toBe('Feil brukernavn eller passord.');
  });

  it('serves the OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/steering-groups', '/api/procurements/{id}', '/api/categories/import']),
    );
  });
});
