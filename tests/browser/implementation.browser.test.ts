// Implementeringsplaner in the browser: the secretariat creates plans for an agreement for two Helse Nord HFs
// with a due date already passed; Implementeringsforum's figures show the late items; marking one item done
// counts it. Screenshot for review.
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite, openFromMenu } from '../support/browser.js';

describe('implementation plans in the browser', () => {
  const suite = useBrowserSuite();

  it('creates plans for two HFs, shows their late items and reports one done', async () => {
    const page = await suite.as('sekretariat');
    await openFromMenu(page, 'Implementeringsplaner', '/implementeringsplaner');
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
  }, 90_000);
});
