// The annual procurement plan in the browser: create a plan, a rejected import (row-numbered errors, nothing
// imported), an XLSX import after its dry run, RHF feedback from Helse Vest's contact person, approval; then a
// planned gate date on a procurement, seen in the portfolio report.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from '../support/browser.js';

describe('annual procurement plan in the browser', () => {
  let page: Page;

  const suite = useBrowserSuite({ today: '2026-06-15' }, async () => {
    page = await suite.as('sekretariat');
  });

  const statusOf = (p: Page) => p.getByTestId('plan-status').textContent();

  it('creates a plan, rejects a bad file whole and imports a good XLSX after the dry run', async () => {
    await page.goto(`${suite.server.url}/anskaffelsesplan`);
    await page.getByTestId('plan-new-year').fill('2027');
    await page.getByTestId('plan-create').click();
    await page.waitForURL(`${suite.server.url}/anskaffelsesplan/2027`);
    await expect.poll(() => statusOf(page)).toBe('Utkast');

    const bad =
      'anskaffelse;initial_betydning;gevinstestimat;risiko\nHjerteventiler;høy;1000000;medium\nFinnes ikke;middels;;\n';
    await page
      .getByTestId('plan-import-file')
      .setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const errors = page.getByTestId('plan-import-errors');
    await expect.poll(() => errors.textContent()).toContain('Rad 3');
    await expect(errors.textContent()).resolves.toContain('ingenting er importert');
    await expect(page.getByTestId('plan-item').count()).resolves.toBe(0);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow(['anskaffelse', 'initial_betydning', 'gevinstestimat', 'risiko', 'merknad']);
    sheet.addRow(['Hjerteventiler', 'høy', 2500000, 'medium', 'Nasjonal']);
    sheet.addRow(['Ablasjon', 'medium', 800000, 'lav', '']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    await page.getByRole('button', { name: 'Velg en annen fil' }).click();
    await page.getByTestId('plan-import-file').setInputFiles({
      name: 'plan.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: xlsx,
    });
    await expect
      .poll(() => page.getByTestId('plan-import-preview').textContent())
      .toContain('2 anskaffelser');
    await expect(page.getByTestId('plan-item').count()).resolves.toBe(0);
    await page.getByTestId('plan-import-confirm').click();
    await page.getByTestId('plan-import-done').waitFor();
    await expect.poll(() => page.getByTestId('plan-item').count()).toBe(2);

    await page.getByTestId('plan-to-feedback').click();
    await expect.poll(() => statusOf(page)).toBe('Til innspill hos RHF-ene');
  });

  it('lets the Helse Vest contact comment for Helse Vest only, and the secretariat approve', async () => {
    const contact = await suite.as('kontakt');
    await contact.goto(`${suite.server.url}/anskaffelsesplan/2027`);
    const row = contact.locator('[data-testid="plan-item"][data-name="Ablasjon"]');
    await row.getByTestId('plan-item-comment').click();
    const form = contact.getByTestId('plan-comment-form');
    await expect(form.textContent()).resolves.toContain('Helse Vest');
    await expect(form.getByTestId('plan-comment-rhf').count()).resolves.toBe(0);
    await form.getByTestId('plan-comment-agrees-nei').check();
    await form.getByTestId('plan-comment-proposed').selectOption('høy');
    await form.getByTestId('plan-comment-text').fill('Stort volum i vår region');
    await form.getByTestId('plan-comment-save').click();
    const comment = row.locator('[data-testid="plan-comment"][data-rhf="Helse Vest RHF"]');
    await expect.poll(() => comment.textContent()).toContain('foreslår høy');
    await expect(comment.textContent()).resolves.toContain('kontakt');
    // The contact approves for Helse Vest only.
    const approvals = contact.getByTestId('plan-approvals');
    await expect(approvals.getByTestId('plan-approve-rhf').count()).resolves.toBe(1);
    await approvals.getByTestId('plan-approve-rhf').click();
    await expect
      .poll(() => approvals.locator('[data-testid="plan-approval"][data-rhf="Helse Vest RHF"]').count())
      .toBe(1);
    await expect(statusOf(contact)).resolves.toBe('Til innspill hos RHF-ene');

    await page.reload();
    await expect
      .poll(() => page.locator('[data-testid="plan-comment"][data-rhf="Helse Vest RHF"]').textContent())
      .toContain('Stort volum i vår region');
    // The secretariat registers the other RHFs' decisions, each with where it was made.
    for (const rhf of ['Helse Midt-Norge RHF', 'Helse Nord RHF', 'Helse Sør-Øst RHF']) {
      const awaited = page.locator(`[data-testid="plan-approval-awaited"][data-rhf="${rhf}"]`);
      await awaited.getByTestId('plan-approve-rhf').click();
      await expect.poll(() => awaited.getByTestId('plan-approval-error').textContent()).toContain('vedtok');
      await awaited.getByTestId('plan-approval-note').fill(`Styresak 7/2026, ${rhf}`);
      await awaited.getByTestId('plan-approve-rhf').click();
      await expect
        .poll(() => page.locator(`[data-testid="plan-approval"][data-rhf="${rhf}"]`).count())
        .toBe(1);
    }
    await expect.poll(() => statusOf(page)).toBe('Godkjent');
    await expect(page.getByTestId('plan-item-edit').count()).resolves.toBe(0);
    await screenshot(page, 'annual-plan');
  });

  it('sets a planned gate date on a procurement and shows it in the portfolio report', async () => {
    await page.goto(`${suite.server.url}/anskaffelsesplan/2027`);
    await page.locator('[data-testid="plan-item"][data-name="Ablasjon"] a').click();
    const section = page.getByTestId('gate-plan');
    await section.getByTestId('gate-plan-date-tenderApproval').fill('2026-09-30');
    await section.getByTestId('gate-plan-measures').fill('Avklare behov med Helse Vest');
    await section.getByTestId('gate-plan-save').click();
    await section.getByTestId('gate-plan-message').waitFor();
    await expect(section.getByTestId('gate-plan-date-tenderApproval').inputValue()).resolves.toBe(
      '2026-09-30',
    );

    await page.goto(`${suite.server.url}/rapporter`);
    await page.locator('[data-testid="portfolio-report"][data-busy="false"]').waitFor();
    const row = page.locator('[data-testid="report-row"][data-name="Ablasjon"]');
    await expect(row.textContent()).resolves.toContain('30.09.2026');
    await expect(row.textContent()).resolves.toContain('Avklare behov med Helse Vest');
  });

  it('lets the secretariat change a KPI target and register a category strategy', async () => {
    await page.goto(`${suite.server.url}/nokkelindikatorer`);
    const card = page.locator('[data-testid="kpi-card"][data-code="SHI-AVTALEDEKNING"]');
    await card.getByTestId('kpi-edit').click();
    const form = page.getByTestId('kpi-definition-form');
    await form.getByTestId('kpi-def-target').fill('90');
    await form.getByTestId('kpi-def-save').click();
    await expect.poll(() => card.getByTestId('kpi-target').textContent()).toBe('90 %');

    const strategies = page.getByTestId('category-strategies');
    const before = await strategies.getByTestId('category-strategies-count').textContent();
    const row = strategies.getByTestId('category-strategy').first();
    await row.getByTestId('category-strategy-date').fill('2026-05-01');
    await row.getByTestId('category-strategy-save').click();
    await expect
      .poll(() => strategies.getByTestId('category-strategies-count').textContent())
      .not.toBe(before);
  });
});
