// The report as a self-contained HTML page for Chromium's PDF printer. Pure.
import { gateIds, gateLabels } from '../../domain/involvement.rules.js';
import { gateTimeline, timelineAxis, timelineTicks } from '../../domain/gate-timeline.rules.js';
import { norwegianDate, rollupFigures, summaryColumns } from './report-format.js';
import { renderTimelineSvg } from './report-timeline-svg.js';
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
  // One time axis for the whole report, so today's line stands in the same place on every row.
  const axis = timelineAxis(
    report.rows.map((row) => row.gates),
    report.generatedOn,
  );
  const ticks = timelineTicks(axis);
  const head = [
    ...summaryColumns.map((c) => `<th>${escapeHtml(c.title)}</th>`),
    '<th class="timeline">Faseporter: ○ planlagt, ● passert, rødt forsinket, stiplet i dag</th>',
  ].join('');
  const columnCount = summaryColumns.length + 1;
  const body = report.rows
    .map(
      (row) =>
        `<tr class="${row.daysLate > 0 ? 'late' : ''}">${summaryColumns.map((c) => `<td>${escapeHtml(c.value(row))}</td>`).join('')}<td class="timeline">${row.gates.length > 0 ? renderTimelineSvg(gateTimeline(row.gates, axis, report.generatedOn), ticks) : 'Utenfor modellen'}</td></tr>`,
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
  .timeline { width: 62mm; padding: 0.5mm; }
  .legend { color: #555; margin: 0 0 2mm; }
</style></head><body>
<h1>${escapeHtml(report.title)}</h1>
<div class="meta">Generert ${escapeHtml(norwegianDate(report.generatedOn))} · ${report.rows.length} anskaffelser</div>
<div class="figures">${figures}</div>
<p class="legend">Faseportene nummerert 1–5: ${gateIds.map((gate, index) => `${index + 1} ${escapeHtml(gateLabels[gate])}`).join(' · ')}.</p>
<table><thead><tr>${head}</tr></thead><tbody>${body || `<tr><td colspan="${columnCount}">Ingen anskaffelser i utvalget.</td></tr>`}</tbody></table>
</body></html>`;
}
