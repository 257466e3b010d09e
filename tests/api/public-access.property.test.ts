// Property-based tests (fast-check) over every public endpoint's query parameters and the public request
// body: whatever a visitor sends, the answer is never a 500 and never carries a shielded word or exempt content.
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steeringGroups } from '../../src/db/schema.js';
import type { App } from '../../src/shared/http.js';
import { buildTestApp, sessionCookie } from '../support/api.js';
import { createSeededDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { buildPdf } from '../support/pdf.js';

const SHIELDED = 'Lukketvik Diagnostikk AS';
const CONTENT_SECRET = 'KONFIDENSIELL-PRIS-5150';
const SECRETS = [SHIELDED, 'Lukketvik', CONTENT_SECRET];
const RUNS = 40;

// Strings a visitor might send: anything, the secrets themselves, SQL and path tricks, dates, ids, numbers.
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    ...SECRETS,
    'lukketvik',
    '*****',
    "' or 1=1 --",
    '%',
    '_',
    '../..',
    '\u0000',
    'ø'.repeat(300),
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-30', '2026-13-01', 'not-a-date'),
  fc.uuid(),
  fc.integer({ min: -5, max: 100_000 }).map(String),
);
const query = (names: string[]) =>
  fc
    .record(Object.fromEntries(names.map((n) => [n, anyText])), { requiredKeys: [] })
    .map((fields) => new URLSearchParams(fields as Record<string, string>).toString());

describe.each(databaseKinds)('public endpoints under arbitrary input on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  const entryIds: string[] = [];

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    app = await buildTestApp(database.db, {
      STYR_PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
      STYR_RATE_LIMIT_PER_MINUTE: '100000',
    });
    const cookie = await sessionCookie(app, 'sekretariat');
    const [kir] = await database.db.select().from(steeringGroups).where(eq(steeringGroups.code, 'KIR'));
    for (const access of [
      { accessStatus: 'partlyExempt', legalBasis: 'offl13fvl13nr1', shieldedWords: [SHIELDED] },
      { accessStatus: 'exempt', legalBasis: 'offl23third', shieldedWords: [SHIELDED] },
      { accessStatus: 'partlyExempt', legalBasis: 'offl23first', shieldedWords: [SHIELDED] },
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: `/api/steering-groups/${kir!.id}/documents`,
        headers: { cookie },
        payload: {
          title: `Notat om ${SHIELDED}`,
          fileName: 'notat.pdf',
          contentType: 'application/pdf',
          contentBase64: buildPdf({ pages: [[`${SHIELDED}: ${CONTENT_SECRET}`]] }).toString('base64'),
          ...access,
        },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const journal = await app.inject({ method: 'GET', url: '/api/public/journal' });
    entryIds.push(...journal.json<{ entries: Array<{ id: string }> }>().entries.map((e) => e.id));
    expect(entryIds.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const check = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    expect(response.statusCode, `${method} ${url} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
    for (const secret of SECRETS) expect(response.body, `${method} ${url}`).not.toContain(secret);
    return response;
  };

  // Every public GET route without path parameters, with the query parameters its OpenAPI description names
  // (so a route or parameter added later is fuzzed without touching this file). Routes with path parameters are
  // the tests below; the login and single sign-on routes and the health probe carry no documents.
  const publicQueries = () => {
    const spec = app.swagger() as {
      paths: Record<string, { get?: { parameters?: Array<{ in: string; name: string }> } }>;
    };
    return app.routeTable
      .filter((r) => r.method === 'GET' && r.access === 'public' && !r.url.includes(':'))
      .filter((r) => !r.url.startsWith('/api/auth/') && r.url !== '/api/health')
      .map((r) => ({
        url: r.url,
        names: (spec.paths[r.url]?.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      }));
  };

  it('fuzzes every public GET route and its documented query parameters', () => {
    expect(publicQueries()).toEqual(
      expect.arrayContaining([
        {
          url: '/api/public/journal',
          names: expect.arrayContaining([
            'q',
            'steeringGroupId',
            'procurementId',
            'from',
            'to',
            'page',
            'pageSize',
          ]),
        },
        { url: '/api/public/journal/export', names: ['format'] },
        {
          url: '/api/public/decisions',
          names: expect.arrayContaining(['steeringGroupId', 'q', 'limit', 'offset']),
        },
        {
          url: '/api/public/meetings',
          names: expect.arrayContaining(['steeringGroupId', 'limit', 'offset']),
        },
        { url: '/api/public/filters', names: [] },
        { url: '/api/open-data/ocds', names: [] },
      ]),
    );
  });

  it('GET every public route with arbitrary query parameters', async () => {
    for (const { url, names } of publicQueries()) {
      await fc.assert(
        fc.asyncProperty(query([...names, 'x']), async (search) => {
          await check('GET', `${url}?${search}`);
        }),
        { numRuns: RUNS },
      );
    }
  });

  it('GET /api/calendar/:file with arbitrary and guessed links', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyText,
          anyText.map((t) => `${t}.ics`),
        ),
        async (file) => {
          const response = await check('GET', `/api/calendar/${encodeURIComponent(file)}`);
          // Refused (unknown, malformed or revoked link, or an address too long): never a feed.
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('GET /api/public/journal/:id and its file, for known and arbitrary ids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...entryIds), fc.uuid(), anyText), async (id) => {
        const encoded = encodeURIComponent(id);
        await check('GET', `/api/public/journal/${encoded}`);
        const file = await check('GET', `/api/public/journal/${encoded}/file`);
        // None of these documents may be downloaded: they are exempt or partly exempt without a variant.
        expect(file.statusCode).not.toBe(200);
      }),
      { numRuns: RUNS },
    );
  });

  it('POST /api/public/access-requests with arbitrary bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            journalEntryIds: fc.oneof(
              fc.array(fc.oneof(fc.constantFrom(...entryIds), fc.uuid(), anyText), { maxLength: 4 }),
              anyText,
            ),
            email: fc.oneof(fc.emailAddress(), anyText),
            name: fc.oneof(fc.constant(null), anyText),
            message: anyText,
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const response = await check('POST', '/api/public/access-requests', body);
          expect([201, 400]).toContain(response.statusCode);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
