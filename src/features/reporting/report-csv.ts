// CSV of the portfolio report: semicolon-separated with a BOM, as Norwegian Excel opens it.
import { reportColumns } from './report-format.js';
import type { PortfolioReport } from './reporting.schemas.js';

const quote = (value: string | number) => {
  const text = String(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function renderReportCsv(report: PortfolioReport): string {
  const lines = [
    reportColumns.map((column) => quote(column.title)).join(';'),
    ...report.rows.map((row) => reportColumns.map((column) => quote(column.value(row))).join(';')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
