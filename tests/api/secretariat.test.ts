// The portfolio secretariat over HTTP: meeting plan and calendar feeds (parsed back by node-ical), invitations
// and notices as e-mail to a real SMTP server, uploads refused with nothing stored, minutes and actions, training.
import ical from 'node-ical';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentVersions,
  memberships,
  people,
  steeringGroups,
  trainingCompletions,
  userAccounts,
} from '../../src/db/schema.js';
import { runSecretariatJobs } from '../../src/features/meetings/secretariat-jobs.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { App } from '../../src/shared/http.js';
import {
  buildTestApp,
  logInAll,
  startMailCatcher,
  type CaughtMail,
  type MailCatcher,
} from '../support/api.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';

const SECRET = 'HEMMELIG-PRIS-4711';
const SECRET_PART = 'SKJERMET-VURDERING-0815';
const SECRET_MEETING = 'UNNTATT-MOTENOTAT-2222';
const PUBLIC_CASE_PDF = Buffer.from('%PDF-1.4 offentlig saksnotat om hjerteventiler\n%%EOF');
const PUBLIC_MEETING_TXT = Buffer.from('Offentlig møtenotat: praktisk informasjon om møtet.');

describe.each(databaseKinds)('portfolio secretariat API on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  let smtp: MailCatcher;
  const mails: CaughtMail[] = [];
  const cookies: Record<string, string> = {};
  const as = (username: string) => ({ cookie: cookies[username]! });
  let kirId: string;
  let meetingIds: string[];
  const config = () => app.mail!;

  beforeAll(async () => {
    smtp = await startMailCatcher(mails);
    database = await createSeededDatabase(kind);
    app = await buildTestApp(database.db, {
      SMTP_URL: smtp.url,
      STYR_PUBLIC_URL: 'https://styr.example.no',
    });
    await logInAll(
      app,
      ['sekretariat', 'medlem', 'kir-hn', 'kir-hmn', 'kir-hso', 'ikt-hv', 'kontakt', 'leder', 'innkjop'],
      cookies,
    );
    const [kir] = await database.db.select().from(steeringGroups).where(eq(steeringGroups.code, 'KIR'));
    kirId = kir!.id;
    // The KIR members get e-mail addresses (the demo data gives them none).
    const kirMembers = await database.db
      .select()
      .from(memberships)
      .where(eq(memberships.steeringGroupId, kirId));
    for (const member of kirMembers) {
      const [account] = await database.db
        .select()
        .from(userAccounts)
        .where(eq(userAccounts.personId, member.personId));
      await database.db
        .update(people)
        .set({ email: `${account!.username}@helse.example.no` })
        .where(eq(people.id, member.personId));
    }
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
    await smtp?.close();
  });

  const send = (
    username: string,
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ) => app.inject({ method, url, headers: as(username), payload: payload as object });
  const get = (username: string, url: string) => app.inject({ method: 'GET', url, headers: as(username) });
  const drainMail = async () => {
    await config().drain();
    return mails;
  };

  it('proposes a yearly plan that the group approves as a numbered decision', async () => {
    const response = await send('sekretariat', 'POST', `/api/steering-groups/${kirId}/meeting-plans`, {
      year: 2026,
      meetings: [
        { startsAt: '2026-09-15T10:00:00+02:00', endsAt: '2026-09-15T12:00:00+02:00', location: 'Teams' },
        { startsAt: '2026-10-20T10:00:00+02:00', endsAt: '2026-10-20T12:00:00+02:00', location: 'Teams' },
        { startsAt: '2026-11-24T10:00:00+01:00', endsAt: '2026-11-24T12:00:00+01:00', location: 'Oslo' },
      ],
    });
    expect(response.statusCode).toBe(201);
    const planId = response.json().id as string;
    expect((await send('medlem', 'POST', `/api/meeting-plans/${planId}/approve`)).statusCode).toBe(403);
    const approved = await send('kir-hmn', 'POST', `/api/meeting-plans/${planId}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().decisionNumber).toMatch(/^KIR-2026-\d{2}$/);
    const workspace = (await get('medlem', `/api/steering-groups/${kirId}/workspace`)).json();
    expect(workspace.plans[0]).toMatchObject({ year: 2026, status: 'approved', meetingCount: 3 });
    meetingIds = workspace.meetings.map((m: { id: string }) => m.id);
    expect(meetingIds).toHaveLength(3);
  });

  it('keeps the workspace to members, the secretariat and RHF contacts (403 for others)', async () => {
    expect((await get('kontakt', `/api/steering-groups/${kirId}/workspace`)).statusCode).toBe(200);
    for (const username of ['ikt-hv', 'leder', 'innkjop']) {
      expect((await get(username, `/api/steering-groups/${kirId}/workspace`)).statusCode, username).toBe(403);
      expect((await get(username, `/api/meetings/${meetingIds[0]}`)).statusCode, username).toBe(403);
    }
  });

  it('serves a feed that an independent parser reads back, with a moved and a cancelled meeting', async () => {
    const moved = await send('sekretariat', 'PATCH', `/api/meetings/${meetingIds[1]}`, {
      startsAt: '2026-10-21T13:00:00+02:00',
      endsAt: '2026-10-21T15:00:00+02:00',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().sequence).toBe(1);
    const cancelled = await send('sekretariat', 'POST', `/api/meetings/${meetingIds[2]}/cancel`, {
      reason: 'Ingen saker',
    });
    expect(cancelled.json()).toMatchObject({ cancelled: true, cancelReason: 'Ingen saker', sequence: 1 });

    const feed = await send('medlem', 'POST', '/api/my/calendar-feeds', {});
    expect(feed.statusCode).toBe(201);
    const url = new URL(feed.json().url as string);
    expect(url.origin).toBe('https://styr.example.no');
    const ics = await app.inject({ method: 'GET', url: url.pathname }); // no cookie: Outlook subscribing
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('METHOD:PUBLISH');
    const events = Object.values(ical.sync.parseICS(ics.body)).filter(
      (c): c is ical.VEvent => c?.type === 'VEVENT',
    );
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const meetings = await Promise.all(
      meetingIds.map(async (id) => (await get('medlem', `/api/meetings/${id}`)).json()),
    );
    expect(events).toHaveLength(3);
    for (const meeting of meetings) {
      const event = byUid.get(meeting.uid)!;
      expect(event, meeting.uid).toBeDefined();
      expect(event.start.toISOString()).toBe(meeting.startsAt);
      expect(event.end?.toISOString()).toBe(meeting.endsAt);
      expect(Number(event.sequence)).toBe(meeting.sequence);
      expect(event.summary).toBe(`Styringsgruppe KIR: ${meeting.title}`);
    }
    expect(byUid.get(meetings[1].uid)!.start.toISOString()).toBe('2026-10-21T11:00:00.000Z');
    expect(byUid.get(meetings[1].uid)!.status).toBe('CONFIRMED');
    expect(byUid.get(meetings[2].uid)!.status).toBe('CANCELLED');

    const groupFeed = await send('kontakt', 'POST', '/api/my/calendar-feeds', { steeringGroupId: kirId });
    expect(
      (await app.inject({ method: 'GET', url: new URL(groupFeed.json().url).pathname })).statusCode,
    ).toBe(200);
    expect(
      (await send('ikt-hv', 'POST', '/api/my/calendar-feeds', { steeringGroupId: kirId })).statusCode,
    ).toBe(403);
    expect((await send('medlem', 'DELETE', `/api/my/calendar-feeds/${feed.json().id}`)).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/calendar/gjettet-token-som-ikke-finnes.ics' }))
        .statusCode,
    ).toBe(401);
  });

  it('mails invitations, moves and cancellations to the members, with a link and no exempt content', async () => {
    const procurement = (await get('sekretariat', '/api/procurements?q=Ablasjon')).json().items[0];
    const created = await send('sekretariat', 'POST', `/api/procurements/${procurement.id}/cases`, {
      gate: 'significance',
      title: 'Strategisk betydning hjerteventiler',
      text: 'Forslag: høy.',
      proposedSignificance: 'høy',
      documents: [
        {
          fileName: 'tilbud-acme.pdf',
          contentType: 'application/pdf',
          contentBase64: Buffer.from(`%PDF-1.4 ${SECRET}`).toString('base64'),
          restricted: true,
          legalBasis: 'offl23third',
        },
        {
          fileName: 'saksnotat.pdf',
          contentType: 'application/pdf',
          contentBase64: PUBLIC_CASE_PDF.toString('base64'),
        },
        {
          fileName: 'vurdering-medtronic.pdf',
          contentType: 'application/pdf',
          contentBase64: Buffer.from(`%PDF-1.4 ${SECRET_PART}`).toString('base64'),
          accessStatus: 'partlyExempt',
          legalBasis: 'offl13fvl13nr2',
          shieldedWords: ['medtronic'],
        },
      ],
    });
    expect(created.statusCode).toBe(201);
    // The meeting's own documents: one public, one exempt.
    const uploadToMeeting = (fileName: string, content: Buffer, access: object) =>
      send('sekretariat', 'POST', `/api/steering-groups/${kirId}/documents`, {
        fileName,
        contentType: 'text/plain',
        contentBase64: content.toString('base64'),
        meetingId: meetingIds[0],
        ...access,
      });
    expect((await uploadToMeeting('praktisk.txt', PUBLIC_MEETING_TXT, {})).statusCode).toBe(201);
    expect(
      (
        await uploadToMeeting('evaluering-bravo.txt', Buffer.from(SECRET_MEETING), {
          accessStatus: 'exempt',
          legalBasis: 'offl23third',
          shieldedWords: ['bravo'],
        })
      ).statusCode,
    ).toBe(201);
    const filled = await send('sekretariat', 'POST', `/api/meetings/${meetingIds[0]}/agenda/from-cases`);
    expect(filled.json().agenda.map((a: { title: string }) => a.title)).toContain(
      'Strategisk betydning hjerteventiler',
    );
    expect((await send('sekretariat', 'POST', `/api/meetings/${meetingIds[0]}/invitation`)).statusCode).toBe(
      200,
    );

    const all = await drainMail();
    const invitations = all.filter((m) => m.subject.startsWith('Innkalling'));
    expect(invitations.map((m) => m.to[0]).sort()).toEqual(
      [
        'kir-hmn@helse.example.no',
        'kir-hn@helse.example.no',
        'kir-hso@helse.example.no',
        'medlem@helse.example.no',
      ].sort(),
    );
    expect(invitations.every((m) => m.calendarMethod === 'REQUEST')).toBe(true);
    expect(invitations[0]!.text).toContain(`https://styr.example.no/moter/${meetingIds[0]}`);
    // The agenda is listed; the public documents are attached with their bytes, the others are not.
    const exemptContents = [`%PDF-1.4 ${SECRET}`, `%PDF-1.4 ${SECRET_PART}`, SECRET_MEETING].map((c) =>
      Buffer.from(c),
    );
    for (const invitation of invitations) {
      expect(invitation.text).toContain('Saksliste:');
      expect(invitation.text).toMatch(/1\. Strategisk betydning hjerteventiler/);
      expect(invitation.attachments.map((a) => a.filename).sort()).toEqual(['praktisk.txt', 'saksnotat.pdf']);
      const pdf = invitation.attachments.find((a) => a.filename === 'saksnotat.pdf')!;
      expect(pdf.contentType).toBe('application/pdf');
      expect(pdf.content.equals(PUBLIC_CASE_PDF)).toBe(true);
      expect(
        invitation.attachments.find((a) => a.filename === 'praktisk.txt')!.content.equals(PUBLIC_MEETING_TXT),
      ).toBe(true);
      expect(invitation.text.match(/Unntatt offentlighet – les i portalen/g)).toHaveLength(3);
      for (const secret of exemptContents) {
        expect(invitation.raw).not.toContain(secret.toString('base64'));
        for (const attachment of invitation.attachments)
          expect(attachment.content.includes(secret)).toBe(false);
      }
    }
    const cancellations = all.filter((m) => m.subject.startsWith('Avlyst'));
    expect(cancellations).toHaveLength(4);
    expect(cancellations.every((m) => m.calendarMethod === 'CANCEL')).toBe(true);
    expect(all.some((m) => m.subject.startsWith('Ny sak venter på deg'))).toBe(true);
    for (const mail of all) {
      for (const secret of [SECRET, SECRET_PART, SECRET_MEETING]) {
        expect(mail.raw).not.toContain(secret);
        expect(mail.text).not.toContain(secret);
      }
      for (const word of ['acme', 'medtronic', 'bravo', 'vurdering-', 'evaluering-', 'tilbud-'])
        expect(mail.raw.toLowerCase()).not.toContain(word);
      expect(mail.to.some((to) => to.includes('ikt-'))).toBe(false);
    }
    // The restricted case document is stored as exempt under the basis it named, offl. § 23 tredje ledd.
    const documents = (await get('medlem', `/api/steering-groups/${kirId}/documents?limit=500`)).json().items;
    // Paged on the server in upload order: a page is the slice of the whole list, with the total.
    const page = (await get('medlem', `/api/steering-groups/${kirId}/documents?limit=1&offset=1`)).json();
    expect(page).toMatchObject({ total: documents.length, limit: 1, offset: 1 });
    expect(page.items).toEqual(documents.slice(1, 2));
    expect(documents.find((d: { title: string }) => d.title === 'tilbud-acme.pdf')).toMatchObject({
      accessStatus: 'exempt',
      legalBasis: 'offl23third',
      noark: {
        tilgangsrestriksjon: '23',
        skjermingshjemmel: 'Offl. § 23 tredje ledd',
        skjermingDokument: 'Hele',
      },
    });
  });

  it('refuses an oversized file, a forged content type and a path as a name, storing nothing', async () => {
    const countVersions = async () =>
      (await database.db.select({ n: sql<number>`count(*)::int` }).from(documentVersions))[0]!;
    const before = (await countVersions()).n;
    const upload = (fileName: string, contentType: string, content: Buffer) =>
      send('sekretariat', 'POST', `/api/steering-groups/${kirId}/documents`, {
        fileName,
        contentType,
        contentBase64: content.toString('base64'),
      });
    const oversized = await upload(
      'stor.pdf',
      'application/pdf',
      Buffer.concat([Buffer.from('%PDF-1.7'), Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(oversized.statusCode).toBe(413);
    expect(oversized.json().detail).toMatch(/for stor.*grensen er 10,0 MB/);
    const forged = await upload('referat.pdf', 'application/pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(forged.statusCode).toBe(400);
    expect(forged.json().detail).toContain('stemmer ikke med innholdet');
    const traversal = await upload('../../x', 'text/plain', Buffer.from('hei'));
    expect(traversal.statusCode).toBe(400);
    expect(traversal.json().detail).toContain('skråstreker');
    const section14 = await send('sekretariat', 'POST', `/api/steering-groups/${kirId}/documents`, {
      fileName: 'notat.txt',
      contentType: 'text/plain',
      contentBase64: Buffer.from('Internt notat').toString('base64'),
      accessStatus: 'exempt',
      legalBasis: 'offl14',
    });
    expect(section14.statusCode).toBe(400);
    expect(section14.json().detail).toContain('ikke som et internt organ');
    expect((await countVersions()).n).toBe(before);

    const stored = await send('sekretariat', 'POST', `/api/steering-groups/${kirId}/documents`, {
      title: 'Evaluering av Acme Medical',
      fileName: 'evaluering.txt',
      contentType: 'text/plain',
      contentBase64: Buffer.from('Evaluering').toString('base64'),
      accessStatus: 'partlyExempt',
      legalBasis: 'offl13fvl13nr2',
      shieldedWords: ['Acme Medical'],
    });
    expect(stored.statusCode).toBe(201);
    expect(stored.json()).toMatchObject({
      publicTitle: 'Evaluering av *****',
      noark: { skjermingDokument: 'Delvis', skjermingMetadata: ['tittel'], skjermingsvarighet: 60 },
    });
    const version = await send('sekretariat', 'POST', `/api/documents/${stored.json().id}/versions`, {
      fileName: 'evaluering-v2.txt',
      contentType: 'text/plain',
      contentBase64: Buffer.from('Evaluering, versjon 2').toString('base64'),
    });
    expect(version.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const download = await get('kontakt', `/api/documents/${stored.json().id}/content?version=1`);
    expect(download.body).toBe('Evaluering');
    expect((await get('ikt-hv', `/api/documents/${stored.json().id}/content`)).statusCode).toBe(403);
  });

  it('records conflicts, minutes with dissent, approval and a locked version history', async () => {
    const meeting = (await get('sekretariat', `/api/meetings/${meetingIds[0]}`)).json();
    const caseItem = meeting.agenda.find((a: { kind: string }) => a.kind === 'case');
    expect(
      (
        await send('kir-hn', 'PUT', `/api/agenda-items/${caseItem.id}/conflict`, {
          reason: 'Tidligere ansatt hos leverandør',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await send('ikt-hv', 'PUT', `/api/agenda-items/${caseItem.id}/conflict`, {
          reason: 'Ikke medlem her',
        })
      ).statusCode,
    ).toBe(403);
    // The conflict on a case's agenda item is the case's conflict too: recorded once, no vote, no exempt papers.
    const caseView = (await get('kir-hn', `/api/cases/${caseItem.caseId}`)).json();
    // It is a habilitet question for the member's RHF: no vote until the RHF has decided (seed 001 §7.2).
    expect(caseView.viewer).toMatchObject({ isConflicted: true, canVote: false, habilitet: 'reported' });
    expect(caseView.habilitet.questions).toEqual([
      expect.objectContaining({
        source: 'agendaItem',
        status: 'pending',
        reason: 'Tidligere ansatt hos leverandør',
      }),
    ]);
    for (const document of caseView.documents.filter((d: { restricted: boolean }) => d.restricted)) {
      expect(document.canRead).toBe(false);
      expect((await get('kir-hn', `/api/cases/${caseItem.caseId}/documents/${document.id}`)).statusCode).toBe(
        403,
      );
    }
    // Nor exempt workspace papers about the same meeting: the conflict follows the member there.
    const meetingPaper = await send('sekretariat', 'POST', `/api/steering-groups/${kirId}/documents`, {
      title: 'Forhandlingsstrategi',
      fileName: 'strategi.txt',
      contentType: 'text/plain',
      contentBase64: Buffer.from('Vår smertegrense').toString('base64'),
      accessStatus: 'partlyExempt',
      legalBasis: 'offl23first',
      meetingId: meetingIds[0],
    });
    expect(meetingPaper.statusCode).toBe(201);
    const blocked = await get('kir-hn', `/api/documents/${meetingPaper.json().id}/content`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.body).not.toContain('smertegrense');
    expect((await get('kir-hn', `/api/documents/${meetingPaper.json().id}`)).json().canRead).toBe(false);
    expect((await get('kir-hmn', `/api/documents/${meetingPaper.json().id}/content`)).body).toBe(
      'Vår smertegrense',
    );
    const item = await send('sekretariat', 'POST', `/api/meetings/${meetingIds[0]}/agenda`, {
      title: 'Orientering om avtaledekning',
    });
    const otherItem = item
      .json()
      .agenda.find((a: { title: string }) => a.title === 'Orientering om avtaledekning');
    const members = item.json().members as Array<{ personId: string; name: string }>;
    const hn = members.find(
      (m) =>
        m.name === item.json().agenda.find((a: { id: string }) => a.id === caseItem.id).conflicts[0].name,
    )!;

    const conflictedDissent = await send('sekretariat', 'PUT', `/api/meetings/${meetingIds[0]}/minutes`, {
      attendance: members.map((m) => ({ personId: m.personId, present: true })),
      items: [
        {
          agendaItemId: caseItem.id,
          summary: 'Drøftet',
          dissent: [{ personId: hn.personId, reason: 'Uenig' }],
        },
      ],
    });
    expect(conflictedDissent.statusCode).toBe(400);
    const caseDecision = await send('sekretariat', 'PUT', `/api/meetings/${meetingIds[0]}/minutes`, {
      attendance: [],
      items: [{ agendaItemId: caseItem.id, summary: 'Drøftet', decision: 'Godkjent' }],
    });
    expect(caseDecision.json().detail).toContain('registreres i saken');

    const dissenter = members.find((m) => m.personId !== hn.personId)!;
    const saved = await send('sekretariat', 'PUT', `/api/meetings/${meetingIds[0]}/minutes`, {
      attendance: members.map((m) => ({ personId: m.personId, present: true })),
      items: [
        { agendaItemId: caseItem.id, summary: 'Saken ble drøftet; kir-hn inhabil.' },
        {
          agendaItemId: otherItem.id,
          summary: 'Orientering gitt.',
          decision: 'Tatt til orientering.',
          dissent: [{ personId: dissenter.personId, reason: 'Ønsket vedtak' }],
        },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().minutes).toMatchObject({ version: 1, status: 'draft' });
    expect((await send('medlem', 'POST', `/api/meetings/${meetingIds[0]}/minutes/approve`)).statusCode).toBe(
      403,
    );
    const approved = await send('kir-hmn', 'POST', `/api/meetings/${meetingIds[0]}/minutes/approve`);
    expect(approved.json().minutes).toMatchObject({ version: 1, status: 'approved', approvedBy: 'kir-hmn' });
    expect(approved.json().minutes.items[1].dissent[0]).toMatchObject({
      name: dissenter.name,
      reason: 'Ønsket vedtak',
    });

    const body = {
      attendance: [],
      items: [{ agendaItemId: otherItem.id, summary: 'Rettet', decision: 'Tatt til orientering.' }],
    };
    expect(
      (await send('sekretariat', 'PUT', `/api/meetings/${meetingIds[0]}/minutes`, body)).json().detail,
    ).toContain('ny versjon');
    const v2 = await send('sekretariat', 'PUT', `/api/meetings/${meetingIds[0]}/minutes`, {
      ...body,
      changeNote: 'Rettet skrivefeil',
    });
    expect(v2.json().minutes).toMatchObject({ version: 2, status: 'draft', changeNote: 'Rettet skrivefeil' });
    expect(v2.json().minutesHistory).toEqual([expect.objectContaining({ version: 1, status: 'approved' })]);
  });

  it('lists overdue actions for the secretariat and reminds the owner once', async () => {
    const meeting = (await get('sekretariat', `/api/meetings/${meetingIds[0]}`)).json();
    const owner = meeting.members.find((m: { name: string; personId: string }) => m.personId)!;
    const late = await send('sekretariat', 'POST', `/api/steering-groups/${kirId}/actions`, {
      title: 'Innhente tilbakemelding fra HF-ene',
      ownerPersonId: owner.personId,
      dueDate: '2026-06-01',
      meetingId: meetingIds[0],
    });
    expect(late.statusCode).toBe(201);
    await send('sekretariat', 'POST', `/api/steering-groups/${kirId}/actions`, {
      title: 'Ikke forfalt',
      ownerPersonId: owner.personId,
      dueDate: '2026-12-01',
    });
    const overdue = (await get('sekretariat', '/api/actions/overdue')).json();
    expect(overdue.map((a: { title: string }) => a.title)).toEqual(['Innhente tilbakemelding fra HF-ene']);
    expect(overdue[0]).toMatchObject({ overdue: true, daysOverdue: 14 });
    expect((await get('medlem', '/api/actions/overdue')).statusCode).toBe(403);

    mails.length = 0;
    const first = await runSecretariatJobs({
      db: database.db,
      config: loadConfig({ STYR_PUBLIC_URL: 'https://styr.example.no' }),
      clock: fixedClock(TEST_TODAY),
      mail: app.mail,
    });
    expect(first.overdue).toBe(1);
    await drainMail();
    expect(mails.filter((m) => m.subject.startsWith('Forfalt tiltak')).length).toBeGreaterThanOrEqual(1);
    const again = await runSecretariatJobs({
      db: database.db,
      config: loadConfig({}),
      clock: fixedClock(TEST_TODAY),
      mail: app.mail,
    });
    expect(again.overdue).toBe(0);

    const done = await send('sekretariat', 'PATCH', `/api/actions/${late.json().id}`, {
      status: 'done',
      progressNote: 'Ferdig',
    });
    expect(done.statusCode).toBe(204);
    expect((await get('sekretariat', '/api/actions/overdue')).json()).toEqual([]);
  });

  it('completes the six training modules and approves the person for every membership', async () => {
    const [person] = await database.db
      .select({ id: people.id })
      .from(people)
      .innerJoin(userAccounts, eq(userAccounts.personId, people.id))
      .where(inArray(userAccounts.username, ['kir-hso']));
    // A member who has not taken the course yet (the demo data trains everyone a month into the term).
    await database.db.delete(trainingCompletions).where(eq(trainingCompletions.personId, person!.id));
    let training = (await get('kir-hmn', `/api/steering-groups/${kirId}/training`)).json();
    expect(training.find((t: { personId: string }) => t.personId === person!.id)).toMatchObject({
      needsOnboarding: true,
      modulesCompleted: 0,
    });
    for (const module of [1, 2, 3, 4, 5, 6]) {
      const response = await send('kir-hso', 'POST', `/api/my/training/modules/${module}/complete`);
      expect(response.statusCode).toBe(200);
    }
    training = (await get('kir-hmn', `/api/steering-groups/${kirId}/training`)).json();
    expect(training.find((t: { personId: string }) => t.personId === person!.id)).toMatchObject({
      needsOnboarding: false,
      modulesCompleted: 6,
      trainingCompletedOn: TEST_TODAY,
    });
  });
});
