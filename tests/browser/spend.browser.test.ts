// Spend analytics in the browser: the national figures, drill-down to one RHF, one HF and one category, with
// the KPI figures following the drill-down; a screenshot for review.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

describe('spend analytics in the browser', () => {
  const suite = useBrowserSuite();

  async function waitIdle(page: Page, level: string) {
    await page.locator(`[data-testid="spend-page"][data-busy="false"][data-level="${level}"]`).waitFor();
    await page.getByTestId('spend-row').first().waitFor();
  }

  it('drills from the national figure to one HF and one category', async () => {
    const page = await suite.anonymous({ viewport: { width: 1280, height: 1000 } });
    const context = page.context();
    page.setDefaultTimeout(20_000);
    try {
      await page.goto(`${suite.server.url}/logg-inn`);
      await page.getByTestId('login-username').fill('lesetilgang');
      await page.getByTestId('login-password').fill('demo');
      await page.getByTestId('login-submit').click();
      await page.waitForURL(`${suite.server.url}/`);
      await page
        .getByRole('navigation', { name: 'Hovedmeny' })
        .getByRole('link', { name: 'Forbruk' })
        .click();
      await page.waitForURL(`${suite.server.url}/forbruk`);

      // National level: one row per RHF, and Norwegian number formatting.
      await waitIdle(page, 'rhf');
      const nationalTotal = await page.getByTestId('kpi-total').locator('.stat-value').textContent();
      expect(nationalTotal).toMatch(/kr/);
      expect(await page.getByTestId('kpi-coverage').locator('.stat-value').textContent()).toMatch(
        /^\d{1,3}(,\d)?\s?%$/,
      );
      const rhfRows = page.getByTestId('spend-row');
      expect(await rhfRows.count()).toBeGreaterThanOrEqual(2);
      await page.getByTestId('chart-coverage').locator('canvas').first().waitFor();

      // RHF → HF.
      const rhfKey = await rhfRows.first().getAttribute('data-key');
      await rhfRows.first().getByTestId('drill').click();
      await page.waitForURL((url) => url.searchParams.get('rhf') === rhfKey);
      await waitIdle(page, 'hf');
      const hfRow = page.getByTestId('spend-row').first();
      const hfKey = (await hfRow.getAttribute('data-key'))!;
      await hfRow.getByTestId('drill').click();
      await page.waitForURL((url) => url.searchParams.get('hf') === hfKey);

      // HF → category: the HF's total is smaller than the national one, and categories are listed.
      await waitIdle(page, 'category');
      const hfTotal = await page.getByTestId('kpi-total').locator('.stat-value').textContent();
      expect(hfTotal).not.toBe(nationalTotal);
      const categoryRow = page.locator('[data-testid="spend-row"]:not([data-key="-"])').first();
      const categoryKey = (await categoryRow.getAttribute('data-key'))!;
      await categoryRow.getByTestId('drill').click();
      await page.waitForURL((url) => url.searchParams.get('kategori') === categoryKey);
      await waitIdle(page, 'supplier');
      await expect(page.getByTestId('spend-breadcrumb').textContent()).resolves.toContain(hfKey);
      await expect(page.getByTestId('spend-breadcrumb').textContent()).resolves.toContain(categoryKey);
      // The A-suppliers of this one category: wait for its row (the previous level's rows stay while loading).
      const aSupplierRows = page.getByTestId('a-suppliers-table').getByTestId('a-supplier-row');
      await aSupplierRows.and(page.locator(`[data-key="${categoryKey}"]`)).waitFor();
      expect(await aSupplierRows.count()).toBe(1);

      await mkdir('test-results', { recursive: true });
      await page.screenshot({ path: 'test-results/spend.png', fullPage: true });

      // Back to the national figure through the breadcrumb.
      await page.getByTestId('spend-breadcrumb').getByRole('button', { name: 'Nasjonalt' }).click();
      await waitIdle(page, 'rhf');
      expect(await page.getByTestId('kpi-total').locator('.stat-value').textContent()).toBe(nationalTotal);
    } finally {
      await context.close();
    }
  }, 120_000);
});
