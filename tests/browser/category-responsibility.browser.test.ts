// Kategoriansvar in the browser (seed 000 §7): the secretariat opens the page from the menu, sees every Helse
// Nord HF holding a category; moving IKT away from Helse Nord IKT HF makes the check name that HF; moving it
// back clears it; a duty status is reported and counted. Screenshot for review.
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite, openFromMenu } from '../support/browser.js';

describe('category responsibility in the browser', () => {
  const suite = useBrowserSuite();

  it('checks that every HF holds a category while Innkjøpsforum moves one, and records a duty', async () => {
    const page = await suite.as('sekretariat');
    await openFromMenu(page, 'Kategoriansvar', '/kategoriansvar');
    await expect.poll(() => page.getByLabel('Region').inputValue()).not.toBe('');
    await page.getByTestId('check-ok').waitFor();
    expect(await page.getByTestId('check-ok').textContent()).toContain(
      'Alle 6 helseforetak i Helse Nord RHF',
    );

    const ikt = page.locator('[data-testid="responsibility-row"][data-category="IKT"]');
    const select = ikt.getByLabel('Ansvarlig HF for IKT', { exact: true });
    await select.selectOption({ label: 'Universitetssykehuset Nord-Norge HF' });
    await ikt.getByPlaceholder('Innkjøpsforum sak').fill('Innkjøpsforum sak 11/2026');
    await ikt.getByRole('button', { name: 'Lagre' }).click();
    await page.getByTestId('check-missing').waitFor();
    expect(await page.getByTestId('check-missing').textContent()).toContain('Helse Nord IKT HF');
    expect(await ikt.textContent()).toContain('Innkjøpsforum sak 11/2026');

    await select.selectOption({ label: 'Helse Nord IKT HF' });
    await ikt.getByRole('button', { name: 'Lagre' }).click();
    await page.getByTestId('check-ok').waitFor();

    const checklist = page.locator('[data-testid="checklist"][data-category="IKT"]');
    await checklist.locator('summary').click();
    await checklist
      .locator('[data-duty="planOverview"]')
      .getByRole('combobox')
      .selectOption({ label: 'Utført' });
    await expect.poll(() => ikt.getByTestId('progress').textContent()).toBe('1 av 7');
    await screenshot(page, 'category-responsibility');
  }, 90_000);
});
