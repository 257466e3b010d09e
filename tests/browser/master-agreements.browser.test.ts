// Masteravtaler in the browser: REFIL (here the secretariat) creates a master agreement from a demo agreement;
// a mapping file with an unknown master number is refused whole with its line number; the right file maps the
// master article for Universitetssykehuset Nord-Norge HF and the KPI shows 100 % of the articles; the RHF's
// signature is recorded. Screenshot for review.
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite, openFromMenu } from '../support/browser.js';

describe('master agreements in the browser', () => {
  const suite = useBrowserSuite();

  it('creates a master agreement, refuses a bad mapping file, imports a good one and shows the KPI', async () => {
    const page = await suite.as('sekretariat');
    await openFromMenu(page, 'Masteravtaler', '/masteravtaler');
    const agreement = page.getByLabel('Avtale', { exact: true });
    await expect.poll(() => agreement.locator('option').count()).toBeGreaterThan(1);
    await agreement.selectOption({ index: 1 });
    await page.getByLabel('Region').selectOption({ label: 'Helse Nord RHF' });
    await page.getByLabel('Saksreferanse (valgfritt)').fill('REFIL sak 3/2026');
    await page.getByRole('button', { name: 'Opprett masteravtale' }).click();
    await page.waitForURL(/\/masteravtaler\/[0-9a-f-]{36}$/);
    // The list's own heading stays until the new page has loaded: wait for the master agreement's.
    const headingLocator = page.getByRole('heading', { level: 1, name: /^Masteravtale \S+$/ });
    await headingLocator.waitFor();
    const heading = (await headingLocator.textContent())!;
    const agreementNumber = heading.replace('Masteravtale ', '').trim();
    const unn = page.locator('[data-testid="hf-kpi"][data-hf="Universitetssykehuset Nord-Norge HF"]');
    expect(await unn.getByTestId('mapped').textContent()).toBe('0 av 1');

    await page.getByLabel('Helseforetak').selectOption({ label: 'Universitetssykehuset Nord-Norge HF' });
    const file = page.getByLabel('Fil');
    await file.setInputFiles({
      name: 'mapping.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `lokalt_artikkelnummer;masterartikkelnummer\nUNN-1;${agreementNumber}-0001\nUNN-2;FINNES-IKKE\n`,
      ),
    });
    await page.getByTestId('mapping-error').waitFor();
    const error = (await page.getByTestId('mapping-error').textContent())!;
    expect(error).toContain('ingenting er importert');
    expect(error).toContain('«FINNES-IKKE» finnes ikke i masteravtalen');
    expect(error).toMatch(/3/);

    await page.getByLabel('Fil').setInputFiles({
      name: 'mapping.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`lokalt_artikkelnummer;masterartikkelnummer\nUNN-1;${agreementNumber}-0001\n`),
    });
    await page.getByTestId('mapping-result').waitFor();
    await expect.poll(() => unn.getByTestId('mapped').textContent()).toBe('1 av 1');
    expect(await unn.getByTestId('article-share').textContent()).toMatch(/^100\s?%$/);

    await page.getByRole('button', { name: 'Registrer signatur av RHF' }).click();
    await expect
      .poll(() => page.getByTestId('signature').textContent())
      .toContain('Signert av Helse Nord RHF');
    await screenshot(page, 'master-agreement');
  }, 90_000);
});
