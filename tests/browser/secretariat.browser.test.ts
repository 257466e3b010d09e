// The secretariat's week in the browser: schedule a meeting, fill the agenda from open cases, a member
// declares a conflict, minutes with a decision are approved and locked, and an action later shows as overdue.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { App } from '../../src/shared/http.js';
import { launchChromium, loginAs, screenshot } from '../support/browser.js';
import { listenForTests, startTestServer, testClock, type TestServer } from '../support/test-server.js';

const TODAY = '2026-06-15';
const LATER = '2026-06-30';
const CASE_TITLE = 'Strategisk betydning hjerteventiler';

describe('portfolio secretariat in the browser', () => {
  let server: TestServer;
  let later: App | null = null;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startTestServer({ today: TODAY });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await later?.close();
    await server?.close();
  });

  const login = async (url: string, username: string) => {
    const { context, page } = await loginAs(browser, url, username);
    contexts.push(context);
    return page;
  };
  const agendaItem = (page: Page, title: string) =>
    page.locator(`[data-testid="agenda-item"][data-title="${title}"]`);

  it('schedules, fills the agenda, takes a conflict, approves minutes and follows up an overdue action', async () => {
    const secretariat = await login(server.url, 'sekretariat');
    const groups = (await (
      await secretariat.request.get(`${server.url}/api/steering-groups`)
    ).json()) as Array<{ id: string; code: string }>;
    const kir = groups.find((g) => g.code === 'KIR')!;
    const [procurement] = (
      (await (await secretariat.request.get(`${server.url}/api/procurements?q=Ablasjon`)).json()) as {
        items: Array<{ id: string }>;
      }
    ).items;
    const submitted = await secretariat.request.post(
      `${server.url}/api/procurements/${procurement!.id}/cases`,
      {
        data: { gate: 'significance', title: CASE_TITLE, text: 'Forslag: høy.', proposedSignificance: 'høy' },
      },
    );
    expect(submitted.status()).toBe(201);

    // The secretariat schedules a meeting from the group's workspace.
    await secretariat.goto(`${server.url}/styringsgrupper/${kir.id}`);
    await secretariat.getByTestId('workspace-link').click();
    await secretariat.locator('#meeting-date').fill('2026-06-25');
    await secretariat.getByTestId('add-meeting').click();
    await secretariat.waitForURL(/\/moter\//);
    const meetingUrl = secretariat.url();

    // The agenda fills from the open cases; an item is added by hand.
    await secretariat.getByTestId('fill-agenda').click();
    await expect.poll(() => agendaItem(secretariat, CASE_TITLE).count()).toBe(1);
    await secretariat.locator('#agenda-title').fill('Orientering om avtaledekning');
    await secretariat.getByTestId('add-agenda-item').click();
    await expect.poll(() => agendaItem(secretariat, 'Orientering om avtaledekning').count()).toBe(1);

    // A member declares a conflict on the case.
    const member = await login(server.url, 'medlem');
    await member.goto(meetingUrl);
    const memberItem = agendaItem(member, CASE_TITLE);
    await memberItem.getByTestId('conflict-reason').fill('Tidligere ansatt hos en tilbyder');
    await memberItem.getByTestId('declare-conflict').click();
    await expect.poll(() => memberItem.textContent()).toContain('Du er inhabil');

    // The secretariat sees it, and records the minutes with a decision on the other item.
    await secretariat.reload();
    await expect
      .poll(() => agendaItem(secretariat, CASE_TITLE).getByTestId('conflicts').textContent())
      .toContain('Inhabil');
    await secretariat.getByTestId('minutes-summary').nth(0).fill('Saken ble drøftet; ett medlem inhabilt.');
    await secretariat
      .getByTestId('minutes-summary')
      .nth(1)
      .fill('Sekretariatet orienterte om avtaledekningen.');
    await secretariat
      .getByTestId('minutes-decision')
      .last()
      .fill('Styringsgruppen tar orienteringen til etterretning.');
    // Dissent by name on the item without a case.
    const otherItem = secretariat.locator(
      '[data-testid="minutes-item"][data-title="Orientering om avtaledekning"]',
    );
    await otherItem.getByTestId('add-dissent').click();
    await otherItem.getByTestId('dissent-person').selectOption({ index: 1 });
    await otherItem.getByTestId('dissent-reason').fill('Orienteringen kom for sent');
    await secretariat.getByTestId('save-minutes').click();
    await expect
      .poll(() => secretariat.getByTestId('minutes-status').textContent())
      .toContain('Utkast – versjon 1');
    // The form shows what the server stored.
    await expect.poll(() => secretariat.getByTestId('minutes-items').textContent()).toContain('Dissens:');
    expect(await otherItem.getByTestId('dissent-reason').inputValue()).toBe('Orienteringen kom for sent');

    // The group's leader approves; the minutes are locked.
    const leader = await login(server.url, 'kir-hmn');
    await leader.goto(meetingUrl);
    await leader.getByTestId('approve-minutes').click();
    await expect
      .poll(() => leader.getByTestId('minutes-status').textContent())
      .toContain('Godkjent referat – versjon 1 (låst)');
    await expect
      .poll(() => leader.getByTestId('minutes-items').textContent())
      .toContain('tar orienteringen til etterretning');

    // An action item from the decision, not overdue yet.
    await secretariat.reload();
    await expect.poll(() => secretariat.getByTestId('minutes-status').textContent()).toContain('låst');
    await secretariat.getByTestId('action-title').fill('Innhente tilbakemelding fra HF-ene');
    await secretariat.getByTestId('action-due').fill('2026-06-20');
    await secretariat.getByTestId('add-action').click();
    await expect
      .poll(() => secretariat.getByTestId('meeting-actions').textContent())
      .toContain('Innhente tilbakemelding fra HF-ene');
    expect(await secretariat.getByTestId('meeting-actions').textContent()).not.toContain('Forfalt');
    await screenshot(secretariat, 'secretariat-meeting');

    // Two weeks later the same data, served on a later day: the action is on the overdue list.
    await server.app.close();
    const laterClock = testClock(LATER);
    later = await buildApp(
      { db: server.database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: laterClock },
      { serveWeb: true },
    );
    const laterUrl = await listenForTests(later, laterClock);
    const secretariatLater = await login(laterUrl, 'sekretariat');
    await secretariatLater.goto(`${laterUrl}/oppfolging`);
    const row = secretariatLater
      .getByTestId('overdue-row')
      .filter({ hasText: 'Innhente tilbakemelding fra HF-ene' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Forfalt (10 d)');
    await screenshot(secretariatLater, 'secretariat-overdue');
  });
});
