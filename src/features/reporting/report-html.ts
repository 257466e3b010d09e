// The report as a self-contained HTML page for Chromium's PDF printer. Pure.
import { reportColumns, rollupFigures, norwegianDate } from './report-format.js';
import type { PortfolioReport } from './reporting.schemas.js';

const escapeHtml = (value: string | number) =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export function renderReportHtml(report: PortfolioReport): string {
  const figures = rollupFigures(report)
    .map(
      (f) =>
        `<div class="figure"><span>${escapeHtml(f.label)}</span><strong>${escapeHtml(f.value)}</strong></div>`,
    )
    .join('');
  const head = reportColumns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('');
  const body = report.rows
    .map(
      (row) =>
        `<tr class="${row.daysLate > 0 ? 'late' : ''}">${reportColumns.map((c) => `<td>${escapeHtml(c.value(row))}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<style>
  body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8pt; color: #1a1a1a; margin: 0; }
  h1 { font-size: 15pt; margin: 0 0 2mm; color: #003b5c; }
  .meta { color: #555; margin-bottom: 4mm; }
  .figures { display: flex; flex-wrap: wrap; gap: 2mm; margin-bottom: 5mm; }
  .figure { border: 1px solid #c8d3dc; border-radius: 2mm; padding: 2mm 3mm; min-width: 30mm; background: #f3f7fa; }
  .figure span { display: block; color: #555; font-size: 7pt; }
  .figure strong { font-size: 11pt; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #c8d3dc; padding: 1mm; vertical-align: top; text-align: left; }
  th { background: #003b5c; color: #fff; font-size: 7pt; }
  tr { page-break-inside: avoid; }
  tr.late td:first-child { border-left: 3px solid #b00020; }
</style></head><body>
<h1>${escapeHtml(report.title)}</h1>
<div class="meta">Generert ${escapeHtml(norwegianDate(report.generatedOn))} · ${report.rows.length} anskaffelser</div>
<div class="figures">${figures}</div>
<table><thead><tr>${head}</tr></thead><tbody>${body || `<tr><td colspan="${reportColumns.length}">Ingen anskaffelser i utvalget.</td></tr>`}</tbody></table>
</body></html>`;
}
