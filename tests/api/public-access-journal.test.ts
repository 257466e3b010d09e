// The journal fills itself from what the portal decides, and the public side never shows what is exempt,
// over HTTP on both databases: approved minutes (møteprotokoll) and decisions (vedtak, also the meeting plan's)
// are journalled in the transaction that records them; the public pages read those entries' access; every
// public route answers a conflicted member, an outsider and an anonymous visitor alike, without a shielded
// word or exempt content; the backfill journals what existed before, once, audited.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, journalEntries, steeringGroups } from '../../src/db/schema.js';
import { systemActor } from '../../src/db/unit-of-work.js';
import { procurementStatusBlocker } from '../../src/features/governance/procurement-governance.service.js';
import { listOrganisations } from '../../src/features/organisations/organisations.service.js';
import { createProcurementSchema } from '../../src/features/procurements/procurements.schemas.js';
import { createProcurement } from '../../src/features/procurements/procurements.service.js';
import { backfillJournal } from '../../src/features/public-access/journal-backfill.js';
import { listPublicMeetings } from '../../src/features/public-access/public-pages.service.js';
import type { App } from '../../src/shared/http.js';
import { buildTestApp, logInAll } from '../support/api.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';
import { buildPdf } from '../support/pdf.js';
import { demoUser } from '../support/users.js';

// A supplier named in a case (shielded in its documents) and the content of two exempt case documents.
const SUPPLIER = 'Skjulestad Ortopedi AS';
const TENDER_SECRET = 'TILBUDSSUM-4471';
const OTHER_SECRET = 'FORHANDLINGSROM-2093';
const SECRETS = [SUPPLIER, 'Skjulestad', TENDER_SECRET, OTHER_SECRET];
const USERS = ['sekretariat', 'kir-hmn', 'kir-hn', 'kir-hso', 'medlem', 'ikt-hv', 'lesetilgang'] as const;
type Username = (typeof USERS)[number];

interface SecretariatEntry {
  id: string;
  documentType: string;
  direction: string;
  accessStatus: string;
  storedAccessStatus: string;
  title: string;
  publicTitle: string;
  shieldedWords: string[];
  caseId: string | null;
  meetingId: string | null;
  documentId: string | null;
  journalNumber: string;
  documentDate: string;
  journalDate: string;
}

const expectNoSecrets = (body: string, where: string) => {
  for (const secret of SECRETS) expect(body, `${where} leaks «${secret}»`).not.toContain(secret);
};

describe.each(databaseKinds)('journalled minutes and decisions, and the public side, on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  const cookies = {} as Record<Username, string>;
  let kirId: string;
  let decidedCaseId: string;
  let openCaseId: string;
  let meetingId: string;
  let planId: string;
  let decidedProcurementId: string;

  const send = (username: Username, method: 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
    app.inject({ method, url, payload: payload as object, headers: { cookie: cookies[username] } });
  const get = (username: Username | null, url: string) =>
    app.inject({ method: 'GET', url, headers: username ? { cookie: cookies[username] } : {} });
  const journal = async () =>
    (await get('sekretariat', '/api/journal?pageSize=200')).json<{ entries: SecretariatEntry[] }>().entries;
  const pdf = (line: string) => buildPdf({ pages: [[line]] }).toString('base64');

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    app = await buildTestApp(database.db, {
      STYR_PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
      STYR_RATE_LIMIT_PER_MINUTE: '100000',
    });
    await logInAll(app, USERS, cookies);
    const [kir] = await database.db.select().from(steeringGroups).where(eq(steeringGroups.code, 'KIR'));
    kirId = kir!.id;
    const kirProcurements = (await get('sekretariat', '/api/procurements?pageSize=200'))
      .json<{ items: Array<{ id: string; steeringGroupId: string | null }> }>()
      .items.filter((p) => p.steeringGroupId === kirId);
    // A second KIR procurement for the open case (national: one HF per RHF).
    const secretariat = await demoUser(database.db, 'sekretariat');
    const organisations = await listOrganisations(database.db);
    const oneHfPerRhf = [
      ...new Map(organisations.filter((o) => o.kind === 'HF').map((o) => [o.rhfId, o.id])).values(),
    ];
    const second = await createProcurement(
      database.db,
      secretariat,
      createProcurementSchema.parse({
        name: 'Sterilgods og instrumentvask',
        categoryCode: 'KIR',
        participatingHfIds: oneHfPerRhf,
      }),
      { statusBlocker: procurementStatusBlocker },
    );
    kirProcurements.push({ id: second.id, steeringGroupId: kirId });

    // A case naming the supplier, with the tender exempt and the supplier's name shielded: decided by the group.
    const decided = await send('sekretariat', 'POST', `/api/procurements/${kirProcurements[0]!.id}/cases`, {
      gate: 'significance',
      title: `Strategisk betydning etter tilbud fra ${SUPPLIER}`,
      text: 'Forslag: lav.',
      proposedSignificance: 'lav',
      documents: [
        {
          fileName: 'tilbud.pdf',
          contentType: 'application/pdf',
          contentBase64: pdf(`Tilbud fra ${SUPPLIER}: ${TENDER_SECRET}`),
          restricted: true,
          legalBasis: 'offl23third',
          shieldedWords: [SUPPLIER],
        },
      ],
    });
    expect(decided.statusCode, decided.body).toBe(201);
    decidedCaseId = decided.json<{ id: string }>().id;
    decidedProcurementId = kirProcurements[0]!.id;
    for (const member of ['kir-hn', 'kir-hmn', 'medlem', 'kir-hso'] as const)
      await send(member, 'POST', `/api/cases/${decidedCaseId}/votes`, { vote: 'approve', comment: null });
    expect((await get('sekretariat', `/api/cases/${decidedCaseId}`)).json()).toMatchObject({
      status: 'approved',
      decisionNumber: expect.stringMatching(/^KIR-2026-\d{2}$/),
    });

    // An open case with an exempt document; kir-hn declares a conflict on it at the meeting below.
    const open = await send('sekretariat', 'POST', `/api/procurements/${kirProcurements[1]!.id}/cases`, {
      gate: 'significance',
      title: 'Strategisk betydning for sterilgods',
      text: 'Forslag: medium.',
      proposedSignificance: 'medium',
      documents: [
        {
          fileName: 'forhandling.pdf',
          contentType: 'application/pdf',
          contentBase64: pdf(`Forhandlingsposisjon: ${OTHER_SECRET}`),
          accessStatus: 'partlyExempt',
          legalBasis: 'offl23first',
        },
      ],
    });
    expect(open.statusCode, open.body).toBe(201);
    openCaseId = open.json<{ id: string }>().id;

    const meeting = await send('sekretariat', 'POST', `/api/steering-groups/${kirId}/meetings`, {
      title: 'Møte om ortopedi',
      startsAt: '2026-06-18T10:00:00+02:00',
      endsAt: '2026-06-18T12:00:00+02:00',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    meetingId = meeting.json<{ id: string }>().id;
    await send('sekretariat', 'POST', `/api/meetings/${meetingId}/agenda/from-cases`);
    const withAgenda = await send('sekretariat', 'POST', `/api/meetings/${meetingId}/agenda`, {
      title: `Strategisk betydning etter tilbud fra ${SUPPLIER}`,
      caseId: decidedCaseId,
    });
    const agenda = withAgenda.json<{
      agenda: Array<{ id: string; caseId: string | null }>;
      members: Array<{ personId: string }>;
    }>();
    const decidedItem = agenda.agenda.find((a) => a.caseId === decidedCaseId)!;
    const openItem = agenda.agenda.find((a) => a.caseId === openCaseId)!;
    expect(
      (
        await send('kir-hn', 'PUT', `/api/agenda-items/${openItem.id}/conflict`, {
          reason: 'Tidligere ansatt',
        })
      ).statusCode,
    ).toBe(204);
    const saved = await send('sekretariat', 'PUT', `/api/meetings/${meetingId}/minutes`, {
      attendance: agenda.members.map((m) => ({ personId: m.personId, present: true })),
      items: [
        { agendaItemId: decidedItem.id, summary: `Drøftet tilbudet fra ${SUPPLIER}.` },
        { agendaItemId: openItem.id, summary: 'Utsatt til neste møte.' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it('journals the approved minutes in the approving transaction, once', async () => {
    const before = await journal();
    expect(before.filter((e) => e.documentType === 'minutes')).toEqual([]);
    const approved = await send('kir-hmn', 'POST', `/api/meetings/${meetingId}/minutes/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const minutes = (await journal()).filter((e) => e.documentType === 'minutes');
    expect(minutes).toHaveLength(1);
    expect(minutes[0]).toMatchObject({
      direction: 'internal',
      accessStatus: 'public',
      meetingId,
      documentId: null,
      journalDate: TEST_TODAY,
      title: 'Møteprotokoll: Møte om ortopedi (2026-06-18)',
    });
    // A refused approval (already approved) writes nothing, in the journal either.
    expect((await send('kir-hmn', 'POST', `/api/meetings/${meetingId}/minutes/approve`)).statusCode).toBe(
      409,
    );
    expect((await journal()).filter((e) => e.documentType === 'minutes')).toHaveLength(1);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'approveMinutes'), eq(auditLog.entityId, meetingId)));
    expect(audit).toHaveLength(1);
  });

  it('journals a case decision in the procurement’s saksmappe, with the case documents’ shielded word shielded', async () => {
    const entries = await journal();
    const decision = entries.find((e) => e.documentType === 'decision' && e.caseId === decidedCaseId)!;
    const caseDocument = entries.find(
      (e) => e.documentType === 'caseDocument' && e.caseId === decidedCaseId,
    )!;
    expect(decision).toMatchObject({
      direction: 'internal',
      accessStatus: 'partlyExempt',
      shieldedWords: [SUPPLIER],
      documentId: null,
      journalDate: TEST_TODAY,
    });
    expect(decision.title).toMatch(/^Vedtak KIR-2026-\d{2}: Strategisk betydning etter tilbud fra /);
    expect(decision.publicTitle).toBe(decision.title.replace(SUPPLIER, '*****'));
    // Same saksmappe as the case's document (the procurement), next document number.
    expect(decision.journalNumber.split('-')[0]).toBe(caseDocument.journalNumber.split('-')[0]);
    // No decision yet for the open case.
    expect(entries.some((e) => e.documentType === 'decision' && e.caseId === openCaseId)).toBe(false);
  });

  it('journals the approval of a meeting plan as a vedtak', async () => {
    const proposed = await send('sekretariat', 'POST', `/api/steering-groups/${kirId}/meeting-plans`, {
      year: 2027,
      meetings: [{ startsAt: '2027-02-16T10:00:00+01:00', endsAt: '2027-02-16T12:00:00+01:00' }],
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    planId = proposed.json<{ id: string }>().id;
    const approved = await send('kir-hmn', 'POST', `/api/meeting-plans/${planId}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const decisionNumber = approved.json<{ decisionNumber: string }>().decisionNumber;
    const entry = (await journal()).find((e) => e.title.startsWith(`Vedtak ${decisionNumber}:`))!;
    expect(entry).toMatchObject({
      documentType: 'decision',
      direction: 'internal',
      accessStatus: 'public',
      title: `Vedtak ${decisionNumber}: Møteplan 2027 for Styringsgruppe KIR`,
    });
    // … and is on the public decision register, with its journal number.
    const register = (await get(null, `/api/public/decisions?q=${encodeURIComponent(decisionNumber)}`)).json<{
      items: unknown[];
    }>().items;
    expect(register).toEqual([
      expect.objectContaining({
        decisionNumber,
        title: 'Møteplan 2027',
        procurement: null,
        decidedOn: TEST_TODAY,
        journalNumber: entry.journalNumber,
        accessStatus: 'public',
      }),
    ]);
  });

  it('shows vedtak, agenda and minutes to the public with the shielded word replaced, and finds nothing by it', async () => {
    const decisions = (await get(null, '/api/public/decisions?limit=500')).json<{
      items: Array<{
        title: string;
        journalNumber: string | null;
        accessStatus: string;
        legalBasisTexts: string[];
      }>;
    }>().items;
    const shown = decisions.find((d) => d.title.startsWith('Strategisk betydning etter tilbud fra'))!;
    expect(shown).toMatchObject({
      title: 'Strategisk betydning etter tilbud fra *****',
      accessStatus: 'partlyExempt',
      legalBasisTexts: ['Offl. § 23 tredje ledd'],
      journalNumber: expect.stringMatching(/^\d{4}\/\d+-\d+$/),
    });
    for (const q of ['Skjulestad', 'ortopedi as'])
      expect((await get(null, `/api/public/decisions?q=${encodeURIComponent(q)}`)).json(), q).toMatchObject({
        items: [],
        total: 0,
      });
    // The search goes to SQL, whose text cannot hold NUL: a clear 400, not an internal error.
    const nul = await get(null, '/api/public/decisions?q=%00');
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('Søketeksten kan ikke inneholde tegnet NUL');
    const meetings = (await get(null, '/api/public/meetings?limit=500')).json<{
      items: Array<{
        id: string;
        agenda: Array<{ title: string }>;
        minutes: { accessStatus: string; items: Array<{ title: string; summary: string }> } | null;
        documents: Array<{ publicTitle: string }>;
      }>;
    }>().items;
    const meeting = meetings.find((m) => m.id === meetingId)!;
    expect(meeting.agenda.map((a) => a.title)).toContain('Strategisk betydning etter tilbud fra *****');
    expect(meeting.minutes).toMatchObject({ accessStatus: 'public' });
    expect(meeting.minutes!.items.map((i) => i.summary)).toContain('Drøftet tilbudet fra *****.');
    expect(meeting.documents.some((d) => d.publicTitle.startsWith('Vedtak KIR-2026-'))).toBe(true);
    const page = (await get(null, '/api/public/journal?documentType=minutes')).json<{
      entries: Array<{ meetingId: string | null; file: unknown }>;
    }>();
    expect(page.entries).toEqual([expect.objectContaining({ meetingId, file: null })]);
  });

  it('withholds the minutes on the public meetings page once their entry is exempt', async () => {
    const entry = (await journal()).find((e) => e.documentType === 'minutes')!;
    const corrected = await send('sekretariat', 'PATCH', `/api/journal/${entry.id}`, {
      accessStatus: 'exempt',
      legalBasis: 'offl23third',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const meeting = (await get(null, '/api/public/meetings?limit=500'))
      .json<{
        items: Array<{
          id: string;
          minutes: { accessStatus: string; items: unknown[]; legalBasisTexts: string[] };
        }>;
      }>()
      .items.find((m) => m.id === meetingId)!;
    expect(meeting.minutes).toMatchObject({
      accessStatus: 'exempt',
      items: [],
      legalBasisTexts: ['Offl. § 23 tredje ledd'],
    });
    const body = (await get(null, '/api/public/meetings?limit=500')).body;
    expect(body).not.toContain('Utsatt til neste møte');
    const back = await send('sekretariat', 'PATCH', `/api/journal/${entry.id}`, {
      accessStatus: 'public',
      legalBasis: null,
    });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('pages the public decisions and meetings in SQL: the pages make up the whole, in register order, with the total', async () => {
    type Page<T> = { items: T[]; total: number; limit: number; offset: number };
    type Decision = { decisionNumber: string; decidedOn: string | null; steeringGroup: { id: string } };
    const whole = (await get(null, '/api/public/decisions?limit=500')).json<Page<Decision>>();
    expect(whole.total).toBe(whole.items.length);
    expect(whole.total).toBeGreaterThan(1);
    const days = whole.items.map((d) => d.decidedOn ?? '');
    expect(days).toEqual([...days].sort().reverse());
    const paged: Decision[] = [];
    for (let offset = 0; offset < whole.total; offset += 2) {
      const page = (await get(null, `/api/public/decisions?limit=2&offset=${offset}`)).json<Page<Decision>>();
      expect(page).toMatchObject({ total: whole.total, limit: 2, offset });
      paged.push(...page.items);
    }
    expect(paged).toEqual(whole.items);
    // Every decision number holds a hyphen: the search path (matched after shielding, paged in Node) agrees.
    expect((await get(null, '/api/public/decisions?q=-&limit=500')).json<Page<Decision>>().items).toEqual(
      whole.items,
    );
    const kir = (await get(null, `/api/public/decisions?steeringGroupId=${kirId}&limit=500`)).json<
      Page<Decision>
    >();
    expect(kir.items).toEqual(whole.items.filter((d) => d.steeringGroup.id === kirId));
    // Meetings: only those with a published agenda, newest first, the same as the eInnsyn export's list.
    type Meeting = { id: string; startsAt: string; agendaPublished: boolean };
    const meetings = (await get(null, '/api/public/meetings?limit=500')).json<Page<Meeting>>();
    expect(meetings.items.length).toBeGreaterThan(0);
    expect(meetings.items.every((m) => m.agendaPublished)).toBe(true);
    const starts = meetings.items.map((m) => m.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
    const exported = (await listPublicMeetings(database.db, TEST_TODAY)).filter((m) => m.agendaPublished);
    expect(meetings.items).toEqual(exported);
    const second = (await get(null, '/api/public/meetings?limit=1&offset=1')).json<Page<Meeting>>();
    expect(second).toMatchObject({ total: meetings.total, items: meetings.items.slice(1, 2) });
  });

  it('answers every public route the same for a conflicted member, an outsider and an anonymous visitor: nothing exempt', async () => {
    // kir-hn has an open habilitet question (the conflict on the agenda item); ikt-hv sits in another group.
    const caseView = (await get('kir-hn', `/api/cases/${openCaseId}`)).json<{
      viewer: { isConflicted: boolean };
    }>();
    expect(caseView.viewer.isConflicted).toBe(true);
    const entries = await journal();
    const exempt = entries.filter((e) => e.documentId !== null && e.storedAccessStatus !== 'public');
    expect(exempt.length).toBeGreaterThanOrEqual(2);
    const routes = [
      '/api/public/journal?pageSize=200',
      `/api/public/journal?q=${encodeURIComponent(SUPPLIER)}`,
      '/api/public/journal?documentType=decision',
      '/api/public/journal/export?format=csv',
      '/api/public/journal/export?format=einnsyn',
      '/api/public/filters',
      '/api/public/decisions',
      `/api/public/decisions?q=${encodeURIComponent('Skjulestad')}`,
      '/api/public/meetings',
      `/api/public/meetings?steeringGroupId=${kirId}`,
      '/api/open-data/ocds',
      ...entries.map((e) => `/api/public/journal/${e.id}`),
    ];
    for (const username of [null, 'kir-hn', 'ikt-hv', 'lesetilgang'] as const) {
      const who = username ?? 'anonymous';
      for (const url of routes) {
        const response = await get(username, url);
        expect(response.statusCode, `${who} ${url}`).toBe(200);
        expectNoSecrets(response.body, `${who} ${url}`);
      }
      for (const entry of exempt) {
        const file = await get(username, `/api/public/journal/${entry.id}/file`);
        expect(file.statusCode, `${who} file of ${entry.journalNumber}`).toBe(403);
        expectNoSecrets(file.body, `${who} file of ${entry.journalNumber}`);
      }
      // Decisions and minutes have no file: the public side says so, with nothing else.
      for (const entry of entries.filter((e) => e.documentId === null)) {
        const file = await get(username, `/api/public/journal/${entry.id}/file`);
        expect([403, 404], `${who} file of ${entry.journalNumber}`).toContain(file.statusCode);
        expectNoSecrets(file.body, `${who} file of ${entry.journalNumber}`);
      }
      const receipt = await app.inject({
        method: 'POST',
        url: '/api/public/access-requests',
        headers: username ? { cookie: cookies[username] } : {},
        payload: { journalEntryIds: exempt.map((e) => e.id), email: 'innsyn@avis.example.no' },
      });
      expect(receipt.statusCode, `${who} request`).toBe(201);
      expectNoSecrets(receipt.body, `${who} request`);
    }
    // The secretariat's journal itself stays the secretariat's.
    for (const username of ['kir-hn', 'ikt-hv', 'medlem'] as const)
      expect((await get(username, '/api/journal')).statusCode, username).toBe(403);
    expect((await get(null, '/api/journal')).statusCode).toBe(401);
    // The request queue shows the exempt documents by public title only.
    const queue = (await get('sekretariat', '/api/access-requests')).json<{
      items: Array<{ items: Array<{ publicTitle: string }> }>;
      total: number;
    }>().items;
    expect(queue.length).toBeGreaterThanOrEqual(4);
    // Paged on the server: a page is the slice of the whole queue, with the total.
    const all = (await get('sekretariat', '/api/access-requests?status=all&limit=500')).json<{
      items: Array<{ id: string }>;
      total: number;
    }>();
    const page = (await get('sekretariat', '/api/access-requests?status=all&limit=2&offset=1')).json<{
      items: Array<{ id: string }>;
      total: number;
      limit: number;
      offset: number;
    }>();
    expect(all.total).toBe(all.items.length);
    expect(page).toMatchObject({ total: all.total, limit: 2, offset: 1 });
    expect(page.items.map((r) => r.id)).toEqual(all.items.slice(1, 3).map((r) => r.id));
    expectNoSecrets(JSON.stringify(queue.flatMap((r) => r.items.map((i) => i.publicTitle))), 'queue');
  });

  it('grants a vedtak without a file as merinnsyn: the entry itself becomes public, audited', async () => {
    const decision = (await journal()).find(
      (e) => e.documentType === 'decision' && e.caseId === decidedCaseId,
    )!;
    const received = await app.inject({
      method: 'POST',
      url: '/api/public/access-requests',
      payload: { journalEntryIds: [decision.id], email: 'merinnsyn@avis.example.no' },
    });
    expect(received.statusCode, received.body).toBe(201);
    const request = (await get('sekretariat', '/api/access-requests'))
      .json<{
        items: Array<{
          id: string;
          status: string;
          items: Array<{ id: string; journalEntryId: string | null }>;
        }>;
      }>()
      .items.find(
        (r) => r.status === 'received' && r.items.length === 1 && r.items[0]!.journalEntryId === decision.id,
      )!;
    const answered = await send('sekretariat', 'POST', `/api/access-requests/${request.id}/answer`, {
      items: [
        {
          itemId: request.items[0]!.id,
          decision: 'grant',
          merinnsynAssessment: 'Leverandørens navn i vedtaket skader ikke konkurransen nå.',
        },
      ],
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await get(null, `/api/public/journal/${decision.id}`)).json()).toMatchObject({
      accessStatus: 'public',
      publicTitle: decision.title,
      legalBasisTexts: [],
    });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'correctJournalEntry'), eq(auditLog.entityId, decision.id)));
    expect(audit).toHaveLength(1);
  });

  it('backfills what has no entry (documents, minutes, decisions) once, audited, with the original dates', async () => {
    const entries = await journal();
    const removed = [
      entries.find((e) => e.documentType === 'minutes')!,
      entries.find((e) => e.documentType === 'decision' && e.caseId === decidedCaseId)!,
      entries.find((e) => e.title.includes('Møteplan 2027'))!,
      entries.find((e) => e.documentType === 'caseDocument' && e.caseId === openCaseId)!,
    ];
    await database.db.delete(journalEntries).where(
      inArray(
        journalEntries.id,
        removed.map((e) => e.id),
      ),
    );
    const actor = systemActor('cli:test');
    const result = await backfillJournal(database.db, actor, '2026-06-16');
    expect(result).toMatchObject({ documents: 1, minutes: 1, decisions: 1, meetingPlans: 1 });
    const after = await journal();
    expect(after).toHaveLength(entries.length);
    for (const old of removed) {
      const again = after.find((e) => e.title === old.title)!;
      expect(again, old.title).toMatchObject({
        documentType: old.documentType,
        direction: 'internal',
        caseId: old.caseId,
        meetingId: old.meetingId,
        journalDate: '2026-06-16',
      });
      expect(again.id).not.toBe(old.id);
      // Minutes, plans and decisions keep the day they were decided (by the clock); a document keeps the
      // Norwegian day of its stored row.
      if (old.documentType !== 'caseDocument') expect(again.documentDate, old.title).toBe(TEST_TODAY);
    }
    expect(await backfillJournal(database.db, actor, '2026-06-16')).toMatchObject({ entryIds: [] });
    expect(await journal()).toHaveLength(entries.length);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'backfillJournal'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUsername: 'cli:test', entityType: 'journal' });
  });

  it('lifts § 23 (3) when the award gate is passed: the tender and the supplier in the vedtak become public', async () => {
    // Significance «lav» leaves the later gates informed: each passes at once, through the real route.
    for (const gate of ['significance', 'plan', 'tenderPreparation', 'tenderApproval', 'award']) {
      const passed = await send(
        'sekretariat',
        'POST',
        `/api/procurements/${decidedProcurementId}/gates/${gate}/pass`,
        {
          note: null,
        },
      );
      expect(passed.statusCode, `${gate}: ${passed.body}`).toBe(200);
    }
    const entries = await journal();
    const tender = entries.find((e) => e.documentType === 'caseDocument' && e.caseId === decidedCaseId)!;
    const publicTender = (await get(null, `/api/public/journal/${tender.id}`)).json<{
      accessStatus: string;
      exemptionLifted: boolean;
      publicTitle: string;
      file: { url: string } | null;
    }>();
    expect(publicTender).toMatchObject({ accessStatus: 'public', exemptionLifted: true });
    const file = await get(null, publicTender.file!.url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.toString('latin1')).toContain(TENDER_SECRET);
    const decision = (await get(null, '/api/public/decisions?limit=500'))
      .json<{ items: Array<{ title: string; accessStatus: string }> }>()
      .items.find((d) => d.title.startsWith('Strategisk betydning etter tilbud fra'))!;
    expect(decision).toMatchObject({
      title: `Strategisk betydning etter tilbud fra ${SUPPLIER}`,
      accessStatus: 'public',
    });
    // The other procurement's negotiation position (§ 23 first paragraph) is untouched by this award.
    const other = entries.find((e) => e.documentType === 'caseDocument' && e.caseId === openCaseId)!;
    expect((await get(null, `/api/public/journal/${other.id}/file`)).statusCode).toBe(403);
  });
});
