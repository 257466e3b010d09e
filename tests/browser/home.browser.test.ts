// "Mine oppgaver" in the browser, one role home each: the counts and links come from the living demo
// portfolio (features/seed/demo-*.ts) plus one case the procurement lead brings (a flerregional KIR
// procurement with Helse Vest, where medlem sits); and the member's vote on a phone (390 px).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/db/schema.js';
import { launchChromium, loginAs, newContext, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const TODAY = '2026-06-15';
const CASE_TITLE = 'Strategisk betydning for hofteimplantater';
// The living demo's cases (features/seed/demo-cases.ts).
const DEMO_PLAN = 'Anskaffelsesplan for ablasjon';
const DEMO_DECIDED = 'Endelig strategisk betydning for ablasjon';
const DEMO_ESCALATED = 'Godkjenning av konkurransegrunnlag for infusjonspumper';
const DEMO_LAB = 'Endelig strategisk betydning for laboratorieanalysatorer';

describe('role homes in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let caseId: string;
  let procurementId: string;
  const demoCaseId: Record<string, string> = {};

  const as = async (username: string) => {
    const { context, page } = await loginAs(browser, server.url, username);
    contexts.push(context);
    await page.getByTestId('my-home').waitFor();
    return page;
  };
  const countOf = async (page: Page, id: string) =>
    Number(await page.getByTestId(`count-${id}`).locator('.stat-value').textContent());
  const linksIn = async (page: Page, id: string) =>
    page
      .getByTestId(`list-${id}`)
      .locator('a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));

  beforeAll(async () => {
    server = await startTestServer({ today: TODAY });
    browser = await launchChromium();
    const leder = await as('leder');
    const me = (await (await leder.request.get(`${server.url}/api/auth/me`)).json()) as { personId: string };
    const secretariat = await as('sekretariat');
    const organisations: Array<{ id: string; code: string; kind: string; rhfId: string | null }> = await (
      await secretariat.request.get(`${server.url}/api/organisations`)
    ).json();
    const rhfId = (code: string) => organisations.find((org) => org.kind === 'RHF' && org.code === code)!.id;
    const firstHf = (code: string) =>
      organisations.find((org) => org.kind === 'HF' && org.rhfId === rhfId(code))!.id;
    const created = await secretariat.request.post(`${server.url}/api/procurements`, {
      data: {
        name: 'Hofteimplantater 2026',
        categoryCode: 'KIR',
        participatingHfIds: [firstHf('HN'), firstHf('HV'), firstHf('HSO')],
        contractValueNok: '120000000',
        status: 'planned',
        procurementLeadId: me.personId,
      },
    });
    expect(created.status()).toBe(201);
    procurementId = ((await created.json()) as { id: string }).id;
    const submitted = await leder.request.post(`${server.url}/api/procurements/${procurementId}/cases`, {
      data: { gate: 'significance', title: CASE_TITLE, text: 'Forslag: høy.', proposedSignificance: 'høy' },
    });
    expect(submitted.status()).toBe(201);
    caseId = ((await submitted.json()) as { id: string }).id;
    const demoCases = await server.database.db.select({ id: cases.id, title: cases.title }).from(cases);
    for (const title of [DEMO_PLAN, DEMO_DECIDED, DEMO_ESCALATED, DEMO_LAB])
      demoCaseId[title] = demoCases.find((c) => c.title === title)!.id;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('member: the cases awaiting my vote, the next meetings of KIR with their links, my action, new decisions', async () => {
    const page = await as('medlem');
    const home = page.getByTestId('home-member');
    await home.waitFor();
    // The demo's ablasjon plan (waiting ten days) and the case brought above.
    expect(await countOf(page, 'venter-stemme')).toBe(2);
    expect((await linksIn(page, 'venter-stemme')).sort()).toEqual(
      [`/saker/${caseId}`, `/saker/${demoCaseId[DEMO_PLAN]}`].sort(),
    );
    // Next week's demo meeting (agenda from the open cases, with papers), then KIR's plan: 21 and 63 days on.
    expect(await countOf(page, 'neste-moter')).toBe(3);
    const meetingLinks = await linksIn(page, 'neste-moter');
    expect(meetingLinks.every((href) => href?.startsWith('/moter/'))).toBe(true);
    const meetingList = (await page.getByTestId('list-neste-moter').textContent())!;
    expect(meetingList).toContain('22.06.2026');
    expect(meetingList).toContain('06.07.2026');
    // The demo's action from the meeting two weeks ago, due four days ago.
    expect(await countOf(page, 'mine-oppfolgingspunkter')).toBe(1);
    await expect(page.getByTestId('list-mine-oppfolgingspunkter').textContent()).resolves.toContain(
      'Innhente Helse Vests behov for kartleggingssystemer',
    );
    // The ablasjon significance decided twelve days ago.
    expect(await countOf(page, 'nye-vedtak')).toBe(1);
    expect(await linksIn(page, 'nye-vedtak')).toEqual([`/saker/${demoCaseId[DEMO_DECIDED]}`]);
    expect(await page.getByTestId('home-cockpit').count()).toBe(0);
    expect(await page.getByTestId('home-rhf').count()).toBe(0);
    await screenshot(page, 'home-member');
    await page.getByTestId('list-venter-stemme').getByRole('link', { name: CASE_TITLE }).click();
    await page.waitForURL(`${server.url}/saker/${caseId}`);
  });

  it('leder anskaffelse: my procurements with the next gate, and the case I brought', async () => {
    const page = await as('leder');
    await page.getByTestId('home-lead').waitFor();
    const led = (
      (await (await page.request.get(`${server.url}/api/procurements?limit=500`)).json()) as {
        items: Array<{ id: string; procurementLeadId: string | null }>;
      }
    ).items;
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { personId: string };
    const mine = led.filter((p) => p.procurementLeadId === me.personId);
    expect(mine.length).toBeGreaterThan(1); // the Administrasjon procurements of Vedlegg 04 and the new one
    expect(await countOf(page, 'mine-anskaffelser')).toBe(mine.length);
    expect(await linksIn(page, 'mine-anskaffelser')).toContain(`/anskaffelser/${procurementId}`);
    const row = page
      .getByTestId('list-mine-anskaffelser')
      .locator('li', { hasText: 'Hofteimplantater 2026' });
    await expect(row.textContent()).resolves.toContain('Endelig strategisk betydning: beslutte');
    // The case brought above and the demo's four (decided, waiting for votes, escalated to the RHFs, and the
    // LAB case with a habilitet question).
    expect(await countOf(page, 'mine-saker')).toBe(5);
    expect((await linksIn(page, 'mine-saker')).sort()).toEqual(
      [caseId, ...Object.values(demoCaseId)].map((id) => `/saker/${id}`).sort(),
    );
    await screenshot(page, 'home-procurement-lead');
  });

  it('RHF contact: the Helse Vest region, and KIR’s member without training', async () => {
    const page = await as('kontakt');
    await page.getByTestId('home-rhf').waitFor();
    await expect(page.getByTestId('home-rhf').locator('h2').textContent()).resolves.toBe(
      'Som kontaktperson for Helse Vest RHF',
    );
    expect(await countOf(page, 'regionens-anskaffelser')).toBeGreaterThan(0);
    // Demo quirk: KIR's Helse Vest member (Mona Styringsdal, login medlem) has not done the training.
    expect(await countOf(page, 'mangler-opplaering')).toBe(1);
    await expect(page.getByTestId('list-mangler-opplaering').textContent()).resolves.toContain(
      'Mona Styringsdal',
    );
    // The demo's escalated dissent: Helse Nord and Helse Midt-Norge have answered, Helse Vest has not.
    expect(await countOf(page, 'venter-svar')).toBe(1);
    expect(await linksIn(page, 'venter-svar')).toEqual([`/saker/${demoCaseId[DEMO_ESCALATED]}`]);
    // The demo's annual plan is out for the RHFs' feedback: its eight items await Helse Vest's.
    expect(await countOf(page, 'venter-innspill')).toBe(8);
    expect(await page.getByTestId('home-member').count()).toBe(0);
    await screenshot(page, 'home-rhf-contact');
  });

  it('secretariat cockpit: this week and next, with the demo’s overdue action and missing minutes', async () => {
    const page = await as('sekretariat');
    const cockpit = page.getByTestId('home-cockpit');
    await cockpit.waitFor();
    await expect(cockpit.locator('h2').textContent()).resolves.toContain('15.06.2026–28.06.2026');
    // KIR's demo: the meeting 30 days ago has no minutes, the one 14 days ago has draft minutes; its plan's
    // action was due a week ago and the held meeting's two actions four and two days ago.
    expect(await countOf(page, 'mangler-referat')).toBe(1);
    expect(await countOf(page, 'referat-godkjenning')).toBe(1);
    expect(await countOf(page, 'forfalte-tiltak')).toBe(3);
    await expect(page.getByTestId('list-forfalte-tiltak').textContent()).resolves.toContain(
      'Avklare deltakelse fra Helse Nord i hjerteventiler',
    );
    // Next week's meeting is not invited to yet; yesterday's access request is due within three working days.
    expect(await countOf(page, 'innkalling')).toBe(1);
    expect(await countOf(page, 'innsynskrav')).toBe(1);
    // The demo's ablasjon plan has waited ten days; the case brought today has not waited a week yet.
    expect(await countOf(page, 'saker-venter')).toBe(1);
    expect(await linksIn(page, 'saker-venter')).toEqual([`/saker/${demoCaseId[DEMO_PLAN]}`]);
    const overview = (await (await page.request.get(`${server.url}/api/cockpit`)).json()) as {
      compositionErrors: unknown[];
      gatesDue: unknown[];
    };
    expect(await countOf(page, 'sammensetning')).toBe(overview.compositionErrors.length);
    expect(overview.compositionErrors.length).toBeGreaterThan(0);
    expect(await countOf(page, 'porter-forfaller')).toBe(overview.gatesDue.length);
    const minutesLinks = await linksIn(page, 'mangler-referat');
    expect(minutesLinks).toHaveLength(1);
    await page.getByTestId('list-mangler-referat').locator('a').click();
    await page.waitForURL(`${server.url}${minutesLinks[0]}`);
    await page.goto(`${server.url}/`);
    await page.getByTestId('home-cockpit').waitFor();
    await screenshot(page, 'home-cockpit');
  });

  it('member at 390 px: from my home to the demo case, the habilitet answer and the vote', async () => {
    const context = await newContext(browser, server.url, { viewport: { width: 390, height: 844 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/logg-inn`);
    await page.getByTestId('login-username').fill('medlem');
    await page.getByTestId('login-password').fill('demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}/`);
    await page.getByTestId('list-venter-stemme').getByRole('link', { name: DEMO_PLAN }).click();
    await page.waitForURL(`${server.url}/saker/${demoCaseId[DEMO_PLAN]}`);
    await page.getByTestId('habilitet-no-conflict').click();
    await expect.poll(() => page.getByTestId('my-habilitet').textContent()).toBe('Ingen kjent konflikt');
    const approve = page.getByTestId('vote-approve');
    const box = (await approve.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390); // the button fits the phone's width
    // Nothing on the page is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await approve.click();
    await expect.poll(() => page.getByTestId('my-vote').getAttribute('data-vote')).toBe('approve');
    await screenshot(page, 'home-member-vote-390');
    // Two had approved before; Helse Sør-Øst's member has not voted, so the case stays open with three.
    const stored = (await (
      await page.request.get(`${server.url}/api/cases/${demoCaseId[DEMO_PLAN]}`)
    ).json()) as {
      status: string;
      votes: Array<{ vote: string }>;
    };
    expect(stored.status).toBe('open');
    expect(stored.votes.map((v) => v.vote)).toEqual(['approve', 'approve', 'approve']);
  });

  it('the cockpit is the secretariat’s only', async () => {
    const page = await as('medlem');
    expect((await page.request.get(`${server.url}/api/cockpit`)).status()).toBe(403);
  });
});
