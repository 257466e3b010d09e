// "Mine oppgaver" in the browser, one role home each: the counts and links come from the demo data plus one
// case the procurement lead brings (a flerregional KIR procurement with Helse Vest, where medlem sits).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, loginAs, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const TODAY = '2026-06-15';
const CASE_TITLE = 'Strategisk betydning for hofteimplantater';

describe('role homes in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let caseId: string;
  let procurementId: string;

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
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('member: the case awaiting my vote, the next meetings of KIR with their links', async () => {
    const page = await as('medlem');
    const home = page.getByTestId('home-member');
    await home.waitFor();
    expect(await countOf(page, 'venter-stemme')).toBe(1);
    expect(await linksIn(page, 'venter-stemme')).toEqual([`/saker/${caseId}`]);
    // KIR's demo meeting plan: meetings 21, 63 and 105 days from today.
    expect(await countOf(page, 'neste-moter')).toBe(3);
    const meetingLinks = await linksIn(page, 'neste-moter');
    expect(meetingLinks.every((href) => href?.startsWith('/moter/'))).toBe(true);
    await expect(page.getByTestId('list-neste-moter').textContent()).resolves.toContain('06.07.2026');
    expect(await countOf(page, 'mine-oppfolgingspunkter')).toBe(0);
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
    expect(await countOf(page, 'mine-saker')).toBe(1);
    expect(await linksIn(page, 'mine-saker')).toEqual([`/saker/${caseId}`]);
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
    expect(await countOf(page, 'venter-svar')).toBe(0);
    expect(await page.getByTestId('home-member').count()).toBe(0);
    await screenshot(page, 'home-rhf-contact');
  });

  it('secretariat cockpit: this week and next, with the demo’s overdue action and missing minutes', async () => {
    const page = await as('sekretariat');
    const cockpit = page.getByTestId('home-cockpit');
    await cockpit.waitFor();
    await expect(cockpit.locator('h2').textContent()).resolves.toContain('15.06.2026–28.06.2026');
    // KIR's demo: the meeting 30 days ago has no minutes, and its action was due a week ago.
    expect(await countOf(page, 'mangler-referat')).toBe(1);
    expect(await countOf(page, 'forfalte-tiltak')).toBe(1);
    await expect(page.getByTestId('list-forfalte-tiltak').textContent()).resolves.toContain(
      'Avklare deltakelse fra Helse Nord i hjerteventiler',
    );
    // The case brought today has not waited a week yet.
    expect(await countOf(page, 'saker-venter')).toBe(0);
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

  it('the cockpit is the secretariat’s only', async () => {
    const page = await as('medlem');
    expect((await page.request.get(`${server.url}/api/cockpit`)).status()).toBe(403);
  });
});
