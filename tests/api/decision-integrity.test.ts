// Decision integrity over HTTP (issue 17): binding gates, the RHFs' joint settlement, live voter eligibility,
// procurements outside the model, jointly owned trusts, the annual plan feeding governance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { App } from '../../src/shared/http.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';

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
      { db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), today: () => TEST_TODAY },
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
      expect((await get('sekretariat', '/api/procurements?q=Tildelt%20uten%20vedtak')).json()).toHaveLength(
        0,
      );
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
});
