// RHF information duties over HTTP (issue 9 item 7; seed 001 §7 "Kontaktperson RHF", Vedlegg 01 §7.7): the
// contacts of a participating RHF are told (inbox and e-mail, in the writing transaction) of final significance
// høy, risk profile høy, cases at decide gates, dissent, escalations and habilitet questions; a weekly digest.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { mailOutbox } from '../../src/db/schema.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { App } from '../../src/shared/http.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';

describe.each(databaseKinds)('RHF information duties on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  const cookies: Record<string, string> = {};
  const users = ['sekretariat', 'medlem', 'kontakt', 'kir-hn', 'kir-hmn', 'kir-hso'];
  const kirMembers = ['medlem', 'kir-hn', 'kir-hmn', 'kir-hso'];
  let hfByRhfCode = new Map<string, string>();
  let nationalHfIds: string[] = [];

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    app = await buildApp(
      { db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: fixedClock(TEST_TODAY) },
      { serveWeb: false },
    );
    for (const username of users) await login(username);
    const organisations = (await get('sekretariat', '/api/organisations')).json<
      Array<{ id: string; code: string; kind: string; rhfId: string | null }>
    >();
    const codeOf = new Map(organisations.map((org) => [org.id, org.code]));
    hfByRhfCode = new Map();
    for (const org of organisations)
      if (org.kind === 'HF' && org.rhfId && !hfByRhfCode.has(codeOf.get(org.rhfId)!))
        hfByRhfCode.set(codeOf.get(org.rhfId)!, org.id);
    nationalHfIds = [...hfByRhfCode.values()];
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  async function login(username: string, password = 'demo') {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    expect(response.statusCode).toBe(200);
    cookies[username] = `styr_session=${response.cookies.find((c) => c.name === 'styr_session')!.value}`;
  }
  const get = (username: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  const send = (username: string, method: 'POST' | 'PUT', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { cookie: cookies[username]! }, payload: payload as object });
  const post = (username: string, url: string, payload: unknown) => send(username, 'POST', url, payload);
  const inbox = async (username: string) =>
    (await get(username, '/api/my/notifications')).json<
      Array<{ kind: string; title: string; body: string | null; link: string }>
    >();
  const mailTo = (address: string) =>
    database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address));

  async function newProcurement(name: string, hfIds = nationalHfIds) {
    const created = await post('sekretariat', '/api/procurements', {
      name,
      categoryCode: 'KIR',
      participatingHfIds: hfIds,
    });
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  }
  async function submit(procurementId: string, gate: string, title: string, extra: object = {}) {
    const created = await post('sekretariat', `/api/procurements/${procurementId}/cases`, {
      gate,
      title,
      text: 'Saksframlegg.',
      documents: [],
      ...extra,
    });
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  }

  it('tells the contact of a participating RHF of decide gates, final significance høy and risk høy, in inbox and mail', async () => {
    const procurementId = await newProcurement('Stenter til hjertekirurgi');
    const caseId = await submit(procurementId, 'significance', 'Strategisk betydning for stenter', {
      proposedSignificance: 'høy',
    });
    const atGate = (await inbox('kontakt')).find((n) => n.link === `/saker/${caseId}`);
    expect(atGate).toMatchObject({
      kind: 'rhfInformation',
      title: 'Sak til beslutning: Strategisk betydning for stenter',
    });
    // The e-mail is queued in the same transaction: title and link, never the case text.
    const mails = await mailTo('kontakt@demo.styringsportalen.no');
    const mail = mails.find((m) => m.subject === atGate!.title)!;
    expect(mail.textBody).toBe(`/saker/${caseId}`);

    for (const username of kirMembers)
      expect(
        (await post(username, `/api/cases/${caseId}/votes`, { vote: 'approve', comment: null })).statusCode,
      ).toBe(200);
    expect(
      (await inbox('kontakt')).find((n) => n.title === 'Høy strategisk betydning: Stenter til hjertekirurgi'),
    ).toMatchObject({ kind: 'rhfInformation', body: expect.stringContaining('KIR-2026-') });

    const risk = await send('sekretariat', 'PUT', `/api/procurements/${procurementId}/risk`, {
      profile: 'høy',
      note: null,
    });
    expect(risk.statusCode).toBe(200);
    const highRisk = (await inbox('kontakt')).filter(
      (n) => n.title === 'Høy risiko: Stenter til hjertekirurgi',
    );
    expect(highRisk).toEqual([
      expect.objectContaining({
        link: `/anskaffelser/${procurementId}`,
        body: 'Anskaffelsen har fått risikoprofil høy.',
      }),
    ]);
    // Reassessed as høy again: nothing new to tell.
    await send('sekretariat', 'PUT', `/api/procurements/${procurementId}/risk`, {
      profile: 'høy',
      note: null,
    });
    expect(
      (await inbox('kontakt')).filter((n) => n.title === 'Høy risiko: Stenter til hjertekirurgi'),
    ).toHaveLength(1);
    expect(
      (await mailTo('kontakt@demo.styringsportalen.no')).filter(
        (m) => m.subject === 'Høy risiko: Stenter til hjertekirurgi',
      ),
    ).toHaveLength(1);
  });

  it('tells the contact of dissent and escalation; a region that does not take part hears nothing', async () => {
    const procurementId = await newProcurement('Suturer');
    const caseId = await submit(procurementId, 'significance', 'Betydning suturer', {
      proposedSignificance: 'medium',
    });
    expect(
      (await post('kir-hn', `/api/cases/${caseId}/votes`, { vote: 'object', comment: 'Bør være høy.' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await inbox('kontakt')).find((n) => n.title === 'Dissens i styringsgruppen: Betydning suturer'),
    ).toMatchObject({ kind: 'rhfInformation', link: `/saker/${caseId}` });
    const escalated = await post('sekretariat', `/api/cases/${caseId}/escalation`, {
      reason: 'dissent',
      brief: 'Felles notat.',
      recommendation: 'Sett betydning høy.',
    });
    expect(escalated.statusCode).toBe(200);
    expect(
      (await inbox('kontakt')).some((n) => n.kind === 'escalation' && n.link === `/saker/${caseId}`),
    ).toBe(true);

    // Only Helse Nord and Helse Midt-Norge take part: Helse Vest's contact is not told.
    const other = await newProcurement('Kirurgiske hansker nord', [
      hfByRhfCode.get('HN')!,
      hfByRhfCode.get('HMN')!,
    ]);
    const otherCase = await submit(other, 'significance', 'Betydning hansker nord', {
      proposedSignificance: 'lav',
    });
    await send('sekretariat', 'PUT', `/api/procurements/${other}/risk`, { profile: 'høy', note: null });
    const told = await inbox('kontakt');
    expect(told.some((n) => n.link === `/saker/${otherCase}` || n.link === `/anskaffelser/${other}`)).toBe(
      false,
    );
  });
});
