// Habilitet over HTTP (issue 9, seed 001 §7.2, §5.2): the RHF decides inhabilitet, not the member; exempt
// documents wait for "ikke inhabil"; no appointment check, no vote; quorum per RHF; supplier matches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { App } from '../../src/shared/http.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';
import { fixedClock } from '../../src/shared/clock.js';
import { and, eq } from 'drizzle-orm';
import { notifications } from '../../src/db/schema.js';

const secretPdf = {
  fileName: 'tilbudsevaluering.pdf',
  contentType: 'application/pdf',
  contentBase64: Buffer.from('%PDF-1.4 tilbudspriser').toString('base64'),
  restricted: true,
  legalBasis: 'offl23third',
};

describe.each(databaseKinds)('habilitet API on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  const cookies: Record<string, string> = {};
  const users = ['sekretariat', 'medlem', 'kontakt', 'kir-hn', 'kir-hmn', 'kir-hso', 'ikt-hv', 'innkjop'];
  let nationalHfIds: string[] = [];
  let kirId = '';

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    app = await buildApp(
      { db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: fixedClock(TEST_TODAY) },
      { serveWeb: false },
    );
    for (const username of users) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'demo' },
      });
      cookies[username] = `styr_session=${response.cookies.find((c) => c.name === 'styr_session')!.value}`;
    }
    const organisations = (await get('sekretariat', '/api/organisations')).json<
      Array<{
        id: string;
        kind: string;
        rhfId: string | null;
      }>
    >();
    const firstHfPerRhf = new Map<string, string>();
    for (const org of organisations)
      if (org.kind === 'HF' && org.rhfId && !firstHfPerRhf.has(org.rhfId))
        firstHfPerRhf.set(org.rhfId, org.id);
    nationalHfIds = [...firstHfPerRhf.values()];
    kirId = (await get('sekretariat', '/api/steering-groups'))
      .json<Array<{ id: string; code: string }>>()
      .find((g) => g.code === 'KIR')!.id;
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const get = (username: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  const send = (username: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { cookie: cookies[username]! }, payload: payload as object });
  const post = (username: string, url: string, payload: unknown) => send(username, 'POST', url, payload);

  async function newCase(name: string) {
    const procurement = await post('sekretariat', '/api/procurements', {
      name,
      categoryCode: 'KIR',
      participatingHfIds: nationalHfIds,
    });
    expect(procurement.statusCode).toBe(201);
    const created = await post('sekretariat', `/api/procurements/${procurement.json().id}/cases`, {
      gate: 'significance',
      title: `Strategisk betydning ${name}`,
      text: 'Anbefalt høy.',
      proposedSignificance: 'høy',
      documents: [secretPdf],
    });
    expect(created.statusCode).toBe(201);
    return {
      procurementId: procurement.json().id as string,
      caseId: created.json().id as string,
      documentId: created.json().documents[0].id as string,
    };
  }
  const readDocument = (username: string, c: { caseId: string; documentId: string }) =>
    get(username, `/api/cases/${c.caseId}/documents/${c.documentId}`);
  const getCase = async (username: string, caseId: string) =>
    (await get(username, `/api/cases/${caseId}`)).json();
  const inbox = async (username: string) =>
    (await get(username, '/api/my/notifications')).json<{
      items: Array<{
        kind: string;
        title: string;
        link: string;
      }>;
    }>().items;

  const audit = async (caseId: string) =>
    (await get('sekretariat', `/api/audit?entityType=case&entityId=${caseId}&limit=100`)).json<{
      entries: Array<{ action: string; actorUsername: string; before: unknown; after: unknown }>;
    }>().entries;

  it('keeps a reported conflict until the RHF decides: the member cannot withdraw it by voting', async () => {
    const c = await newCase('Stenter');
    expect(
      (await post('medlem', `/api/cases/${c.caseId}/habilitet`, { statement: 'noKnownConflict' })).statusCode,
    ).toBe(200);
    expect((await readDocument('medlem', c)).statusCode).toBe(200);
    const reported = await post('medlem', `/api/cases/${c.caseId}/habilitet`, {
      statement: 'possibleConflict',
      reason: 'Styreverv hos en mulig tilbyder.',
    });
    expect(reported.statusCode).toBe(200);
    expect(reported.json().viewer).toMatchObject({
      habilitet: 'reported',
      isConflicted: true,
      canVote: false,
    });
    // The exploit of the issue: vote "approve" to make the conflict go away. Refused; documents stay closed.
    const vote = await post('medlem', `/api/cases/${c.caseId}/votes`, { vote: 'approve', comment: null });
    expect(vote.statusCode).toBe(403);
    expect(vote.json().detail).toContain('venter på RHF-ets avgjørelse');
    const takeBack = await post('medlem', `/api/cases/${c.caseId}/habilitet`, {
      statement: 'noKnownConflict',
    });
    expect(takeBack.statusCode).toBe(409);
    expect((await readDocument('medlem', c)).statusCode).toBe(403);
    const view = await getCase('medlem', c.caseId);
    expect(
      view.votes.filter((v: { personId: string }) => v.personId === view.habilitet.questions[0].personId),
    ).toEqual([]);
    // Helse Vest's contact is told, and sees the question with its reason; another member does not see the reason.
    expect(
      (await inbox('kontakt')).some((n) => n.kind === 'habilitetQuestion' && n.link === `/saker/${c.caseId}`),
    ).toBe(true);
    const pending = (await get('kontakt', '/api/habilitet/questions?status=pending')).json();
    expect(pending).toEqual([
      expect.objectContaining({ caseId: c.caseId, reason: 'Styreverv hos en mulig tilbyder.' }),
    ]);
    expect((await getCase('kir-hn', c.caseId)).habilitet.questions[0]).toMatchObject({
      status: 'pending',
      reason: null,
    });
    // Only the member's own RHF (or the secretariat on its behalf) decides; not another member, not the member.
    const questionId = pending[0].id as string;
    const decision = { outcome: 'ikkeInhabil', reason: 'Vervet gjelder ikke denne anskaffelsen.' };
    expect(
      (await post('medlem', `/api/habilitet/questions/${questionId}/decision`, decision)).statusCode,
    ).toBe(403);
    expect(
      (await post('kir-hn', `/api/habilitet/questions/${questionId}/decision`, decision)).statusCode,
    ).toBe(403);
    const decided = await post('kontakt', `/api/habilitet/questions/${questionId}/decision`, decision);
    expect(decided.statusCode).toBe(200);
    expect(decided.json().habilitet.questions[0]).toMatchObject({
      status: 'ikkeInhabil',
      decidedByName: 'Kristian Kontaktmo',
      decidedAs: 'rhfContact',
      // The decision's day is the clock's Norwegian day, not the row's transaction time.
      decidedOn: TEST_TODAY,
    });
    expect(
      (await post('kontakt', `/api/habilitet/questions/${questionId}/decision`, decision)).statusCode,
    ).toBe(409);
    // "Ikke inhabil": the documents open and the member votes.
    expect((await readDocument('medlem', c)).statusCode).toBe(200);
    expect(
      (await post('medlem', `/api/cases/${c.caseId}/votes`, { vote: 'approve', comment: null })).statusCode,
    ).toBe(200);
    expect((await inbox('medlem')).some((n) => n.kind === 'habilitetDecided')).toBe(true);
    // Every step is audited, by whom, with the state before and after; the refused vote and withdrawal are not.
    const entries = await audit(c.caseId);
    const habilitetSteps = entries.filter((e) =>
      ['declareNoConflict', 'raiseHabilitetQuestion', 'decideHabilitet'].includes(e.action),
    );
    expect(habilitetSteps).toHaveLength(3);
    expect(entries.find((e) => e.action === 'declareNoConflict')).toMatchObject({
      actorUsername: 'medlem',
      before: { habilitet: 'unanswered' },
      after: { habilitet: 'noKnownConflict' },
    });
    expect(entries.find((e) => e.action === 'raiseHabilitetQuestion')).toMatchObject({
      actorUsername: 'medlem',
      before: { habilitet: 'noKnownConflict', vote: null },
      after: { questionId, habilitet: 'reported', reason: 'Styreverv hos en mulig tilbyder.' },
    });
    expect(entries.find((e) => e.action === 'decideHabilitet')).toMatchObject({
      actorUsername: 'kontakt',
      before: { questionId, status: 'pending' },
      after: { questionId, status: 'ikkeInhabil', decidedAs: 'rhfContact' },
    });
  });

  it('keeps the documents closed for good when the RHF decides inhabil, and the case is not quorate without Helse Vest', async () => {
    const c = await newCase('Hofteproteser');
    await post('medlem', `/api/cases/${c.caseId}/votes`, {
      vote: 'conflict',
      comment: 'Nær familie hos en tilbyder.',
    });
    const [question] = (await get('kontakt', '/api/habilitet/questions?status=pending')).json();
    expect(question.caseId).toBe(c.caseId);
    expect(
      (
        await post('kontakt', `/api/habilitet/questions/${question.id}/decision`, {
          outcome: 'inhabil',
          reason: 'Nær familie i ledelsen hos tilbyder.',
        })
      ).statusCode,
    ).toBe(200);
    expect((await readDocument('medlem', c)).statusCode).toBe(403);
    expect(
      (await post('medlem', `/api/cases/${c.caseId}/votes`, { vote: 'approve', comment: null })).statusCode,
    ).toBe(403);
    for (const username of ['kir-hn', 'kir-hmn', 'kir-hso'])
      expect(
        (await post(username, `/api/cases/${c.caseId}/votes`, { vote: 'approve', comment: null })).statusCode,
      ).toBe(200);
    const view = await getCase('kir-hn', c.caseId);
    expect(view.status).toBe('open');
    expect(view.decisionNumber).toBeNull();
    expect(view.tally.status).toBe('notQuorate');
    expect(view.habilitet).toMatchObject({
      quorate: false,
      quorumReason: expect.stringContaining('Helse Vest'),
    });
    expect(view.habilitet.quorumReason).toContain('inhabil');
    // The leader and Helse Vest's contact are told; the leader (or the secretariat) can escalate.
    expect(
      (await inbox('kontakt')).some((n) => n.kind === 'caseNotQuorate' && n.link === `/saker/${c.caseId}`),
    ).toBe(true);
    const kir = (await get('sekretariat', '/api/steering-groups'))
      .json<
        Array<{ id: string; members: Array<{ personId: string; isLeader: boolean; isActive: boolean }> }>
      >()
      .find((g) => g.id === kirId)!;
    const leader = kir.members.find((m) => m.isLeader && m.isActive)!;
    const toldLeader = await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.personId, leader.personId), eq(notifications.kind, 'caseNotQuorate')));
    expect(toldLeader.some((n) => n.link === `/saker/${c.caseId}` && n.body?.includes('Helse Vest'))).toBe(
      true,
    );
    expect((await getCase('sekretariat', c.caseId)).viewer.canEscalate).toBe(true);
    // The secretariat may not decide again, and the member's state is shown as inhabil by Helse Vest's decision.
    expect(view.habilitet.members.find((m: { state: string }) => m.state === 'inhabil')).toMatchObject({
      rhfName: 'Helse Vest RHF',
    });
  });

  it('raises a habilitet question from a supplier match and tells the member and their RHF contact', async () => {
    const c = await newCase('Hjerteklaffer');
    const before = (await inbox('medlem')).length;
    const bad = await send('sekretariat', 'PUT', `/api/procurements/${c.procurementId}/suppliers`, {
      suppliers: [{ name: 'Feil AS', organisationNumber: '123456789' }],
    });
    expect(bad.statusCode).toBe(400);
    const result = await send('sekretariat', 'PUT', `/api/procurements/${c.procurementId}/suppliers`, {
      suppliers: [
        { name: 'Vestlandske Hjerteklaffer AS', organisationNumber: '998 877 660' },
        { name: 'Annen leverandør AS', organisationNumber: '998877679' },
      ],
    });
    expect(result.statusCode).toBe(200);
    expect(result.json().raisedQuestions).toBe(1);
    const view = await getCase('medlem', c.caseId);
    expect(view.viewer.habilitet).toBe('reported');
    expect(view.habilitet.questions).toEqual([
      expect.objectContaining({
        source: 'supplierMatch',
        status: 'pending',
        reason: expect.stringContaining('998877660'),
      }),
    ]);
    const told = (await inbox('medlem')).slice(0, (await inbox('medlem')).length - before);
    expect(told.some((n) => n.kind === 'habilitetQuestion')).toBe(true);
    expect(
      (await inbox('kontakt')).some((n) => n.kind === 'habilitetQuestion' && n.link === `/saker/${c.caseId}`),
    ).toBe(true);
    // Saving the same list again does not ask again.
    const again = await send('sekretariat', 'PUT', `/api/procurements/${c.procurementId}/suppliers`, {
      suppliers: [{ name: 'Vestlandske Hjerteklaffer AS', organisationNumber: '998877660' }],
    });
    expect(again.json().raisedQuestions).toBe(0);
    // A member who later declares an interest in a known supplier of the case is asked there and then.
    const supplierOfCase = {
      organisationName: 'Annen leverandør AS',
      organisationNumber: '998 877 679',
      relation: 'ownership',
      fromDate: '2025-01-01',
    };
    await send('sekretariat', 'PUT', `/api/procurements/${c.procurementId}/suppliers`, {
      suppliers: [
        { name: 'Vestlandske Hjerteklaffer AS', organisationNumber: '998877660' },
        { name: 'Annen leverandør AS', organisationNumber: '998877679' },
      ],
    });
    expect((await getCase('kir-hn', c.caseId)).viewer.habilitet).toBe('unanswered');
    expect(
      (await send('kir-hn', 'PUT', '/api/my/declaration', { interests: [supplierOfCase] })).statusCode,
    ).toBe(200);
    const declared = await getCase('kir-hn', c.caseId);
    expect(declared.viewer.habilitet).toBe('reported');
    expect(declared.habilitet.questions).toContainEqual(
      expect.objectContaining({ source: 'supplierMatch', status: 'pending' }),
    );
    expect((await readDocument('kir-hn', c)).statusCode).toBe(403);
    // Confirming the same declaration again asks nothing new.
    await send('kir-hn', 'PUT', '/api/my/declaration', { interests: [supplierOfCase] });
    // (Mona's question from the supplier list and the Helse Nord member's from the declaration, one each.)
    expect((await getCase('kir-hn', c.caseId)).habilitet.questions).toHaveLength(2);

    // A case brought after the suppliers are known raises the question on submission.
    const later = await post('sekretariat', '/api/procurements', {
      name: 'Hjerteventiler',
      categoryCode: 'KIR',
      participatingHfIds: nationalHfIds,
    });
    const laterId = later.json().id as string;
    const listed = await send('sekretariat', 'PUT', `/api/procurements/${laterId}/suppliers`, {
      suppliers: [{ name: 'Vestlandske Hjerteklaffer AS', organisationNumber: '998877660', role: 'awarded' }],
    });
    expect(listed.json().raisedQuestions).toBe(0);
    const submitted = await post('sekretariat', `/api/procurements/${laterId}/cases`, {
      gate: 'significance',
      title: 'Strategisk betydning hjerteventiler',
      text: 'Anbefalt høy.',
      proposedSignificance: 'høy',
      documents: [],
    });
    expect(submitted.statusCode).toBe(201);
    expect((await getCase('medlem', submitted.json().id)).habilitet.questions).toEqual([
      expect.objectContaining({ source: 'supplierMatch', status: 'pending' }),
    ]);
  });

  it('keeps interest declarations with 12-month renewal and an overview of what is due', async () => {
    const mine = (await get('medlem', '/api/my/declaration')).json();
    expect(mine).toMatchObject({
      status: 'dueSoon',
      interests: [expect.objectContaining({ relation: 'boardSeat' })],
    });
    const invalid = await send('kir-hn', 'PUT', '/api/my/declaration', {
      interests: [
        {
          organisationName: 'Feil AS',
          organisationNumber: '123456789',
          relation: 'ownership',
          fromDate: '2024-01-01',
        },
      ],
    });
    expect(invalid.statusCode).toBe(400);
    const confirmed = await send('kir-hn', 'PUT', '/api/my/declaration', { interests: [] });
    expect(confirmed.json()).toMatchObject({
      status: 'current',
      confirmedOn: TEST_TODAY,
      dueOn: '2027-06-15',
    });
    const overview = (await get('kontakt', '/api/habilitet/declarations')).json<
      Array<{
        personName: string;
        rhfName: string;
        status: string;
      }>
    >();
    expect(overview.length).toBeGreaterThan(0);
    expect(overview.every((row) => row.rhfName === 'Helse Vest RHF')).toBe(true);
    expect(overview.find((row) => row.personName === 'Mona Styringsdal')?.status).toBe('dueSoon');
    const all = (await get('sekretariat', '/api/habilitet/declarations')).json<Array<{ status: string }>>();
    expect(all.some((row) => row.status === 'missing')).toBe(true);
    expect((await get('medlem', '/api/habilitet/declarations')).statusCode).toBe(403);
  });

  it('refuses the vote of a member whose RHF has not recorded the appointment check', async () => {
    const groups = (await get('sekretariat', '/api/steering-groups')).json<
      Array<{
        id: string;
        members: Array<{ id: string; personName: string; rhfId: string; isActive: boolean }>;
      }>
    >();
    const kir = groups.find((g) => g.id === kirId)!;
    const mona = kir.members.find((m) => m.personName === 'Mona Styringsdal')!;
    // Helse Vest replaces Mona with the IKT member; the new membership has no habilitet check yet.
    const me = (await get('ikt-hv', '/api/auth/me')).json();
    expect(
      (await send('kontakt', 'DELETE', `/api/steering-groups/${kirId}/members/${mona.id}`)).statusCode,
    ).toBe(204);
    const added = await post('kontakt', `/api/steering-groups/${kirId}/members`, {
      personId: me.personId ?? me.user?.personId,
      rhfId: mona.rhfId,
      termStart: '2026-01-01',
      termEnd: '2027-12-31',
      competenceAreas: ['marked'],
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().appointmentCheck).toBeNull();
    const checks = (await get('sekretariat', `/api/steering-groups/${kirId}`)).json<{
      checks: Array<{ code: string; level: string }>;
    }>().checks;
    expect(checks).toContainEqual(
      expect.objectContaining({ code: 'appointmentCheckMissing', level: 'error' }),
    );
    const c = await newCase('Kateter');
    const refused = await post('ikt-hv', `/api/cases/${c.caseId}/votes`, { vote: 'approve', comment: null });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('habilitetssjekk');
    expect((await getCase('kir-hn', c.caseId)).habilitet.quorumReason).toContain(
      'mangler RHF-ets habilitetssjekk',
    );
    // Another RHF's contact may not record it; Helse Vest's contact does, and the vote counts.
    const check = { outcome: 'cleared', note: 'Ingen interesser i kategorien.' };
    expect(
      (await send('kir-hn', 'PUT', `/api/memberships/${added.json().id}/appointment-check`, check))
        .statusCode,
    ).toBe(403);
    const recorded = await send(
      'kontakt',
      'PUT',
      `/api/memberships/${added.json().id}/appointment-check`,
      check,
    );
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({
      outcome: 'cleared',
      checkedByName: 'Kristian Kontaktmo',
      checkedAs: 'rhfContact',
      checkedOn: TEST_TODAY,
    });
    expect(
      (await post('ikt-hv', `/api/cases/${c.caseId}/votes`, { vote: 'approve', comment: null })).statusCode,
    ).toBe(200);
  });
});
