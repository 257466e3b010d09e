// Unresolved faggruppe matters over HTTP (issue 9 item 6, seed 001 Vedlegg 01 §7.3 first paragraph): the leder
// anskaffelse raises one as a case to the group; if the group has not handled it within the configured days
// (habilitetRule.faggruppeEscalationDays, default 14) the leder escalates it up the Sykehusinnkjøp line (role
// shiLine, or the secretariat where no one has it), which takes it on to the RHFs of the procurement; the RHFs
// answer and settle it through the one escalation machinery. Every step audited, shown and notified.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { mailOutbox } from '../../src/db/schema.js';
import { addDays } from '../../src/shared/calendar-date.js';
import { osloDay, osloInstant, type Clock } from '../../src/shared/clock.js';
import type { App } from '../../src/shared/http.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';

/** A clock the test moves from day to day (12:00 in Oslo). */
function settableClock(day: string): Clock & { setDay(day: string): void } {
  let instant = osloInstant(day);
  return {
    now: () => new Date(instant),
    today: () => osloDay(instant),
    setDay: (next) => {
      instant = osloInstant(next);
    },
  };
}

const shown = (day: string) => day.split('-').reverse().join('.');

describe.each(databaseKinds)('faggruppe escalation API on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  const clock = settableClock(TEST_TODAY);
  const cookies: Record<string, string> = {};
  const kirMembers = ['medlem', 'kir-hn', 'kir-hmn', 'kir-hso'];
  let nationalHfIds: string[] = [];
  let rhfIds: Record<string, string> = {};
  let leadPersonId = '';

  async function login(username: string, password = 'demo') {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    expect(response.statusCode).toBe(200);
    cookies[username] = `styr_session=${response.cookies.find((c) => c.name === 'styr_session')!.value}`;
  }

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    app = await buildApp(
      {
        db: database.db,
        // The test moves the clock by weeks; sessions outlast it so nobody is logged out on the way.
        config: loadConfig({
          LOG_LEVEL: 'silent',
          STYR_SESSION_IDLE_HOURS: '2000',
          STYR_SESSION_MAX_HOURS: '2000',
        }),
        clock,
      },
      { serveWeb: false },
    );
    for (const username of ['sekretariat', 'leder', 'kontakt', 'innkjop', ...kirMembers])
      await login(username);
    const organisations = (await get('sekretariat', '/api/organisations')).json<
      Array<{ id: string; code: string; kind: string; rhfId: string | null }>
    >();
    const firstHfPerRhf = new Map<string, string>();
    for (const org of organisations)
      if (org.kind === 'HF' && org.rhfId && !firstHfPerRhf.has(org.rhfId))
        firstHfPerRhf.set(org.rhfId, org.id);
    nationalHfIds = [...firstHfPerRhf.values()];
    rhfIds = Object.fromEntries(organisations.filter((o) => o.kind === 'RHF').map((o) => [o.code, o.id]));
    leadPersonId = (await get('leder', '/api/auth/me')).json().personId;
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const get = (username: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  const post = (username: string, url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, headers: { cookie: cookies[username]! }, payload: payload as object });
  const inbox = async (username: string) =>
    (await get(username, '/api/my/notifications')).json<{
      items: Array<{ kind: string; title: string; body: string | null; link: string }>;
    }>().items;
  const audit = async (caseId: string) =>
    (await get('sekretariat', `/api/audit?entityType=case&entityId=${caseId}&limit=100`)).json<{
      entries: Array<{
        action: string;
        actorUsername: string;
        before: unknown;
        after: Record<string, unknown>;
      }>;
    }>().entries;

  async function newProcurement(name: string) {
    const procurement = await post('sekretariat', '/api/procurements', {
      name,
      categoryCode: 'KIR',
      participatingHfIds: nationalHfIds,
      procurementLeadId: leadPersonId,
    });
    expect(procurement.statusCode).toBe(201);
    return procurement.json().id as string;
  }

  async function raise(procurementId: string, title: string, username = 'leder') {
    return post(username, `/api/procurements/${procurementId}/faggruppe-matters`, {
      title,
      text: 'Faggruppen er uenig om kravet til steril emballasje og kommer ikke videre.',
    });
  }

  const lineEscalation = (username: string, caseId: string) =>
    post(username, `/api/cases/${caseId}/line-escalation`, {
      reason: 'Styringsgruppen har ikke tatt stilling til saken, og konkurransen er forsinket.',
    });
  const referral = (username: string, caseId: string) =>
    post(username, `/api/cases/${caseId}/rhf-referral`, {
      brief: 'Faggruppen og styringsgruppen har ikke avklart kravet til steril emballasje.',
      recommendation: 'Sykehusinnkjøp anbefaler at kravet stilles som et tildelingskriterium.',
    });

  it('raises the matter to the group, refuses the line before the days have passed, then goes up the line and on to the RHFs', async () => {
    clock.setDay(TEST_TODAY);
    const procurementId = await newProcurement('Sterile instrumenter');
    // Only the procurement's leder anskaffelse (or the secretariat) raises it.
    for (const username of ['medlem', 'kontakt', 'innkjop'])
      expect((await raise(procurementId, 'Uavklart krav', username)).statusCode).toBe(403);
    const raised = await raise(procurementId, 'Uavklart krav til emballasje');
    expect(raised.statusCode).toBe(201);
    const caseId = raised.json().id as string;
    const escalableFrom = addDays(TEST_TODAY, 14);
    expect(raised.json()).toMatchObject({
      kind: 'faggruppeMatter',
      status: 'open',
      gate: 'significance',
      faggruppeMatter: {
        raisedOn: TEST_TODAY,
        raisedByName: 'Leif Anskaffelsesen',
        raisedAs: 'procurementLead',
        escalationDays: 14,
        ruleVersion: 0,
        lineEscalationFrom: escalableFrom,
        lineEscalation: null,
        rhfReferral: null,
        lineHeldBy: 'secretariat',
        canEscalateToLine: false,
        canReferToRhfs: false,
      },
    });
    expect(raised.json().faggruppeMatter.lineEscalationBlockedReason).toContain(
      `kan eskaleres i linjen fra ${shown(escalableFrom)}`,
    );
    // The deciding members are asked to handle it; the matter passes no gate.
    expect(
      (await inbox('kir-hn')).some((n) => n.kind === 'faggruppeMatter' && n.link === `/saker/${caseId}`),
    ).toBe(true);
    const governance = (await get('leder', `/api/procurements/${procurementId}/governance`)).json();
    expect(governance.gates[0]).toMatchObject({
      gate: 'significance',
      status: 'awaitingCase',
      canPass: false,
    });

    // Day 13: the group still has time.
    clock.setDay(addDays(TEST_TODAY, 13));
    const early = await lineEscalation('leder', caseId);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe(
      `Styringsgruppen har 14 dager på å behandle saken (fremmet ${shown(TEST_TODAY)}); den kan eskaleres i linjen fra ${shown(escalableFrom)}.`,
    );

    // Day 14: the leder escalates; members, RHF contacts and the HF buyer may not.
    clock.setDay(escalableFrom);
    for (const username of ['medlem', 'kir-hn', 'kontakt', 'innkjop'])
      expect((await lineEscalation(username, caseId)).statusCode).toBe(403);
    expect((await get('leder', `/api/cases/${caseId}`)).json().faggruppeMatter.canEscalateToLine).toBe(true);
    const escalated = await lineEscalation('leder', caseId);
    expect(escalated.statusCode).toBe(200);
    expect(escalated.json()).toMatchObject({
      status: 'lineEscalated',
      faggruppeMatter: {
        lineEscalation: {
          on: escalableFrom,
          byName: 'Leif Anskaffelsesen',
          as: 'procurementLead',
          reason: 'Styringsgruppen har ikke tatt stilling til saken, og konkurransen er forsinket.',
        },
        canEscalateToLine: false,
        rhfReferral: null,
      },
    });
    expect((await lineEscalation('leder', caseId)).statusCode).toBe(409);
    // The group no longer votes on it.
    expect(
      (await post('kir-hn', `/api/cases/${caseId}/votes`, { vote: 'approve', comment: null })).statusCode,
    ).toBe(409);
    // No user has the role shiLine, so the secretariat holds the line and is told; so is Helse Vest's contact.
    expect(
      (await inbox('sekretariat')).some(
        (n) => n.kind === 'faggruppeLineEscalation' && n.link === `/saker/${caseId}`,
      ),
    ).toBe(true);
    const toLine = (await inbox('kontakt')).find(
      (n) =>
        n.kind === 'rhfInformation' &&
        n.title === 'Uavklart sak fra faggruppen eskalert i linjen: Uavklart krav til emballasje',
    );
    expect(toLine?.link).toBe(`/saker/${caseId}`);
    const mails = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'kontakt@demo.styringsportalen.no'));
    expect(mails.some((m) => m.subject === toLine!.title)).toBe(true);

    // The line takes it to the RHFs: not the leder, not the RHF contact; the secretariat for the line.
    expect((await referral('leder', caseId)).statusCode).toBe(403);
    expect((await referral('kontakt', caseId)).statusCode).toBe(403);
    clock.setDay(addDays(TEST_TODAY, 16));
    const referred = await referral('sekretariat', caseId);
    expect(referred.statusCode).toBe(200);
    expect(referred.json()).toMatchObject({
      status: 'escalated',
      escalation: {
        reason: 'faggruppeMatter',
        recommendation: 'Sykehusinnkjøp anbefaler at kravet stilles som et tildelingskriterium.',
        awaitingAnswerFrom: expect.arrayContaining([rhfIds.HV, rhfIds.HN, rhfIds.HMN, rhfIds.HSO]),
      },
      faggruppeMatter: {
        rhfReferral: { on: addDays(TEST_TODAY, 16), byName: 'Siri Porteføljesen', as: 'secretariat' },
        canReferToRhfs: false,
      },
    });
    expect((await referral('sekretariat', caseId)).statusCode).toBe(409);
    expect(
      (await inbox('kontakt')).some(
        (n) =>
          n.kind === 'rhfInformation' && n.title === 'Eskalert til RHF-ene: Uavklart krav til emballasje',
      ),
    ).toBe(true);
    expect(
      (await inbox('medlem')).some((n) => n.kind === 'escalation' && n.link === `/saker/${caseId}`),
    ).toBe(true);
    expect((await get('kontakt', `/api/cases/${caseId}`)).json().viewer.canAnswerForRhfIds).toEqual([
      rhfIds.HV,
    ]);

    // From here the one escalation machinery: each RHF answers, then the joint settlement is recorded.
    expect(
      (
        await post('kontakt', `/api/cases/${caseId}/rhf-answers`, {
          rhfId: rhfIds.HV,
          answer: 'Enig i anbefalingen.',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await post('kontakt', `/api/cases/${caseId}/resolution`, {
          outcome: 'approved',
          text: 'Kravet stilles som tildelingskriterium.',
        })
      ).statusCode,
    ).toBe(409);
    for (const code of ['HN', 'HMN', 'HSO'])
      expect(
        (
          await post('sekretariat', `/api/cases/${caseId}/rhf-answers`, {
            rhfId: rhfIds[code],
            answer: 'Enig.',
          })
        ).statusCode,
      ).toBe(200);
    const resolved = await post('kontakt', `/api/cases/${caseId}/resolution`, {
      outcome: 'approved',
      text: 'Kravet stilles som tildelingskriterium.',
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', decidedOn: addDays(TEST_TODAY, 16) });
    expect(resolved.json().decisionNumber).toMatch(/^KIR-\d{4}-\d{2}$/);

    // Every step is in the audit log, by whom, with the state before and after.
    const entries = await audit(caseId);
    const byAction = (action: string) => entries.find((e) => e.action === action)!;
    expect(byAction('raiseFaggruppeMatter')).toMatchObject({
      actorUsername: 'leder',
      after: { raisedOn: TEST_TODAY, escalationDays: 14, lineEscalationFrom: escalableFrom },
    });
    expect(byAction('escalateToShiLine')).toMatchObject({
      actorUsername: 'leder',
      before: { status: 'open' },
      after: { status: 'lineEscalated', on: escalableFrom, as: 'procurementLead' },
    });
    expect(byAction('referToRhfs')).toMatchObject({
      actorUsername: 'sekretariat',
      before: { status: 'lineEscalated' },
      after: { status: 'escalated', as: 'secretariat', on: addDays(TEST_TODAY, 16) },
    });
    expect(entries.filter((e) => e.action === 'rhfAnswer')).toHaveLength(4);
    expect(byAction('resolve').actorUsername).toBe('kontakt');
  });

  it('leaves a matter the group handled in time with the group, and uses the days of the rule version in force when raised', async () => {
    clock.setDay(TEST_TODAY);
    const procurementId = await newProcurement('Suturer');
    const handled = (await raise(procurementId, 'Uenighet om suturtyper')).json().id as string;
    const pending = (await raise(procurementId, 'Uenighet om pakningsstørrelser')).json().id as string;
    for (const username of kirMembers)
      expect(
        (await post(username, `/api/cases/${handled}/votes`, { vote: 'approve', comment: null })).statusCode,
      ).toBe(200);
    const decided = (await get('leder', `/api/cases/${handled}`)).json();
    expect(decided.status).toBe('approved');
    expect(decided.decisionNumber).toMatch(/^KIR-/);
    clock.setDay(addDays(TEST_TODAY, 30));
    const refused = await lineEscalation('leder', handled);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(
      'Styringsgruppen har behandlet saken; den kan ikke eskaleres i linjen.',
    );
    // The approved matter passes no gate.
    expect((await get('leder', `/api/procurements/${procurementId}/governance`)).json().gates[0].status).toBe(
      'awaitingCase',
    );
    // A decision case is not a faggruppe matter: the line does not take it.
    const decisionCase = await post('leder', `/api/procurements/${procurementId}/cases`, {
      gate: 'significance',
      title: 'Strategisk betydning suturer',
      text: 'Anbefalt høy.',
      proposedSignificance: 'høy',
      documents: [],
    });
    expect(decisionCase.statusCode).toBe(201);
    expect((await lineEscalation('leder', decisionCase.json().id)).statusCode).toBe(409);

    // The secretariat shortens the days in a new rule version; a matter raised before keeps its 14.
    const config = (await get('sekretariat', '/api/governance/config')).json().current.habilitetRule;
    const stored = await app.inject({
      method: 'PUT',
      url: '/api/governance/config/habilitetRule',
      headers: { cookie: cookies.sekretariat! },
      payload: {
        value: { ...config.value, faggruppeEscalationDays: 3 },
        note: 'Kortere frist for faggruppesaker',
      },
    });
    expect(stored.statusCode).toBe(200);
    expect((await get('leder', `/api/cases/${pending}`)).json().faggruppeMatter).toMatchObject({
      escalationDays: 14,
      ruleVersion: 0,
    });
    const shorter = (await raise(procurementId, 'Uenighet om leveringstid')).json();
    expect(shorter.faggruppeMatter).toMatchObject({
      raisedOn: addDays(TEST_TODAY, 30),
      escalationDays: 3,
      ruleVersion: stored.json().version,
      lineEscalationFrom: addDays(TEST_TODAY, 33),
    });
    clock.setDay(addDays(TEST_TODAY, 32));
    expect((await lineEscalation('leder', shorter.id)).statusCode).toBe(409);
    clock.setDay(addDays(TEST_TODAY, 33));
    expect((await lineEscalation('leder', shorter.id)).statusCode).toBe(200);
  });

  it('lets a user with the role shiLine take the matter to the RHFs, and then no longer the secretariat', async () => {
    clock.setDay(TEST_TODAY);
    const procurementId = await newProcurement('Laparoskopi');
    const caseId = (await raise(procurementId, 'Uavklart krav til optikk', 'sekretariat')).json()
      .id as string;
    expect((await get('leder', `/api/cases/${caseId}`)).json().faggruppeMatter.raisedAs).toBe('secretariat');
    // A line manager in Sykehusinnkjøp HF gets the role.
    const organisations = (await get('sekretariat', '/api/organisations')).json<
      Array<{ id: string; code: string }>
    >();
    const shiId = organisations.find((o) => o.code === 'SHI')!.id;
    const person = await post('sekretariat', '/api/people', {
      name: 'Dina Divisjonsdirektør',
      email: 'linje@demo.styringsportalen.no',
      organisationId: shiId,
    });
    expect(person.statusCode).toBe(201);
    const account = await post('sekretariat', '/api/users', {
      personId: person.json().id,
      username: 'linje',
      password: 'linje-passord-123',
      roles: [{ role: 'shiLine', organisationId: shiId }],
    });
    expect(account.statusCode).toBe(201);
    await login('linje', 'linje-passord-123');
    // The line may not raise or escalate on the leder's behalf.
    expect((await raise(procurementId, 'Noe annet', 'linje')).statusCode).toBe(403);
    clock.setDay(addDays(TEST_TODAY, 14));
    expect((await lineEscalation('linje', caseId)).statusCode).toBe(403);
    expect((await lineEscalation('leder', caseId)).statusCode).toBe(200);
    expect(
      (await inbox('linje')).some(
        (n) => n.kind === 'faggruppeLineEscalation' && n.link === `/saker/${caseId}`,
      ),
    ).toBe(true);
    expect((await get('linje', `/api/cases/${caseId}`)).json().faggruppeMatter).toMatchObject({
      lineHeldBy: 'shiLine',
      canReferToRhfs: true,
    });
    expect((await get('sekretariat', `/api/cases/${caseId}`)).json().faggruppeMatter.canReferToRhfs).toBe(
      false,
    );
    const bySecretariat = await referral('sekretariat', caseId);
    expect(bySecretariat.statusCode).toBe(403);
    expect(bySecretariat.json().detail).toContain('Linjeledelse Sykehusinnkjøp');
    const byLine = await referral('linje', caseId);
    expect(byLine.statusCode).toBe(200);
    expect(byLine.json().faggruppeMatter.rhfReferral).toMatchObject({
      byName: 'Dina Divisjonsdirektør',
      as: 'shiLine',
    });
    expect((await audit(caseId)).find((e) => e.action === 'referToRhfs')).toMatchObject({
      actorUsername: 'linje',
      after: { as: 'shiLine' },
    });
  });
});
