// RHF information duties over HTTP (issue 9 item 7; seed 001 §7 "Kontaktperson RHF", Vedlegg 01 §7.7): the
// contacts of a participating RHF are told (inbox and e-mail, in the writing transaction) of final significance
// høy, risk profile høy, cases at decide gates, dissent, escalations and habilitet questions; a weekly digest.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { mailOutbox, rhfDigests } from '../../src/db/schema.js';
import { decodeMailBody } from '../../src/features/notifications/mail-body.js';
import { runSecretariatJobs } from '../../src/features/meetings/secretariat-jobs.js';
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
    (await get(username, '/api/my/notifications')).json<{
      items: Array<{ kind: string; title: string; body: string | null; link: string }>;
    }>().items;
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

  it('sends each RHF contact a weekly digest with what seed 001 §7 names, once per ISO week, and shows it as a page', async () => {
    // A planned procurement (in the 2026 anskaffelsesplan, out for the RHFs' feedback) with an open case.
    const planned = await newProcurement('Ortopediske implantater');
    const plan = await post('sekretariat', '/api/annual-plans/2026', {});
    expect([201, 409]).toContain(plan.statusCode);
    expect(
      (
        await send('sekretariat', 'PUT', '/api/annual-plans/2026/items', {
          procurementId: planned,
          initialSignificance: 'høy',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await post('sekretariat', '/api/annual-plans/2026/status', { status: 'rhfFeedback' })).statusCode,
    ).toBe(200);
    expect(
      (
        await send('sekretariat', 'PUT', `/api/procurements/${planned}/significance/initial`, {
          value: 'høy',
          note: null,
        })
      ).statusCode,
    ).toBe(200);
    const openCase = await submit(planned, 'significance', 'Betydning ortopediske implantater', {
      proposedSignificance: 'høy',
    });
    // A habilitet question awaiting Helse Vest's decision.
    expect(
      (
        await post('medlem', `/api/cases/${openCase}/habilitet`, {
          statement: 'possibleConflict',
          reason: 'Nær familie hos en tilbyder.',
        })
      ).statusCode,
    ).toBe(200);
    // Helse Vest's contact is told by e-mail as well, without the member's reason.
    const questionMail = (await mailTo('kontakt@demo.styringsportalen.no')).find(
      (m) => m.subject === 'Habilitetsspørsmål for Mona Styringsdal: Betydning ortopediske implantater',
    )!;
    expect(decodeMailBody(questionMail.textBody).link).toBe(`/saker/${openCase}`);
    expect(questionMail.textBody).not.toContain('Nær familie');
    // An ad-hoc procurement whose risk changed this week from medium to høy.
    const adHoc = await newProcurement('Sterile hansker ad hoc');
    await send('sekretariat', 'PUT', `/api/procurements/${adHoc}/risk`, { profile: 'høy', note: null });

    const page = await get('kontakt', '/api/habilitet/rhf-digest');
    expect(page.statusCode).toBe(200);
    const view = page.json();
    expect(view.week).toBe('2026-W25');
    expect(view.digests).toHaveLength(1);
    const [digest] = view.digests;
    expect(digest.rhfName).toBe('Helse Vest RHF');
    const names = (list: Array<{ name: string }>) => list.map((p) => p.name);
    expect(names(digest.planned)).toContain('Ortopediske implantater');
    // Each procurement with its status, risk profile and significance (§7: "status planlagte og ad-hoc").
    expect(digest.planned.find((p: { name: string }) => p.name === 'Ortopediske implantater')).toMatchObject({
      status: 'planned',
      planned: true,
      significance: 'høy',
    });
    expect(digest.adHoc.find((p: { name: string }) => p.name === 'Sterile hansker ad hoc')).toMatchObject({
      status: 'planned',
      planned: false,
      riskProfile: 'høy',
    });
    expect(names(digest.adHoc)).toContain('Sterile hansker ad hoc');
    expect(names(digest.adHoc)).not.toContain('Ortopediske implantater');
    expect(digest.riskChanges).toContainEqual(
      expect.objectContaining({ procurementName: 'Sterile hansker ad hoc', from: null, to: 'høy' }),
    );
    expect(names(digest.highRisk)).toEqual(
      expect.arrayContaining([
        'Sterile hansker ad hoc',
        'Ortopediske implantater',
        'Stenter til hjertekirurgi',
      ]),
    );
    expect(digest.openCases.map((c: { id: string }) => c.id)).toContain(openCase);
    const awaiting = digest.awaiting.map((a: { kind: string; title: string }) => `${a.kind}: ${a.title}`);
    expect(awaiting).toEqual(
      expect.arrayContaining([
        'escalation: Betydning suturer (Suturer)',
        'habilitetQuestion: Mona Styringsdal: Betydning ortopediske implantater',
        'annualPlanFeedback: Ortopediske implantater (anskaffelsesplan 2026)',
      ]),
    );
    // Helse Nord's procurement is not in Helse Vest's digest; members do not see the digest.
    expect(names([...digest.planned, ...digest.adHoc])).not.toContain('Kirurgiske hansker nord');
    expect((await get('medlem', '/api/habilitet/rhf-digest')).statusCode).toBe(403);
    expect((await get('sekretariat', '/api/habilitet/rhf-digest')).json().digests).toHaveLength(4);

    // The job: one digest per contact per ISO week, by inbox and e-mail; a second run sends nothing.
    const jobs = (today: string) =>
      runSecretariatJobs({
        db: database.db,
        config: loadConfig({}),
        clock: fixedClock(today),
        mail: app.mail,
      });
    const first = await jobs(TEST_TODAY);
    expect(first.rhfDigests).toBe(1);
    expect(first.declarationReminders).toBeGreaterThan(0);
    const again = await jobs('2026-06-21'); // Sunday, same ISO week
    expect(again).toMatchObject({ rhfDigests: 0, declarationReminders: 0 });
    const told = (await inbox('kontakt')).filter((n) => n.kind === 'rhfDigest');
    expect(told).toEqual([
      expect.objectContaining({
        title: 'Ukesoversikt uke 25 for Helse Vest RHF',
        link: '/habilitet/ukesoversikt',
      }),
    ]);
    const [mail] = (await mailTo('kontakt@demo.styringsportalen.no')).filter((m) =>
      m.subject.startsWith('Ukesoversikt'),
    );
    const lines = decodeMailBody(mail!.textBody).lines;
    expect(lines[0]).toBe('Ukesoversikt 2026-W25 for Helse Vest RHF (per 2026-06-15)');
    for (const heading of [
      'Planlagte anskaffelser',
      'Ad hoc-anskaffelser',
      'Endringer i risikovurderingen',
      'Viktige saker og saker med høy risiko',
      'Åpne saker',
      'Venter på svar fra Helse Vest RHF',
    ])
      expect(lines.some((line) => line.startsWith(heading))).toBe(true);
    expect(lines).toContain('- Sterile hansker ad hoc: ikke vurdert → høy');
    expect(lines).toContain('- Sterile hansker ad hoc: planlagt, risiko høy');
    expect(lines).toContain(
      '- Habilitetsspørsmål venter på RHF-ets avgjørelse: Mona Styringsdal: Betydning ortopediske implantater',
    );
    expect(lines).toContain('- Eskalert sak venter på RHF-ets svar: Betydning suturer (Suturer)');
    // The case text and the habilitet reason never go by mail.
    expect(lines.join('\n')).not.toContain('Nær familie');
    expect((await get('kontakt', '/api/habilitet/rhf-digest')).json().lastSent).toEqual({
      isoWeek: '2026-W25',
      sentOn: TEST_TODAY,
    });
    // Next week: a new digest, counting risk changes from last week's.
    await send('sekretariat', 'PUT', `/api/procurements/${adHoc}/risk`, { profile: 'medium', note: null });
    // A pinned clock weeks ahead of the database's time repeats no declaration reminder (once per due date).
    expect(await jobs('2026-06-22')).toMatchObject({ rhfDigests: 1, declarationReminders: 0 });
    const nextWeek = (
      await database.db.select().from(rhfDigests).where(eq(rhfDigests.isoWeek, '2026-W26'))
    )[0]!;
    const [hv] = nextWeek.content as Array<{ since: string; riskChanges: unknown[] }>;
    expect(hv!.since).toBe('2026-W25');
    expect(hv!.riskChanges).toEqual([
      expect.objectContaining({ procurementName: 'Sterile hansker ad hoc', from: 'høy', to: 'medium' }),
    ]);
  });

  it('holds the vote of a case "drøftes med RHF-ene" until each participating RHF has acknowledged', async () => {
    // Contacts for the other three RHFs (the demo has Helse Vest's only).
    const organisations = (await get('sekretariat', '/api/organisations')).json<
      Array<{ id: string; code: string; kind: string }>
    >();
    const rhfId = (code: string) => organisations.find((o) => o.kind === 'RHF' && o.code === code)!.id;
    for (const code of ['HN', 'HMN', 'HSO']) {
      const person = await post('sekretariat', '/api/people', {
        name: `Kontakt ${code}`,
        email: `kontakt-${code.toLowerCase()}@demo.styringsportalen.no`,
        organisationId: rhfId(code),
      });
      expect(person.statusCode).toBe(201);
      const account = await post('sekretariat', '/api/users', {
        personId: person.json().id,
        username: `kontakt-${code.toLowerCase()}`,
        password: 'drofting-passord',
        roles: [{ role: 'rhfContact', organisationId: rhfId(code) }],
      });
      expect(account.statusCode).toBe(201);
      await login(`kontakt-${code.toLowerCase()}`, 'drofting-passord');
    }

    const procurementId = await newProcurement('Robotkirurgi');
    const caseId = await submit(procurementId, 'significance', 'Betydning robotkirurgi', {
      proposedSignificance: 'høy',
    });
    const discussionUrl = `/api/cases/${caseId}/rhf-discussion`;
    // Of the members only the group leader marks it (besides the secretariat and the procurement lead).
    const statuses: number[] = [];
    let marked: Awaited<ReturnType<typeof post>> | null = null;
    for (const username of kirMembers) {
      const response = await post(username, discussionUrl, { note: 'Tas opp i AD-møtet.' });
      statuses.push(response.statusCode);
      if (response.statusCode === 200) marked = response;
    }
    expect(statuses.sort()).toEqual([200, 403, 403, 403]);
    expect(marked!.json()).toMatchObject({
      marked: true,
      note: 'Tas opp i AD-møtet.',
      acknowledgementRequired: true,
      voteBlocker: expect.stringContaining('avstemningen åpner når'),
    });
    expect(marked!.json().awaitingRhfs).toHaveLength(4);
    expect((await post('sekretariat', discussionUrl, {})).statusCode).toBe(409);
    for (const username of ['kontakt', 'kontakt-hn', 'kontakt-hmn', 'kontakt-hso'])
      expect(
        (await inbox(username)).some(
          (n) => n.title === 'Drøftes med RHF-ene: Betydning robotkirurgi' && n.link === `/saker/${caseId}`,
        ),
      ).toBe(true);

    // The vote has not opened: refused with the reason, and shown so on the case.
    const early = await post('kir-hn', `/api/cases/${caseId}/votes`, { vote: 'approve', comment: null });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('Saken drøftes med RHF-ene');
    expect((await get('kir-hn', `/api/cases/${caseId}`)).json().viewer).toMatchObject({
      canVote: false,
      cannotVoteReason: expect.stringContaining('Helse Nord RHF'),
    });
    // It awaits each RHF in their digest.
    const digest = (await get('kontakt-hn', '/api/habilitet/rhf-digest')).json().digests[0];
    expect(digest.awaiting).toContainEqual({
      kind: 'rhfDiscussion',
      title: 'Betydning robotkirurgi (Robotkirurgi)',
      link: `/saker/${caseId}`,
    });

    // Only the RHF's own contact (or the secretariat for it) acknowledges, once.
    const ack = (username: string, code: string) =>
      post(username, `${discussionUrl}/acknowledgements`, { rhfId: rhfId(code), note: null });
    expect((await ack('kontakt-hn', 'HV')).statusCode).toBe(403);
    expect((await ack('medlem', 'HV')).statusCode).toBe(403);
    expect((await ack('kontakt', 'HV')).statusCode).toBe(200);
    expect((await ack('kontakt', 'HV')).statusCode).toBe(409);
    expect((await ack('kontakt-hn', 'HN')).statusCode).toBe(200);
    const bySecretariat = await ack('sekretariat', 'HMN');
    expect(bySecretariat.json().acknowledgements).toContainEqual(
      expect.objectContaining({ rhfName: 'Helse Midt-Norge RHF', acknowledgedAs: 'secretariat' }),
    );
    expect(
      (await post('kir-hn', `/api/cases/${caseId}/votes`, { vote: 'approve', comment: null })).statusCode,
    ).toBe(409);
    const last = await ack('kontakt-hso', 'HSO');
    expect(last.json()).toMatchObject({ voteBlocker: null, awaitingRhfs: [] });
    expect(
      (await inbox('kir-hn')).some((n) => n.title === 'Avstemningen er åpnet: Betydning robotkirurgi'),
    ).toBe(true);
    for (const username of kirMembers)
      expect(
        (await post(username, `/api/cases/${caseId}/votes`, { vote: 'approve', comment: null })).statusCode,
      ).toBe(200);
    expect((await get('kir-hn', `/api/cases/${caseId}`)).json().status).toBe('approved');

    // Only høy significance is marked; and once voting has begun it is too late.
    const medium = await submit(
      await newProcurement('Engangsinstrumenter'),
      'significance',
      'Betydning engangs',
      {
        proposedSignificance: 'medium',
      },
    );
    const refused = await post('sekretariat', `/api/cases/${medium}/rhf-discussion`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('høy strategisk betydning');
    const started = await submit(
      await newProcurement('Navigasjonsutstyr'),
      'significance',
      'Betydning navigasjon',
      {
        proposedSignificance: 'høy',
      },
    );
    await post('kir-hn', `/api/cases/${started}/votes`, { vote: 'approve', comment: null });
    expect((await post('sekretariat', `/api/cases/${started}/rhf-discussion`, {})).json().detail).toContain(
      'allerede i gang',
    );

    // The governance rules can turn the acknowledgement off (a new version): marked, but the vote is open.
    const config = (await get('sekretariat', '/api/governance/config')).json().current.habilitetRule.value;
    expect(config).toMatchObject({ rhfDiscussionAcknowledgement: true, faggruppeEscalationDays: 14 });
    expect(
      (
        await send('sekretariat', 'PUT', '/api/governance/config/habilitetRule', {
          value: { ...config, rhfDiscussionAcknowledgement: false },
          note: 'Drøfting uten bekreftelse',
        })
      ).statusCode,
    ).toBe(200);
    const open = await submit(await newProcurement('Endoskopi'), 'significance', 'Betydning endoskopi', {
      proposedSignificance: 'høy',
    });
    expect((await post('sekretariat', `/api/cases/${open}/rhf-discussion`, {})).json()).toMatchObject({
      marked: true,
      acknowledgementRequired: false,
      voteBlocker: null,
    });
    expect(
      (await post('kir-hn', `/api/cases/${open}/votes`, { vote: 'approve', comment: null })).statusCode,
    ).toBe(200);
  });

  it('warns "vurder utskifting" when a member is found inhabil in three cases within twelve months', async () => {
    const groups = (await get('sekretariat', '/api/steering-groups')).json<
      Array<{ id: string; code: string; checks: Array<{ code: string; message: string }> }>
    >();
    const kirId = groups.find((g) => g.code === 'KIR')!.id;
    const lastingChecks = async () =>
      (await get('kontakt', `/api/steering-groups/${kirId}`))
        .json<{ checks: Array<{ code: string; level: string; message: string }> }>()
        .checks.filter((c) => c.code === 'lastingInhabilitet');
    for (const [index, name] of ['Hofteledd', 'Kneledd', 'Skulderledd'].entries()) {
      expect(await lastingChecks()).toEqual([]);
      const caseId = await submit(await newProcurement(name), 'significance', `Betydning ${name}`, {
        proposedSignificance: 'lav',
      });
      await post('medlem', `/api/cases/${caseId}/habilitet`, {
        statement: 'possibleConflict',
        reason: 'Eierandel i en tilbyder.',
      });
      const question = (await get('kontakt', '/api/habilitet/questions?status=pending'))
        .json<Array<{ id: string; caseId: string }>>()
        .find((q) => q.caseId === caseId)!;
      expect(
        (
          await post('kontakt', `/api/habilitet/questions/${question.id}/decision`, {
            outcome: 'inhabil',
            reason: 'Eierandel i tilbyder.',
          })
        ).statusCode,
      ).toBe(200);
      const warned = (await inbox('kontakt')).filter((n) => n.kind === 'compositionWarning');
      expect(warned).toHaveLength(index === 2 ? 1 : 0);
    }
    expect(await lastingChecks()).toEqual([
      {
        code: 'lastingInhabilitet',
        level: 'warning',
        membershipIds: expect.any(Array),
        message: 'Vurder utskifting av Mona Styringsdal: inhabil i 3 saker siste 12 måneder.',
      },
    ]);
    expect((await inbox('kontakt')).find((n) => n.kind === 'compositionWarning')).toMatchObject({
      title: 'Vurder utskifting: Mona Styringsdal i Styringsgruppe KIR',
      link: `/styringsgrupper/${kirId}`,
    });
    // On the RHF contact's habilitet page; another RHF's contact does not see Helse Vest's member.
    expect((await get('kontakt', '/api/habilitet/composition-warnings')).json()).toEqual([
      expect.objectContaining({ personName: 'Mona Styringsdal', rhfName: 'Helse Vest RHF' }),
    ]);
    expect((await get('kontakt-hn', '/api/habilitet/composition-warnings')).json()).toEqual([]);
    expect((await get('medlem', '/api/habilitet/composition-warnings')).statusCode).toBe(403);
    // A stricter rule version (4 cases) lifts the warning.
    const config = (await get('sekretariat', '/api/governance/config')).json().current.habilitetRule.value;
    await send('sekretariat', 'PUT', '/api/governance/config/habilitetRule', {
      value: { ...config, lastingThreshold: 4 },
      note: null,
    });
    expect(await lastingChecks()).toEqual([]);
  });

  it('lets the RHF appoint a substitute for a single case that is not quorate without it', async () => {
    await login('ikt-hv');
    const meOf = async (username: string) => {
      const me = (await get(username, '/api/auth/me')).json();
      return (me.personId ?? me.user?.personId) as string;
    };
    const caseId = await submit(
      await newProcurement('Laparoskopi'),
      'significance',
      'Betydning laparoskopi',
      {
        proposedSignificance: 'lav',
      },
    );
    await post('medlem', `/api/cases/${caseId}/habilitet`, {
      statement: 'possibleConflict',
      reason: 'Styreverv hos tilbyder.',
    });
    const question = (await get('kontakt', '/api/habilitet/questions?status=pending'))
      .json<Array<{ id: string; caseId: string }>>()
      .find((q) => q.caseId === caseId)!;
    await post('kontakt', `/api/habilitet/questions/${question.id}/decision`, {
      outcome: 'inhabil',
      reason: 'Styreverv hos tilbyder.',
    });
    const before = (await get('kir-hn', `/api/cases/${caseId}`)).json();
    expect(before.tally.status).toBe('notQuorate');
    const helseVest = before.habilitet.members.find(
      (m: { rhfName: string }) => m.rhfName === 'Helse Vest RHF',
    ).rhfId as string;
    const substitute = await meOf('ikt-hv');
    const appoint = (username: string, personId: string) =>
      post(username, `/api/cases/${caseId}/substitutes`, {
        rhfId: helseVest,
        personId,
        reason: 'Mona er inhabil; Helse Vest må være representert.',
      });
    // Only Helse Vest's contact (or the secretariat for it); only someone who can log in as a member.
    expect((await appoint('kontakt-hn', substitute)).statusCode).toBe(403);
    expect((await appoint('medlem', substitute)).statusCode).toBe(403);
    const noRole = await appoint('kontakt', await meOf('kontakt-hn'));
    expect(noRole.statusCode).toBe(400);
    expect(noRole.json().detail).toContain('styringsgruppemedlem');
    const appointed = await appoint('kontakt', substitute);
    expect(appointed.statusCode).toBe(200);
    expect(appointed.json().eligibleMembers).toContainEqual(
      expect.objectContaining({ personId: substitute, rhfName: 'Helse Vest RHF' }),
    );
    expect(appointed.json().habilitet).toMatchObject({ quorate: true });
    expect(
      (await inbox('ikt-hv')).some(
        (n) => n.title === 'Du er oppnevnt som stedfortreder i saken «Betydning laparoskopi»',
      ),
    ).toBe(true);
    // Quorate now: no second substitute.
    expect((await appoint('sekretariat', await meOf('kir-hn'))).statusCode).toBe(409);
    for (const username of ['ikt-hv', 'kir-hn', 'kir-hmn', 'kir-hso'])
      expect(
        (await post(username, `/api/cases/${caseId}/votes`, { vote: 'approve', comment: null })).statusCode,
      ).toBe(200);
    const decided = (await get('kir-hn', `/api/cases/${caseId}`)).json();
    expect(decided.status).toBe('approved');
    expect(decided.decisionNumber).toMatch(/^KIR-2026-/);
    // The vedtaksprotokoll says who was inhabil, by whose decision, and that the substitute voted.
    const register = (
      await get('kir-hn', `/api/steering-groups/${decided.steeringGroupId}/decisions?limit=100`)
    ).json<{
      items: Array<{
        caseId: string;
        conflicts: string[];
        votes: Array<{ personName: string; vote: string }>;
        habilitet: unknown[];
      }>;
    }>().items;
    const entry = register.find((d) => d.caseId === caseId)!;
    expect(entry.conflicts).toEqual(['Mona Styringsdal']);
    expect(entry.habilitet).toEqual([
      {
        personName: 'Mona Styringsdal',
        rhfName: 'Helse Vest RHF',
        status: 'inhabil',
        decidedByName: 'Kristian Kontaktmo',
        decidedAs: 'rhfContact',
        decidedOn: TEST_TODAY,
      },
    ]);
    expect(entry.votes.map((v) => v.personName)).not.toContain('Mona Styringsdal');
    expect(entry.votes).toHaveLength(4);
    // The substitute decides this case only.
    const other = await submit(await newProcurement('Diatermi'), 'significance', 'Betydning diatermi', {
      proposedSignificance: 'lav',
    });
    expect(
      (await post('ikt-hv', `/api/cases/${other}/votes`, { vote: 'approve', comment: null })).statusCode,
    ).toBe(403);
  });
});
