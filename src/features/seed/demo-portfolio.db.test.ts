// The living demo portfolio (issue 11 item 4), seeded by the one demo step (`styr seed --demo`, first
// `npm start`): on both databases the cockpit's counts equal direct SQL on the same data and each demo user of
// the README has something waiting; seeded on two pinned days (the same weekday, across a leap day and a
// New Year) it has the same shape, every date moved with the clock.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../tests/support/databases.js';
import { demoShape } from '../../../tests/support/demo-shape.js';
import { demoUser } from '../../../tests/support/users.js';
import { cockpitWindow, getCockpit } from '../home/cockpit.service.js';
import { listQuestionsToDecide } from '../governance/habilitet/habilitet-questions.service.js';
import { getMyHome } from '../home/home.service.js';
import { buildPortfolioReport } from '../reporting/reporting.service.js';
import { DEMO_AGREEMENTS } from './demo-agreements.js';
import { DEMO_CASES } from './demo-cases.js';
import { seedDemo } from './demo-portfolio.js';
import { seedReferenceData } from './seed.js';

async function count(database: TestDatabase, query: ReturnType<typeof sql>): Promise<number> {
  const result: unknown = await database.db.execute(query);
  return Number((result as { rows: Array<{ n: number | string }> }).rows[0]!.n);
}

async function rowsOf<T>(database: TestDatabase, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await database.db.execute(query);
  return (result as { rows: T[] }).rows;
}

async function seededOn(kind: (typeof databaseKinds)[number], today: string) {
  const database = await createTestDatabase(kind);
  await seedReferenceData(database.db);
  await seedDemo(database.db, today);
  return database;
}

const TODAY = '2026-12-03';

describe.each(databaseKinds)('the living demo portfolio on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await seededOn(kind, TODAY);
  });
  afterAll(() => database.dispose());

  it("gives the cockpit counts equal to direct queries on the demo's data, each of them non-zero", async () => {
    const cockpit = await getCockpit(database.db, TODAY);
    const { horizonEnd } = cockpitWindow(TODAY);
    const oslo = (day: string) => sql`((${day}::date)::timestamp at time zone 'Europe/Oslo')`;
    const expected = {
      gatesDue: await count(
        database,
        sql`select count(*) as n from procurement_gate_plans p join procurements r on r.id = p.procurement_id
            where p.planned_on <= ${horizonEnd} and r.status not in ('completed', 'cancelled')
              and not exists (select 1 from procurement_gates g where g.procurement_id = p.procurement_id and g.gate = p.gate)`,
      ),
      casesWaitingForVotes: await count(
        database,
        sql`select count(*) as n from cases where status = 'open' and submitted_at < ${oslo('2026-11-26')}`,
      ),
      meetingsNeedingInvitation: await count(
        database,
        sql`select count(*) as n from meetings where not cancelled and invitation_sent_at is null
            and starts_at >= ${oslo(TODAY)}
            and (starts_at at time zone 'Europe/Oslo')::date - invitation_days_before <= ${horizonEnd}::date`,
      ),
      meetingsNeedingMinutes: await count(
        database,
        sql`select count(*) as n from meetings m where not cancelled and starts_at < ${oslo(TODAY)}
            and not exists (select 1 from minutes x where x.meeting_id = m.id)`,
      ),
      minutesAwaitingApproval: await count(
        database,
        sql`select count(*) as n from (select distinct on (meeting_id) status from minutes
            order by meeting_id, version desc) latest where status = 'draft'`,
      ),
      overdueActions: await count(
        database,
        sql`select count(*) as n from action_items where status <> 'done' and due_date < ${TODAY}`,
      ),
      accessRequestsNearDeadline: await count(
        database,
        sql`select count(*) as n from access_requests where status = 'received' and due_on <= ${horizonEnd}`,
      ),
    };
    const actual = Object.fromEntries(
      Object.keys(expected).map((key) => [key, (cockpit[key as keyof typeof expected] as unknown[]).length]),
    );
    expect(actual).toEqual(expected);
    // What the demo builds: the ablasjon plan waiting 10 days; next week's KIR meeting to invite to; KIR's
    // meeting a month ago without minutes and the one two weeks ago with draft minutes; three overdue actions
    // (the meeting plan's and two from the held meeting); yesterday's access request.
    expect(actual).toMatchObject({
      casesWaitingForVotes: 1,
      meetingsNeedingInvitation: 1,
      meetingsNeedingMinutes: 1,
      minutesAwaitingApproval: 1,
      overdueActions: 3,
      accessRequestsNearDeadline: 1,
    });
    expect(expected.gatesDue).toBeGreaterThan(0);
    expect(cockpit.casesWaitingForVotes.map((c) => [c.title, c.votes])).toEqual([
      [DEMO_CASES.ablasjonPlan, 2],
    ]);
    expect(cockpit.compositionErrors.length).toBeGreaterThan(0);
  });

  it('gives each demo user of the README a reason to log in', async () => {
    const homeOf = async (username: string) =>
      getMyHome(database.db, await demoUser(database.db, username), TODAY);
    const medlem = (await homeOf('medlem')).member!;
    expect(medlem.awaitingVote.map((c) => c.title)).toEqual([DEMO_CASES.ablasjonPlan]);
    expect(medlem.nextMeetings[0]).toMatchObject({ date: '2026-12-10', agendaItems: 2, papers: 2 });
    expect(medlem.myActions.map((a) => a.overdue)).toEqual([true]);
    expect(medlem.decisionsSinceLastVisit.map((d) => d.title)).toEqual([DEMO_CASES.ablasjonSignificance]);

    const leder = (await homeOf('leder')).procurementLead!;
    expect(leder.myCases.map((c) => [c.title, c.status]).sort()).toEqual([
      [DEMO_CASES.ablasjonPlan, 'open'],
      [DEMO_CASES.ablasjonSignificance, 'approved'],
      [DEMO_CASES.laboratorySignificance, 'open'],
      [DEMO_CASES.infusionPumpsTender, 'escalated'],
    ]);
    expect(leder.procurements.filter((p) => p.nextGate?.late).length).toBeGreaterThan(0);

    const [helseVest] = (await homeOf('kontakt')).rhfContact;
    expect(helseVest!.awaitingOurAnswer.map((c) => c.title)).toEqual([DEMO_CASES.infusionPumpsTender]);
    expect(helseVest!.annualPlanItemsAwaitingFeedback.length).toBe(8);
    expect(helseVest!.highRisk.length).toBeGreaterThan(0);
    expect(helseVest!.membersWithoutTraining.map((m) => m.personName)).toContain('Mona Styringsdal');
    // Helse Vest's LAB member reported a possible conflict: a habilitet question for kontakt to decide.
    const questions = await listQuestionsToDecide(
      database.db,
      await demoUser(database.db, 'kontakt'),
      'pending',
    );
    expect(questions.map((q) => [q.caseTitle, q.rhfName, q.source])).toEqual([
      [DEMO_CASES.laboratorySignificance, 'Helse Vest RHF', 'member'],
    ]);
    // The escalation waits for two RHFs' answers: Helse Vest's and Helse Sør-Øst's.
    expect(
      await count(
        database,
        sql`select count(*) as n from escalation_answers a join cases c on c.id = a.case_id
            where c.title = ${DEMO_CASES.infusionPumpsTender}`,
      ),
    ).toBe(2);
  });

  it("gives the homes' habilitet items equal to direct queries on the demo's data, each of them non-zero", async () => {
    const homeOf = async (username: string) =>
      getMyHome(database.db, await demoUser(database.db, username), TODAY);
    const personOf = async (username: string) => (await demoUser(database.db, username)).personId;
    const medlemId = await personOf('medlem');
    const medlem = (await homeOf('medlem')).member!.habilitet;
    // Mona confirmed her declaration a year less 20 days ago: renewal is due in 20 days.
    const [confirmed] = await rowsOf<{ day: string }>(
      database,
      sql`select max(confirmed_on)::text as day from interest_declarations where person_id = ${medlemId}`,
    );
    expect(medlem.declaration).toEqual({
      status: 'dueSoon',
      confirmedOn: confirmed!.day,
      dueOn: `${Number(confirmed!.day.slice(0, 4)) + 1}${confirmed!.day.slice(4)}`,
    });
    const unanswered = await count(
      database,
      sql`select count(*) as n from cases c where c.status = 'open' and c.kind <> 'faggruppeMatter'
          and ${medlemId} = any(c.eligible_person_ids)
          and not exists (select 1 from case_votes v where v.case_id = c.id and v.person_id = ${medlemId})
          and not exists (select 1 from habilitet_statements s where s.case_id = c.id and s.person_id = ${medlemId})
          and not exists (select 1 from habilitet_questions q where q.case_id = c.id and q.person_id = ${medlemId})`,
    );
    expect(medlem.awaitingAnswer).toHaveLength(unanswered);
    expect(medlem.awaitingAnswer.map((c) => c.title)).toEqual([DEMO_CASES.ablasjonPlan]);
    expect(medlem.questionsAboutMe).toEqual([]);

    // Helse Vest's LAB member reported a possible conflict: until kontakt decides, it waits on lab-hv's home.
    const labHvId = await personOf('lab-hv');
    const labHv = (await homeOf('lab-hv')).member!.habilitet;
    expect(labHv.questionsAboutMe).toHaveLength(
      await count(
        database,
        sql`select count(*) as n from habilitet_questions where person_id = ${labHvId} and status = 'pending'`,
      ),
    );
    expect(labHv.questionsAboutMe.map((q) => [q.caseTitle, q.rhfName])).toEqual([
      [DEMO_CASES.laboratorySignificance, 'Helse Vest RHF'],
    ]);
    expect(labHv.declaration.status).toBe('missing');

    // Helse Vest's new IKT member starts in two weeks; the RHF's check at appointment is not recorded.
    const [helseVest] = (await homeOf('kontakt')).rhfContact;
    const unchecked = await count(
      database,
      sql`select count(*) as n from memberships m join organisations o on o.id = m.rhf_id
          join steering_groups g on g.id = m.steering_group_id
          left join appointment_checks a on a.membership_id = m.id
          where o.code = 'HV' and g.active and not m.is_observer
            and (m.term_end is null or m.term_end >= ${TODAY}) and (m.ended_on is null or m.ended_on > ${TODAY})
            and (a.outcome is null or a.outcome = 'notCleared')`,
    );
    expect(helseVest!.membersWithoutAppointmentCheck).toHaveLength(unchecked);
    expect(
      helseVest!.membersWithoutAppointmentCheck.map((m) => [
        m.personName,
        m.steeringGroupName,
        m.startsLater,
      ]),
    ).toEqual([['Vilde Vestrheim', 'Styringsgruppe IKT', true]]);
  });

  it("gives Helse Bergen's purchasing manager and the read-only user homes equal to direct queries", async () => {
    const [bergen] = (await getMyHome(database.db, await demoUser(database.db, 'innkjop'), TODAY))
      .hfPurchasing;
    expect(bergen!.hfName).toBe('Helse Bergen HF');
    const until = '2027-12-03';
    const ending = await count(
      database,
      sql`select count(*) as n from agreements a join organisations hf on hf.code = 'HELSE-BERGEN-HF'
          where a.status in ('active', 'draft') and a.valid_to between ${TODAY} and ${until}
            and (a.scope = 'national' or (a.scope = 'regional' and a.rhf_id = hf.rhf_id)
              or exists (select 1 from agreement_organisations o where o.agreement_id = a.id and o.organisation_id = hf.id))`,
    );
    expect(bergen!.agreementsEnding).toHaveLength(ending);
    // The demo's: today's infusion-pump agreement (replaced by the ongoing procurement) and Bergen's own
    // temporary-staff agreement that nothing replaces.
    expect(
      bergen!.agreementsEnding.map((a) => [a.agreementNumber, a.daysLeft, a.replacementPlanned]),
    ).toEqual([
      [DEMO_AGREEMENTS.temporaryStaff, 75, false],
      [DEMO_AGREEMENTS.infusionPumps, 150, true],
    ]);
    const plans = await count(
      database,
      sql`select count(*) as n from implementation_plans p join organisations hf on hf.id = p.hf_id
          where hf.code = 'HELSE-BERGEN-HF'`,
    );
    expect(bergen!.implementationPlans).toHaveLength(plans);
    expect(bergen!.implementationPlans.map((p) => [p.agreementNumber, p.done, p.items, p.late])).toEqual([
      [DEMO_AGREEMENTS.incontinence, 2, 5, 0],
    ]);
    const items = await count(
      database,
      sql`select count(*) as n from annual_plan_items i join annual_plans p on p.id = i.plan_id
          where p.year >= 2026 and exists (select 1 from procurement_participants x join organisations hf
            on hf.id = x.organisation_id where x.procurement_id = i.procurement_id and hf.code = 'HELSE-BERGEN-HF')`,
    );
    expect(bergen!.annualPlanItems).toHaveLength(items);
    expect(items).toBeGreaterThan(0);

    const reader = (await getMyHome(database.db, await demoUser(database.db, 'lesetilgang'), TODAY)).reader!;
    const decisions = await count(
      database,
      sql`select count(*) as n from cases where decision_number is not null and decided_on >= '2026-11-03'`,
    );
    expect(reader.recentDecisions).toHaveLength(decisions);
    expect(reader.recentDecisions.map((d) => d.title)).toEqual([DEMO_CASES.ablasjonSignificance]);
  });

  it('passes the gate of every approved decision, so the report shows the decided cases as passed', async () => {
    const report = await buildPortfolioReport(database.db, { scope: 'all' }, TODAY);
    const decided = await rowsOf<{ id: string; gate: string; day: string }>(
      database,
      sql`select c.procurement_id as id, c.gate, c.decided_on::text as day from cases c
          where c.status = 'approved' and c.kind = 'decision'`,
    );
    expect(decided.length).toBeGreaterThan(0);
    for (const row of decided) {
      const gate = report.rows
        .find((r) => r.procurementId === row.id)!
        .gates.find((g) => g.gate === row.gate)!;
      expect(gate.passedOn).toBe(row.day);
    }
    // Ablasjon: significance decided and passed, with the risk and value its case states; now at the plan.
    const ablasjon = report.rows.find((r) => r.name === 'Ablasjon')!;
    expect(ablasjon).toMatchObject({
      finalSignificance: 'høy',
      riskProfile: 'høy',
      contractValueNok: '260000000.00',
      phaseId: 'plan',
    });
  });

  it('adds nothing on a second run', async () => {
    const before = await count(database, sql`select count(*) as n from audit_log`);
    await seedDemo(database.db, TODAY);
    expect(await count(database, sql`select count(*) as n from audit_log`)).toBe(before);
  });
});

// Two Thursdays, so the cockpit's window (this ISO week and the next) covers the same days from today.
const DAYS = ['2026-12-03', '2028-03-02'] as const;

describe('the living demo portfolio on different days', () => {
  const databases: TestDatabase[] = [];
  beforeAll(async () => {
    for (const today of DAYS) databases.push(await seededOn('pglite', today));
  });
  afterAll(async () => {
    for (const database of databases) await database.dispose();
  });

  const shapeOn = (index: number) => demoShape(databases[index]!.db, DAYS[index]!);

  it('has the same shape on both days', async () => {
    const first = await shapeOn(0);
    expect(await shapeOn(1)).toEqual(first);
    expect(first.cockpit.cases).toEqual([[DEMO_CASES.ablasjonPlan, -10, 2]]);
    expect(first.cockpit.draftMinutes).toEqual([[-14, 1]]);
    expect(first.gains).toHaveLength(8); // the demo procurements' gain estimates, from the annual plan
  });
});
