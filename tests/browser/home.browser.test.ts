// "Mine oppgaver" in the browser, one role home each: the counts and links come from the living demo
// portfolio (features/seed/demo-*.ts) plus one case the procurement lead brings (a flerregional KIR
// procurement with Helse Vest, where medlem sits); and the member's vote on a phone (390 px).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { appointmentChecks, cases } from '../../src/db/schema.js';
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
  const rowsOf = async <T>(query: ReturnType<typeof sql>): Promise<T[]> => {
    const result: unknown = await server.database.db.execute(query);
    return (result as { rows: T[] }).rows;
  };
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
    // Habilitet: her declaration is due in 20 days, and both open cases wait for her habilitet answer.
    expect(await countOf(page, 'habilitet')).toBe(3);
    expect((await linksIn(page, 'habilitet')).sort()).toEqual(
      ['/habilitet/erklaering', `/saker/${caseId}`, `/saker/${demoCaseId[DEMO_PLAN]}`].sort(),
    );
    await expect(page.getByTestId('habilitet-declaration').getAttribute('data-status')).resolves.toBe(
      'dueSoon',
    );
    expect(await page.getByTestId('home-cockpit').count()).toBe(0);
    expect(await page.getByTestId('home-rhf').count()).toBe(0);
    await screenshot(page, 'home-member');
    await page.getByTestId('list-venter-stemme').getByRole('link', { name: CASE_TITLE }).click();
    await page.waitForURL(`${server.url}/saker/${caseId}`);
  });

  it('member with a habilitet question: Helse Vest’s LAB member waits for the RHF’s decision', async () => {
    const page = await as('lab-hv');
    await page.getByTestId('home-member').waitFor();
    expect(await countOf(page, 'habilitet')).toBe(2); // the question, and no declaration yet
    expect((await linksIn(page, 'habilitet')).sort()).toEqual(
      ['/habilitet/erklaering', `/saker/${demoCaseId[DEMO_LAB]}`].sort(),
    );
    await expect(page.getByTestId('habilitet-question').textContent()).resolves.toContain(
      'Venter på Helse Vest RHFs avgjørelse',
    );
  });

  it('read-only: the decisions since my last visit and the reports to read', async () => {
    const page = await as('lesetilgang');
    await page.getByTestId('home-reader').waitFor();
    const [decided] = await rowsOf<{ n: number }>(
      sql`select count(*)::int as n from cases where decision_number is not null and decided_on >= '2026-05-16'`,
    );
    expect(await countOf(page, 'siste-vedtak')).toBe(decided!.n);
    expect(await linksIn(page, 'siste-vedtak')).toEqual([`/saker/${demoCaseId[DEMO_DECIDED]}`]);
    expect(await linksIn(page, 'rapporter')).toEqual([
      '/rapporter',
      '/nokkelindikatorer',
      '/forbruk',
      '/avtaler',
      '/anskaffelsesplan',
    ]);
    for (const section of ['home-member', 'home-lead', 'home-rhf', 'home-hf', 'home-cockpit'])
      expect(await page.getByTestId(section).count()).toBe(0);
    await screenshot(page, 'home-read-only');
    await page.getByTestId('list-siste-vedtak').locator('a').click();
    await page.waitForURL(`${server.url}/saker/${demoCaseId[DEMO_DECIDED]}`);
  });

  it('HF purchasing: Helse Bergen’s agreements ending, coverage, implementation plans and planned procurements', async () => {
    const page = await as('innkjop');
    const home = page.getByTestId('home-hf');
    await home.waitFor();
    await expect(home.locator('h2').textContent()).resolves.toBe('Som innkjøpsleder for Helse Bergen HF');
    const rows = async (query: ReturnType<typeof sql>) =>
      (await rowsOf<{ id: string }>(query)).map((row) => row.id);
    // National agreements, Helse Vest's regional ones and Bergen's own, ending within a year (the spend demo's
    // agreements and the living demo's).
    const ending = await rows(
      sql`select a.id from agreements a join organisations hf on hf.code = 'HELSE-BERGEN-HF'
          where a.status in ('active', 'draft') and a.valid_to between '2026-06-15' and '2027-06-15'
            and (a.scope = 'national' or (a.scope = 'regional' and a.rhf_id = hf.rhf_id)
              or exists (select 1 from agreement_organisations o where o.agreement_id = a.id and o.organisation_id = hf.id))`,
    );
    expect(await countOf(page, 'avtaler-utloper')).toBe(ending.length);
    expect((await linksIn(page, 'avtaler-utloper')).sort()).toEqual(
      ending.map((id) => `/avtaler/${id}`).sort(),
    );
    const temporaryStaff = page.locator('[data-testid="ending-agreement"][data-number="LA-HB-2024-VIK"]');
    await expect(temporaryStaff.textContent()).resolves.toContain('Ingen ny anskaffelse');
    await expect(
      page.locator('[data-testid="ending-agreement"][data-number="RA-2022-INF"]').textContent(),
    ).resolves.toContain('Ny anskaffelse planlagt');
    expect(await countOf(page, 'avtaler-uten-erstatning')).toBeGreaterThan(0);
    expect(await countOf(page, 'avtaler-uten-erstatning')).toBeLessThan(ending.length);
    // Bergen's implementation plan for the incontinence agreement: two of five steps done.
    expect(await countOf(page, 'implementeringsplaner')).toBe(1);
    await expect(page.getByTestId('hf-plan').textContent()).resolves.toContain('2 av 5 ferdig');
    const planned = await rows(
      sql`select i.id from annual_plan_items i join annual_plans p on p.id = i.plan_id
          where p.year >= 2026 and exists (select 1 from procurement_participants x join organisations hf
            on hf.id = x.organisation_id where x.procurement_id = i.procurement_id and hf.code = 'HELSE-BERGEN-HF')`,
    );
    expect(await countOf(page, 'planlagte-anskaffelser')).toBe(planned.length);
    expect(planned.length).toBeGreaterThan(0);
    // The spend analysis of the demo invoices gives Bergen's agreement coverage.
    await expect.poll(() => page.getByTestId('hf-coverage-value').count()).toBe(1);
    await expect(page.getByTestId('hf-coverage-value').textContent()).resolves.toMatch(/^\d+,\d %$/);
    expect(await page.getByTestId('home-cockpit').count()).toBe(0);
    await screenshot(page, 'home-hf-purchasing');
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
    // Helse Vest's new IKT member starts in two weeks without the RHF's check at appointment: record it here.
    expect(await countOf(page, 'mangler-habilitetssjekk')).toBe(1);
    const unchecked = page.getByTestId('unchecked-member');
    await expect(unchecked.textContent()).resolves.toContain('Vilde Vestrheim');
    await expect(unchecked.textContent()).resolves.toContain('Oppnevnt fra 29.06.2026');
    await screenshot(page, 'home-rhf-contact');
    const membershipId = (await unchecked.getAttribute('data-membership-id'))!;
    await unchecked.getByTestId('check-cleared').click();
    await expect.poll(() => countOf(page, 'mangler-habilitetssjekk')).toBe(0);
    const [check] = await server.database.db
      .select()
      .from(appointmentChecks)
      .where(sql`${appointmentChecks.membershipId} = ${membershipId}`);
    expect(check).toMatchObject({ outcome: 'cleared', checkedAs: 'rhfContact', checkedOn: TODAY });
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
