// The portfolio report's cache against the version the report's tables count up (report_versions), on both
// engines: the served answer is the freshly built report's, a write that changes the report is seen at once,
// a vote that changes nothing the report reads keeps the cached answer.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { demoUser } from '../../../tests/support/users.js';
import { caseVotes, cases, procurements, riskAssessments } from '../../db/schema.js';
import { submitCase } from '../governance/cases/submit-case.js';
import { submitCaseSchema } from '../governance/governance.schemas.js';
import { listProcurements } from '../procurements/procurements.service.js';
import { seedPortfolioDemo } from './portfolio-demo.js';
import { timelineAxis } from '../../domain/gate-timeline.rules.js';
import { readReportVersion, reportAnswer } from './report-cache.js';
import { portfolioReportAnswerSchema, type PortfolioReportAnswer } from './reporting.schemas.js';
import { buildPortfolioReport, getPortfolioReport, setGatePlan } from './reporting.service.js';

describe.each(databaseKinds)('portfolio report cache on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    await seedPortfolioDemo(database.db, TEST_TODAY);
  });
  afterAll(() => database.dispose());

  /** The whole answer as GET /api/reports/portfolio gives it, built now without the cache. */
  const fresh = async (query: Parameters<typeof buildPortfolioReport>[1], today = TEST_TODAY) => {
    const report = await buildPortfolioReport(database.db, query, today);
    const axis = timelineAxis(
      report.rows.map((row) => row.gates),
      today,
    );
    return JSON.stringify(portfolioReportAnswerSchema.encode({ ...report, axis, page: null }));
  };

  it('serves the answer the report builds, per scope and day, and the same object until a write', async () => {
    for (const query of [
      { scope: 'all' as const },
      { scope: 'steeringGroup' as const, code: 'KIR' },
      { scope: 'rhf' as const, code: 'HV' },
      { scope: 'category' as const, code: 'adm' },
    ]) {
      const first = await getPortfolioReport(database.db, query, TEST_TODAY);
      expect(first.json.toString()).toBe(await fresh(query));
      expect(await getPortfolioReport(database.db, query, TEST_TODAY)).toBe(first);
    }
    // Another day is another report (overdue gates count from today).
    const later = await getPortfolioReport(database.db, { scope: 'all' }, '2026-12-01');
    expect(later.json.toString()).toBe(await fresh({ scope: 'all' }, '2026-12-01'));
    expect(later.report.generatedOn).toBe('2026-12-01');
  });

  it('pages the rows under the roll-up and axis of the whole scope', async () => {
    const cached = await getPortfolioReport(database.db, { scope: 'all' }, TEST_TODAY);
    const whole = JSON.parse(cached.json.toString()) as PortfolioReportAnswer;
    expect(whole.rows.length).toBeGreaterThan(5);
    const page = JSON.parse(String(reportAnswer(cached, { limit: 3, offset: 2 }))) as PortfolioReportAnswer;
    expect(page.page).toEqual({ total: whole.rows.length, limit: 3, offset: 2 });
    expect(page.rows).toEqual(whole.rows.slice(2, 5));
    expect(page.rollup).toEqual(whole.rollup);
    expect(page.axis).toEqual(whole.axis);
    expect(whole.page).toBeNull();
  });

  it('counts the version up once for a transaction of several writes, and not for one rolled back', async () => {
    const before = await readReportVersion(database.db);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`update procurements set description = description where true`);
      await tx.execute(sql`update categories set name = name where code = 'KIR'`);
    });
    expect(await readReportVersion(database.db)).toBe(before + 1);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`update procurements set description = description where true`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await readReportVersion(database.db)).toBe(before + 1);
  });

  it('shows a write at once: a changed follow-up is in the next answer', async () => {
    const cached = await getPortfolioReport(database.db, { scope: 'all' }, TEST_TODAY);
    const row = cached.report.rows.find((r) => r.neededMeasures === null)!;
    const secretariat = await demoUser(database.db, 'sekretariat');
    await setGatePlan(database.db, secretariat, row.procurementId, {
      gates: [],
      isInnovative: null,
      realisedGainNok: null,
      neededMeasures: 'Avklare budsjett',
    });
    const after = await getPortfolioReport(database.db, { scope: 'all' }, TEST_TODAY);
    expect(after).not.toBe(cached);
    expect(after.report.rows.find((r) => r.procurementId === row.procurementId)!.neededMeasures).toBe(
      'Avklare budsjett',
    );
    expect(after.json.toString()).toBe(await fresh({ scope: 'all' }));
  });

  it("keeps the cached answer for a vote and an electorate refresh, which the report doesn't read", async () => {
    const person = (await demoUser(database.db, 'medlem')).personId;
    const secretariat = await demoUser(database.db, 'sekretariat');
    const input = submitCaseSchema.parse({
      gate: 'significance',
      title: 'Vesentlighet',
      text: 'Forslag',
      proposedSignificance: 'høy',
    });
    let open: { id: string } | undefined;
    for (const procurement of await listProcurements(database.db, {})) {
      if (open || !procurement.steeringGroupId) continue;
      // Blocked by the workflow (e.g. no risk profile yet): try the next one.
      open = await submitCase(database.db, secretariat, procurement.id, input, TEST_TODAY).catch(
        () => undefined,
      );
    }
    expect(open).toBeDefined();
    const cached = await getPortfolioReport(database.db, { scope: 'all' }, TEST_TODAY);
    const version = await readReportVersion(database.db);
    await database.db.transaction(async (tx) => {
      await tx
        .update(cases)
        .set({ eligiblePersonIds: [person] })
        .where(eq(cases.id, open!.id));
      await tx.insert(caseVotes).values({ caseId: open!.id, personId: person, vote: 'approve' });
    });
    expect(await readReportVersion(database.db)).toBe(version);
    expect(await getPortfolioReport(database.db, { scope: 'all' }, TEST_TODAY)).toBe(cached);
    // A case's status is read by the report (open cases): that counts.
    await database.db.update(cases).set({ status: 'escalated' }).where(eq(cases.id, open!.id));
    expect(await readReportVersion(database.db)).toBe(version + 1);
    const { rollup } = (await getPortfolioReport(database.db, { scope: 'all' }, TEST_TODAY)).report;
    expect(rollup.escalations).toBe(cached.report.rollup.escalations + 1);
    expect(rollup.openCases).toBe(cached.report.rollup.openCases - 1);
  });
  it('recomputes only the changed procurements after a write, with the figures of the whole report', async () => {
    const scopes = [
      { scope: 'all' as const },
      { scope: 'steeringGroup' as const, code: 'KIR' },
      { scope: 'rhf' as const, code: 'HV' },
      { scope: 'category' as const, code: 'adm' },
    ];
    const expectFresh = async () => {
      for (const query of scopes)
        expect((await getPortfolioReport(database.db, query, TEST_TODAY)).json.toString()).toBe(
          await fresh(query),
        );
    };
    await expectFresh();
    const before = await getPortfolioReport(database.db, { scope: 'all' }, TEST_TODAY);
    const [changed, renamed, other] = before.report.rows;
    // A risk profile, a rename (the row moves in the order) and a new procurement, each in its own write.
    await database.db.insert(riskAssessments).values({
      procurementId: changed!.procurementId,
      method: 'direct',
      profile: changed!.riskProfile === 'høy' ? 'lav' : 'høy',
      assessedBy: 'test',
    });
    await expectFresh();
    await database.db
      .update(procurements)
      .set({ name: 'Ååå sist i rekken' })
      .where(eq(procurements.id, renamed!.procurementId));
    await expectFresh();
    const after = await getPortfolioReport(database.db, { scope: 'all' }, TEST_TODAY);
    // The other rows were kept, not recomputed.
    expect(after.report.rows.find((row) => row.procurementId === other!.procurementId)).toBe(other);
    expect(after.report.rows.find((row) => row.procurementId === changed!.procurementId)).not.toBe(changed);
    await database.db.execute(sql`
      insert into procurements (name, description, category_id, status)
      select 'Ny anskaffelse', 'Ny', category_id, 'planned' from procurements
      where id = ${other!.procurementId}`);
    await expectFresh();
    await database.db.delete(procurements).where(eq(procurements.name, 'Ny anskaffelse'));
    await expectFresh();
    // A change to what every row depends on (a steering group's name) rebuilds the model whole.
    await database.db.execute(sql`update steering_groups set name = name || ' (ny)' where code = 'KIR'`);
    await expectFresh();
    const rebuilt = await getPortfolioReport(database.db, { scope: 'all' }, TEST_TODAY);
    expect(rebuilt.report.rows.find((row) => row.procurementId === other!.procurementId)).not.toBe(other);
  });
});
