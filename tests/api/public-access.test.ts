// Public access under offentleglova over HTTP, on both databases: the journal fills itself from the document
// store, anonymous visitors search it and download what is public, ask for access, the secretariat answers
// partly with a redacted variant (mail through a real SMTP server), the award lifts § 23 (3), requests not
// answered in five working days count as refusals, appeals and statistics. Every anonymous answer is checked
// for the shielded words and the exempt content.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, procurementGates, steeringGroups } from '../../src/db/schema.js';
import { markDeemedRefusals } from '../../src/features/public-access/access-appeals.js';
import type { App } from '../../src/shared/http.js';
import {
  buildTestApp,
  logInAll,
  startMailCatcher,
  type CaughtMail,
  type MailCatcher,
} from '../support/api.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';
import { buildPdf, everythingInPdf } from '../support/pdf.js';

// Words that must never reach the public: a supplier's name (shielded in the title), a trade secret in a
// partly exempt evaluation, and the content of an exempt tender protocol.
const SUPPLIER = 'Hemmeligsen Medtech AS';
const TRADE_SECRET = 'RABATT-PROSENT-37';
const PROTOCOL_SECRET = 'TILBUDSPRIS-991122';
const SECRETS = [SUPPLIER, TRADE_SECRET, PROTOCOL_SECRET, 'Hemmeligsen'];

const publicPdf = buildPdf({
  pages: [['Saksnotat: behov for nye hjerteventiler.', 'Offentlig informasjon.']],
});
const evaluationPdf = buildPdf({
  pages: [
    [
      `Evaluering av tilbudet fra ${SUPPLIER}.`,
      `Tilbudt rabatt: ${TRADE_SECRET}.`,
      'Kvalitet: godt dokumentert.',
    ],
  ],
  title: `Evaluering ${SUPPLIER}`,
  annotation: `Notat: ${TRADE_SECRET}`,
});
const protocolPdf = buildPdf({ pages: [[`Tilbudsprotokoll. Pris: ${PROTOCOL_SECRET}.`]] });

const expectNoSecrets = (body: string, where: string) => {
  for (const secret of SECRETS) expect(body, `${where} leaks «${secret}»`).not.toContain(secret);
};

describe.each(databaseKinds)('public access on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  let smtp: MailCatcher;
  const mails: CaughtMail[] = [];
  const cookies: Record<string, string> = {};
  let kirId: string;
  let procurementId: string;
  const ids: Record<'public' | 'evaluation' | 'protocol', { documentId: string; entryId: string }> =
    {} as never;

  const as = (username: string) => ({ cookie: cookies[username]! });
  const anonymous = (url: string) => app.inject({ method: 'GET', url });
  const send = (username: string, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown) =>
    app.inject({ method, url, payload: payload as object, headers: as(username) });
  const drainMail = async () => {
    await app.mail!.drain();
    await new Promise((resolve) => setTimeout(resolve, 200));
  };

  beforeAll(async () => {
    smtp = await startMailCatcher(mails);
    database = await createSeededDatabase(kind);
    app = await buildTestApp(database.db, {
      SMTP_URL: smtp.url,
      STYR_PUBLIC_URL: 'https://styr.example.no',
      STYR_APPEAL_BODY: 'Klagenemnda for innsyn',
      STYR_APPEAL_BODY_EMAIL: 'klage@klageinstans.example.no',
    });
    await logInAll(app, ['sekretariat', 'medlem'], cookies);
    const [kir] = await database.db.select().from(steeringGroups).where(eq(steeringGroups.code, 'KIR'));
    kirId = kir!.id;
    const procurements = (
      await app.inject({ method: 'GET', url: '/api/procurements', headers: as('sekretariat') })
    ).json<{ items: Array<{ id: string; steeringGroupId: string | null }> }>().items;
    procurementId = procurements.find((p) => p.steeringGroupId === kirId)!.id;

    const upload = async (key: keyof typeof ids, body: Record<string, unknown>, pdf: Buffer) => {
      const response = await send('sekretariat', 'POST', `/api/steering-groups/${kirId}/documents`, {
        fileName: `${key}.pdf`,
        contentType: 'application/pdf',
        contentBase64: pdf.toString('base64'),
        procurementId,
        ...body,
      });
      expect(response.statusCode, response.body).toBe(201);
      const documentId = response.json<{ id: string }>().id;
      const journal = (
        await app.inject({ method: 'GET', url: '/api/journal?pageSize=200', headers: as('sekretariat') })
      ).json<{
        entries: Array<{ id: string; documentId: string | null }>;
      }>();
      ids[key] = { documentId, entryId: journal.entries.find((e) => e.documentId === documentId)!.id };
    };
    await upload('public', { title: 'Saksnotat om hjerteventiler' }, publicPdf);
    await upload(
      'evaluation',
      {
        title: `Evaluering av tilbud fra ${SUPPLIER}`,
        accessStatus: 'partlyExempt',
        legalBasis: 'offl13fvl13nr2',
        shieldedWords: [SUPPLIER],
      },
      evaluationPdf,
    );
    await upload(
      'protocol',
      { title: 'Tilbudsprotokoll hjerteventiler', accessStatus: 'exempt', legalBasis: 'offl23third' },
      protocolPdf,
    );
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
    await smtp?.close();
  });

  it('journals every stored document with case and document numbers, and shows the public only the public title', async () => {
    const page = (await anonymous(`/api/public/journal?procurementId=${procurementId}`)).json<{
      total: number;
      entries: Array<{
        id: string;
        publicTitle: string;
        accessStatus: string;
        legalBasisTexts: string[];
        journalNumber: string;
        caseNumber: string;
        documentType: string;
        file: { kind: string; url: string } | null;
      }>;
    }>();
    expect(page.total).toBe(3);
    const byId = new Map(page.entries.map((e) => [e.id, e]));
    const publicEntry = byId.get(ids.public.entryId)!;
    const evaluation = byId.get(ids.evaluation.entryId)!;
    const protocol = byId.get(ids.protocol.entryId)!;
    expect(new Set(page.entries.map((e) => e.caseNumber)).size).toBe(1);
    expect(page.entries.map((e) => e.journalNumber.split('-')[1]).sort()).toEqual(['1', '2', '3']);
    expect(publicEntry).toMatchObject({ accessStatus: 'public', legalBasisTexts: [], documentType: 'other' });
    expect(publicEntry.file?.kind).toBe('original');
    expect(evaluation).toMatchObject({
      publicTitle: 'Evaluering av tilbud fra *****',
      accessStatus: 'partlyExempt',
      legalBasisTexts: ['Offl. § 13 jf. fvl. § 13 første ledd nr. 2'],
      file: null,
    });
    expect(protocol).toMatchObject({
      accessStatus: 'exempt',
      legalBasisTexts: ['Offl. § 23 tredje ledd'],
      file: null,
    });

    const download = await anonymous(publicEntry.file!.url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(publicPdf)).toBe(true);
    const refused = await anonymous(`/api/public/journal/${ids.protocol.entryId}/file`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ detail: string }>().detail).toContain('Offl. § 23 tredje ledd');
    expect((await anonymous(`/api/public/journal/${ids.evaluation.entryId}/file`)).statusCode).toBe(403);
  });

  it('never matches a shielded word in search, and the members and the public do not get the internal journal', async () => {
    const hit = (q: string) =>
      anonymous(`/api/public/journal?q=${encodeURIComponent(q)}`).then(
        (r) => r.json<{ total: number }>().total,
      );
    expect(await hit('Hemmeligsen')).toBe(0);
    expect(await hit(TRADE_SECRET)).toBe(0);
    expect(await hit('Evaluering av tilbud')).toBe(1);
    expect((await anonymous('/api/journal')).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/journal', headers: as('medlem') })).statusCode).toBe(
      403,
    );
  });

  it('keeps every public answer free of shielded words and exempt content: pages, export, OCDS', async () => {
    for (const url of [
      '/api/public/journal?pageSize=200',
      `/api/public/journal/${ids.evaluation.entryId}`,
      `/api/public/journal/${ids.protocol.entryId}`,
      '/api/public/journal/export?format=csv',
      '/api/public/journal/export?format=einnsyn',
      '/api/public/meetings',
      '/api/public/decisions',
      '/api/public/filters',
      '/api/open-data/ocds',
    ]) {
      const response = await anonymous(url);
      expect(response.statusCode, url).toBe(200);
      expectNoSecrets(response.body, url);
    }
    const einnsyn = (await anonymous('/api/public/journal/export?format=einnsyn')).json<{
      saksmappe: Array<{
        saksnummer: string;
        journalpost: Array<{ offentligTittel: string; skjerming?: { skjermingshjemmel: string } }>;
      }>;
    }>();
    const posts = einnsyn.saksmappe.flatMap((m) => m.journalpost);
    expect(
      posts.find((p) => p.offentligTittel === 'Evaluering av tilbud fra *****')?.skjerming?.skjermingshjemmel,
    ).toBe('Offl. § 13 jf. fvl. § 13 første ledd nr. 2');
    const ocds = (await anonymous('/api/open-data/ocds')).json<{
      releases: Array<{ tender: { documents?: Array<{ title: string; url: string }> } }>;
    }>();
    const documents = ocds.releases.flatMap((r) => r.tender.documents ?? []);
    expect(documents.map((d) => d.title)).toEqual(['Saksnotat om hjerteventiler']);
  });

  let requestId: string;
  it('takes an anonymous request for access with deadlines in working days, and confirms it by mail', async () => {
    mails.length = 0;
    const bad = await app.inject({
      method: 'POST',
      url: '/api/public/access-requests',
      payload: { journalEntryIds: [ids.evaluation.entryId], email: 'ikke-en-adresse' },
    });
    expect(bad.statusCode).toBe(400);
    const response = await app.inject({
      method: 'POST',
      url: '/api/public/access-requests',
      payload: {
        journalEntryIds: [ids.evaluation.entryId, ids.protocol.entryId],
        email: 'journalist@avis.example.no',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    // Monday 15 June 2026: three working days → Thursday 18 June; five → Monday 22 June.
    expect(response.json()).toMatchObject({
      receivedOn: TEST_TODAY,
      dueOn: '2026-06-18',
      deemedRefusedAfter: '2026-06-22',
      documents: 2,
    });
    await drainMail();
    const receipt = mails.find((m) => m.to.includes('journalist@avis.example.no'))!;
    expect(receipt.subject).toMatch(/^Innsynskrav mottatt: INN-2026-\d{4}$/);
    expectNoSecrets(receipt.text, 'receipt');
    const queue = (
      await app.inject({ method: 'GET', url: '/api/access-requests', headers: as('sekretariat') })
    ).json<{
      items: Array<{
        id: string;
        urgency: string;
        requesterName: string | null;
        items: Array<{ publicTitle: string }>;
      }>;
    }>().items;
    const request = queue.find((r) =>
      r.items.some((i) => i.publicTitle === 'Evaluering av tilbud fra *****'),
    )!;
    expect(request).toMatchObject({ urgency: 'onTime', requesterName: null });
    requestId = request.id;
  });

  it('answers partly with a redacted variant and refuses the protocol; the mail carries the variant and the appeal text', async () => {
    mails.length = 0;
    const detail = (
      await app.inject({
        method: 'GET',
        url: `/api/access-requests/${requestId}`,
        headers: as('sekretariat'),
      })
    ).json<{
      items: Array<{ id: string; journalEntryId: string }>;
    }>();
    const itemOf = (key: 'evaluation' | 'protocol') =>
      detail.items.find((i) => i.journalEntryId === ids[key].entryId)!.id;
    const answer = (payload: unknown) =>
      send('sekretariat', 'POST', `/api/access-requests/${requestId}/answer`, payload);
    const refuseProtocol = {
      itemId: itemOf('protocol'),
      decision: 'refuse',
      legalBasis: 'offl23third',
      merinnsynAssessment:
        'Tilbudene er ikke åpnet for innsyn før leverandør er valgt; hensynet til konkurransen veier tyngst.',
    };
    const withoutVariant = await answer({
      items: [
        { itemId: itemOf('evaluation'), decision: 'partly', legalBasis: 'offl13fvl13nr2' },
        refuseProtocol,
      ],
    });
    expect(withoutVariant.statusCode).toBe(400);
    expect(withoutVariant.json<{ detail: string }>().detail).toContain('offentlig versjon');
    const merinnsynOnSecret = await answer({
      items: [
        { itemId: itemOf('evaluation'), decision: 'grant', merinnsynAssessment: 'Vil gi alt' },
        refuseProtocol,
      ],
    });
    expect(merinnsynOnSecret.statusCode).toBe(400);
    expect(merinnsynOnSecret.json<{ detail: string }>().detail).toContain('taushetsplikt');

    const redacted = await send(
      'sekretariat',
      'POST',
      `/api/documents/${ids.evaluation.documentId}/public-variant/redact`,
      {
        words: [
          { text: SUPPLIER, legalBasis: 'offl13fvl13nr2' },
          { text: TRADE_SECRET, legalBasis: 'offl13fvl13nr2' },
        ],
      },
    );
    expect(redacted.statusCode, redacted.body).toBe(201);
    expect(redacted.json<{ matches: Record<string, number> }>().matches).toEqual({
      [SUPPLIER]: 1,
      [TRADE_SECRET]: 1,
    });

    const answered = await answer({
      items: [
        { itemId: itemOf('evaluation'), decision: 'partly', legalBasis: 'offl13fvl13nr2' },
        refuseProtocol,
      ],
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      status: 'answered',
      answeredOn: TEST_TODAY,
      appealDeadline: '2026-07-06',
    });
    await drainMail();
    const mail = mails.find((m) => m.subject.startsWith('Svar på innsynskrav'))!;
    expect(mail.to).toEqual(['journalist@avis.example.no']);
    expect(mail.text).toContain('Delvis innsyn gitt');
    expect(mail.text).toContain('Hjemmel: Offl. § 23 tredje ledd.');
    expect(mail.text).toContain('Hjemmel: Offl. § 13 jf. fvl. § 13 første ledd nr. 2.');
    expect(mail.text).toContain('offentleglova § 32');
    expect(mail.text).toContain('innen 2026-07-06');
    expect(mail.text).toContain('nærmere begrunnelse');
    expect(mail.text).toContain('Klagenemnda for innsyn');
    expectNoSecrets(mail.text, 'answer mail');
    expect(mail.attachments).toHaveLength(1);
    const found = await everythingInPdf(mail.attachments[0]!.content);
    for (const where of [found.text, found.info, found.raw]) expectNoSecrets(where, 'variant');
    expect(found.text).toContain('Kvalitet: godt dokumentert.');

    // The journal now serves the variant; the audit log has the redaction and the answer.
    const entry = (await anonymous(`/api/public/journal/${ids.evaluation.entryId}`)).json<{
      file: { kind: string; url: string };
    }>();
    expect(entry.file.kind).toBe('variant');
    const variant = await anonymous(entry.file.url);
    expect(variant.statusCode).toBe(200);
    expectNoSecrets((await everythingInPdf(variant.rawPayload)).text, 'downloaded variant');
    const actions = (await database.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['redactDocument', 'answerAccessRequest', 'receiveAccessRequest']),
    );
  });

  it('lifts § 23 (3) at the award: the protocol becomes public, the § 13 evaluation stays partly exempt', async () => {
    // The award decision recorded as the governance feature does when the award gate is passed.
    await database.db.insert(procurementGates).values({
      procurementId,
      gate: 'award',
      involvement: 'decide',
      via: 'decision',
      passedBy: 'sekretariat',
      passedOn: TEST_TODAY,
    });
    const protocol = (await anonymous(`/api/public/journal/${ids.protocol.entryId}`)).json<{
      accessStatus: string;
      exemptionLifted: boolean;
      file: { url: string } | null;
    }>();
    expect(protocol).toMatchObject({ accessStatus: 'public', exemptionLifted: true });
    expect((await anonymous(protocol.file!.url)).rawPayload.equals(protocolPdf)).toBe(true);
    const evaluation = (await anonymous(`/api/public/journal/${ids.evaluation.entryId}`)).json<{
      accessStatus: string;
      file: { kind: string };
    }>();
    expect(evaluation).toMatchObject({ accessStatus: 'partlyExempt', file: { kind: 'variant' } });
    await database.db
      .delete(procurementGates)
      .where(and(eq(procurementGates.procurementId, procurementId), eq(procurementGates.gate, 'award')));
  });

  it('marks a request unanswered for five working days as «regnes som avslag» and tells the requester', async () => {
    mails.length = 0;
    const registered = await send('sekretariat', 'POST', '/api/access-requests', {
      channel: 'email',
      receivedOn: '2026-06-05',
      journalEntryIds: [ids.protocol.entryId],
      name: 'Kari Nordmann',
      email: 'kari@example.no',
    });
    expect(registered.statusCode, registered.body).toBe(201);
    // Friday 5 June: the fifth working day is Friday 12 June; on Monday 15 June it counts as a refusal.
    expect(registered.json()).toMatchObject({ deemedRefusedAfter: '2026-06-12', urgency: 'deemedRefused' });
    expect(
      await markDeemedRefusals(database.db, { today: TEST_TODAY, appealBody: 'Klagenemnda for innsyn' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await markDeemedRefusals(database.db, { today: TEST_TODAY, appealBody: 'Klagenemnda for innsyn' }),
    ).toBe(0);
    await drainMail();
    const mail = mails.find(
      (m) => m.to.includes('kari@example.no') && m.subject.includes('regnes som avslag'),
    )!;
    expect(mail.text).toContain('offentleglova § 32');
    const id = registered.json<{ id: string }>().id;
    expect(
      (
        await app.inject({ method: 'GET', url: `/api/access-requests/${id}`, headers: as('sekretariat') })
      ).json(),
    ).toMatchObject({
      status: 'deemedRefused',
      deemedRefusedOn: TEST_TODAY,
    });
  });

  it('registers an appeal, sends it to the appeal body, records the outcome, and counts it all per month', async () => {
    mails.length = 0;
    const appealed = await send('sekretariat', 'POST', `/api/access-requests/${requestId}/appeals`, {
      receivedOn: TEST_TODAY,
      reason: 'Jeg mener protokollen bør være offentlig.',
    });
    expect(appealed.statusCode, appealed.body).toBe(201);
    const appealId = appealed.json<{ appeals: Array<{ id: string }> }>().appeals[0]!.id;
    expect(
      (await send('sekretariat', 'POST', `/api/access-appeals/${appealId}/forward`, {})).statusCode,
    ).toBe(200);
    expect(
      (await send('sekretariat', 'POST', `/api/access-appeals/${appealId}/forward`, {})).statusCode,
    ).toBe(409);
    await drainMail();
    const forwarded = mails.find((m) => m.to.includes('klage@klageinstans.example.no'))!;
    expect(forwarded.text).toContain('Klage mottatt');
    expectNoSecrets(forwarded.text, 'appeal mail');
    const outcome = await send('sekretariat', 'POST', `/api/access-appeals/${appealId}/outcome`, {
      outcome: 'upheld',
    });
    expect(outcome.json()).toMatchObject({ appeals: [{ outcome: 'upheld', outcomeOn: TEST_TODAY }] });

    const statistics = (
      await app.inject({
        method: 'GET',
        url: '/api/access-requests/statistics?year=2026',
        headers: as('sekretariat'),
      })
    ).json<Array<Record<string, number | string>>>();
    expect(statistics.find((s) => s.month === '2026-06')).toMatchObject({
      requests: 2,
      answeredWithin1: 1,
      unanswered: 1,
      deemedRefused: 1,
      partly: 1,
      refused: 1,
      appeals: 1,
      appealsUpheld: 1,
    });
    const csv = await app.inject({
      method: 'GET',
      url: '/api/access-requests/statistics.csv?year=2026',
      headers: as('sekretariat'),
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Besvart innen 3 arbeidsdager');
    expect(csv.body).toContain('2026-06;2;');
  });

  it('lets the secretariat add and correct journal entries, audited', async () => {
    const added = await send('sekretariat', 'POST', '/api/journal', {
      steeringGroupId: kirId,
      procurementId,
      title: 'Brev fra Helse Nord RHF om behov',
      direction: 'incoming',
      senderRecipient: 'Helse Nord RHF',
      documentDate: '2026-06-10',
    });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json<{ id: string }>().id;
    const corrected = await send('sekretariat', 'PATCH', `/api/journal/${id}`, {
      title: 'Brev fra Helse Nord RHF om behov for ventiler',
    });
    expect(corrected.json()).toMatchObject({
      title: 'Brev fra Helse Nord RHF om behov for ventiler',
      direction: 'incoming',
    });
    const bad = await send('sekretariat', 'PATCH', `/api/journal/${id}`, {
      accessStatus: 'exempt',
      legalBasis: 'offl14',
    });
    expect(bad.statusCode).toBe(400);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['addJournalEntry', 'correctJournalEntry']),
    );
    expect(
      (await anonymous(`/api/public/journal/${id}`)).json<{ senderRecipient: string; direction: string }>(),
    ).toMatchObject({ senderRecipient: 'Helse Nord RHF', direction: 'incoming' });
  });
});
