// The governance routes over HTTP: validation as 4xx, gate refusals, restricted documents, member home.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { App } from '../../src/shared/http.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';
import { fixedClock } from '../../src/shared/clock.js';

describe.each(databaseKinds)('governance API on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  const cookies: Record<string, string> = {};
  const as = (username: string) => ({ cookie: cookies[username]! });

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    app = await buildApp(
      { db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: fixedClock(TEST_TODAY) },
      { serveWeb: false },
    );
    for (const username of ['sekretariat', 'medlem', 'kir-hn', 'kir-hmn', 'kir-hso', 'innkjop']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'demo' },
      });
      cookies[username] = `styr_session=${response.cookies.find((c) => c.name === 'styr_session')!.value}`;
    }
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const post = (username: string, url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, headers: as(username), payload: payload as object });
  const hjerteventilerHfs = async () => {
    const { id } = await hjerteventiler();
    return (
      await app.inject({ method: 'GET', url: `/api/procurements/${id}`, headers: as('sekretariat') })
    ).json().participatingHfIds as string[];
  };
  const hjerteventiler = async () =>
    (
      await app.inject({
        method: 'GET',
        url: '/api/procurements?q=Ablasjon',
        headers: as('sekretariat'),
      })
    ).json().items[0] as { id: string };

  it('shows the governance fields on GET /api/procurements/:id', async () => {
    const { id } = await hjerteventiler();
    const body = (
      await app.inject({ method: 'GET', url: `/api/procurements/${id}`, headers: as('innkjop') })
    ).json();
    expect(body).toMatchObject({
      name: 'Ablasjon',
      level: 'nasjonal',
      steeringGroup: { name: 'Styringsgruppe KIR' },
      riskProfile: null,
    });
    expect(body.significance).toMatchObject({ recommended: null, initial: null, final: null });
    expect(
      body.gates.map((g: { gate: string; involvement: string }) => `${g.gate}:${g.involvement}`),
    ).toEqual([
      'significance:decide',
      'plan:decide',
      'tenderPreparation:consulted',
      'tenderApproval:decide',
      'award:decide',
    ]);
  });

  it('answers bad governance input with 400 and gate refusals with 409', async () => {
    const { id } = await hjerteventiler();
    const badRisk = await app.inject({
      method: 'PUT',
      url: `/api/procurements/${id}/risk`,
      headers: as('sekretariat'),
      payload: { scores: { pasientsikkerhet: 9 } },
    });
    expect(badRisk.statusCode).toBe(400);
    const noProposal = await post('sekretariat', `/api/procurements/${id}/cases`, {
      gate: 'significance',
      title: 'Betydning',
      text: 'x',
    });
    expect(noProposal.statusCode).toBe(400);
    expect(noProposal.json().errors[0].message).toContain('foreslå');
    const unknownGate = await post('sekretariat', `/api/procurements/${id}/gates/kontrakt/pass`, {});
    expect(unknownGate.statusCode).toBe(400);
    const notYet = await post('sekretariat', `/api/procurements/${id}/gates/significance/pass`, {});
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().detail).toContain('må fatte vedtak');
    const badDocument = await post('sekretariat', `/api/procurements/${id}/cases`, {
      gate: 'significance',
      title: 'Betydning',
      text: 'x',
      proposedSignificance: 'høy',
      documents: [{ fileName: 'virus.exe', contentType: 'application/x-msdownload', contentBase64: 'TVqQ' }],
    });
    expect(badDocument.statusCode).toBe(400);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/procurements/${id}/governance`,
          headers: as('sekretariat'),
        })
      ).json().cases,
    ).toHaveLength(0);
  });

  it('plays a case over HTTP: votes, a conflicted member without the restricted document, the member home', async () => {
    const { id } = await hjerteventiler();
    const created = await post('sekretariat', `/api/procurements/${id}/cases`, {
      gate: 'significance',
      title: 'Strategisk betydning hjerteventiler',
      text: 'Anbefalt høy.',
      proposedSignificance: 'høy',
      documents: [
        {
          fileName: 'markedsanalyse.pdf',
          contentType: 'application/pdf',
          contentBase64: Buffer.from('%PDF forretningshemmelighet').toString('base64'),
          restricted: true,
          legalBasis: 'offl13fvl13nr2',
        },
      ],
    });
    expect(created.statusCode).toBe(201);
    const caseId = created.json().id as string;
    const documentId = created.json().documents[0].id as string;
    const waiting = (await app.inject({ method: 'GET', url: '/api/my/cases', headers: as('kir-hn') })).json();
    expect(waiting.map((c: { id: string }) => c.id)).toContain(caseId);
    expect((await post('kir-hn', `/api/cases/${caseId}/votes`, { vote: 'object' })).statusCode).toBe(400);
    expect((await post('sekretariat', `/api/cases/${caseId}/votes`, { vote: 'approve' })).statusCode).toBe(
      403,
    );
    expect(
      (await post('kir-hso', `/api/cases/${caseId}/votes`, { vote: 'conflict', comment: 'Inhabil' }))
        .statusCode,
    ).toBe(200);
    const blocked = await app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/documents/${documentId}`,
      headers: as('kir-hso'),
    });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.body).not.toContain('forretningshemmelighet');
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/cases/${caseId}/documents/${documentId}`,
          headers: as('innkjop'),
        })
      ).statusCode,
    ).toBe(403);
    // A deciding member answers on habilitet before the exempt documents open to them.
    const unanswered = await app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/documents/${documentId}`,
      headers: as('kir-hn'),
    });
    expect(unanswered.statusCode).toBe(403);
    expect(unanswered.json().detail).toContain('Svar på habilitet');
    expect(
      (await post('kir-hn', `/api/cases/${caseId}/habilitet`, { statement: 'noKnownConflict' })).statusCode,
    ).toBe(200);
    const allowed = await app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/documents/${documentId}`,
      headers: as('kir-hn'),
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['content-type']).toContain('application/pdf');
    expect(allowed.body).toContain('forretningshemmelighet');
    for (const username of ['kir-hn', 'kir-hmn'])
      expect((await post(username, `/api/cases/${caseId}/votes`, { vote: 'approve' })).statusCode).toBe(200);
    const waitingForRhf = (await post('medlem', `/api/cases/${caseId}/votes`, { vote: 'approve' })).json();
    expect(waitingForRhf).toMatchObject({ status: 'open', tally: { status: 'notQuorate' } });
    // The secretariat decides on Helse Sør-Øst's behalf; then the member takes part again.
    const questionId = waitingForRhf.habilitet.questions[0].id as string;
    expect(
      (
        await post('sekretariat', `/api/habilitet/questions/${questionId}/decision`, {
          outcome: 'ikkeInhabil',
          reason: 'Ingen tilknytning til tilbyderne.',
        })
      ).statusCode,
    ).toBe(200);
    const last = (await post('kir-hso', `/api/cases/${caseId}/votes`, { vote: 'approve' })).json();
    expect(last).toMatchObject({
      status: 'approved',
      decisionNumber: expect.stringMatching(/^KIR-\d{4}-01$/),
    });
    expect(
      (await post('kir-hn', `/api/cases/${caseId}/votes`, { vote: 'object', comment: 'for sent' }))
        .statusCode,
    ).toBe(409);
    const passed = await post('sekretariat', `/api/procurements/${id}/gates/significance/pass`, {});
    expect(passed.statusCode).toBe(200);
    expect(passed.json()).toMatchObject({ phase: 'plan', significance: { final: 'høy' } });
    const steeringGroupId = last.steeringGroupId as string;
    const register = (
      await app.inject({
        method: 'GET',
        url: `/api/steering-groups/${steeringGroupId}/decisions`,
        headers: as('innkjop'),
      })
    ).json().items;
    expect(register[0]).toMatchObject({
      title: 'Strategisk betydning hjerteventiler',
      outcome: 'approved',
      conflicts: [],
    });
    const inbox = (
      await app.inject({ method: 'GET', url: '/api/my/notifications?unread=true', headers: as('kir-hn') })
    ).json().items;
    expect(inbox.length).toBeGreaterThan(0);
    expect(JSON.stringify(inbox)).not.toContain('forretningshemmelighet');
    // Paged on the server, newest first: the second page of one is the second of the whole inbox.
    const second = (
      await app.inject({
        method: 'GET',
        url: '/api/my/notifications?unread=true&limit=1&offset=1',
        headers: as('kir-hn'),
      })
    ).json();
    expect(second).toMatchObject({ total: inbox.length, limit: 1, offset: 1 });
    expect(second.items.map((n: { id: string }) => n.id)).toEqual(
      inbox.slice(1, 2).map((n: { id: string }) => n.id),
    );
    expect((await post('kir-hn', `/api/my/notifications/${inbox[0].id}/read`, {})).statusCode).toBe(204);
  });

  it('applies two vote requests arriving at the same moment exactly once each', async () => {
    const created = (
      await post('sekretariat', '/api/procurements', {
        name: 'Samtidige forespørsler',
        categoryCode: 'KIR',
        participatingHfIds: await hjerteventilerHfs(),
      })
    ).json<{ id: string }>();
    const submitted = await post('sekretariat', `/api/procurements/${created.id}/cases`, {
      gate: 'significance',
      title: 'Samtidig',
      text: 'x',
      proposedSignificance: 'lav',
    });
    const caseId = submitted.json().id as string;
    await post('kir-hn', `/api/cases/${caseId}/votes`, { vote: 'approve' });
    await post('kir-hmn', `/api/cases/${caseId}/votes`, { vote: 'approve' });
    const responses = await Promise.all([
      post('medlem', `/api/cases/${caseId}/votes`, { vote: 'approve' }),
      post('kir-hso', `/api/cases/${caseId}/votes`, { vote: 'approve' }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200]);
    const final = (
      await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: as('sekretariat') })
    ).json();
    expect(final).toMatchObject({
      status: 'approved',
      decisionNumber: expect.stringMatching(/^KIR-2026-\d{2}$/),
    });
    expect(final.votes).toHaveLength(4);
  });

  it('versions the governance configuration', async () => {
    const current = (
      await app.inject({ method: 'GET', url: '/api/governance/config', headers: as('medlem') })
    ).json();
    expect(current.current.involvementMatrix).toMatchObject({
      version: 0,
      value: { plan: { lav: 'informed' } },
    });
    const matrix = {
      ...current.current.involvementMatrix.value,
      plan: { høy: 'decide', medium: 'decide', lav: 'decide' },
    };
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: '/api/governance/config/involvementMatrix',
          headers: as('medlem'),
          payload: { value: matrix },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/governance/config/involvementMatrix',
      headers: as('sekretariat'),
      payload: { value: { plan: 'decide' } },
    });
    expect(bad.statusCode).toBe(400);
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/governance/config/involvementMatrix',
      headers: as('sekretariat'),
      payload: { value: matrix, note: 'Som rapporten 2022 §7.6' },
    });
    expect(saved.json()).toEqual({ key: 'involvementMatrix', version: 1 });
    const after = (
      await app.inject({ method: 'GET', url: '/api/governance/config', headers: as('medlem') })
    ).json();
    expect(after.current.involvementMatrix.value.plan.lav).toBe('decide');
    expect(after.history).toHaveLength(1);
  });
});
