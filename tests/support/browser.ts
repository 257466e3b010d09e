// Shared pieces of the browser tests: Debian's Chromium with the flags this machine needs, a context pinned to
// the test server's clock and Oslo's time zone, and login.
import { mkdir } from 'node:fs/promises';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { CHROMIUM_ARGS, launchChromium } from '../../src/shared/chromium.js';
import { clockOfServer, startTestServer, type TestServer, type TestServerOptions } from './test-server.js';

export { CHROMIUM_ARGS, launchChromium };

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

/** A browser test's server and Chromium, started before its tests and closed after them (`useBrowserSuite`). */
export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A fresh context logged in as the demo user (closed with the suite). */
  as(username: string): Promise<Page>;
  /** A fresh context that is not logged in, on the server's clock (closed with the suite). */
  anonymous(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Registers the suite's beforeAll/afterAll: a test server (with `options`, e.g. its day) and Chromium, then
 * `setup` (the data the tests need, built through the API or the services); afterwards every context the suite
 * opened, Chromium and the server are closed.
 */
export function useBrowserSuite(
  options: TestServerOptions = {},
  setup?: (suite: BrowserSuite) => Promise<void>,
): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`The browser suite's ${what} is not started (use it inside a test)`);
    return value;
  };
  const suite: BrowserSuite = {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async as(username) {
      const { context, page } = await loginAs(suite.browser, suite.server.url, username);
      open(context);
      return page;
    },
    async anonymous(contextOptions) {
      const context = await newContext(suite.browser, suite.server.url, contextOptions);
      open(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
  };
  let openedByTest: BrowserContext[] = [];
  const open = (context: BrowserContext) => {
    contexts.push(context);
    openedByTest.push(context);
  };
  // A failed test leaves a screenshot of every page it opened, named after the test.
  beforeEach((test) => {
    openedByTest = [];
    test.onTestFailed(async () => {
      const name = test.task.name.replace(/[^a-zA-Z0-9æøåÆØÅ]+/g, '-').slice(0, 60);
      const pages = openedByTest.flatMap((context) => context.pages());
      for (const [index, page] of pages.entries()) {
        await screenshot(page, `failure-${name}-${index + 1}`).catch(() => undefined);
      }
    });
  });
  beforeAll(async () => {
    server = await startTestServer(options);
    browser = await launchChromium();
    await setup?.(suite);
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });
  return suite;
}

/** Follows a link of the main menu and waits for its page. */
export async function openFromMenu(page: Page, linkName: string, path: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: linkName }).click();
  await page.waitForURL((url) => url.pathname === path);
}
