// The procurement list at a glance on PGlite and PostgreSQL: every sort pages without gaps or overlap, the
// SQL-paged sorts agree with the same sort computed on the rows, derived filters match the report's rows, and
// the route answers a page with its total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { overviewSortIds, sortOverviewRows } from '../../domain/procurement-overview.rules.js';
import { procurementStatusIds } from '../../shared/enums.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { fixedClock } from '../../shared/clock.js';
import type { App } from '../../shared/http.js';
import { listProcurements } from '../procurements/index.js';
import { seedPortfolioDemo } from './portfolio-demo.js';
import { procurementOverviewQuery } from './procurement-overview.schemas.js';
import { listProcurementOverview } from './procurement-overview.service.js';
import { buildReportRows } from './report-rows.js';
import { buildPortfolioReport } from './reporting.service.js';

describe.each(databaseKinds)('procurement list at a glance on %s', (kind) => {
  let database: TestDatabase;
  const list = (query: Record<string, unknown>) =>
    listProcurementOverview(database.db, procurementOverviewQuery.parse(query), TEST_TODAY);

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    await seedPortfolioDemo(database.db, TEST_TODAY);
  });
  afterAll(() => database.dispose());

  it.each(overviewSortIds.flatMap((sort) => [[sort, 'asc'] as const, [sort, 'desc'] as const]))(
    'pages the sort %s %s without gaps or overlap, in the order of the rows',
    async (sort, order) => {
      const whole = await list({ sort, order, limit: 500 });
      const all = await listProcurements(database.db, {});
      expect(whole.total).toBe(all.length);
      const expected = sortOverviewRows(
        await buildReportRows(database.db, all, TEST_TODAY),
        sort,
        order === 'desc',
        procurementStatusIds,
      ).map((row) => row.procurementId);
      expect(whole.items.map((row) => row.procurementId)).toEqual(expected);
      const paged: string[] = [];
      for (let offset = 0; offset < whole.total; offset += 4) {
        const page = await list({ sort, order, limit: 4, offset });
        expect(page).toMatchObject({ total: whole.total, limit: 4, offset, today: TEST_TODAY });
        paged.push(...page.items.map((row) => row.procurementId));
      }
      expect(paged).toEqual(expected);
    },
  );

  it('carries the report row of each procurement, with its next gate and routing', async () => {
    const report = await buildPortfolioReport(database.db, { scope: 'all' }, TEST_TODAY);
    const page = await list({ limit: 500 });
    const all = await listProcurements(database.db, {});
    for (const item of page.items) {
      const { nextGate, steeringGroupId, routing, routingMessage, ...row } = item;
      expect(row).toEqual(report.rows.find((r) => r.procurementId === item.procurementId));
      expect(nextGate).toEqual(row.gates.find((gate) => gate.gate === row.phaseId) ?? null);
      const procurement = all.find((p) => p.id === item.procurementId)!;
      expect({ steeringGroupId, routing, routingMessage }).toEqual({
        steeringGroupId: procurement.steeringGroupId,
        routing: procurement.routing,
        routingMessage: procurement.routingMessage,
      });
    }
  });

  it('filters by schedule, level, significance and risk as the report rows say, with table filters', async () => {
    const report = await buildPortfolioReport(database.db, { scope: 'all' }, TEST_TODAY);
    const ids = (rows: Array<{ procurementId: string }>) => rows.map((row) => row.procurementId).sort();
    const late = await list({ schedule: 'late', limit: 500 });
    expect(late.total).toBeGreaterThan(0);
    expect(ids(late.items)).toEqual(ids(report.rows.filter((row) => row.daysLate > 0)));
    const onSchedule = await list({ schedule: 'onSchedule', limit: 500 });
    expect(late.total + onSchedule.total).toBe(report.rows.length);
    for (const level of ['nasjonal', 'flerregional'] as const)
      expect(ids((await list({ level, limit: 500 })).items)).toEqual(
        ids(report.rows.filter((row) => row.level === level)),
      );
    for (const value of ['høy', 'medium', 'lav', 'ukjent'] as const) {
      expect(ids((await list({ significance: value, limit: 500 })).items)).toEqual(
        ids(report.rows.filter((row) => (row.significance ?? 'ukjent') === value)),
      );
      expect(ids((await list({ riskProfile: value, limit: 500 })).items)).toEqual(
        ids(report.rows.filter((row) => (row.riskProfile ?? 'ukjent') === value)),
      );
    }
    const lateAndText = await list({
      schedule: 'late',
      q: 'tjenester',
      sort: 'daysLate',
      order: 'desc',
      limit: 2,
    });
    const matchingText = new Set((await listProcurements(database.db, { q: 'tjenester' })).map((p) => p.id));
    const expected = report.rows
      .filter((row) => row.daysLate > 0 && matchingText.has(row.procurementId))
      .sort((a, b) => b.daysLate - a.daysLate);
    expect(matchingText.size).toBeLessThan(report.rows.length);
    expect(lateAndText.total).toBe(expected.length);
    expect(lateAndText.items.map((row) => row.daysLate)).toEqual(
      expected.slice(0, 2).map((row) => row.daysLate),
    );
  });

  describe('over HTTP', () => {
    let app: App;
    let cookie: string;
    beforeAll(async () => {
      app = await buildApp(
        { db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: fixedClock(TEST_TODAY) },
        { serveWeb: false },
      );
      await app.ready();
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'lesetilgang', password: 'demo' },
      });
      cookie = `styr_session=${login.cookies.find((c) => c.name === 'styr_session')!.value}`;
    });
    afterAll(() => app.close());

    it('answers a page with its total and the day from the clock, and refuses a bad sort in Norwegian', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/reports/procurements?sort=daysLate&order=desc&limit=3&offset=1',
        headers: { cookie },
      });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ limit: 3, offset: 1, today: TEST_TODAY });
      expect(body.items).toHaveLength(3);
      expect(body.total).toBe((await listProcurements(database.db, {})).length);
      const bad = await app.inject({
        method: 'GET',
        url: '/api/reports/procurements?sort=tull',
        headers: { cookie },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
    });
  });
});
