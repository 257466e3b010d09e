// Shared pieces of the browser tests: Debian's Chromium with the flags this machine needs, a context pinned to
// the test server's clock and Oslo's time zone, and login.
import { mkdir } from 'node:fs/promises';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { clockOfServer } from './test-server.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A fresh context (own cookies) in Norwegian and Oslo time whose clock starts where the test server's clock
 * is now and runs on (Playwright's `clock.install`), so the page's dates never come from the machine's day.
 */
export async function newContext(
  browser: Browser,
  baseUrl: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    ...options,
  });
  const clock = clockOfServer(baseUrl);
  if (!clock) throw new Error(`No test server with a clock at ${baseUrl}`);
  await context.clock.install({ time: clock.now() });
  return context;
}

/** A fresh context logged in as a demo user (password demo), on the overview page. */
export async function loginAs(
  browser: Browser,
  baseUrl: string,
  username: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, baseUrl);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${baseUrl}/logg-inn`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${baseUrl}/`);
  return { context, page };
}

export async function screenshot(page: Page, name: string) {
  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}
