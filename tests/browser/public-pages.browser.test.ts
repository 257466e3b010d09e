// The public decision register (/innsyn/vedtak) and the public meetings (/innsyn/moter) as an anonymous
// visitor (issue 10 item 2), on data this test builds: a KIR case naming a supplier whose name is shielded in
// the case's exempt tender, decided by the members (a vedtak); a meeting with that case on its agenda, the
// invitation sent and the minutes approved; a second meeting whose agenda is not sent yet. The visitor sees
// the vedtak with its number, day, journal number and the supplier shielded; the published agenda and the
// approved minutes, with the supplier shielded there too; the meeting's public document to download and the
// exempt one marked, and not the unpublished meeting. The journal's «Les referatet» leads to the minutes.
// After the award (issue 10, «Done when») the tender is public on the journal page and the vedtak names the
// supplier.
import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from '../support/axe.js';
import { launchChromium, newContext, screenshot } from '../support/browser.js';
import { buildPdf } from '../support/pdf.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const TODAY = '2026-06-15';
const SUPPLIER = 'Skjermdal Hjerte AS';
const pdf = (line: string) => buildPdf({ pages: [[line]] });

describe('the public vedtak and møter pages', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const agendaPdf = pdf('Saksnotat til møtet: hjerteventiler.');
  const tenderPdf = pdf(`Tilbud fra ${SUPPLIER}`);
  let decisionNumber: string;
  let journalNumber: string;
  let procurementName: string;
  let procurementId: string;
  let meetingId: string;
  let meetingItems: number;

  /** An API client logged in as a demo user (its own cookie jar). */
  async function client(username: string): Promise<APIRequestContext> {
    const context = await browser.newContext();
    contexts.push(context);
    const login = await context.request.post(`${server.url}/api/auth/login`, {
      data: { username, password: 'demo' },
    });
    expect(login.status(), username).toBe(200);
    return context.request;
  }
  async function call<T>(
    api: APIRequestContext,
    method: 'get' | 'post' | 'put',
    path: string,
    data?: unknown,
  ): Promise<T> {
    const response = await api[method](`${server.url}${path}`, data ? { data } : {});
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
    return (await response.json().catch(() => undefined)) as T;
  }

  beforeAll(async () => {
    server = await startTestServer({ today: TODAY });
    browser = await launchChromium();
    const secretariat = await client('sekretariat');
    const groups = await call<Array<{ id: string; code: string }>>(
      secretariat,
      'get',
      '/api/steering-groups',
    );
    const kirId = groups.find((g) => g.code === 'KIR')!.id;
    // A new KIR procurement at its first gate (the demo's own are further on): the test passes every gate
    // up to the award below.
    const template = (
      await call<{
        items: Array<{ steeringGroupId: string | null; categoryCode: string; participatingHfIds: string[] }>;
      }>(secretariat, 'get', '/api/procurements?pageSize=200')
    ).items.find((p) => p.steeringGroupId === kirId)!;
    const procurement = await call<{ id: string; name: string }>(secretariat, 'post', '/api/procurements', {
      name: 'Hjerteventiler, nasjonal avtale',
      categoryCode: template.categoryCode,
      participatingHfIds: template.participatingHfIds,
      contractValueNok: '120000000.00',
    });
    procurementName = procurement.name;
    procurementId = procurement.id;

    // The case names the supplier; its tender is exempt until the award, with the supplier's name shielded.
    const sak = await call<{ id: string }>(secretariat, 'post', `/api/procurements/${procurement.id}/cases`, {
      gate: 'significance',
      title: `Strategisk betydning etter tilbud fra ${SUPPLIER}`,
      text: 'Forslag: lav.',
      proposedSignificance: 'lav',
      documents: [
        {
          fileName: 'tilbud.pdf',
          contentType: 'application/pdf',
          contentBase64: tenderPdf.toString('base64'),
          legalBasis: 'offl23third',
          shieldedWords: [SUPPLIER],
        },
      ],
    });

    // The meeting: the case on the agenda, a public saksnotat for the meeting, the invitation sent.
    meetingId = (
      await call<{ id: string }>(secretariat, 'post', `/api/steering-groups/${kirId}/meetings`, {
        title: 'Møte om hjerteventiler',
        startsAt: '2026-06-16T10:00:00+02:00',
        endsAt: '2026-06-16T12:00:00+02:00',
        location: 'Helse Bergen, møterom 3',
      })
    ).id;
    await call(secretariat, 'post', `/api/meetings/${meetingId}/agenda/from-cases`);
    await call(secretariat, 'post', `/api/steering-groups/${kirId}/documents`, {
      title: 'Saksnotat hjerteventiler',
      fileName: 'saksnotat.pdf',
      contentType: 'application/pdf',
      contentBase64: agendaPdf.toString('base64'),
      meetingId,
      procurementId: procurement.id,
    });
    await call(secretariat, 'post', `/api/meetings/${meetingId}/invitation`);
    // A later meeting whose agenda has not gone out: not on the public page.
    await call(secretariat, 'post', `/api/steering-groups/${kirId}/meetings`, {
      title: 'Møte som ikke er innkalt',
      startsAt: '2026-09-15T10:00:00+02:00',
      endsAt: '2026-09-15T12:00:00+02:00',
    });

    // The deciding members approve the case: a vedtak with its number, journalled.
    for (const member of ['kir-hn', 'kir-hmn', 'medlem', 'kir-hso'])
      await call(await client(member), 'post', `/api/cases/${sak.id}/votes`, {
        vote: 'approve',
        comment: null,
      });
    decisionNumber = (await call<{ decisionNumber: string }>(secretariat, 'get', `/api/cases/${sak.id}`))
      .decisionNumber;
    expect(decisionNumber).toMatch(/^KIR-2026-\d{2}$/);

    // The minutes, approved by the leader.
    const meeting = await call<{ agenda: Array<{ id: string }>; members: Array<{ personId: string }> }>(
      secretariat,
      'get',
      `/api/meetings/${meetingId}`,
    );
    meetingItems = meeting.agenda.length;
    expect(meetingItems).toBeGreaterThanOrEqual(2);
    await call(secretariat, 'put', `/api/meetings/${meetingId}/minutes`, {
      attendance: meeting.members.map((m) => ({ personId: m.personId, present: true })),
      items: meeting.agenda.map((a) => ({
        agendaItemId: a.id,
        summary: `Drøftet tilbudet fra ${SUPPLIER}.`,
      })),
    });
    await call(await client('kir-hmn'), 'post', `/api/meetings/${meetingId}/minutes/approve`);
    const journal = await call<{
      entries: Array<{ journalNumber: string; documentType: string; caseId: string | null }>;
    }>(secretariat, 'get', '/api/journal?pageSize=200');
    journalNumber = journal.entries.find(
      (e) => e.documentType === 'decision' && e.caseId === sak.id,
    )!.journalNumber;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('shows an anonymous visitor the vedtak, the published agenda and the approved minutes, the supplier shielded until the award', async () => {
    // Not logged in; Norwegian, Oslo time and the server's clock, as every browser test.
    const context = await newContext(browser, server.url, { acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);

    // Vedtak: number, day, the title with the supplier shielded, the procurement, the outcome, the journal.
    await page.goto(`${server.url}/innsyn/vedtak`);
    await settled(page);
    const row = page.getByTestId('public-decisions').locator('tbody tr', { hasText: decisionNumber });
    expect(await row.count()).toBe(1);
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(cells[0]).toBe(decisionNumber);
    expect(cells[1]).toBe('15.06.2026');
    expect(cells[2]).toContain('Strategisk betydning etter tilbud fra *****');
    expect(cells[2]).toContain('Styringsgruppe KIR');
    expect(cells[3]).toBe(procurementName);
    expect(cells[4]).toContain('Vedtatt');
    expect(cells[4]).toContain(`Journalpost ${journalNumber}`);
    expect(cells[4]).toContain('Skjermet: Offl. § 23 tredje ledd');
    expect(await page.content()).not.toContain(SUPPLIER);
    await screenshot(page, 'public-decisions');

    // Møter: the published meeting with its agenda, the approved minutes and the documents; not the other.
    await page
      .getByRole('navigation', { name: 'Offentlige sider' })
      .getByRole('link', { name: 'Møter' })
      .click();
    await page.waitForURL(`${server.url}/innsyn/moter`);
    await settled(page);
    const meetings = page.getByTestId('public-meeting');
    expect(await meetings.count()).toBe(1);
    const meeting = meetings.first();
    expect(await meeting.getByRole('heading', { level: 2 }).textContent()).toBe(
      'Styringsgruppe KIR: Møte om hjerteventiler',
    );
    expect(await meeting.locator('p.subtle').first().textContent()).toContain('Helse Bergen, møterom 3');
    expect(await meeting.locator('p.subtle').first().textContent()).toContain('16.06.2026');
    const agenda = meeting
      .getByRole('heading', { name: 'Saksliste' })
      .locator('xpath=following-sibling::ol[1]');
    expect(await agenda.locator('li').allTextContents()).toContain(
      'Strategisk betydning etter tilbud fra *****',
    );
    expect(await meeting.getByRole('heading', { name: 'Referat (godkjent, versjon 1)' }).count()).toBe(1);
    const minutes = await meeting.locator('dl').innerText();
    expect(minutes).toContain('Drøftet tilbudet fra *****.');
    // Also under the item without a case («Oppfølging av vedtak»): the whole protokoll is shielded.
    expect(minutes.match(/Drøftet tilbudet fra \*\*\*\*\*\./g)).toHaveLength(meetingItems);
    const documents = meeting
      .getByRole('heading', { name: 'Dokumenter' })
      .locator('xpath=following-sibling::ul[1]');
    const tender = documents.locator('li', { hasText: 'tilbud.pdf' });
    expect(await tender.textContent()).toContain('Unntatt offentlighet');
    expect(await tender.getByRole('link').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      documents.getByRole('link', { name: 'Saksnotat hjerteventiler' }).click(),
    ]);
    expect((await readFile(await download.path())).equals(agendaPdf)).toBe(true);
    expect(await page.content()).not.toContain(SUPPLIER);
    expect(await page.content()).not.toContain('Møte som ikke er innkalt');
    await screenshot(page, 'public-meetings');

    // From the journal, «Les referatet» leads to this meeting's minutes, its heading focused.
    await page.goto(`${server.url}/innsyn?documentType=minutes`);
    await settled(page);
    await page
      .getByTestId('journal-row')
      .first()
      .getByRole('link', { name: /Les referatet/ })
      .click();
    await page.waitForURL(`${server.url}/innsyn/moter#meeting-${meetingId}`);
    await settled(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`meeting-${meetingId}`);

    // The award lifts § 23 (3): the tender downloads from the journal, and the vedtak names the supplier.
    const secretariat = await client('sekretariat');
    for (const gate of ['significance', 'plan', 'tenderPreparation', 'tenderApproval', 'award'])
      await call(secretariat, 'post', `/api/procurements/${procurementId}/gates/${gate}/pass`, {
        note: null,
      });
    await page.goto(`${server.url}/innsyn?q=tilbud.pdf`);
    await settled(page);
    const tenderRow = page.getByTestId('journal-row').filter({ hasText: 'tilbud.pdf' });
    expect(await tenderRow.textContent()).toContain('Unntaket er opphevet');
    const [tenderFile] = await Promise.all([
      page.waitForEvent('download'),
      tenderRow.getByTestId('download').click(),
    ]);
    expect((await readFile(await tenderFile.path())).equals(tenderPdf)).toBe(true);
    await page.goto(`${server.url}/innsyn/vedtak`);
    await settled(page);
    expect(
      await page
        .getByTestId('public-decisions')
        .locator('tbody tr', { hasText: decisionNumber })
        .textContent(),
    ).toContain(`Strategisk betydning etter tilbud fra ${SUPPLIER}`);
  });
});
