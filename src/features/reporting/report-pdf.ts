// PDF through Chromium's printer (playwright-core page.pdf), with page numbers and the date in the footer.
import { launchChromium } from '../../shared/chromium.js';
import { norwegianDate } from './report-format.js';
import { renderReportHtml } from './report-html.js';
import type { PortfolioReport } from './reporting.schemas.js';

export async function renderReportPdf(report: PortfolioReport): Promise<Buffer> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(renderReportHtml(report), { waitUntil: 'load' });
    const footer = `<div style="font-size:7pt;width:100%;padding:0 12mm;display:flex;justify-content:space-between;color:#555">
      <span>${report.title.replace(/</g, '&lt;')} · ${norwegianDate(report.generatedOn)}</span>
      <span>Side <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>`;
    const pdf = await page.pdf({
      format: 'A4',
      landscape: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      margin: { top: '12mm', bottom: '16mm', left: '10mm', right: '10mm' },
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
