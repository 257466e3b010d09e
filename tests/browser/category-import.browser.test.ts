// The category structure's CSV import in the browser (the shared FileImport flow): a file with an error is
// refused whole, a good one is checked first, shows what it would change, and is imported on confirmation.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

describe('category import in the browser', () => {
  let page: Page;

  const suite = useBrowserSuite({}, async () => {
    page = await suite.as('sekretariat');
  });

  const csvFile = (text: string) => ({
    name: 'kategorier.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });

  it('refuses a bad file whole, then checks and imports a good one', async () => {
    await page.goto(`${suite.server.url}/kategorier`);
    const section = page.getByTestId('category-import');
    const input = section.locator('input[type="file"]');

    await input.setInputFiles(
      csvFile('code,name,parentCode,medical,runBy\nNY1,Ny kategori,,false,SHI\nNY2,,,false,SHI\n'),
    );
    await section.getByTestId('import-errors').waitFor();
    await expect(page.getByText('Ny kategori', { exact: true }).count()).resolves.toBe(0);

    await section.getByRole('button', { name: 'Velg en annen fil' }).click();
    await input.setInputFiles(csvFile('code,name,parentCode,medical,runBy\nNY1,Ny kategori,,false,SHI\n'));
    const preview = section.getByTestId('import-preview');
    await expect.poll(() => preview.textContent()).toContain('kategorier.csv er kontrollert');
    await expect(preview.textContent()).resolves.toMatch(/1\s*nye/);
    await section.getByTestId('import-confirm').click();
    await expect
      .poll(() => section.getByTestId('import-done').textContent())
      .toContain('Importen er fullført');
    await page.getByText('Ny kategori').first().waitFor();
  });
});
