// Portfolio reporting, KPIs, action plans, annual plan and OCDS on PGlite and PostgreSQL.
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, procurementGates, procurements } from '../../db/schema.js';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { demoUser } from '../../../tests/support/users.js';
import { listActionPlans } from '../action-plans/action-plans.service.js';
import * as annualPlan from '../annual-plan/annual-plan.service.js';
import { approvePlanForRhf } from '../annual-plan/approve-annual-plan.js';
import { listKpis } from '../kpis/kpis.service.js';
import { checkReleasePackage } from '../open-data/ocds-check.js';
import { exportOcds } from '../open-data/open-data.service.js';
import { getProgramme } from '../programme/programme.service.js';
import { seedPortfolioDemo } from './portfolio-demo.js';
import { rollupFigures } from './report-format.js';
import { renderReportCsv } from './report-csv.js';
import { renderReportXlsx, ROLLUP_SHEET, ROWS_SHEET } from './report-xlsx.js';
import { loadGovernanceContext } from '../governance/procurement-governance.service.js';
import { submitCase } from '../governance/cases/submit-case.js';
import { submitCaseSchema } from '../governance/governance.schemas.js';
import { listProcurements } from '../procurements/procurements.service.js';
import { loadReportGovernance } from './report-governance.read-model.js';
import { findFollowUp, latestGainEstimates, listGatePlans } from './reporting.repo.js';
import { buildPortfolioReport, setGatePlan } from './reporting.service.js';
import { fixedClock } from '../../shared/clock.js';

describe.each(databaseKinds)('portfolio management on %s', (kind) => {
  let database: TestDatabase;
  const idOf = async (name: string) =>
    (
      await database.db.select({ id: procurements.id }).from(procurements).where(eq(procurements.name, name))
    )[0]!.id;

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    await seedPortfolioDemo(database.db, TEST_TODAY);
    expect((await seedPortfolioDemo(database.db, TEST_TODAY)).seeded).toBe(false);
  });
  afterAll(() => database.dispose());

  it("reads the governance of the whole scope set-based, with the figures of each procurement's own context", async () => {
    const all = await listProcurements(database.db, {});
    // Cases on two procurements (the demo portfolio has none), so the cases' figures are compared too.
    const secretariat = await demoUser(database.db, 'sekretariat');
    const submitted: string[] = [];
    for (const procurement of all.filter((p) => p.name !== 'Ablasjon' && p.steeringGroupId)) {
      if (submitted.length === 2) break;
      const input = {
        gate: 'significance',
        title: 'Vesentlighet',
        text: 'Forslag',
        proposedSignificance: 'høy',
      };
      await submitCase(
        database.db,
        secretariat,
        procurement.id,
        submitCaseSchema.parse(input),
        TEST_TODAY,
      ).then(
        () => submitted.push(procurement.id),
        () => undefined, // blocked by the workflow (e.g. no risk profile yet): try the next one
      );
    }
    expect(submitted).toHaveLength(2);
    const facts = await loadReportGovernance(database.db, all);
    expect(facts.size).toBe(all.length);
    const [plans, gains] = await Promise.all([listGatePlans(database.db), latestGainEstimates(database.db)]);
    let withCases = 0;
    let withPlans = 0;
    for (const procurement of all) {
      const context = await loadGovernanceContext(database.db, procurement.id);
      const { plannedOn, neededMeasures, gainEstimateNok, ...governance } = facts.get(procurement.id)!;
      expect(governance, procurement.name).toEqual({
        categoryName: context.categoryName,
        gates: context.gates,
        initial: context.initial,
        final: context.final,
        recommended: context.recommended.recommended,
        riskProfile: context.latestRisk?.profile ?? null,
        caseStatuses: context.cases.map((c) => c.status),
      });
      // The follow-up facts of the same query against the per-procurement reads.
      expect(Object.fromEntries(plannedOn), procurement.name).toEqual(
        Object.fromEntries(
          plans
            .filter((plan) => plan.procurementId === procurement.id)
            .map((plan) => [plan.gate, plan.plannedOn]),
        ),
      );
      expect(neededMeasures).toBe((await findFollowUp(database.db, procurement.id))?.neededMeasures ?? null);
      expect(gainEstimateNok).toBe(gains.get(procurement.id) ?? null);
      if (context.cases.length > 0) withCases += 1;
      if (plannedOn.size > 0) withPlans += 1;
    }
    // The demo portfolio has cases and agreed dates, so the comparison above compared something.
    expect(withCases).toBeGreaterThan(0);
    expect(withPlans).toBeGreaterThan(0);
    // The whole portfolio without a scope filter, and a scope given as a long id list: the same facts.
    const whole = await loadReportGovernance(database.db, all, { wholePortfolio: true });
    const many = Array.from({ length: 1001 }, (_, index) => all[index % all.length]!);
    const long = await loadReportGovernance(database.db, many);
    for (const procurement of all) {
      expect(whole.get(procurement.id)).toEqual(facts.get(procurement.id));
      expect(long.get(procurement.id)).toEqual(facts.get(procurement.id));
    }
  });

  it('reports one steering group with planned vs. actual gates, and the XLSX holds the same figures', async () => {
    const report = await buildPortfolioReport(
      database.db,
      { scope: 'steeringGroup', code: 'KIR' },
      TEST_TODAY,
    );
    // Hjerteventiler and Nevrokirurgiske implantater stay in the old model (Vedlegg 04 "Nei"): no KIR group.
    expect(report.rows.map((row) => row.name).sort()).toEqual(['Ablasjon']);
    const ablasjon = report.rows.find((row) => row.name === 'Ablasjon')!;
    // Demo plan: significance 30 days after project start 2024-03-01 → 2024-03-31, 62 days before the demo's
    // reference day 2024-06-01, compressed to 6 days late (demoFirstGateOffset) and moved to 2026-06-15 →
    // 2026-06-09; not passed: 6 days late.
    expect(ablasjon.gates.find((g) => g.gate === 'significance')).toMatchObject({
      plannedOn: '2026-06-09',
      passedOn: null,
      timeliness: 'overdue',
      daysLate: 6,
    });
    expect(report.rollup.procurements).toBe(1);
    expect(report.rollup.late).toBe(1);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReportXlsx(report)) as unknown as ArrayBuffer);
    const summary = new Map<string, string>();
    workbook
      .getWorksheet(ROLLUP_SHEET)!
      .eachRow((row) => summary.set(row.getCell(1).text, row.getCell(2).text));
    for (const figure of rollupFigures(report))
      expect(summary.get(figure.label), figure.label).toBe(String(figure.value));
    const sheet = workbook.getWorksheet(ROWS_SHEET)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const nameColumn = header.indexOf('Anskaffelse') + 1;
    const lateColumn = header.indexOf('Forsinket (dager)') + 1;
    const fromSheet = report.rows.map((_, i) => [
      sheet.getRow(i + 2).getCell(nameColumn).value,
      sheet.getRow(i + 2).getCell(lateColumn).value,
    ]);
    expect(fromSheet).toEqual(report.rows.map((row) => [row.name, row.daysLate]));
    expect(renderReportCsv(report).split('\r\n')).toHaveLength(report.rows.length + 2);
  });

  it('reports per RHF and per category in the same format', async () => {
    const rhf = await buildPortfolioReport(database.db, { scope: 'rhf', code: 'HV' }, TEST_TODAY);
    const all = await buildPortfolioReport(database.db, { scope: 'all' }, TEST_TODAY);
    expect(rhf.rows.length).toBe(all.rows.length); // the Vedlegg 04 procurements are national
    const category = await buildPortfolioReport(database.db, { scope: 'category', code: 'ADM' }, TEST_TODAY);
    expect(category.rows.every((row) => row.categoryCode === 'ADM')).toBe(true);
    await expect(
      buildPortfolioReport(database.db, { scope: 'steeringGroup', code: 'NOPE' }, TEST_TODAY),
    ).rejects.toThrow(/finnes ikke/);
  });

  it('computes the on-time KPI as the hand calculation on fixture data', async () => {
    const secretariat = await demoUser(database.db, 'sekretariat');
    // Hand calculation for 2026: A on time (a day early), B 4 days late, C on the day → 2 of 3 = 66.7 %.
    // D was delivered in 2025 and does not count for 2026.
    const fixture: Array<[string, string, string]> = [
      ['Hjerteventiler', '2026-03-01', '2026-02-28'],
      ['Ablasjon', '2026-03-01', '2026-03-05'],
      ['Flytjenester', '2026-04-01', '2026-04-01'],
      ['Vaskeritjenester', '2025-05-01', '2025-06-01'],
    ];
    for (const [name, plannedOn, passedOn] of fixture) {
      const id = await idOf(name);
      await setGatePlan(database.db, secretariat, id, {
        gates: [{ gate: 'award', plannedOn }],
        isInnovative: null,
        realisedGainNok: null,
        neededMeasures: null,
      });
      await database.db.insert(procurementGates).values({
        procurementId: id,
        gate: 'award',
        involvement: 'decide',
        via: 'decision',
        passedBy: 'test',
        passedOn,
      });
    }
    const kpis = await listKpis(database.db, { from: 2025, to: 2026 }, TEST_TODAY);
    const onTime = kpis.find((k) => k.code === 'SHI-AVTALT-TID')!;
    expect(onTime.values.find((v) => v.year === 2026)).toMatchObject({
      value: 66.7,
      target: 98,
      rag: 'red',
      origin: 'computed',
      detail: '2 av 3 levert på avtalt tid',
    });
    expect(onTime.values.find((v) => v.year === 2025)).toMatchObject({ value: 0, rag: 'red' });
    await database.db.delete(procurementGates).where(and(eq(procurementGates.gate, 'award')));
  });

  it('falls back to a hand-entered value with who and when for agreement coverage', async () => {
    const { setManualValue } = await import('../kpis/kpis.service.js');
    const secretariat = await demoUser(database.db, 'sekretariat');
    const coverage = (await listKpis(database.db, { from: 2025, to: 2025 }, TEST_TODAY)).find(
      (k) => k.code === 'SHI-AVTALEDEKNING',
    )!;
    expect(coverage.values[0]).toMatchObject({ value: null, rag: 'none' });
    await setManualValue(database.db, secretariat, coverage.id, 2025, { value: 82.5, note: 'Fra regnskap' });
    const after = (await listKpis(database.db, { from: 2025, to: 2025 }, TEST_TODAY)).find(
      (k) => k.code === 'SHI-AVTALEDEKNING',
    )!;
    expect(after.values[0]).toMatchObject({
      value: 82.5,
      rag: 'amber',
      origin: 'manual',
      enteredBy: 'sekretariat',
      detail: 'Fra regnskap',
    });
  });

  it('shows the seed 004 overview: counts per area and status, and the measures not started', async () => {
    const plan = (await listActionPlans(database.db)).find((p) => p.code === 'SHI-STATUS-2023')!;
    expect(plan.areas.map((a) => [a.name, a.counts.done, a.counts.inProgress, a.counts.notStarted])).toEqual([
      ['Anskaffelsesprosessen og avtaleforvaltning', 2, 6, 4],
      ['Forsyningssikkerhet og beredskap', 2, 5, 8],
      ['Miljø og samfunnsansvar', 0, 6, 3],
    ]);
    expect(plan.areas[2]!.notStarted.map((m) => m.priority)).toEqual([3, 3, 3]);
    expect((await listActionPlans(database.db)).find((p) => p.code === 'HSO-2009-2012')!.areas).toHaveLength(
      6,
    );
  });

  it('loads the implementation programme of seed 001 and links the transition list to procurements', async () => {
    const programme = await getProgramme(database.db);
    expect(programme.risks).toHaveLength(5);
    expect(programme.transitions).toHaveLength(17);
    expect(programme.transitions.every((t) => t.procurementId !== null)).toBe(true);
    expect(
      programme.activities.find((a) => a.name === 'Etablere porteføljesekretariat Sykehusinnkjøp HF'),
    ).toMatchObject({ status: 'done', startOn: '2023-04-01' });
  });

  it('imports an annual plan all or nothing, then takes RHF feedback and approval', async () => {
    const secretariat = await demoUser(database.db, 'sekretariat');
    const contact = await demoUser(database.db, 'kontakt');
    await annualPlan.createPlan(database.db, secretariat, 2027);
    const bad =
      'anskaffelse;initial_betydning;gevinstestimat;risiko\nHjerteventiler;høy;1000000;medium\nFinnes ikke;høy;;\nAblasjon;veldig;;\n';
    await expect(
      annualPlan.importPlan(database.db, secretariat, 2027, { format: 'csv', content: bad }, false),
    ).rejects.toMatchObject({
      details: [expect.objectContaining({ row: 4 })],
    });
    const unknown = 'anskaffelse;initial_betydning\nHjerteventiler;høy\nFinnes ikke;lav\n';
    await expect(
      annualPlan.importPlan(database.db, secretariat, 2027, { format: 'csv', content: unknown }, false),
    ).rejects.toMatchObject({
      details: [expect.objectContaining({ row: 3, message: 'Ukjent anskaffelse «Finnes ikke»' })],
    });
    expect((await annualPlan.getPlan(database.db, 2027)).items).toHaveLength(0);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow(['anskaffelse', 'initial_betydning', 'gevinstestimat', 'risiko']);
    sheet.addRow(['Hjerteventiler', 'høy', 12500000, 'medium']);
    sheet.addRow(['Ablasjon', 'medium', '', '']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect(
      await annualPlan.importPlan(database.db, secretariat, 2027, { format: 'xlsx', content }, false),
    ).toMatchObject({ imported: 2 });
    const plan = await annualPlan.getPlan(database.db, 2027);
    expect(plan.items.map((i) => [i.procurementName, i.initialSignificance, i.gainEstimateNok])).toEqual([
      ['Ablasjon', 'medium', null],
      ['Hjerteventiler', 'høy', '12500000.00'],
    ]);
    const [hv] = await database.db.select().from(organisations).where(eq(organisations.code, 'HV'));
    const [hn] = await database.db.select().from(organisations).where(eq(organisations.code, 'HN'));
    const item = plan.items[0]!;
    await expect(
      annualPlan.commentOnItem(database.db, contact, 2027, item.id, {
        rhfId: hv!.id,
        agreesWithSignificance: 'ja',
        proposedSignificance: null,
        comment: null,
      }),
    ).rejects.toThrow(/ikke ute til innspill/);
    await annualPlan.changeStatus(database.db, secretariat, 2027, 'rhfFeedback');
    await expect(
      annualPlan.commentOnItem(database.db, contact, 2027, item.id, {
        rhfId: hn!.id,
        agreesWithSignificance: 'ja',
        proposedSignificance: null,
        comment: null,
      }),
    ).rejects.toThrow(/eget RHF/);
    const commented = await annualPlan.commentOnItem(database.db, contact, 2027, item.id, {
      rhfId: hv!.id,
      agreesWithSignificance: 'nei',
      proposedSignificance: 'høy',
      comment: 'Kritisk for Helse Vest',
    });
    expect(commented.items[0]!.comments).toMatchObject([
      { rhfName: hv!.name, proposedSignificance: 'høy', commentedBy: 'kontakt' },
    ]);
    // The RHFs approve the plan, each for itself (§7.7); the secretariat alone cannot.
    await expect(annualPlan.changeStatus(database.db, secretariat, 2027, 'approved')).rejects.toThrow(
      /godkjennes av RHF-ene/,
    );
    await approvePlanForRhf(database.db, contact, 2027, { rhfId: hv!.id, note: null });
    const rhfs = await database.db.select().from(organisations).where(eq(organisations.kind, 'RHF'));
    for (const rhf of rhfs.filter((r) => r.id !== hv!.id))
      await approvePlanForRhf(database.db, secretariat, 2027, {
        rhfId: rhf.id,
        note: `Styresak, ${rhf.name}`,
      });
    expect((await annualPlan.getPlan(database.db, 2027)).status).toBe('approved');
    const report = await buildPortfolioReport(database.db, { scope: 'all' }, TEST_TODAY);
    expect(report.rows.find((r) => r.name === 'Hjerteventiler')!.gainEstimateNok).toBe('12500000.00');
  });

  it('exports the portfolio as an OCDS 1.1.5 release package that passes the checks', async () => {
    const pkg = await exportOcds(database.db, { clock: fixedClock('2030-01-01T00:00:00Z') });
    expect(checkReleasePackage(pkg)).toEqual([]);
    expect(pkg.releases).toHaveLength(17);
    const release = pkg.releases.find((r) => r.tender.title === 'Ablasjon')!;
    expect(release.tender.milestones.every((m) => m.type === 'approval')).toBe(true);
    expect(release.tender.milestones.length).toBeGreaterThan(0);
  });
});
