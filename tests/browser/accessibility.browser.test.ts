// Accessibility (issue 15 item 4; WCAG 2.1 AA is required by forskrift om universell utforming av IKT): axe
// finds no serious or critical WCAG 2.1 A/AA violation on any main page of the portal, each visited by the
// role that works there, nor on the public pages without login (also with the access-request form open and
// after sending it), nor at 390 px with the folded menu open; and a member votes with the keyboard alone
// (Tab, Shift+Tab, Enter, Space): log in, open the case from the home page, answer the habilitet question,
// cast the vote and see it recorded — with a visible focus indicator on every element the focus lands on;
// and the RHF's contact decides a member's habilitet question the same way (arrow keys in the radio group).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, settled, type Violation } from '../support/axe.js';
import { launchChromium, loginAs, newContext, screenshot } from '../support/browser.js';
import { buildPdf } from '../support/pdf.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const TODAY = '2026-06-15';
const pdf = (line: string) => buildPdf({ pages: [[line]] }).toString('base64');

describe('accessibility of the portal and the public pages', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const sessions = new Map<string, Page>();
  const ids = {} as {
    kir: string;
    procurement: string;
    otherProcurement: string;
    viewedCase: string;
    votedCase: string;
    questionCase: string;
    meeting: string;
    agreement: string;
    accessRequest: string;
  };

  async function as(username: string): Promise<Page> {
    const known = sessions.get(username);
    if (known) return known;
    const { context, page } = await loginAs(browser, server.url, username);
    contexts.push(context);
    sessions.set(username, page);
    return page;
  }
  async function anonymousPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await newContext(browser, server.url, { viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }
  const api = async <T>(page: Page, method: 'get' | 'post' | 'put', path: string, data?: unknown) => {
    const response = await page.request[method](`${server.url}${path}`, data ? { data } : {});
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
    return (response.status() === 204 ? undefined : await response.json()) as T;
  };
  /** The violations on `path` once drawn, by page name, so one failure lists every page that has one. */
  async function check(page: Page, path: string, found: Record<string, Violation[]>, name = path) {
    await page.goto(`${server.url}${path}`);
    await settled(page);
    const violations = await seriousViolations(page);
    if (violations.length > 0) found[name] = violations;
    // One main heading per page, in the main landmark (axe counts this as best practice, not as WCAG).
    expect(await page.locator('h1').count(), `h1 on ${name}`).toBe(1);
    expect(await page.locator('main h1').count(), `h1 in main on ${name}`).toBe(1);
  }

  beforeAll(async () => {
    server = await startTestServer({ today: TODAY });
    browser = await launchChromium();
    // The data the pages show, built here: a KIR case with a public and an exempt document, one more case for
    // the keyboard vote, a meeting with an agenda sent out and approved minutes, a request for access.
    const secretariat = await as('sekretariat');
    const groups = await api<Array<{ id: string; code: string }>>(secretariat, 'get', '/api/steering-groups');
    ids.kir = groups.find((g) => g.code === 'KIR')!.id;
    const procurements = await api<{ items: Array<{ id: string; steeringGroupId: string | null }> }>(
      secretariat,
      'get',
      '/api/procurements?pageSize=200',
    );
    ids.procurement = procurements.items.find((p) => p.steeringGroupId === ids.kir)!.id;
    // A second national KIR procurement (one HF per RHF) for the case voted on with the keyboard.
    const organisations = await api<Array<{ id: string; kind: string; rhfId: string | null }>>(
      secretariat,
      'get',
      '/api/organisations',
    );
    const oneHfPerRhf = [
      ...new Map(organisations.filter((o) => o.kind === 'HF').map((o) => [o.rhfId, o.id])).values(),
    ];
    ids.otherProcurement = (
      await api<{ id: string }>(secretariat, 'post', '/api/procurements', {
        name: 'Pacemakere og ledninger',
        categoryCode: 'KIR',
        participatingHfIds: oneHfPerRhf,
      })
    ).id;
    const newCase = (procurementId: string, title: string) =>
      api<{ id: string }>(secretariat, 'post', `/api/procurements/${procurementId}/cases`, {
        gate: 'significance',
        title,
        text: 'Forslag: medium strategisk betydning.',
        proposedSignificance: 'medium',
        documents: [
          { fileName: 'saksnotat.pdf', contentType: 'application/pdf', contentBase64: pdf('Saksnotat') },
          {
            fileName: 'tilbudsprotokoll.pdf',
            contentType: 'application/pdf',
            contentBase64: pdf('Tilbudsprotokoll'),
            accessStatus: 'exempt',
            legalBasis: 'offl23third',
          },
        ],
      });
    ids.viewedCase = (await newCase(ids.procurement, 'Strategisk betydning for hjerteventiler')).id;
    ids.votedCase = (await newCase(ids.otherProcurement, 'Strategisk betydning for pacemakere')).id;
    // A third case, on which medlem reports a possible conflict for Helse Vest's contact to decide.
    const third = await api<{ id: string }>(secretariat, 'post', '/api/procurements', {
      name: 'Hjerteklaffer og annuloplastikk',
      categoryCode: 'KIR',
      participatingHfIds: oneHfPerRhf,
    });
    ids.questionCase = (await newCase(third.id, 'Strategisk betydning for hjerteklaffer')).id;
    await api(await as('medlem'), 'post', `/api/cases/${ids.questionCase}/habilitet`, {
      statement: 'possibleConflict',
      reason: 'Styreverv hos en mulig tilbyder.',
    });
    ids.meeting = (
      await api<{ id: string }>(secretariat, 'post', `/api/steering-groups/${ids.kir}/meetings`, {
        title: 'Møte om hjerteventiler',
        startsAt: '2026-06-18T10:00:00+02:00',
        endsAt: '2026-06-18T12:00:00+02:00',
        location: 'Teams',
      })
    ).id;
    await api(secretariat, 'post', `/api/meetings/${ids.meeting}/agenda/from-cases`);
    await api(secretariat, 'post', `/api/meetings/${ids.meeting}/invitation`);
    const meeting = await api<{
      agenda: Array<{ id: string }>;
      members: Array<{ personId: string }>;
    }>(secretariat, 'get', `/api/meetings/${ids.meeting}`);
    await api(secretariat, 'put', `/api/meetings/${ids.meeting}/minutes`, {
      attendance: meeting.members.map((m) => ({ personId: m.personId, present: true })),
      items: meeting.agenda.map((a) => ({ agendaItemId: a.id, summary: 'Drøftet og tatt til orientering.' })),
    });
    await api(await as('kir-hmn'), 'post', `/api/meetings/${ids.meeting}/minutes/approve`);
    ids.agreement = (
      await api<{ items: Array<{ id: string }> }>(secretariat, 'get', '/api/agreements')
    ).items[0]!.id;
    const visitor = await anonymousPage();
    const journal = await api<{ entries: Array<{ id: string; accessStatus: string }> }>(
      visitor,
      'get',
      '/api/public/journal?q=tilbudsprotokoll',
    );
    await api(visitor, 'post', '/api/public/access-requests', {
      journalEntryIds: [journal.entries.find((e) => e.accessStatus === 'exempt')!.id],
      email: 'innbygger@example.no',
    });
    const queue = await api<{ items: Array<{ id: string }> }>(secretariat, 'get', '/api/access-requests');
    ids.accessRequest = queue.items[0]!.id;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  /** Each page for the role that works there (the secretariat sees every page; the others their own). */
  const mainPages = (): Record<string, Array<[username: string, path: string]>> => ({
    secretariat: [
      ['sekretariat', '/'],
      ['sekretariat', '/anskaffelser'],
      ['sekretariat', '/anskaffelser/ny'],
      ['sekretariat', `/anskaffelser/${ids.procurement}`],
      ['sekretariat', '/styringsgrupper'],
      ['sekretariat', `/styringsgrupper/${ids.kir}`],
      ['sekretariat', `/styringsgrupper/${ids.kir}/arbeidsrom`],
      ['sekretariat', `/saker/${ids.viewedCase}`],
      ['sekretariat', `/moter/${ids.meeting}`],
      ['sekretariat', '/oppfolging'],
      ['sekretariat', '/innsynskrav'],
      ['sekretariat', `/innsynskrav/${ids.accessRequest}`],
      ['sekretariat', '/opplaering'],
      ['sekretariat', '/kalender'],
      ['sekretariat', '/styringsmodell'],
      ['sekretariat', '/habilitet'],
    ],
    'secretariat, reporting, purchasing and master data': [
      ['sekretariat', '/anskaffelsesplan'],
      ['sekretariat', '/nokkelindikatorer'],
      ['sekretariat', '/rapporter'],
      ['sekretariat', '/handlingsplaner'],
      ['sekretariat', '/implementeringsprogram'],
      ['sekretariat', '/forbruk'],
      ['sekretariat', '/forbruk/import'],
      ['sekretariat', '/avtaler'],
      ['sekretariat', '/avtaler/ny'],
      ['sekretariat', `/avtaler/${ids.agreement}`],
      ['sekretariat', '/organisasjoner'],
      ['sekretariat', '/kategorier'],
      ['sekretariat', '/revisjonslogg'],
      ['sekretariat', '/finnes-ikke'],
    ],
    // A deciding member: the home with the case to decide, the case before answering, the meeting, habilitet;
    // then the RHF's contact, the procurement lead, HF purchasing and a read-only controller.
    'members and the other roles': [
      ['medlem', '/'],
      ['medlem', `/saker/${ids.viewedCase}`],
      ['medlem', `/moter/${ids.meeting}`],
      ['medlem', `/styringsgrupper/${ids.kir}`],
      ['medlem', '/habilitet'],
      ['medlem', '/habilitet/erklaering'],
      ['kontakt', '/'],
      ['kontakt', '/habilitet'],
      ['kontakt', '/habilitet/ukesoversikt'],
      ['leder', '/'],
      ['leder', `/anskaffelser/${ids.procurement}`],
      ['innkjop', '/'],
      ['innkjop', '/forbruk'],
      ['innkjop', '/avtaler'],
      ['lesetilgang', '/'],
      ['lesetilgang', '/rapporter'],
    ],
  });

  it.each([
    'secretariat',
    'secretariat, reporting, purchasing and master data',
    'members and the other roles',
  ])(
    'has no serious or critical WCAG 2.1 A/AA violation on the main pages: %s',
    async (part) => {
      const found: Record<string, Violation[]> = {};
      for (const [username, path] of mainPages()[part]!)
        await check(await as(username), path, found, `${username} ${path}`);
      expect(found).toEqual({});
    },
    300_000,
  );

  it('has none in the states a page changes into: a dialog, a form with errors, an opened section', async () => {
    const found: Record<string, Violation[]> = {};
    const secretariat = await as('sekretariat');
    await secretariat.goto(`${server.url}/organisasjoner`);
    await settled(secretariat);
    await secretariat
      .getByRole('button', { name: /^Endre/ })
      .first()
      .click();
    await secretariat.getByRole('dialog').waitFor();
    const dialog = await seriousViolations(secretariat);
    if (dialog.length) found['the organisation dialog'] = dialog;

    await secretariat.goto(`${server.url}/anskaffelser/ny`);
    await settled(secretariat);
    await secretariat.getByTestId('procurement-save').click();
    await secretariat.locator('.field-error').first().waitFor();
    const errors = await seriousViolations(secretariat);
    if (errors.length) found['a new procurement with errors'] = errors;

    const member = await as('medlem');
    await member.goto(`${server.url}/saker/${ids.viewedCase}`);
    await settled(member);
    await member.getByTestId('habilitet-report-form').locator('summary').click();
    await member.getByTestId('habilitet-reason').waitFor();
    const opened = await seriousViolations(member);
    if (opened.length) found['the case with the conflict form open'] = opened;

    const login = await anonymousPage();
    await login.goto(`${server.url}/logg-inn`);
    await login.getByTestId('login-username').fill('sekretariat');
    await login.getByTestId('login-password').fill('feil-passord');
    await login.getByTestId('login-submit').click();
    await login.getByRole('alert').first().waitFor();
    const refused = await seriousViolations(login);
    if (refused.length) found['a refused login'] = refused;
    expect(found).toEqual({});
  });

  it('has none on the public pages without login: journal, an entry, the request form, vedtak, møter', async () => {
    const found: Record<string, Violation[]> = {};
    const page = await anonymousPage();
    await page.goto(`${server.url}/logg-inn`);
    await page.locator('main h1').waitFor();
    const login = await seriousViolations(page);
    if (login.length) found['/logg-inn'] = login;
    await check(page, '/innsyn', found);
    // One entry found by search, then asked for: the request form, and its receipt.
    await check(page, '/innsyn?q=tilbudsprotokoll', found);
    const entry = page.getByTestId('journal-row').filter({ hasText: 'tilbudsprotokoll' }).first();
    expect(await entry.getByTestId('legal-basis').textContent()).toContain('Offl. § 23 tredje ledd');
    await entry.getByTestId('ask-access').click();
    await page.getByTestId('request-form').waitFor();
    const form = await seriousViolations(page);
    if (form.length) found['the request form'] = form;
    await page.getByLabel(/E-postadresse/).fill('innbygger@example.no');
    await page.getByTestId('send-request').click();
    await page.getByTestId('request-receipt').waitFor();
    const receipt = await seriousViolations(page);
    if (receipt.length) found['the receipt'] = receipt;
    await check(page, '/innsyn/vedtak', found);
    await check(page, '/innsyn/moter', found);
    expect(await page.getByTestId('public-meeting').count()).toBeGreaterThan(0);
    expect(found).toEqual({});
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
  });

  it('has none at 390 px, with the folded menu closed and open', async () => {
    const found: Record<string, Violation[]> = {};
    const page = await anonymousPage({ width: 390, height: 844 });
    await check(page, '/innsyn', found, '/innsyn at 390 px');
    await check(page, '/innsyn/moter', found, '/innsyn/moter at 390 px');
    await page.goto(`${server.url}/logg-inn`);
    await page.getByTestId('login-username').fill('medlem');
    await page.getByTestId('login-password').fill('demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}/`);
    await settled(page);
    const closed = await seriousViolations(page);
    if (closed.length) found['home at 390 px'] = closed;
    await page.getByTestId('menu-toggle').click();
    await page.locator('#hovedmeny').waitFor();
    const open = await seriousViolations(page);
    if (open.length) found['home at 390 px with the menu open'] = open;
    await check(page, `/saker/${ids.viewedCase}`, found, 'the case at 390 px');
    expect(found).toEqual({});
  });

  /**
   * Keyboard only: `tabTo` presses Tab (or Shift+Tab) until the focus is on what `wanted` picks, and every
   * element the focus lands on on the way must show it (an outline or a ring that is drawn) on screen.
   */
  function keyboard(page: Page) {
    const steps: string[] = [];

    /** What has the focus, and whether it shows: an outline or a ring (box-shadow) that is drawn. */
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        const ring = style.boxShadow !== 'none';
        const box = element.getBoundingClientRect();
        return {
          tag: element.tagName.toLowerCase(),
          testId: element.dataset.testid ?? null,
          href: element.getAttribute('href'),
          name: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 60),
          visible: (outline || ring) && box.width > 0 && box.height > 0,
          onScreen: box.bottom > 0 && box.top < window.innerHeight,
        };
      });
    type Focused = NonNullable<Awaited<ReturnType<typeof focused>>>;
    /** Presses Tab (or Shift+Tab) until the focus is on what `wanted` picks; every stop must show its focus. */
    async function tabTo(wanted: (f: Focused) => boolean, key: 'Tab' | 'Shift+Tab' = 'Tab') {
      for (let i = 0; i < 120; i += 1) {
        await page.keyboard.press(key);
        const now = await focused();
        if (!now) continue;
        steps.push(`${key} → ${now.tag}${now.testId ? `[${now.testId}]` : ''} ${now.name}`);
        expect(now.visible, `no visible focus on ${now.tag} «${now.name}»`).toBe(true);
        expect(now.onScreen, `focus off screen on ${now.tag} «${now.name}»`).toBe(true);
        if (wanted(now)) return now;
      }
      throw new Error(`never reached the element:\n${steps.slice(-30).join('\n')}`);
    }

    return { focused, tabTo };
  }
  async function logInWithKeyboard(page: Page, username: string) {
    const { tabTo } = keyboard(page);
    await page.goto(`${server.url}/logg-inn`);
    await tabTo((f) => f.testId === 'login-username');
    await page.keyboard.type(username);
    await tabTo((f) => f.testId === 'login-password');
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/`);
    await settled(page);
  }
  async function keyboardPage() {
    const context = await newContext(browser, server.url);
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  it('lets a member vote with the keyboard alone, the focus visible at every step', async () => {
    const page = await keyboardPage();
    const { focused, tabTo } = keyboard(page);
    await logInWithKeyboard(page, 'medlem');

    // From the home page's list of cases to decide to the case.
    await tabTo((f) => f.href === `/saker/${ids.votedCase}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/saker/${ids.votedCase}`);
    await settled(page);
    await expect.poll(() => page.getByTestId('answer-habilitet-first').isVisible()).toBe(true);

    // The habilitet question first, then the vote: the focus stays in the panel after the answer.
    await tabTo((f) => f.testId === 'habilitet-no-conflict');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('my-habilitet').textContent()).toBe('Ingen kjent konflikt');
    await settled(page);
    expect(await focused()).toMatchObject({ tag: 'p', name: 'Status: Ingen kjent konflikt', visible: true });
    const approve = await tabTo((f) => f.testId === 'vote-approve');
    expect(approve.name).toBe('Godkjenn');
    // Back to the comment field with Shift+Tab, a comment, forward again, Space on «Godkjenn».
    await tabTo((f) => f.testId === 'vote-comment', 'Shift+Tab');
    await page.keyboard.type('Enig i forslaget.');
    await tabTo((f) => f.testId === 'vote-approve');
    await screenshot(page, 'keyboard-vote-focus');
    await page.keyboard.press('Space');

    await expect.poll(() => page.getByTestId('my-vote').getAttribute('data-vote')).toBe('approve');
    expect(await page.getByTestId('save-message').textContent()).toContain('Du har godkjent saken.');
    expect(await focused()).toMatchObject({ testId: 'my-vote', visible: true });
    const row = page.locator('[data-testid="eligible-members"] tr[data-vote="approve"]');
    expect(await row.textContent()).toContain('Enig i forslaget.');
    // The vote is stored, not only shown.
    const stored = await api<{ votes: Array<{ vote: string; comment: string | null }> }>(
      page,
      'get',
      `/api/cases/${ids.votedCase}`,
    );
    expect(stored.votes).toEqual([
      expect.objectContaining({ vote: 'approve', comment: 'Enig i forslaget.' }),
    ]);
  });
  it('lets the RHF contact decide a habilitet question with the keyboard alone', async () => {
    const page = await keyboardPage();
    const { focused, tabTo } = keyboard(page);
    await logInWithKeyboard(page, 'kontakt');
    // The menu's «Habilitet», then the question's case.
    await tabTo((f) => f.href === '/habilitet');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/habilitet`);
    await settled(page);
    await tabTo((f) => f.href === `/saker/${ids.questionCase}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/saker/${ids.questionCase}`);
    await settled(page);
    // The radio group is one Tab stop; within it the arrow keys choose (as in every browser).
    await tabTo((f) => f.testId === 'habilitet-outcome-inhabil');
    await page.keyboard.press('Space');
    expect(await page.getByTestId('habilitet-outcome-inhabil').isChecked()).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ testId: 'habilitet-outcome-ikke-inhabil', visible: true });
    expect(await page.getByTestId('habilitet-outcome-ikke-inhabil').isChecked()).toBe(true);
    await tabTo((f) => f.testId === 'habilitet-decision-reason');
    await page.keyboard.type('Vervet gjelder ikke denne anskaffelsen.');
    await tabTo((f) => f.testId === 'habilitet-decide');
    await page.keyboard.press('Enter');
    // The form is gone; the focus is on the decision it recorded, not at the top of the page.
    await expect.poll(() => page.getByTestId('habilitet-decide-form').count()).toBe(0);
    await expect.poll(async () => (await focused())?.testId).toBe('habilitet-decided-by');
    expect(await focused()).toMatchObject({ visible: true, onScreen: true });
    expect(await page.getByTestId('habilitet-decided-by').textContent()).toContain(
      'Vervet gjelder ikke denne anskaffelsen.',
    );
    const stored = await api<{ habilitet: { questions: Array<{ status: string }> } }>(
      page,
      'get',
      `/api/cases/${ids.questionCase}`,
    );
    expect(stored.habilitet.questions).toEqual([expect.objectContaining({ status: 'ikkeInhabil' })]);
  });
});
