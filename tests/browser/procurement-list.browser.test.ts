// The procurement list at a glance in the browser (issue 11 item 3), on data the test builds: 40 extra
// procurements (so the list has two pages), sorted by a column header, filtered, paged — and all of it kept
// in the URL across a reload and the back button.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoProcurements } from '../../src/features/reporting/portfolio-demo-procurements.js';
import { screenshot, useBrowserSuite } from '../support/browser.js';

const EXTRA = 40;

describe('procurement list at a glance', () => {
  let page: Page;

  const settled = (query?: string) =>
    page
      .locator(
        `[data-testid="procurement-list"][data-busy="false"]${query === undefined ? '' : `[data-query="${query}"]`}`,
      )
      .waitFor();
  const column = (testId: string) => page.getByTestId('procurement-row').getByTestId(testId);
  const daysLate = async () =>
    (
      await column('procurement-schedule').evaluateAll((cells) =>
        cells.map((c) => c.getAttribute('data-days-late')),
      )
    ).map(Number);
  const names = () =>
    page.getByTestId('procurement-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));

  const suite = useBrowserSuite({ today: '2026-06-15' }, async () => {
    page = await suite.as('sekretariat');
    const hfs = (
      (await (await page.request.get(`${suite.server.url}/api/organisations`)).json()) as Array<{
        id: string;
        kind: string;
      }>
    ).filter((org) => org.kind === 'HF');
    for (let index = 1; index <= EXTRA; index += 1) {
      const response = await page.request.post(`${suite.server.url}/api/procurements`, {
        data: {
          name: `Testanskaffelse ${String(index).padStart(2, '0')}`,
          categoryCode: 'MFV',
          participatingHfIds: hfs.map((hf) => hf.id),
          contractValueNok: `${index * 1_000_000}.00`,
          status: 'planned',
        },
      });
      expect(response.status(), await response.text()).toBe(201);
    }
  });

  it('sorts by a column header, filters and pages on the server, with everything in the URL', async () => {
    await page.goto(`${suite.server.url}/anskaffelser`);
    await settled('');
    const list = page.getByTestId('procurement-list');
    const total = Number(await list.getAttribute('data-total'));
    // The 17 of Vedlegg 04, the demo portfolio's own and the test's.
    expect(total).toBe(17 + demoProcurements.length + EXTRA);
    expect(await page.getByTestId('procurement-row').count()).toBe(50);
    await page.getByTestId('pager-position').getByText('Side 1 av 2').waitFor();
    for (const title of [
      'Nivå',
      'Strategisk betydning (initial / endelig)',
      'Fase',
      'Neste faseport',
      'Risikoprofil',
    ])
      await list.getByRole('columnheader', { name: title, exact: true }).waitFor();

    // Sort by schedule: the first click shows the latest first; the header says so.
    await page.getByTestId('sort-daysLate').click();
    await page.waitForURL((url) => url.searchParams.get('sorter') === 'forsinkelse');
    await settled('sorter=forsinkelse&rekkefolge=synkende');
    const descending = await daysLate();
    expect(descending[0]).toBeGreaterThan(0);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(await list.getByRole('columnheader', { name: /Tidsplan/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );

    // Filter on late ones: the server answers only those, fewer than one page.
    await page.getByTestId('filter-schedule').selectOption('late');
    await settled('sorter=forsinkelse&rekkefolge=synkende&tidsplan=late');
    const late = await daysLate();
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(17 + demoProcurements.length);
    expect(late.every((days) => days > 0)).toBe(true);
    expect(Number(await list.getAttribute('data-total'))).toBe(late.length);
    expect(await page.getByTestId('procurement-pager').count()).toBe(0);
    await screenshot(page, 'procurement-list-late');

    // A reload keeps filter and sort.
    await page.reload();
    await settled('sorter=forsinkelse&rekkefolge=synkende&tidsplan=late');
    expect(await daysLate()).toEqual(late);

    // Clear the filter, sort by contract value (largest first), go to page 2.
    await page.getByTestId('filter-schedule').selectOption('');
    await page.getByTestId('sort-contractValueNok').click();
    await settled('sorter=verdi&rekkefolge=synkende');
    const firstPage = await names();
    // The largest value first: the demo portfolio's largest, then the test's.
    const largestDemo = [...demoProcurements].sort(
      (a, b) => Number(b.contractValueNok) - Number(a.contractValueNok),
    )[0]!;
    expect(firstPage[0]).toBe(largestDemo.name);
    expect(firstPage).toContain(`Testanskaffelse ${EXTRA}`);
    await page.getByTestId('pager-next').click();
    await settled('sorter=verdi&rekkefolge=synkende&side=2');
    const secondPage = await names();
    expect(secondPage).toHaveLength(total - 50);
    expect(secondPage.some((name) => firstPage.includes(name))).toBe(false);
    await page.getByTestId('pager-position').getByText('Side 2 av 2').waitFor();

    // The back button returns to page 1 of the same sort.
    await page.goBack();
    await settled('sorter=verdi&rekkefolge=synkende');
    expect(await names()).toEqual(firstPage);

    // A second click on the header turns the sort around (smallest first, no value last).
    await page.getByTestId('sort-contractValueNok').click();
    await settled('sorter=verdi');
    expect((await names())[0]).toBe('Testanskaffelse 01');

    // Filter by level through the URL itself: a shared link opens the same list.
    await page.goto(`${suite.server.url}/anskaffelser?nivaa=nasjonal&sorter=fase`);
    await settled('nivaa=nasjonal&sorter=fase');
    expect(await page.getByTestId('filter-level').inputValue()).toBe('nasjonal');
    expect(new Set(await column('procurement-level').allTextContents())).toEqual(new Set(['Nasjonal']));
    await screenshot(page, 'procurement-list-level');
  }, 180_000);
});
