// CSV of the portfolio report through the one CSV writer (semicolons, BOM, formulas neutralised).
import { writeCsv } from '../../shared/spreadsheet.js';
import { reportColumns } from './report-format.js';
import type { PortfolioReport } from './reporting.schemas.js';

export function renderReportCsv(report: PortfolioReport): string {
  return writeCsv(
    reportColumns.map((column) => column.title),
    report.rows.map((row) => reportColumns.map((column) => column.value(row))),
  );
}
