import { z } from 'zod';
import { idParams, problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { badRequest } from '../../shared/app-error.js';
import { writeRoles } from '../auth/index.js';
import { organisationsRepo } from '../organisations/index.js';
import {
  MAX_AGREEMENT_FILE_BYTES,
  readAgreementTables,
  readCsvTable,
  readXlsxTables,
} from './agreement-file.js';
import {
  agreementDetailSchema,
  agreementImportSummarySchema,
  agreementPageQuery,
  agreementPageSchema,
  createAgreementSchema,
  expiringAgreementSchema,
  updateAgreementSchema,
} from './agreements.schemas.js';
import * as service from './agreements.service.js';
import { routesFor } from '../../shared/route.js';

const tags = ['agreements'];
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerAgreementRoutes(app: App, deps: AppDeps) {
  const route = routesFor(app, tags);
  const { db } = deps;
  route.get(
    '/api/agreements',
    {
      access: 'authenticated',
      summary:
        'The agreement register (avtaleregister); filter by text, category, status, supplier; paged (limit/offset, total)',
      querystring: agreementPageQuery,
      response: agreementPageSchema,
    },
    (request) => service.listAgreementPage(db, request.query),
  );
  route.get(
    '/api/agreements/expiring',
    {
      access: 'authenticated',
      summary: 'Agreements ending within 12 months that no planned procurement replaces',
      response: z.array(expiringAgreementSchema),
    },
    () => service.listExpiringAgreements(db, deps.clock.today()),
  );
  route.get(
    '/api/agreements/:id',
    {
      access: 'authenticated',
      params: idParams,
      response: { 200: agreementDetailSchema, 404: problemSchema },
    },
    (request) => service.getAgreement(db, request.params.id),
  );
  route.post(
    '/api/agreements',
    {
      access: writeRoles.referenceData,
      body: createAgreementSchema,
      response: { 201: agreementDetailSchema, 400: problemSchema },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createAgreement(db, requireUser(request), request.body)),
  );
  route.patch(
    '/api/agreements/:id',
    {
      access: writeRoles.referenceData,
      params: idParams,
      body: updateAgreementSchema,
      response: { 200: agreementDetailSchema, 400: problemSchema },
    },
    (request) => service.updateAgreement(db, requireUser(request), request.params.id, request.body),
  );

  // Own content-type parsers (larger limit, XLSX as bytes) in an encapsulated scope.
  void app.register(async (scope: App) => {
    scope.removeContentTypeParser('text/csv');
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: MAX_AGREEMENT_FILE_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.addContentTypeParser(
      XLSX_CONTENT_TYPE,
      { parseAs: 'buffer', bodyLimit: MAX_AGREEMENT_FILE_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/agreements/import',
      {
        config: { access: writeRoles.referenceData },
        schema: {
          tags,
          summary: 'Import agreements from CSV (text/csv) or XLSX (sheets «Avtaler» and «Artikler»)',
          description:
            'All or nothing: any bad row refuses the whole file with row-numbered errors. dryRun=true only reports.',
          querystring: z.object({
            dryRun: z
              .enum(['true', 'false'])
              .default('false')
              .transform((value) => value === 'true'),
          }),
          body: z.union([z.string(), z.instanceof(Buffer)]).describe('The CSV text or the XLSX bytes'),
          response: { 200: agreementImportSummarySchema, 400: problemSchema },
        },
      },
      async (request) => {
        const tables =
          typeof request.body === 'string'
            ? { agreements: readCsvTable(request.body), articles: null }
            : Buffer.isBuffer(request.body)
              ? await readXlsxTables(request.body)
              : null;
        if (!tables) throw badRequest('Send avtalefilen som text/csv eller XLSX.');
        const orgs = await organisationsRepo.listOrganisations(db);
        const byCode = new Map(orgs.map((org) => [org.code, org]));
        const rows = readAgreementTables(tables.agreements, tables.articles, byCode);
        return service.importAgreements(db, requireUser(request), rows, { dryRun: request.query.dryRun });
      },
    );
  });
}
