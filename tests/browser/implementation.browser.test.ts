// Implementeringsplaner in the browser: the secretariat creates plans for an agreement for two Helse Nord HFs
// with a due date already passed; Implementeringsforum's figures show the late items; marking one item done
// counts it. Screenshot for review.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, loginAs, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('implementation plans in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates plans for two HFs, shows their late items and reports one done', async () => {
    const { context, page } = await loginAs(browser, server.url, 'sekretariat');
    try {
      await page
        .getByRole('navigation', { name: 'Hovedmeny' })
        .getByRole('link', { name: 'Implementeringsplaner' })
        .click();
      await page.waitForURL(`${server.url}/implementeringsplaner`);
      const agreement = page.getByLabel('Avtale', { exact: true });
      await expect.poll(() => agreement.locator('option').count()).toBeGreaterThan(1);
      await agreement.selectOption({ index: 1 });
      await page.getByLabel('Frist').fill('2026-06-01');
      await page.getByLabel('Universitetssykehuset Nord-Norge HF').check();
      await page.getByLabel('Sykehusapotek Nord HF').check();
      await page.getByRole('button', { name: 'Opprett planer' }).click();
      await page.getByTestId('saved').waitFor();
      const plan = page.locator('[data-testid="plan"][data-hf="Universitetssykehuset Nord-Norge HF"]');
      await plan.waitFor();
      // The test server's today (2026-06-15) is past the due date: all five items of each plan are late.
      await expect
        .poll(() => page.getByTestId('implementation-figures').textContent())
        .toContain('Forsinkede punkter10');
      await plan.locator('summary').click();
      await plan.getByRole('combobox').first().selectOption({ label: 'Ferdig' });
      await expect.poll(() => plan.locator('summary').textContent()).toContain('1 av 5 ferdig');
      await expect
        .poll(() => page.getByTestId('implementation-figures').textContent())
        .toContain('Forsinkede punkter9');
      await screenshot(page, 'implementation');
    } catch (error) {
      await screenshot(page, 'implementation-failure');
      throw error;
    } finally {
      await context.close();
    }
  }, 90_000);
});
