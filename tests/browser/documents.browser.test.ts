// The secretariat's documents and calendar in the browser: a restricted document with its legal basis and a
// shielded public title, refused uploads with the server's message, a new version, a moved and a cancelled
// meeting.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from '../support/browser.js';

const TODAY = '2026-06-15';
const TITLE = 'Tilbud fra Medtek Nordic AS';
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

describe('documents and meeting changes in the browser', () => {
  const suite = useBrowserSuite({ today: TODAY });

  const documentRow = (page: Page, title: string) =>
    page.locator(`[data-testid="document-row"][data-title="${title}"]`);
  const meetingRow = (page: Page, title: string) =>
    page.getByTestId('meeting-row').filter({ hasText: title });

  it('uploads a restricted document, shows refusals, and moves and cancels meetings', async () => {
    const page = await suite.as('sekretariat');
    const groups = (await (
      await page.request.get(`${suite.server.url}/api/steering-groups`)
    ).json()) as Array<{
      id: string;
      code: string;
    }>;
    const kir = groups.find((g) => g.code === 'KIR')!;
    for (const [title, day] of [
      ['Ekstraordinært møte om ventiler', '2026-09-01'],
      ['Arbeidsmøte om avtaledekning', '2026-09-08'],
    ] as const) {
      const created = await page.request.post(`${suite.server.url}/api/steering-groups/${kir.id}/meetings`, {
        data: {
          title,
          startsAt: `${day}T08:00:00.000Z`,
          endsAt: `${day}T10:00:00.000Z`,
          location: 'Teams',
        },
      });
      expect(created.status()).toBe(201);
    }
    await page.goto(`${suite.server.url}/styringsgrupper/${kir.id}/arbeidsrom`);

    // A tender, exempt under offl. § 23 third paragraph, with the supplier's name shielded in the public title.
    await page.getByTestId('upload-document').click();
    const form = page.getByTestId('upload-form');
    await form.getByTestId('upload-file').setInputFiles({
      name: 'tilbud.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('tilbud'),
    });
    await form.getByTestId('upload-title').fill(TITLE);
    await form.getByTestId('access-exempt').check();
    await form.getByTestId('legal-basis').selectOption('offl23third');
    await form.getByTestId('shielded-words').fill('Medtek Nordic AS');
    expect(await form.getByTestId('public-title-preview').textContent()).toBe('Tilbud fra *****');
    await form.getByTestId('upload-submit').click();
    const row = documentRow(page, TITLE);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('public-title').textContent()).toBe('Tilbud fra *****');
    expect(await row.textContent()).toContain('Unntatt offentlighet');
    expect(await row.textContent()).toContain('Offl. § 23 tredje ledd');

    // A new version of it.
    await row.getByTestId('document-versions').click();
    const versions = page.getByTestId('versions-dialog');
    await versions.getByTestId('version-file').setInputFiles({
      name: 'tilbud-v2.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('tilbud v2'),
    });
    await versions.getByTestId('version-submit').click();
    await expect.poll(() => versions.getByTestId('version-row').count()).toBe(2);

    // The secretariat changes the stored access status later; the server's refusal is shown.
    const classify = versions.getByTestId('classify-form');
    expect(await classify.getByTestId('access-exempt').isChecked()).toBe(true);
    expect(await classify.getByTestId('legal-basis').inputValue()).toBe('offl23third');
    await classify.getByTestId('legal-basis').selectOption('offl14');
    await classify.getByTestId('classify-submit').click();
    await expect
      .poll(() => classify.getByTestId('classify-error').textContent())
      .toContain('ikke som et internt organ');
    expect(await classify.getByTestId('classify-error').textContent()).toContain('ikke endret');
    await classify.getByTestId('legal-basis').selectOption('offl23first');
    await classify.getByTestId('access-partlyExempt').check();
    await classify.getByTestId('classify-submit').click();
    await expect.poll(() => versions.textContent()).toContain('Offentligheten er endret: Delvis unntatt');
    await expect.poll(() => row.textContent()).toContain('Offl. § 23 første ledd');
    await versions.getByRole('button', { name: 'Lukk', exact: true }).last().click();
    await expect.poll(() => row.getByTestId('document-versions').textContent()).toContain('v2');

    // A forged PDF is refused with the server's message; § 14 is refused with its reason.
    await page.getByTestId('upload-document').click();
    await form.getByTestId('upload-file').setInputFiles({
      name: 'referat.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('dette er ikke en pdf'),
    });
    await form.getByTestId('upload-title').fill('Forfalsket referat');
    await form.getByTestId('upload-submit').click();
    await expect
      .poll(() => form.getByTestId('upload-error').textContent())
      .toContain('filtypen stemmer ikke med innholdet');
    expect(await form.getByTestId('upload-error').textContent()).toContain('ikke lagret');
    await form.getByTestId('upload-file').setInputFiles({
      name: 'notat.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('notat'),
    });
    await form.getByTestId('upload-title').fill('Internt notat');
    await form.getByTestId('access-partlyExempt').check();
    await form.getByTestId('legal-basis').selectOption('offl14');
    expect(await form.getByTestId('access-problems').textContent()).toContain('§ 14 kan ikke brukes');
    await form.getByTestId('upload-submit').click();
    await expect
      .poll(() => form.getByTestId('upload-error').textContent())
      .toContain('ikke som et internt organ');
    await form.getByRole('button', { name: 'Avbryt' }).click();
    expect(await documentRow(page, 'Forfalsket referat').count()).toBe(0);
    expect(await documentRow(page, 'Internt notat').count()).toBe(0);

    // Move one meeting, with confirmation.
    await meetingRow(page, 'Ekstraordinært møte om ventiler').getByTestId('move-meeting').click();
    const move = page.getByTestId('move-meeting-form');
    await move.getByTestId('move-date').fill('2026-09-03');
    await move.getByTestId('move-location').fill('Bodø, møterom Saltstraumen');
    await move.getByTestId('move-meeting-confirm').click();
    expect(await move.getByTestId('move-confirm-text').textContent()).toContain('Bodø');
    await move.getByTestId('move-meeting-confirm').click();
    await expect
      .poll(() => meetingRow(page, 'Ekstraordinært møte om ventiler').getAttribute('data-state'))
      .toBe('moved');
    const moved = await meetingRow(page, 'Ekstraordinært møte om ventiler').textContent();
    expect(moved).toContain('3. september');
    expect(moved).toContain('Flyttet/endret');
    expect(moved).toContain('Saltstraumen');

    // Cancel the other, with a reason and confirmation.
    await meetingRow(page, 'Arbeidsmøte om avtaledekning').getByTestId('cancel-meeting').click();
    const cancel = page.getByTestId('cancel-meeting-form');
    await cancel.getByTestId('cancel-reason').fill('Sakene er behandlet i det ekstraordinære møtet.');
    expect(await cancel.getByTestId('cancel-meeting-confirm').isDisabled()).toBe(true);
    await cancel.getByTestId('cancel-confirm-check').check();
    await cancel.getByTestId('cancel-meeting-confirm').click();
    await expect
      .poll(() => meetingRow(page, 'Arbeidsmøte om avtaledekning').getAttribute('data-state'))
      .toBe('cancelled');
    expect(await meetingRow(page, 'Arbeidsmøte om avtaledekning').textContent()).toContain('Avlyst');

    // The group's calendar link, shown once with a copy button.
    await page.getByTestId('calendar-feeds').getByTestId('make-feed').click();
    await expect
      .poll(() => page.getByTestId('feed-url').inputValue())
      .toMatch(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    // The link carries the configured public address; fetch its path from the test server.
    const feedPath = new URL(await page.getByTestId('feed-url').inputValue()).pathname;
    const feed = await page.request.get(`${suite.server.url}${feedPath}`);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('STATUS:CANCELLED');
    await screenshot(page, 'secretariat-documents');
  });
});
