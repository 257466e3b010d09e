// Issue 10's leak proofs for the calendar feeds and the portfolio exports, over HTTP on both databases: an
// exempt case document, a partly exempt one whose title names the supplier (shielded) and a partly exempt
// meeting document never reach the .ics feeds (personal and group, and the invitation's calendar
// attachment), the portfolio report as JSON, PDF, XLSX and CSV, the procurement overview, OCDS or the journal
// export — neither for an anonymous client nor for a member with an open habilitet question (kir-hn) or an
// inhabil decision (medlem) on the case. The feeds carry the meeting and a link to it, never the agenda, its documents or their links.
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, steeringGroups } from '../../src/db/schema.js';
import type { App } from '../../src/shared/http.js';
import { buildTestApp, logInAll } from '../support/api.js';
import { createSeededDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { buildPdf, everythingInPdf } from '../support/pdf.js';

const PUBLIC_URL = 'https://styr.example.no';
const SUPPLIER = 'Lekkasjevik Kardio AS';
const TENDER_SECRET = 'TILBUDSPRIS-58213';
const TRADE_SECRET = 'RABATTSATS-7731';
const MEETING_SECRET = 'FORHANDLINGSROM-4409';
const SECRETS = [SUPPLIER, 'Lekkasjevik', TENDER_SECRET, TRADE_SECRET, MEETING_SECRET];
const USERS = ['sekretariat', 'medlem', 'kontakt', 'kir-hn'] as const;
type Username = (typeof USERS)[number];
/** The two members the proofs are about: an open habilitet question, and an inhabil decision. */
const CONFLICTED = ['kir-hn', 'medlem'] as const;

const expectNoSecrets = (body: string, where: string) => {
  for (const secret of SECRETS) expect(body, `${where} leaks «${secret}»`).not.toContain(secret);
};

/** Every text an XLSX holds: the cells of every sheet, the sheet names and the document properties. */
async function everythingInXlsx(content: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const texts = [workbook.title, workbook.subject, workbook.keywords, workbook.creator, workbook.description];
  workbook.eachSheet((sheet) => {
    texts.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
  });
  return texts.filter(Boolean).join('\n');
}

describe.each(databaseKinds)('no exempt content in calendar feeds and portfolio exports on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  const cookies = {} as Record<Username, string>;
  let kirId: string;
  let procurementName: string;
  let caseId: string;
  let meetingId: string;
  const documentIds: string[] = [];
  const feeds = {} as Record<(typeof CONFLICTED)[number], { personal: string; group: string }>;

  const get = (username: Username | null, url: string) =>
    app.inject({ method: 'GET', url, headers: username ? { cookie: cookies[username] } : {} });
  const send = async (username: Username, method: 'POST' | 'PUT', url: string, payload?: unknown) => {
    const response = await app.inject({
      method,
      url,
      payload: payload as object,
      headers: { cookie: cookies[username] },
    });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response;
  };
  const pdf = (lines: string[], title?: string) => buildPdf({ pages: [lines], title }).toString('base64');

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    app = await buildTestApp(database.db, {
      STYR_PUBLIC_URL: PUBLIC_URL,
      STYR_PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
      STYR_RATE_LIMIT_PER_MINUTE: '100000',
    });
    await logInAll(app, USERS, cookies);
    const [kir] = await database.db.select().from(steeringGroups).where(eq(steeringGroups.code, 'KIR'));
    kirId = kir!.id;
    const procurement = (await get('sekretariat', '/api/procurements?pageSize=200'))
      .json<{ items: Array<{ id: string; name: string; steeringGroupId: string | null }> }>()
      .items.find((p) => p.steeringGroupId === kirId)!;
    procurementName = procurement.name;

    // The case: an exempt tender, and an evaluation whose file name names the supplier (shielded).
    const created = await send('sekretariat', 'POST', `/api/procurements/${procurement.id}/cases`, {
      gate: 'significance',
      title: 'Strategisk betydning for hjerteventiler',
      text: 'Forslag: medium.',
      proposedSignificance: 'medium',
      documents: [
        {
          fileName: 'tilbudsprotokoll.pdf',
          contentType: 'application/pdf',
          contentBase64: pdf([`Tilbudsprotokoll. Pris: ${TENDER_SECRET}.`], `Protokoll ${SUPPLIER}`),
          legalBasis: 'offl23third',
        },
        {
          fileName: `Evaluering ${SUPPLIER}.pdf`,
          contentType: 'application/pdf',
          contentBase64: pdf([`Evaluering av ${SUPPLIER}.`, `Rabatt: ${TRADE_SECRET}.`]),
          accessStatus: 'partlyExempt',
          legalBasis: 'offl13fvl13nr2',
          shieldedWords: [SUPPLIER],
        },
      ],
    });
    const sak = created.json<{ id: string; documents: Array<{ id: string }> }>();
    caseId = sak.id;
    documentIds.push(...sak.documents.map((d) => d.id));

    // A meeting with the case on its agenda, a partly exempt meeting document, and the invitation sent.
    meetingId = (
      await send('sekretariat', 'POST', `/api/steering-groups/${kirId}/meetings`, {
        title: 'Møte om hjerteventiler',
        startsAt: '2026-06-18T10:00:00+02:00',
        endsAt: '2026-06-18T12:00:00+02:00',
        location: 'Teams',
      })
    ).json<{ id: string }>().id;
    await send('sekretariat', 'POST', `/api/meetings/${meetingId}/agenda/from-cases`);
    const uploaded = await send('sekretariat', 'POST', `/api/steering-groups/${kirId}/documents`, {
      title: `Forhandlingsnotat ${SUPPLIER}`,
      fileName: 'forhandlingsnotat.pdf',
      contentType: 'application/pdf',
      contentBase64: pdf([`Forhandlingsrom: ${MEETING_SECRET}.`]),
      accessStatus: 'partlyExempt',
      legalBasis: 'offl23first',
      shieldedWords: [SUPPLIER],
      meetingId,
      procurementId: procurement.id,
    });
    documentIds.push(uploaded.json<{ id: string }>().id);
    await send('sekretariat', 'POST', `/api/meetings/${meetingId}/invitation`);

    // kir-hn reports a possible conflict (an open question); medlem's conflict is decided inhabil by Helse Vest.
    await send('kir-hn', 'POST', `/api/cases/${caseId}/habilitet`, {
      statement: 'possibleConflict',
      reason: 'Tidligere ansatt hos en tilbyder.',
    });
    await send('medlem', 'POST', `/api/cases/${caseId}/votes`, {
      vote: 'conflict',
      comment: 'Nær familie hos en tilbyder.',
    });
    const question = (await get('kontakt', '/api/habilitet/questions?status=pending'))
      .json<Array<{ id: string; caseId: string }>>()
      .find((q) => q.caseId === caseId)!;
    await send('kontakt', 'POST', `/api/habilitet/questions/${question.id}/decision`, {
      outcome: 'inhabil',
      reason: 'Nær familie i ledelsen hos tilbyder.',
    });

    for (const username of CONFLICTED) {
      const personal = await send(username, 'POST', '/api/my/calendar-feeds', {});
      const group = await send(username, 'POST', '/api/my/calendar-feeds', { steeringGroupId: kirId });
      feeds[username] = {
        personal: new URL(personal.json<{ url: string }>().url).pathname,
        group: new URL(group.json<{ url: string }>().url).pathname,
      };
    }
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it('has the two members in the states the proofs are about', async () => {
    const states = Object.fromEntries(
      await Promise.all(
        CONFLICTED.map(async (username) => {
          const view = (await get(username, `/api/cases/${caseId}`)).json<{
            viewer: { habilitet: string; isConflicted: boolean };
          }>();
          return [username, view.viewer];
        }),
      ),
    );
    expect(states).toEqual({
      'kir-hn': expect.objectContaining({ habilitet: 'reported', isConflicted: true }),
      medlem: expect.objectContaining({ habilitet: 'inhabil', isConflicted: true }),
    });
    // Neither reads the exempt documents in the portal: the feeds and exports must not be a way around that.
    for (const username of CONFLICTED)
      for (const documentId of documentIds.slice(0, 2))
        expect((await get(username, `/api/cases/${caseId}/documents/${documentId}`)).statusCode).toBe(403);
  });

  it('serves the conflicted members’ feeds with the meeting and its link only: no agenda, document or secret', async () => {
    for (const username of CONFLICTED) {
      for (const [feed, path] of Object.entries(feeds[username])) {
        const where = `${username}'s ${feed} feed`;
        const response = await app.inject({ method: 'GET', url: path }); // no cookie, as Outlook fetches it
        expect(response.statusCode, where).toBe(200);
        expect(response.headers['content-type']).toContain('text/calendar');
        const body = response.body;
        expectNoSecrets(body, where);
        expectNoSecrets(body.replace(/\r\n[ \t]/g, ''), `${where} (unfolded)`);
        for (const id of [caseId, ...documentIds]) expect(body, `${where} names ${id}`).not.toContain(id);
        expect(body, where).not.toMatch(/^ATTACH/m);
        expect(body, where).not.toContain('/api/');
        const events = Object.values(ical.sync.parseICS(body)).filter(
          (c): c is ical.VEvent => c?.type === 'VEVENT',
        );
        const event = events.find((e) => e.summary === 'Styringsgruppe KIR: Møte om hjerteventiler');
        expect(event, where).toBeDefined();
        expect(event!.description).toBe(`Saksliste, dokumenter og referat: ${PUBLIC_URL}/moter/${meetingId}`);
        expect(event!.location).toBe('Teams');
        // The agenda item (the case's title) is not in the feed at all.
        expect(body, where).not.toContain('Strategisk betydning for hjerteventiler');
      }
    }
  });

  it('gives an anonymous client of the feeds nothing: unknown, guessed and revoked links answer 401', async () => {
    const revoked = await send('kir-hn', 'POST', '/api/my/calendar-feeds', {});
    const revokedPath = new URL(revoked.json<{ url: string }>().url).pathname;
    await app.inject({
      method: 'DELETE',
      url: `/api/my/calendar-feeds/${revoked.json<{ id: string }>().id}`,
      headers: { cookie: cookies['kir-hn'] },
    });
    for (const path of [
      revokedPath,
      '/api/calendar/gjettet-token-som-ikke-finnes-0000.ics',
      feeds.medlem.personal.replace(/\.ics$/, ''),
      feeds.medlem.personal.replace(/.\.ics$/, 'x.ics'),
    ]) {
      const response = await app.inject({ method: 'GET', url: path });
      expect(response.statusCode, path).toBe(401);
      expectNoSecrets(response.body, path);
      expect(response.body, path).not.toContain('BEGIN:VEVENT');
    }
  });

  it('attaches to the invitation mails a calendar with no agenda, document or secret', async () => {
    const outbox = await database.db
      .select({ to: mailOutbox.toAddress, icalendar: mailOutbox.icalendar })
      .from(mailOutbox);
    const invitations = outbox.filter((m) => m.icalendar?.includes('METHOD:REQUEST'));
    // Of the KIR members only medlem (inhabil on the case) has an e-mail address in the demo data.
    expect(invitations.map((m) => m.to)).toContain('medlem@demo.styringsportalen.no');
    for (const mail of invitations) {
      expectNoSecrets(mail.icalendar!, `invitation calendar to ${mail.to}`);
      for (const id of [caseId, ...documentIds]) expect(mail.icalendar!).not.toContain(id);
      expect(mail.icalendar!).not.toMatch(/^ATTACH/m);
    }
  });

  it('keeps the portfolio report free of documents in every format, for the conflicted members and the secretariat', async () => {
    for (const username of [...CONFLICTED, 'sekretariat'] as const) {
      for (const scope of ['scope=all', 'scope=steeringGroup&code=KIR']) {
        const json = await get(username, `/api/reports/portfolio?${scope}`);
        expect(json.statusCode).toBe(200);
        expectNoSecrets(json.body, `${username} report ${scope}`);
        // The procurement list at a glance reads the same facts.
        const overview = await get(username, '/api/reports/procurements?pageSize=200');
        expect(overview.statusCode, overview.body).toBe(200);
        expect(overview.body).toContain(procurementName);
        expectNoSecrets(overview.body, `${username} procurement overview`);
        const csv = await get(username, `/api/reports/portfolio/export?${scope}&format=csv`);
        expect(csv.statusCode).toBe(200);
        expect(csv.headers['content-disposition']).toContain('attachment');
        // A real report: the procurement's row with its open case, and nothing of its documents.
        const row = csv.body.split('\n').find((line) => line.includes(procurementName));
        expect(row, `${username} csv ${scope}`).toBeDefined();
        expectNoSecrets(csv.body, `${username} csv ${scope}`);
        const xlsx = await get(username, `/api/reports/portfolio/export?${scope}&format=xlsx`);
        expect(xlsx.statusCode).toBe(200);
        const cells = await everythingInXlsx(xlsx.rawPayload);
        expect(cells).toContain(procurementName);
        expectNoSecrets(cells, `${username} xlsx ${scope}`);
        expectNoSecrets(xlsx.rawPayload.toString('latin1'), `${username} xlsx raw ${scope}`);
      }
    }
    // The PDF through Chromium, once per conflicted member: text, metadata and the raw file.
    for (const username of CONFLICTED) {
      const response = await get(
        username,
        '/api/reports/portfolio/export?scope=steeringGroup&code=KIR&format=pdf',
      );
      expect(response.statusCode).toBe(200);
      const found = await everythingInPdf(response.rawPayload);
      expect(found.text.replace(/\s+/g, ' ')).toContain(procurementName);
      for (const [part, text] of Object.entries(found)) expectNoSecrets(text, `${username} pdf ${part}`);
    }
  });

  it('refuses the portfolio report and its exports to an anonymous client, with nothing in the answer', async () => {
    for (const url of [
      '/api/reports/portfolio?scope=all',
      '/api/reports/procurements',
      '/api/reports/portfolio/export?scope=all&format=csv',
      '/api/reports/portfolio/export?scope=steeringGroup&code=KIR&format=xlsx',
      '/api/reports/portfolio/export?scope=steeringGroup&code=KIR&format=pdf',
    ]) {
      const response = await get(null, url);
      expect(response.statusCode, url).toBe(401);
      expectNoSecrets(response.body, url);
      expect(response.body, url).not.toContain(procurementName);
    }
  });

  it('keeps OCDS and the journal export free of exempt content, for anonymous clients and the conflicted members', async () => {
    for (const username of [null, ...CONFLICTED] as const) {
      const who = username ?? 'anonymous';
      for (const url of [
        '/api/open-data/ocds',
        '/api/public/journal/export?format=csv',
        '/api/public/journal/export?format=einnsyn',
      ]) {
        const response = await get(username, url);
        expect(response.statusCode, `${who} ${url}`).toBe(200);
        expectNoSecrets(response.body, `${who} ${url}`);
        for (const id of documentIds.slice(0, 1)) expect(response.body).not.toContain(`/api/documents/${id}`);
      }
      // The journal export lists the three documents, by public title only.
      const csv = (await get(username, '/api/public/journal/export?format=csv')).body;
      expect(csv).toContain('Evaluering *****.pdf');
      expect(csv).toContain('Forhandlingsnotat *****');
      expect(csv).toContain('tilbudsprotokoll.pdf');
      // OCDS names no document of the case: none of them is public.
      const ocds = (await get(username, '/api/open-data/ocds')).json<{
        releases: Array<{ tender: { documents?: Array<{ title: string }> } }>;
      }>();
      const titles = ocds.releases.flatMap((r) => r.tender.documents ?? []).map((d) => d.title);
      for (const title of titles) expect(title).not.toMatch(/Evaluering|Forhandlingsnotat|tilbudsprotokoll/);
    }
  });
});
