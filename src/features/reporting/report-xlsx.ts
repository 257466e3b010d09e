// XLSX of the portfolio report (exceljs): the roll-up at the top, then one row per procurement.
import ExcelJS from 'exceljs';
import { reportColumns, rollupFigures, norwegianDate } from './report-format.js';
import type { PortfolioReport } from './reporting.schemas.js';
import { safeCell } from '../../shared/spreadsheet.js';

export const ROLLUP_SHEET = 'Sammendrag';
export const ROWS_SHEET = 'Anskaffelser';

export async function renderReportXlsx(report: PortfolioReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Styringsportalen';
  const summary = workbook.addWorksheet(ROLLUP_SHEET);
  summary.addRow([safeCell(report.title)]).font = { bold: true, size: 14 };
  summary.addRow(['Dato', norwegianDate(report.generatedOn)]);
  summary.addRow([]);
  for (const figure of rollupFigures(report)) summary.addRow([figure.label, figure.value]);
  summary.getColumn(1).width = 32;
  summary.getColumn(2).width = 40;

  const sheet = workbook.addWorksheet(ROWS_SHEET);
  const header = sheet.addRow(reportColumns.map((column) => column.title));
  header.font = { bold: true };
  for (const row of report.rows) sheet.addRow(reportColumns.map((column) => safeCell(column.value(row))));
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 40 : 22;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
