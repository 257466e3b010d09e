// Decision integrity over HTTP (issue 17): binding gates, the RHFs' joint settlement, live voter eligibility,
// procurements outside the model, jointly owned trusts, the annual plan feeding governance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { App } from '../../src/shared/http.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';
import { fixedClock } from '../../src/shared/clock.js';
import { demoKpis } from '../../src/features/kpis/kpis.demo-data.js';

const kirMembers = ['kir-hn', 'kir-hmn', 'medlem', 'kir-hso'];

describe.each(databaseKinds)('decision integrity on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  const cookies: Record<string, string> = {};
  let organisations: Array<{ id: string; code: string; kind: string; rhfId: string | null; name: string }>;

  const login = async (username: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'demo' },
    });
    cookies[username] = `styr_session=${response.cookies.find((c) => c.name === 'styr_session')!.value}`;
  };

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    app = await buildApp(
      { db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: fixedClock(TEST_TODAY) },
      { serveWeb: false },
    );
    for (const username of ['sekretariat', 'leder', 'kontakt', 'innkjop', ...kirMembers])
      await login(username);
    organisations = (await get('sekretariat', '/api/organisations')).json();
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const headers = (username: string) => ({ cookie: cookies[username]! });
  const get = (username: string, url: string) =>
    app.inject({ method: 'GET', url, headers: headers(username) });
  const send = (method: 'POST' | 'PATCH' | 'PUT', username: string, url: string, payload: unknown = {}) =>
    app.inject({ method, url, headers: headers(username), payload: payload as object });
  const post = (username: string, url: string, payload: unknown = {}) => send('POST', username, url, payload);
  const orgId = (code: string) => organisations.find((o) => o.code === code)!.id;
  /** The first HF of each RHF: the smallest national procurement. */
  const oneHfPerRhf = () =>
    ['HN', 'HMN', 'HV', 'HSO'].map(
      (rhf) => organisations.find((o) => o.kind === 'HF' && o.rhfId === orgId(rhf))!.id,
    );
  const createKir = async (name: string, extra: Record<string, unknown> = {}) => {
    const response = await post('sekretariat', '/api/procurements', {
      name,
      categoryCode: 'KIR',
      participatingHfIds: oneHfPerRhf(),
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  /** Significance lav by the group's consensus: every later gate is then one the group is informed of. */
  const decideLav = async (procurementId: string) => {
    const submitted = await post('sekretariat', `/api/procurements/${procurementId}/cases`, {
      gate: 'significance',
      title: 'Strategisk betydning',
      text: 'Lav risiko.',
      proposedSignificance: 'lav',
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const caseId = submitted.json<{ id: string }>().id;
    for (const member of kirMembers) await post(member, `/api/cases/${caseId}/votes`, { vote: 'approve' });
    expect((await get('sekretariat', `/api/cases/${caseId}`)).json().status).toBe('approved');
  };
  const pass = (procurementId: string, gate: string) =>
    post('sekretariat', `/api/procurements/${procurementId}/gates/${gate}/pass`, {});
  const patch = (username: string, url: string, payload: unknown) => send('PATCH', username, url, payload);

  describe('binding gates (3)', () => {
    it('refuses announced, awarded and completed while the gate before them is not passed', async () => {
      const id = await createKir('Bindende faseporter');
      const early = await patch('sekretariat', `/api/procurements/${id}`, { status: 'announced' });
      expect(early.statusCode).toBe(409);
      expect(early.json().detail).toContain('kan ikke settes til kunngjort');
      expect(early.json().detail).toContain('Godkjenne konkurransegrunnlag');
      expect((await get('sekretariat', `/api/procurements/${id}`)).json().status).toBe('planned');

      await decideLav(id);
      for (const gate of ['significance', 'plan', 'tenderPreparation'])
        expect((await pass(id, gate)).statusCode).toBe(200);
      expect(
        (await patch('sekretariat', `/api/procurements/${id}`, { status: 'announced' })).statusCode,
      ).toBe(409);
      expect((await pass(id, 'tenderApproval')).statusCode).toBe(200);
      const announced = await patch('sekretariat', `/api/procurements/${id}`, { status: 'announced' });
      expect(announced.statusCode).toBe(200);
      expect(announced.json().status).toBe('announced');
      for (const status of ['awarded', 'completed']) {
        const refused = await patch('sekretariat', `/api/procurements/${id}`, { status });
        expect(refused.statusCode).toBe(409);
        expect(refused.json().detail).toContain('Godkjenne tildeling av avtale');
      }
      expect((await pass(id, 'award')).statusCode).toBe(200);
      expect((await patch('sekretariat', `/api/procurements/${id}`, { status: 'awarded' })).statusCode).toBe(
        200,
      );
    });

    it('refuses a new procurement in the model registered as already awarded, storing nothing', async () => {
      const response = await post('sekretariat', '/api/procurements', {
        name: 'Tildelt uten vedtak',
        categoryCode: 'KIR',
        participatingHfIds: oneHfPerRhf(),
        status: 'awarded',
      });
      expect(response.statusCode).toBe(409);
      expect(
        (await get('sekretariat', '/api/procurements?q=Tildelt%20uten%20vedtak')).json().items,
      ).toHaveLength(0);
    });

    it('lets a local procurement (outside the model, no gates) be awarded', async () => {
      const hf = organisations.find((o) => o.kind === 'HF' && o.rhfId === orgId('HV'))!.id;
      const response = await post('sekretariat', '/api/procurements', {
        name: 'Lokal og tildelt',
        categoryCode: 'KIR',
        participatingHfIds: [hf],
        status: 'awarded',
      });
      expect(response.statusCode, response.body).toBe(201);
    });
  });

  describe('joint RHF settlement (2)', () => {
    it('records the resolution only when every RHF concerned has answered', async () => {
      const id = await createKir('Felles avklaring');
      const caseId = (
        await post('sekretariat', `/api/procurements/${id}/cases`, {
          gate: 'significance',
          title: 'Betydning felles avklaring',
          text: 'Foreslått høy.',
          proposedSignificance: 'høy',
        })
      ).json<{ id: string }>().id;
      await post('kir-hn', `/api/cases/${caseId}/votes`, { vote: 'approve' });
      const dissent = await post('medlem', `/api/cases/${caseId}/votes`, {
        vote: 'object',
        comment: 'Medium.',
      });
      expect(dissent.json().status).toBe('dissent');
      const escalated = await post('sekretariat', `/api/cases/${caseId}/escalation`, {
        reason: 'dissent',
        brief: 'Gruppen er uenig om betydningen.',
        recommendation: 'Gruppen anbefaler høy.',
      });
      expect(escalated.statusCode, escalated.body).toBe(200);
      const rhfIds = escalated.json().escalation.rhfIds as string[];
      expect(rhfIds).toHaveLength(4);
      const vest = orgId('HV');
      expect(
        (
          await post('kontakt', `/api/cases/${caseId}/rhf-answers`, {
            rhfId: vest,
            answer: 'Helse Vest: høy.',
          })
        ).statusCode,
      ).toBe(200);
      const alone = await post('kontakt', `/api/cases/${caseId}/resolution`, {
        outcome: 'approved',
        text: 'Helse Vest avgjør alene.',
      });
      expect(alone.statusCode).toBe(409);
      expect(alone.json().detail).toContain('alle berørte RHF har svart');
      expect(alone.json().detail).toContain('Helse Midt-Norge');
      const waiting = (await get('kontakt', `/api/cases/${caseId}`)).json();
      expect(waiting).toMatchObject({
        status: 'escalated',
        decisionNumber: null,
        viewer: { canResolve: false },
      });
      expect(waiting.escalation.awaitingAnswerFrom).toHaveLength(3);
      expect(waiting.escalation.awaitingAnswerFrom).not.toContain(vest);
      for (const rhfId of rhfIds.filter((rhf) => rhf !== vest))
        await post('sekretariat', `/api/cases/${caseId}/rhf-answers`, { rhfId, answer: 'Enig: høy.' });
      expect((await get('kontakt', `/api/cases/${caseId}`)).json().viewer.canResolve).toBe(true);
      const settled = await post('kontakt', `/api/cases/${caseId}/resolution`, {
        outcome: 'approved',
        text: 'RHF-ene ble enige om høy.',
      });
      expect(settled.statusCode, settled.body).toBe(200);
      expect(settled.json()).toMatchObject({ status: 'resolved', escalation: { awaitingAnswerFrom: [] } });
      expect(settled.json().decisionNumber).not.toBeNull();
    });
  });

  describe('live voter eligibility (1)', () => {
    it('works out who may vote from the memberships in force at each vote and records the change', async () => {
      for (const username of ['ikt-hn', 'ikt-hmn', 'ikt-hv', 'ikt-hso', 'lab-hn']) await login(username);
      const group = (await get('sekretariat', '/api/steering-groups'))
        .json()
        .find((g: { code: string }) => g.code === 'IKT');
      const created = await post('sekretariat', '/api/procurements', {
        name: 'Levende stemmerett',
        categoryCode: 'IKT',
        participatingHfIds: oneHfPerRhf(),
      });
      const id = created.json<{ id: string }>().id;
      const caseId = (
        await post('sekretariat', `/api/procurements/${id}/cases`, {
          gate: 'significance',
          title: 'Betydning levende stemmerett',
          text: 'Foreslått medium.',
          proposedSignificance: 'medium',
        })
      ).json<{ id: string }>().id;
      const members = (await get('sekretariat', `/api/steering-groups/${group.id}/members`)).json<
        Array<{ id: string; personId: string; rhfId: string; isActive: boolean }>
      >();
      const me = async (username: string) => (await get(username, '/api/auth/me')).json().personId as string;
      const nordMember = members.find((m) => m.isActive && m.rhfId === orgId('HN'))!;
      expect(nordMember.personId).toBe(await me('ikt-hn'));

      // Helse Nord's member is replaced after submission: the old member may no longer vote (or cause dissent) …
      const ended = await app.inject({
        method: 'DELETE',
        url: `/api/steering-groups/${group.id}/members/${nordMember.id}`,
        headers: headers('sekretariat'),
      });
      expect(ended.statusCode, ended.body).toBe(204);
      const successorId = await me('lab-hn');
      const added = await post('sekretariat', `/api/steering-groups/${group.id}/members`, {
        personId: successorId,
        rhfId: orgId('HN'),
        competenceAreas: ['okonomi'],
        termStart: TEST_TODAY,
        termEnd: '2028-06-14',
      });
      expect(added.statusCode, added.body).toBe(201);
      // The RHF's habilitet check at appointment (issue 9): without it the successor could not vote.
      const checked = await send(
        'PUT',
        'sekretariat',
        `/api/memberships/${added.json<{ id: string }>().id}/appointment-check`,
        { outcome: 'cleared', note: null },
      );
      expect(checked.statusCode, checked.body).toBe(200);
      const late = await post('ikt-hn', `/api/cases/${caseId}/votes`, { vote: 'object', comment: 'Uenig.' });
      expect(late.statusCode).toBe(403);
      // … and the successor may.
      const view = (await get('lab-hn', `/api/cases/${caseId}`)).json();
      expect(view.viewer.canVote).toBe(true);
      expect(view.eligibleMemberIds).toContain(successorId);
      expect(view.eligibleMemberIds).not.toContain(nordMember.personId);
      expect((await get('lab-hn', '/api/my/cases')).json().map((c: { id: string }) => c.id)).toContain(
        caseId,
      );
      expect((await post('lab-hn', `/api/cases/${caseId}/votes`, { vote: 'approve' })).statusCode).toBe(200);

      // A member put in the faggruppe after submission no longer decides.
      const midtId = await me('ikt-hmn');
      expect(
        (await send('PUT', 'sekretariat', `/api/procurements/${id}/faggruppe`, { personIds: [midtId] }))
          .statusCode,
      ).toBe(200);
      expect((await post('ikt-hmn', `/api/cases/${caseId}/votes`, { vote: 'approve' })).statusCode).toBe(403);
      // Helse Midt-Norge now has nobody deciding: under the default quorum rule (issue 9) the case could not be
      // decided; this test is about the electorate, so a quorum rule without the per-RHF requirement applies.
      expect((await get('sekretariat', `/api/cases/${caseId}`)).json().habilitet.quorumReason).toContain(
        'Helse Midt-Norge',
      );
      const quorum = (value: object) =>
        send('PUT', 'sekretariat', '/api/governance/config/quorumRule', { value, note: 'Test' });
      expect((await quorum({ everyParticipatingRhf: false, minimumDecidingVotes: 1 })).statusCode).toBe(200);
      for (const username of ['ikt-hv', 'ikt-hso'])
        expect((await post(username, `/api/cases/${caseId}/votes`, { vote: 'approve' })).statusCode).toBe(
          200,
        );
      const decided = (await get('sekretariat', `/api/cases/${caseId}`)).json();
      expect((await quorum({ everyParticipatingRhf: true, minimumDecidingVotes: 1 })).statusCode).toBe(200);
      expect(decided.status).toBe('approved');
      expect([...decided.eligibleMemberIds].sort()).toEqual(
        [successorId, await me('ikt-hv'), await me('ikt-hso')].sort(),
      );

      // Who could vote when is in the audit log.
      const audit = (
        await get('sekretariat', `/api/audit?entityType=case&entityId=${caseId}&limit=100`)
      ).json().entries as Array<{ action: string; after: Record<string, unknown> | null }>;
      const changes = audit.filter((entry) => entry.action === 'electorateChanged');
      expect(changes.map((entry) => entry.after)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ joined: [successorId], left: [nordMember.personId], day: TEST_TODAY }),
          expect.objectContaining({ joined: [], left: [midtId] }),
        ]),
      );
      expect(audit.find((entry) => entry.action === 'decide')!.after).toMatchObject({
        eligiblePersonIds: expect.arrayContaining([successorId]),
      });
    });
  });

  describe('procurements outside the model (5)', () => {
    const submitSignificance = (procurementId: string) =>
      post('sekretariat', `/api/procurements/${procurementId}/cases`, {
        gate: 'significance',
        title: 'Betydning',
        text: 'x',
        proposedSignificance: 'lav',
      });

    it('keeps a procurement in the category the RHFs run outside the model, saying why', async () => {
      const created = await post('sekretariat', '/api/procurements', {
        name: 'Kjøp av private helsetjenester',
        categoryCode: 'HELSETJENESTER',
        participatingHfIds: oneHfPerRhf(),
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ routing: 'outsideModel', steeringGroupId: null });
      const id = created.json<{ id: string }>().id;
      const detail = (await get('sekretariat', `/api/procurements/${id}`)).json();
      expect(detail).toMatchObject({
        level: 'nasjonal',
        inNationalModel: false,
        routingError: null,
        gates: [],
      });
      expect(detail.outsideModelReason).toContain('gjennomføres av de regionale helseforetakene selv');
      const refused = await submitSignificance(id);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().detail).toContain('regionale helseforetakene selv');
    });

    it('keeps a Vedlegg 04 procurement marked "Nei" in the old model: no new-model cases', async () => {
      const hjerteventiler = (await get('sekretariat', '/api/procurements?q=Hjerteventiler')).json().items[0];
      expect(hjerteventiler).toMatchObject({ transferToNewModel: false, routing: 'outsideModel' });
      const detail = (await get('sekretariat', `/api/procurements/${hjerteventiler.id}`)).json();
      expect(detail).toMatchObject({ inNationalModel: false, gates: [], steeringGroup: null });
      expect(detail.outsideModelReason).toContain('gamle modellen');
      const refused = await submitSignificance(hjerteventiler.id);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().detail).toContain('overgang til ny modell: Nei');
      // "Ja" enters the new model.
      const ablasjon = (await get('sekretariat', '/api/procurements?q=Ablasjon')).json().items[0];
      expect(ablasjon).toMatchObject({ transferToNewModel: true, routing: 'resolved' });
    });
  });

  describe('jointly owned trusts as participants (6)', () => {
    it('lets a jointly owned trust take part without changing the level rule', async () => {
      const trusts = organisations.filter((o) => o.kind === 'other' && o.name.includes(' HF'));
      expect(trusts.map((t) => t.name)).toEqual(
        expect.arrayContaining(['Luftambulansetjenesten HF', 'Pasientreiser HF', 'Sykehusbygg HF']),
      );
      const luftambulansen = trusts.find((t) => t.name === 'Luftambulansetjenesten HF')!.id;
      const national = await post('sekretariat', '/api/procurements', {
        name: 'Nasjonal med felleseid foretak',
        categoryCode: 'PREHOSP',
        participatingHfIds: [...oneHfPerRhf(), luftambulansen],
      });
      expect(national.statusCode, national.body).toBe(201);
      expect(national.json().participatingHfIds).toContain(luftambulansen);
      const detail = (await get('sekretariat', `/api/procurements/${national.json().id}`)).json();
      expect(detail).toMatchObject({ level: 'nasjonal', inNationalModel: true });
      expect(detail.participatingRhfIds).toHaveLength(4);
      // Three regions and a trust are still flerregional; the trust alone gives no level.
      const three = await post('sekretariat', '/api/procurements', {
        name: 'Tre regioner og et felleseid foretak',
        categoryCode: 'PREHOSP',
        participatingHfIds: [...oneHfPerRhf().slice(0, 3), luftambulansen],
      });
      expect(three.json().level).toBe('flerregional');
      const alone = await post('sekretariat', '/api/procurements', {
        name: 'Bare felleseid foretak',
        categoryCode: 'PREHOSP',
        participatingHfIds: [luftambulansen],
      });
      expect(alone.json().level).toBeNull();
      const notAParticipant = await post('sekretariat', '/api/procurements', {
        name: 'Sykehusinnkjøp som deltaker',
        categoryCode: 'PREHOSP',
        participatingHfIds: [orgId('SHI')],
      });
      expect(notAParticipant.statusCode).toBe(400);
      expect(notAParticipant.json().detail).toContain(
        'er ikke et helseforetak (HF) eller et felleseid foretak',
      );
    });
  });

  describe('the annual plan feeds governance (4)', () => {
    it('is approved by every RHF, each recorded, and then carries its initial significance and risk', async () => {
      const year = 2028;
      const planned = await createKir('Planlagt i årshjulet');
      const handSet = await createKir('Initial satt for hånd');
      expect(
        (
          await send('PUT', 'sekretariat', `/api/procurements/${handSet}/significance/initial`, {
            value: 'høy',
          })
        ).statusCode,
      ).toBeLessThan(300);
      expect((await post('sekretariat', `/api/annual-plans/${year}`)).statusCode).toBe(201);
      for (const [procurementId, initialSignificance, riskProfile] of [
        [planned, 'medium', 'høy'],
        [handSet, 'høy', null],
      ] as const)
        expect(
          (
            await send('PUT', 'sekretariat', `/api/annual-plans/${year}/items`, {
              procurementId,
              initialSignificance,
              riskProfile,
              gainEstimateNok: '1500000.00',
            })
          ).statusCode,
        ).toBe(200);
      const approve = (username: string, rhf: string, note: string | null = null) =>
        post(username, `/api/annual-plans/${year}/approvals`, { rhfId: orgId(rhf), note });
      // No approval before the plan is out to the RHFs.
      expect((await approve('kontakt', 'HV')).statusCode).toBe(409);
      expect(
        (await post('sekretariat', `/api/annual-plans/${year}/status`, { status: 'rhfFeedback' })).statusCode,
      ).toBe(200);

      // The secretariat cannot approve the plan alone …
      const alone = await post('sekretariat', `/api/annual-plans/${year}/status`, { status: 'approved' });
      expect(alone.statusCode).toBe(409);
      expect(alone.json().detail).toContain('godkjennes av RHF-ene');
      expect(alone.json().detail).toContain('Helse Nord');
      // … an RHF contact approves for their own RHF only …
      expect((await approve('kontakt', 'HN')).statusCode).toBe(403);
      const vest = await approve('kontakt', 'HV');
      expect(vest.statusCode, vest.body).toBe(200);
      expect(vest.json()).toMatchObject({
        status: 'rhfFeedback',
        approvals: [{ rhfId: orgId('HV'), approvedBy: 'kontakt', note: null }],
      });
      expect(vest.json().awaitingApprovalFrom).toHaveLength(3);
      expect((await approve('kontakt', 'HV')).statusCode).toBe(409);
      // … and the secretariat registers another RHF's decision only saying where it was made.
      const noNote = await approve('sekretariat', 'HN');
      expect(noNote.statusCode).toBe(400);
      expect(noNote.json().detail).toContain('hvor RHF-et vedtok planen');
      expect((await approve('sekretariat', 'HN', 'Styresak 12/2028')).statusCode).toBe(200);

      // Sent back to draft, the approvals of the old version lapse.
      expect(
        (await post('sekretariat', `/api/annual-plans/${year}/status`, { status: 'draft' })).statusCode,
      ).toBe(200);
      const draft = (await get('sekretariat', `/api/annual-plans/${year}`)).json();
      expect(draft).toMatchObject({ status: 'draft', approvals: [] });
      expect(draft.awaitingApprovalFrom).toHaveLength(4);
      await post('sekretariat', `/api/annual-plans/${year}/status`, { status: 'rhfFeedback' });

      const notYet = (await get('sekretariat', `/api/procurements/${planned}/governance`)).json();
      expect(notYet.significance).toMatchObject({ initial: null, initialFromPlanYear: null });
      expect(notYet.riskProfile).toBeNull();

      expect((await approve('kontakt', 'HV')).statusCode).toBe(200);
      for (const rhf of ['HN', 'HMN'])
        expect((await approve('sekretariat', rhf, `Direktørmøte ${rhf}`)).statusCode).toBe(200);
      const last = await approve('sekretariat', 'HSO', 'Styresak 40/2028');
      expect(last.statusCode, last.body).toBe(200);
      expect(last.json()).toMatchObject({ status: 'approved', awaitingApprovalFrom: [] });
      expect(
        last
          .json()
          .approvals.map((a: { rhfId: string }) => a.rhfId)
          .sort(),
      ).toEqual(['HN', 'HMN', 'HV', 'HSO'].map(orgId).sort());
      expect((await approve('sekretariat', 'HSO', 'igjen')).statusCode).toBe(409);

      // The procurement now holds the plan's initial significance and risk, as the plan's.
      const fed = (await get('sekretariat', `/api/procurements/${planned}/governance`)).json();
      expect(fed.riskProfile).toBe('høy');
      expect(fed.significance).toMatchObject({
        initial: 'medium',
        initialFromPlanYear: year,
        appliedForGates: 'medium',
      });
      expect(fed.significance.history.at(-1)).toMatchObject({
        kind: 'initial',
        value: 'medium',
        annualPlanYear: year,
        decidedBy: 'sekretariat',
      });
      // The same value set by hand before adds no second history row, but no risk is invented.
      const same = (await get('sekretariat', `/api/procurements/${handSet}/governance`)).json();
      expect(same.significance.history).toHaveLength(1);
      expect(same.riskProfile).toBeNull();

      const plan = (await get('sekretariat', `/api/annual-plans/${year}`)).json();
      const audit = (
        await get('sekretariat', `/api/audit?entityType=annualPlan&entityId=${plan.id}&limit=100`)
      ).json().entries as Array<{ action: string; actorUsername?: string; summary: string }>;
      expect(audit.filter((entry) => entry.action === 'approveAnnualPlan')).toHaveLength(6);
      expect(audit.map((entry) => entry.summary)).toContain(
        `Anskaffelsesplan ${year} er godkjent av alle RHF-ene`,
      );
      const procurementAudit = (
        await get('sekretariat', `/api/audit?entityType=procurement&entityId=${planned}&limit=100`)
      ).json().entries as Array<{ action: string; after: Record<string, unknown> }>;
      expect(
        procurementAudit.find((entry) => entry.action === 'setInitialSignificance')!.after,
      ).toMatchObject({
        initial: 'medium',
        annualPlanYear: year,
      });
    });
  });

  describe('significance in force and reassessment (7)', () => {
    it('uses one precedence rule (final, then initial, then recommended) in the gates and the report', async () => {
      const id = await createKir('Én regel for betydning');
      expect(
        (await send('PUT', 'sekretariat', `/api/procurements/${id}/risk`, { profile: 'høy' })).statusCode,
      ).toBe(200);
      expect(
        (await send('PUT', 'sekretariat', `/api/procurements/${id}/significance/initial`, { value: 'lav' }))
          .statusCode,
      ).toBeLessThan(300);
      const governance = (await get('sekretariat', `/api/procurements/${id}/governance`)).json();
      expect(governance.significance).toMatchObject({
        recommended: 'høy',
        initial: 'lav',
        appliedForGates: 'lav',
      });
      expect(governance.gates.find((g: { gate: string }) => g.gate === 'plan').involvement).toBe('informed');
      const report = (await get('sekretariat', '/api/reports/portfolio?scope=all')).json();
      expect(report.rows.find((r: { procurementId: string }) => r.procurementId === id)).toMatchObject({
        significance: 'lav',
        significanceKind: 'initial',
      });
    });

    it('prompts a reassessment when the risk rises after the final significance', async () => {
      const id = await createKir('Økende risiko');
      await send('PUT', 'sekretariat', `/api/procurements/${id}/risk`, { profile: 'lav' });
      await decideLav(id);
      const calm = (await get('sekretariat', `/api/procurements/${id}/governance`)).json();
      expect(calm.significance).toMatchObject({ final: 'lav', reassess: null });
      await send('PUT', 'sekretariat', `/api/procurements/${id}/risk`, { profile: 'høy' });
      const risen = (await get('sekretariat', `/api/procurements/${id}/governance`)).json();
      expect(risen.significance.reassess).toContain('økt fra lav til høy');
      expect(risen.viewer.nextActions).toContain(risen.significance.reassess);
    });
  });

  describe('an explicit legal basis for exempt documents (7)', () => {
    it('refuses a bare restricted flag, storing nothing, and keeps the basis that is named', async () => {
      const id = await createKir('Eksplisitt hjemmel');
      const document = (extra: Record<string, unknown>) => ({
        fileName: 'tilbudsevaluering.pdf',
        contentType: 'application/pdf',
        contentBase64: Buffer.from('%PDF-1.4 tilbudspriser').toString('base64'),
        ...extra,
      });
      const submit = (extra: Record<string, unknown>) =>
        post('sekretariat', `/api/procurements/${id}/cases`, {
          gate: 'significance',
          title: 'Betydning med vedlegg',
          text: 'Se vedlegget.',
          proposedSignificance: 'lav',
          documents: [document({ fileName: 'saksnotat.pdf' }), document(extra)],
        });
      const bare = await submit({ restricted: true });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().detail).toContain('må ha hjemmel');
      expect(bare.json().errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'documents.1.legalBasis' })]),
      );
      expect((await get('sekretariat', `/api/procurements/${id}/governance`)).json().cases).toHaveLength(0);

      const named = await submit({ restricted: true, legalBasis: 'offl13fvl13nr2' });
      expect(named.statusCode, named.body).toBe(201);
      const view = (await get('sekretariat', `/api/cases/${named.json().id}`)).json();
      expect(
        view.documents.map((d: { fileName: string; accessStatus: string; legalBasis: string | null }) => [
          d.fileName,
          d.accessStatus,
          d.legalBasis,
        ]),
      ).toEqual([
        ['saksnotat.pdf', 'public', null],
        ['tilbudsevaluering.pdf', 'partlyExempt', 'offl13fvl13nr2'],
      ]);
    });
  });

  describe('gain on completed procurements as a minimum band (7)', () => {
    it('shows a gain above 7 % green and only a shortfall below 3 % amber or red', async () => {
      // The shipped definition (the portfolio demo seeds it), registered over the API.
      const created = await post(
        'sekretariat',
        '/api/kpis',
        demoKpis.find((kpi) => kpi.code === 'SHI-GEVINST'),
      );
      expect(created.statusCode, created.body).toBe(201);
      const gain = (await get('sekretariat', '/api/kpis?from=2025&to=2025'))
        .json()
        .find((kpi: { code: string }) => kpi.code === 'SHI-GEVINST');
      expect(gain).toMatchObject({ direction: 'minimumBand', target: 3, targetMax: 7 });
      const ragFor = async (value: number) => {
        const entered = await send('PUT', 'sekretariat', `/api/kpis/${gain.id}/values/2025`, {
          value,
          note: 'Fra gevinstrapporten',
        });
        expect(entered.statusCode, entered.body).toBe(204);
        return (await get('sekretariat', '/api/kpis?from=2025&to=2025'))
          .json()
          .find((kpi: { code: string }) => kpi.code === 'SHI-GEVINST').values[0].rag as string;
      };
      expect(await ragFor(9.5)).toBe('green');
      expect(await ragFor(5)).toBe('green');
      expect(await ragFor(2.5)).toBe('amber');
      expect(await ragFor(1)).toBe('red');
    });
  });

  describe('training approval per person (7)', () => {
    it('approves a person from the six modules for every membership, never from a date typed in', async () => {
      const group = (await get('sekretariat', '/api/steering-groups'))
        .json()
        .find((g: { code: string }) => g.code === 'KIR');
      const members = (await get('sekretariat', `/api/steering-groups/${group.id}/members`)).json<
        Array<{ id: string; personId: string; trainingCompletedOn: string | null; isActive: boolean }>
      >();
      const untrained = members.find((m) => m.isActive && m.trainingCompletedOn === null)!;
      // A date on the membership is refused: it would approve without the six modules.
      const typed = await send(
        'PATCH',
        'sekretariat',
        `/api/steering-groups/${group.id}/members/${untrained.id}`,
        { trainingCompletedOn: '2026-05-01' },
      );
      expect(typed.statusCode).toBe(400);
      expect(typed.json().detail).toContain('seks modulene');
      const record = (module: number, completedOn?: string) =>
        post(
          'sekretariat',
          `/api/people/${untrained.personId}/training/modules/${module}/complete`,
          completedOn ? { completedOn } : {},
        );
      // Not in the future, by the one clock.
      const future = await record(1, '2026-06-16');
      expect(future.statusCode).toBe(400);
      expect(future.json().detail).toContain('fram i tid');
      for (const module of [1, 2, 3, 4, 5]) expect((await record(module, '2026-05-01')).statusCode).toBe(200);
      const five = (await get('sekretariat', `/api/steering-groups/${group.id}/members`)).json();
      expect(five.find((m: { id: string }) => m.id === untrained.id).trainingCompletedOn).toBeNull();
      const sixth = await record(6);
      expect(sixth.statusCode, sixth.body).toBe(200);
      expect(sixth.json().progress).toMatchObject({ isComplete: true, completedOn: TEST_TODAY });

      // The approval is the person's: a membership they take up later is approved from the start.
      const other = (await get('sekretariat', '/api/steering-groups'))
        .json()
        .find((g: { code: string }) => g.code === 'LAB');
      const added = await post('sekretariat', `/api/steering-groups/${other.id}/members`, {
        personId: untrained.personId,
        rhfId: orgId('HV'),
        isObserver: true,
        competenceAreas: ['fag'],
        termStart: TEST_TODAY,
        termEnd: '2028-06-14',
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json().trainingCompletedOn).toBe(TEST_TODAY);
      const after = (await get('sekretariat', `/api/steering-groups/${group.id}/members`)).json();
      expect(after.find((m: { id: string }) => m.id === untrained.id).trainingCompletedOn).toBe(TEST_TODAY);
      const audit = (
        await get('sekretariat', `/api/audit?entityType=training&entityId=${untrained.personId}&limit=20`)
      ).json().entries as Array<{ summary: string }>;
      expect(audit.map((entry) => entry.summary)).toContain(
        'Opplæring modul 6 fullført; opplæringen er godkjent',
      );
    });
  });

  describe('meeting plan approved by the group (7)', () => {
    it('refuses the secretariat approving its own proposal; the group leader approves', async () => {
      const logins = ['hr-hn', 'hr-hmn', 'hr-hv', 'hr-hso'];
      for (const username of logins) await login(username);
      const group = (await get('sekretariat', '/api/steering-groups'))
        .json()
        .find((g: { code: string }) => g.code === 'HR');
      const proposed = await post('sekretariat', `/api/steering-groups/${group.id}/meeting-plans`, {
        year: 2027,
        meetings: [
          { startsAt: '2027-02-10T10:00:00+01:00', endsAt: '2027-02-10T12:00:00+01:00', location: 'Teams' },
        ],
      });
      expect(proposed.statusCode, proposed.body).toBe(201);
      const planId = proposed.json<{ id: string }>().id;
      const own = await post('sekretariat', `/api/meeting-plans/${planId}/approve`);
      expect(own.statusCode).toBe(403);
      expect(own.json().detail).toContain('Den som foreslo møteplanen kan ikke godkjenne den');
      const leader = (await get('sekretariat', `/api/steering-groups/${group.id}/members`))
        .json<Array<{ personId: string; isLeader: boolean; isActive: boolean }>>()
        .find((m) => m.isLeader && m.isActive)!;
      let leaderLogin: string | undefined;
      for (const username of logins)
        if ((await get(username, '/api/auth/me')).json().personId === leader.personId) leaderLogin = username;
      const approved = await post(leaderLogin!, `/api/meeting-plans/${planId}/approve`);
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json().decisionNumber).toMatch(/^HR-2026-\d{2}$/);
    });
  });
});
