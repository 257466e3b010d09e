// The management view in the browser: the portfolio report for one steering group (web page = XLSX,
// PDF rendered and read back), the KPI dashboard with a hand-entered value, the seed 004 overview, the Gantt chart.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from '../support/browser.js';

describe('portfolio management in the browser', () => {
  let page: Page;

  const suite = useBrowserSuite({ today: '2026-06-15' }, async () => {
    page = await suite.as('sekretariat');
  });

  it('shows the KIR report, whose figures the XLSX repeats, and renders its PDF', async () => {
    await page.goto(`${suite.server.url}/rapporter?scope=steeringGroup&code=KIR`);
    await page.locator('[data-testid="portfolio-report"][data-busy="false"]').waitFor();
    const figure = async (key: string) => (await page.getByTestId(`rollup-${key}`).textContent())!.trim();
    const names = await page
      .getByTestId('report-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name')));
    const daysLate = (await page.getByTestId('row-days-late').allTextContents()).map(Number);
    expect(names).toEqual(['Ablasjon']); // the other KIR procurements stay in the old model (Vedlegg 04 "Nei")
    expect(Number(await figure('late'))).toBe(daysLate.filter((d) => d > 0).length);
    await screenshot(page, 'reporting-report-kir');

    const xlsx = await page.request.get(
      `${suite.server.url}/api/reports/portfolio/export?scope=steeringGroup&code=KIR&format=xlsx`,
    );
    expect(xlsx.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const summary = new Map<string, string>();
    workbook
      .getWorksheet('Sammendrag')!
      .eachRow((row) => summary.set(row.getCell(1).text, row.getCell(2).text));
    expect(summary.get('Anskaffelser')).toBe(await figure('procurements'));
    expect(summary.get('I rute')).toBe(await figure('onSchedule'));
    expect(summary.get('Forsinket')).toBe(await figure('late'));
    expect(summary.get('Faseporter passert på tid')).toBe(await figure('gatesOnTime'));
    expect(summary.get('Åpne saker')).toBe(await figure('openCases'));
    const sheet = workbook.getWorksheet('Anskaffelser')!;
    expect(names.map((_, i) => sheet.getRow(i + 2).getCell(1).value)).toEqual(names);
    expect(names.map((_, i) => sheet.getRow(i + 2).getCell(8).value)).toEqual(daysLate);

    const pdf = await page.request.get(
      `${suite.server.url}/api/reports/portfolio/export?scope=steeringGroup&code=KIR&format=pdf`,
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'styr-pdf-'));
    writeFileSync(path.join(dir, 'kir.pdf'), await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'kir.pdf'), '-']).toString();
    expect(text).toContain('Porteføljerapport – Styringsgruppe KIR');
    expect(text).toContain('Ablasjon');
    expect(text).toMatch(/Side 1 av \d/);
    expect(text).toContain('15.06.2026');
    // The gate plan is a timeline with its key, not a column of text per gate.
    expect(text).toContain('Faseportene nummerert 1–5');
    expect(text).not.toContain('plan 09.06.2026 / ikke passert');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '50',
      '-f',
      '1',
      '-l',
      '1',
      path.join(dir, 'kir.pdf'),
      path.join(dir, 'page'),
    ]);
    const png = readFileSync(path.join(dir, 'page-1.png'));
    // A blank page compresses to almost nothing; a page with a table and text does not.
    expect(png.length).toBeGreaterThan(15_000);
    writeFileSync('test-results/reporting-report-kir-pdf-page1.png', png);
  });

  it('draws each gate plan as a timeline on one axis, with today from the clock in the same place on every row', async () => {
    await page.goto(`${suite.server.url}/rapporter`);
    await page.locator('[data-testid="portfolio-report"][data-busy="false"]').waitFor();
    const rows = page.getByTestId('report-row');
    const timelines = page.getByTestId('gate-timeline');
    const rowCount = await rows.count();
    expect(rowCount).toBeGreaterThan(1);
    const outsideModel = await rows.filter({ hasText: 'Utenfor modellen' }).count();
    expect(await timelines.count()).toBe(rowCount - outsideModel);
    expect(await timelines.count()).toBeGreaterThan(1);
    expect(
      new Set(await timelines.evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('data-today')))),
    ).toEqual(new Set(['2026-06-15']));
    const todayX = await page
      .getByTestId('gate-timeline-today')
      .evaluateAll((lines) => lines.map((line) => line.getAttribute('data-x')));
    expect(new Set(todayX).size).toBe(1);
    // Kontorrekvisita og papir (a living-demo procurement): significance decided and passed 11 days late;
    // the plan not passed and overdue by a week — a ring and a red overdue stretch up to today.
    const office = page.locator('[data-testid="report-row"][data-name="Kontorrekvisita og papir"]');
    await expect(office.getByTestId('gate-timeline-planned').count()).resolves.toBeGreaterThan(0);
    await expect(office.getByTestId('gate-timeline-late').count()).resolves.toBeGreaterThan(0);
    const label = await office.getByTestId('gate-timeline').getAttribute('aria-label');
    expect(label).toContain('planlagt 28.02.2026, passert 11.03.2026, 11 dager forsinket');
    expect(label).toContain('planlagt 08.06.2026, passert –, 7 dager forsinket');
    await page.getByTestId('gate-timeline-legend').waitFor();
    await screenshot(page, 'reporting-report-timeline');
  });

  it('shows the KPI dashboard and keeps a hand-entered value with who entered it', async () => {
    await page.goto(`${suite.server.url}/nokkelindikatorer`);
    const card = page.locator('[data-testid="kpi-card"][data-code="HSO-FORSYNINGSSENTER"]');
    await card.getByTestId('kpi-year').fill('2026');
    await card.getByTestId('kpi-value').fill('82,5');
    await card.getByTestId('kpi-save').click();
    await expect.poll(() => card.getByTestId('kpi-latest').textContent()).toContain('82,5 %');
    await expect(card.textContent()).resolves.toContain('Manuell verdi av sekretariat');
    await screenshot(page, 'reporting-kpi-dashboard');
  });

  it('shows the seed 004 overview with the same counts and measures as the seed', async () => {
    await page.goto(`${suite.server.url}/handlingsplaner`);
    const plan = page.locator('[data-testid="action-plan"][data-code="SHI-STATUS-2023"]');
    await plan.waitFor();
    const counts = await plan
      .getByTestId('overview-row')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.getAttribute('data-area'),
          ...[...row.querySelectorAll('td')].map((td) => Number(td.textContent)),
        ]),
      );
    expect(counts).toEqual([
      ['Anskaffelsesprosessen og avtaleforvaltning', 2, 6, 4],
      ['Forsyningssikkerhet og beredskap', 2, 5, 8],
      ['Miljø og samfunnsansvar', 0, 6, 3],
    ]);
    const rows = plan.getByTestId('measure-row');
    await expect(rows.count()).resolves.toBe(36);
    const done = await plan
      .locator('[data-testid="measure-row"][data-status="done"] [data-testid="measure-title"]')
      .allTextContents();
    expect(done).toEqual([
      'Veiledende kunngjøring og markedsdialog i anskaffelser, inkl. høring før endelig utlysning',
      'Vekting av pris og kvalitet (50-50%)',
      'Obligatorisk kategorisering av produkter på avtale (masterdata) i henhold til nasjonal kategoristruktur.',
      'Obligatorisk registrering av produksjonsland for produkter på avtale',
    ]);
  });

  it('draws the implementation programme as a Gantt chart with the risk register', async () => {
    await page.goto(`${suite.server.url}/implementeringsprogram`);
    await page.getByTestId('gantt').locator('canvas').first().waitFor();
    await expect(page.getByTestId('risk-register').locator('tbody tr').count()).resolves.toBe(5);
    await screenshot(page, 'reporting-programme-gantt');
  });
});
