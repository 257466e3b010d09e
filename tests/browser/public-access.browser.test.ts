// Public access in the browser (issue 10, "Done when"): an anonymous visitor finds a case in the journal,
// downloads a public document, sees a partly exempt one with its legal basis and asks for access; the
// secretariat answers partly with a redacted public variant; the visitor's mail (a real SMTP server) carries
// the variant and the appeal text, and pdftotext finds no shielded word in the variant.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../support/api.js';
import { launchChromium, loginAs, screenshot } from '../support/browser.js';
import { buildPdf, everythingInPdf } from '../support/pdf.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const TODAY = '2026-06-15';
const SUPPLIER = 'Skjultvik Kardio AS';
const DISCOUNT = 'RABATT-44-PROSENT';
const VISITOR = 'innbygger@example.no';

describe('public access in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let smtp: MailCatcher;
  const mails: CaughtMail[] = [];
  const contexts: BrowserContext[] = [];
  const publicPdf = buildPdf({ pages: [['Saksnotat: anskaffelse av hjerteventiler, behov og plan.']] });
  const evaluationPdf = buildPdf({
    pages: [[`Evaluering av tilbud fra ${SUPPLIER}.`, `Rabatt: ${DISCOUNT}.`, 'Samlet vurdering: godkjent.']],
    title: `Evaluering ${SUPPLIER}`,
  });

  beforeAll(async () => {
    smtp = await startMailCatcher(mails);
    server = await startTestServer({ today: TODAY, env: { SMTP_URL: smtp.url } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  const waitForMail = async (predicate: (mail: CaughtMail) => boolean) => {
    for (let i = 0; i < 100; i += 1) {
      await server.app.mail?.drain();
      const found = mails.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the mail did not arrive');
  };

  it('lets an anonymous visitor ask, the secretariat answer partly, and the mail carry the redacted variant', async () => {
    // The secretariat stores two documents of a KIR procurement; the journal registers both.
    const secretariat = await loginAs(browser, server.url, 'sekretariat');
    contexts.push(secretariat.context);
    const request = secretariat.page.request;
    const groups = (await (await request.get(`${server.url}/api/steering-groups`)).json()) as Array<{
      id: string;
      code: string;
    }>;
    const kir = groups.find((g) => g.code === 'KIR')!;
    const procurements = (
      (await (await request.get(`${server.url}/api/procurements?limit=500`)).json()) as {
        items: Array<{ id: string; steeringGroupId: string | null }>;
      }
    ).items;
    const procurementId = procurements.find((p) => p.steeringGroupId === kir.id)!.id;
    for (const [title, pdf, access] of [
      ['Saksnotat om hjerteventiler', publicPdf, {}],
      [
        `Evaluering av tilbud fra ${SUPPLIER} – hjerteventiler`,
        evaluationPdf,
        { accessStatus: 'partlyExempt', legalBasis: 'offl13fvl13nr2', shieldedWords: [SUPPLIER] },
      ],
    ] as const) {
      const response = await request.post(`${server.url}/api/steering-groups/${kir.id}/documents`, {
        data: {
          title,
          fileName: 'dokument.pdf',
          contentType: 'application/pdf',
          contentBase64: pdf.toString('base64'),
          procurementId,
          ...access,
        },
      });
      expect(response.status()).toBe(201);
    }

    // The visitor, not logged in.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nb-NO',
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/innsyn`);
    await page.getByLabel('Søk', { exact: true }).fill('hjerteventiler');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    const rows = page.getByTestId('journal-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.content()).not.toContain(SUPPLIER);

    const publicRow = rows.filter({ hasText: 'Saksnotat om hjerteventiler' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      publicRow.getByTestId('download').click(),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(path)).equals(publicPdf)).toBe(true);

    const exemptRow = rows.filter({ hasText: 'Evaluering av tilbud fra *****' });
    await expect
      .poll(() => exemptRow.getByTestId('legal-basis').textContent())
      .toContain('Offl. § 13 jf. fvl. § 13 første ledd nr. 2');
    expect(await exemptRow.getByTestId('download').count()).toBe(0);
    await exemptRow.getByTestId('ask-access').click();
    const form = page.getByTestId('request-form');
    await form.getByLabel(/E-postadresse/).fill(VISITOR);
    await form.getByTestId('send-request').click();
    await expect.poll(() => page.getByTestId('request-receipt').textContent()).toMatch(/INN-2026-\d{4}/);
    await screenshot(page, 'public-access-request');
    const reference = (await page.getByTestId('request-receipt').textContent())!.match(/INN-2026-\d{4}/)![0];

    // The secretariat answers partly: redacts the supplier and the discount, then sends the answer.
    const admin = secretariat.page;
    await admin.goto(`${server.url}/innsynskrav`);
    // The visitor's request (the living demo has one of its own in the queue).
    await admin.getByTestId('access-request-row').filter({ hasText: reference }).getByRole('link').click();
    const item = admin.getByTestId('answer-item').first();
    await item.getByLabel('Delvis innsyn').check();
    await item.getByLabel(/Ord eller uttrykk/).fill(`${SUPPLIER}\n${DISCOUNT}`);
    await item.getByTestId('redact').click();
    await expect.poll(() => admin.getByTestId('redacted').textContent()).toContain('Teksten er fjernet');
    await admin.getByTestId('send-answer').click();
    await expect.poll(() => admin.getByTestId('answer-text').textContent()).toContain('Klageadgang');
    await screenshot(admin, 'public-access-answer');

    const mail = await waitForMail(
      (m) => m.to.includes(VISITOR) && m.subject.startsWith('Svar på innsynskrav'),
    );
    expect(mail.text).toContain('Delvis innsyn gitt');
    expect(mail.text).toContain('offentleglova § 32');
    expect(mail.text).toMatch(/innen 2026-07-06/);
    expect(mail.text).not.toContain(SUPPLIER);
    expect(mail.attachments).toHaveLength(1);
    const found = await everythingInPdf(mail.attachments[0]!.content);
    for (const where of [found.text, found.info, found.raw]) {
      expect(where).not.toContain(SUPPLIER);
      expect(where).not.toContain(DISCOUNT);
    }
    expect(found.text).toContain('Samlet vurdering: godkjent.');

    // The journal now offers the redacted version to everyone.
    await page.reload();
    await expect
      .poll(() =>
        rows.filter({ hasText: 'Evaluering av tilbud fra *****' }).getByTestId('download').textContent(),
      )
      .toContain('sladdet versjon');
  });
});
