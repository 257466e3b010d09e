// Role homes and the secretariat cockpit on PGlite and PostgreSQL: the cockpit's counts are checked against
// plain SQL written independently of the read model, and each role only gets its own sections.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  accessRequests,
  actionItems,
  cases,
  meetings,
  memberships,
  minutes,
  organisations,
  procurementGatePlans,
  procurements,
  steeringGroups,
} from '../../db/schema.js';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { demoUser } from '../../../tests/support/users.js';
import { seedSecretariatDemo } from '../meetings/meetings.seed.js';
import { seedPortfolioDemo } from '../reporting/portfolio-demo.js';
import { cockpitWindow, getCockpit } from './cockpit.service.js';
import { getMyHome } from './home.service.js';

async function count(database: TestDatabase, query: ReturnType<typeof sql>): Promise<number> {
  const result: unknown = await database.db.execute(query);
  return Number((result as { rows: Array<{ n: number | string }> }).rows[0]!.n);
}

describe('cockpitWindow', () => {
  it('runs from Monday of this week to Sunday of the next', () => {
    // 2026-06-15 is a Monday; 2026-06-21 a Sunday.
    expect(cockpitWindow('2026-06-15')).toEqual({ weekStart: '2026-06-15', horizonEnd: '2026-06-28' });
    expect(cockpitWindow('2026-06-21')).toEqual({ weekStart: '2026-06-15', horizonEnd: '2026-06-28' });
    expect(cockpitWindow('2026-06-22')).toEqual({ weekStart: '2026-06-22', horizonEnd: '2026-07-05' });
  });
});

describe.each(databaseKinds)('role homes on %s', (kind) => {
  let database: TestDatabase;
  let kirId: string;
  let ablasjonId: string;
  let openCaseId: string;

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    await seedSecretariatDemo(database.db, TEST_TODAY);
    await seedPortfolioDemo(database.db, TEST_TODAY);
    const db = database.db;
    kirId = (await db.select().from(steeringGroups).where(eq(steeringGroups.code, 'KIR')))[0]!.id;
    ablasjonId = (await db.select().from(procurements).where(eq(procurements.name, 'Ablasjon')))[0]!.id;
    const medlem = await demoUser(db, 'medlem');
    const leder = await demoUser(db, 'leder');
    const rhfIds = (await db.select().from(organisations).where(eq(organisations.kind, 'RHF'))).map(
      (o) => o.id,
    );
    const kirMembers = await db.select().from(memberships).where(eq(memberships.steeringGroupId, kirId));
    // Two open cases in KIR: one submitted ten days ago (waiting too long), one today.
    const [old] = await db
      .insert(cases)
      .values({
        procurementId: ablasjonId,
        steeringGroupId: kirId,
        gate: 'significance',
        kind: 'decision',
        title: 'Strategisk betydning for ablasjon',
        text: 'Forslag: høy.',
        eligiblePersonIds: kirMembers.map((m) => m.personId),
        participatingRhfIds: rhfIds,
        submittedByPersonId: leder.personId,
        submittedAt: new Date('2026-06-05T09:00:00Z'),
      })
      .returning();
    openCaseId = old!.id;
    await db.insert(cases).values({
      procurementId: ablasjonId,
      steeringGroupId: kirId,
      gate: 'plan',
      kind: 'consultation',
      title: 'Plan for ablasjon',
      text: 'Til konsultasjon.',
      eligiblePersonIds: kirMembers.map((m) => m.personId),
      participatingRhfIds: rhfIds,
      submittedByPersonId: leder.personId,
      submittedAt: new Date('2026-06-15T07:00:00Z'),
    });
    // A meeting held last week with draft minutes, and one next week not yet invited to.
    const [held] = await db
      .insert(meetings)
      .values({
        steeringGroupId: kirId,
        title: 'Ekstraordinært møte',
        startsAt: new Date('2026-06-10T08:00:00Z'),
        endsAt: new Date('2026-06-10T09:00:00Z'),
        uid: 'held@test',
      })
      .returning();
    await db.insert(minutes).values({
      meetingId: held!.id,
      version: 1,
      attendance: [],
      items: [],
      createdBy: 'test',
    });
    await db.insert(meetings).values({
      steeringGroupId: kirId,
      title: 'Møte neste uke',
      startsAt: new Date('2026-06-24T08:00:00Z'),
      endsAt: new Date('2026-06-24T10:00:00Z'),
      uid: 'next@test',
    });
    await db.insert(actionItems).values({
      steeringGroupId: kirId,
      title: 'Sende markedsdialog-oppsummering',
      ownerPersonId: medlem.personId,
      dueDate: '2026-06-12',
      createdBy: 'test',
    });
    await db.insert(accessRequests).values([
      {
        year: 2026,
        sequenceNumber: 901,
        channel: 'email',
        requesterEmail: 'a@example.no',
        message: 'Innsyn i avtalen',
        receivedOn: '2026-06-12',
        dueOn: '2026-06-17',
        deemedRefusedAfter: '2026-07-10',
        registeredBy: 'test',
      },
      {
        year: 2026,
        sequenceNumber: 902,
        channel: 'email',
        requesterEmail: 'b@example.no',
        message: 'Innsyn i referatet',
        receivedOn: '2026-06-15',
        dueOn: '2026-07-20',
        deemedRefusedAfter: '2026-08-10',
        registeredBy: 'test',
      },
    ]);
  });
  afterAll(() => database.dispose());

  it("the cockpit's counts equal direct queries on the same data", async () => {
    const cockpit = await getCockpit(database.db, TEST_TODAY);
    const until = '2026-06-28';
    const expected = {
      gatesDue: await count(
        database,
        sql`select count(*) as n from procurement_gate_plans p join procurements r on r.id = p.procurement_id
            where p.planned_on <= ${until} and r.status not in ('completed', 'cancelled')
              and not exists (select 1 from procurement_gates g where g.procurement_id = p.procurement_id and g.gate = p.gate)`,
      ),
      casesWaitingForVotes: await count(
        database,
        sql`select count(*) as n from cases where status = 'open' and submitted_at < timestamptz '2026-06-08 00:00 Europe/Oslo'`,
      ),
      meetingsNeedingInvitation: await count(
        database,
        sql`select count(*) as n from meetings where not cancelled and invitation_sent_at is null
            and starts_at >= timestamptz '2026-06-15 00:00 Europe/Oslo'
            and (starts_at at time zone 'Europe/Oslo')::date - invitation_days_before <= date '2026-06-28'`,
      ),
      meetingsNeedingMinutes: await count(
        database,
        sql`select count(*) as n from meetings m where not cancelled
            and starts_at < timestamptz '2026-06-15 00:00 Europe/Oslo'
            and not exists (select 1 from minutes x where x.meeting_id = m.id)`,
      ),
      minutesAwaitingApproval: await count(
        database,
        sql`select count(*) as n from (select distinct on (meeting_id) status from minutes
            order by meeting_id, version desc) latest where status = 'draft'`,
      ),
      overdueActions: await count(
        database,
        sql`select count(*) as n from action_items where status <> 'done' and due_date < '2026-06-15'`,
      ),
      accessRequestsNearDeadline: await count(
        database,
        sql`select count(*) as n from access_requests where status = 'received' and due_on <= ${until}`,
      ),
    };
    const actual = Object.fromEntries(
      Object.keys(expected).map((key) => [key, (cockpit[key as keyof typeof expected] as unknown[]).length]),
    );
    expect(actual).toEqual(expected);
    // The data above makes each of them non-zero, so an always-empty list would fail.
    for (const value of Object.values(expected)) expect(value).toBeGreaterThan(0);
    expect(cockpit.casesWaitingForVotes.map((c) => c.id)).toEqual([openCaseId]);
    expect(cockpit.meetingsNeedingMinutes.map((m) => m.title)).toEqual(['Styringsgruppemøte']);
    expect(cockpit.minutesAwaitingApproval.map((m) => m.title)).toEqual(['Ekstraordinært møte']);
    expect(cockpit.meetingsNeedingInvitation.map((m) => m.title)).toEqual(['Møte neste uke']);
    expect(cockpit.accessRequestsNearDeadline.map((r) => r.number)).toEqual(['2026/901']);
    expect(cockpit.overdueActions).toHaveLength(2);
    // Composition errors: the groups listing's own checks (KIR misses training for HV, LAB misses marked …).
    expect(cockpit.compositionErrors.length).toBeGreaterThan(0);
  });

  it("gives the member the cases awaiting their vote, the group's next meetings and their actions", async () => {
    const home = await getMyHome(database.db, await demoUser(database.db, 'medlem'), TEST_TODAY);
    expect(home.cockpit).toBeNull();
    expect(home.procurementLead).toBeNull();
    expect(home.rhfContact).toEqual([]);
    expect(home.member!.awaitingVote.map((c) => c.title).sort()).toEqual([
      'Plan for ablasjon',
      'Strategisk betydning for ablasjon',
    ]);
    expect(home.member!.nextMeetings.map((m) => [m.title, m.date])).toEqual([
      ['Møte neste uke', '2026-06-24'],
      ['Styringsgruppemøte', '2026-07-06'],
      ['Styringsgruppemøte', '2026-08-17'],
    ]);
    expect(home.member!.myActions.map((a) => [a.title, a.overdue])).toEqual([
      ['Sende markedsdialog-oppsummering', true],
    ]);
  });

  it('gives the procurement lead their procurements with the next gate and the cases they brought', async () => {
    const home = await getMyHome(database.db, await demoUser(database.db, 'leder'), TEST_TODAY);
    expect(home.member).toBeNull();
    expect(home.cockpit).toBeNull();
    const lead = home.procurementLead!;
    const led = await database.db
      .select({ id: procurements.id })
      .from(procurements)
      .where(eq(procurements.procurementLeadId, (await demoUser(database.db, 'leder')).personId));
    expect(lead.procurements.map((p) => p.id).sort()).toEqual(led.map((p) => p.id).sort());
    expect(lead.myCases).toHaveLength(2);
    const planned = await database.db.select().from(procurementGatePlans);
    for (const procurement of lead.procurements.filter((p) => p.nextGate?.plannedOn)) {
      const plan = planned.find(
        (row) => row.procurementId === procurement.id && row.gate === procurement.nextGate!.gate,
      )!;
      expect(procurement.nextGate!.plannedOn).toBe(plan.plannedOn);
      expect(procurement.nextGate!.late).toBe(plan.plannedOn < TEST_TODAY);
    }
  });

  it('gives the RHF contact their region only, with the members missing training', async () => {
    const home = await getMyHome(database.db, await demoUser(database.db, 'kontakt'), TEST_TODAY);
    expect(home.member).toBeNull();
    expect(home.cockpit).toBeNull();
    expect(home.rhfContact).toHaveLength(1);
    const region = home.rhfContact[0]!;
    expect(region.rhfName).toBe('Helse Vest RHF');
    expect(Object.values(region.byStatus).reduce((a, b) => a + b, 0)).toBe(region.procurementCount);
    expect(region.procurementCount).toBeGreaterThan(0);
    // KIR's demo quirk: its Helse Vest member (medlem) has not completed the training.
    expect(region.membersWithoutTraining.map((m) => [m.personName, m.steeringGroupName])).toContainEqual([
      'Mona Styringsdal',
      'Styringsgruppe KIR',
    ]);
    const expectedUntrained = await count(
      database,
      sql`select count(*) as n from memberships m join organisations o on o.id = m.rhf_id
          join steering_groups g on g.id = m.steering_group_id
          where o.code = 'HV' and g.active and m.term_start <= '2026-06-15'
            and (select count(*) from training_completions t where t.person_id = m.person_id) < 6
            and (m.term_end is null or m.term_end >= '2026-06-15') and (m.ended_on is null or m.ended_on > '2026-06-15')`,
    );
    expect(region.membersWithoutTraining).toHaveLength(expectedUntrained);
  });

  it('the secretariat gets the cockpit in its home', async () => {
    const home = await getMyHome(database.db, await demoUser(database.db, 'sekretariat'), TEST_TODAY);
    expect(home.cockpit).not.toBeNull();
    expect(home.member).toBeNull();
  });
});
