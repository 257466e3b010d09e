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
import { DEMO_CASES } from './demo-cases.js';
import { seedDemo } from './demo-portfolio.js';
import { seedReferenceData } from './seed.js';

async function count(database: TestDatabase, query: ReturnType<typeof sql>): Promise<number> {
  const result: unknown = await database.db.execute(query);
  return Number((result as { rows: Array<{ n: number | string }> }).rows[0]!.n);
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
