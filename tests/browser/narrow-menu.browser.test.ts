// On a phone (390 px wide) the main menu folds behind a «Meny» button so the page itself is on the first
// screen; the button works from the keyboard, and the menu folds again after a navigation. Wide screens keep
// the whole menu visible without the button.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, loginAs, newContext } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('the main menu on narrow screens', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('folds at 390 px, opens and follows a link by keyboard, and folds again', async () => {
    const context = await newContext(browser, server.url, { viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${server.url}/logg-inn`);
      await page.getByTestId('login-username').fill('sekretariat');
      await page.getByTestId('login-password').fill('demo');
      await page.getByTestId('login-submit').click();
      await page.waitForURL(`${server.url}/`);

      const toggle = page.getByTestId('menu-toggle');
      const menu = page.locator('#hovedmeny');
      await expect.poll(() => toggle.isVisible()).toBe(true);
      expect(await menu.isVisible()).toBe(false);
      // The page's own heading is on the first screen now.
      const heading = await page.locator('main h1').first().boundingBox();
      expect(heading!.y + heading!.height).toBeLessThan(844);

      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await menu.isVisible()).toBe(true);
      const link = menu.getByRole('link', { name: 'Anskaffelser' }).first();
      expect(await link.isVisible()).toBe(true);
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/anskaffelser/);
      await expect.poll(() => menu.isVisible()).toBe(false);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    } finally {
      await context.close();
    }
  });

  it('keeps the whole menu visible on a wide screen, without the button', async () => {
    const { context, page } = await loginAs(browser, server.url, 'sekretariat');
    try {
      await expect.poll(() => page.locator('#hovedmeny').isVisible()).toBe(true);
      expect(await page.getByTestId('menu-toggle').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
