import { idParams, problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps, sendFileDownload } from '../../shared/http.js';
import { renderReportCsv } from './report-csv.js';
import { renderReportPdf } from './report-pdf.js';
import { renderReportXlsx } from './report-xlsx.js';
import {
  gatePlanSchema,
  portfolioReportAnswerSchema,
  reportExportQuery,
  reportPageQuery,
  reportQuery,
  setGatePlanSchema,
} from './reporting.schemas.js';
import { reportAnswer } from './report-cache.js';
import * as service from './reporting.service.js';
import { procurementOverviewPageSchema, procurementOverviewQuery } from './procurement-overview.schemas.js';
import { listProcurementOverview } from './procurement-overview.service.js';
import { routesFor } from '../../shared/route.js';

const tags = ['reporting'];

export const exportContentTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export function registerReportingRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, tags);
  route.get(
    '/api/reports/portfolio',
    {
      access: 'authenticated',
      summary: 'Portfolio report for the whole portfolio, a steering group, a category or an RHF',
      querystring: reportPageQuery,
      response: { 200: portfolioReportAnswerSchema, 404: problemSchema },
    },
    async (request, reply) => {
      const { limit, offset, ...query } = request.query;
      const cached = await service.getPortfolioReport(db, query, clock.today());
      // Encoded through portfolioReportAnswerSchema by reportAnswer: sent as it is.
      return reply.type('application/json; charset=utf-8').send(reportAnswer(cached, { limit, offset }));
    },
  );
  route.get(
    '/api/reports/procurements',
    {
      access: 'authenticated',
      summary:
        'The procurement list at a glance: level, significance, phase, next gate, risk, value, on time / late; filtered, sorted and paged on the server',
      querystring: procurementOverviewQuery,
      response: procurementOverviewPageSchema,
    },
    (request) => listProcurementOverview(db, request.query, clock.today()),
  );
  route.get(
    '/api/reports/portfolio/export',
    {
      access: 'authenticated',
      summary: 'The same report as PDF, XLSX or CSV',
      querystring: reportExportQuery,
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const { report } = await service.getPortfolioReport(db, reportQuery.parse(query), clock.today());
      const body =
        format === 'pdf'
          ? await renderReportPdf(report)
          : format === 'xlsx'
            ? await renderReportXlsx(report)
            : renderReportCsv(report);
      const name = `porteforljerapport-${query.code ?? 'alle'}-${report.generatedOn}.${format}`.toLowerCase();
      return sendFileDownload(reply, {
        contentType: exportContentTypes[format],
        fileName: name,
        content: body,
      });
    },
  );
  route.get(
    '/api/reports/procurements/:id/plan',
    { access: 'authenticated', params: idParams, response: { 200: gatePlanSchema, 404: problemSchema } },
    (request) => service.getGatePlan(db, requireUser(request), request.params.id),
  );
  route.put(
    '/api/reports/procurements/:id/plan',
    {
      access: ['secretariat', 'procurementLead'],
      summary:
        'Set the planned gate dates and follow-up (secretariat, or the procurement lead for their own)',
      params: idParams,
      body: setGatePlanSchema,
      response: { 200: gatePlanSchema, 400: problemSchema, 403: problemSchema },
    },
    (request) => service.setGatePlan(db, requireUser(request), request.params.id, request.body),
  );
}
