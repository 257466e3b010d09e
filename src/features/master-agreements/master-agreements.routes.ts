import type { Readable } from 'node:stream';
import { z } from 'zod';
import { badRequest } from '../../shared/app-error.js';
import { idParams, problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { appSpendStore } from '../spend/index.js';
import { getHarmonisation } from './harmonisation-kpis.js';
import { importArticleMappings } from './import-article-mappings.js';
import {
  completionSchema,
  createMasterAgreementSchema,
  harmonisationSchema,
  mappingImportQuery,
  mappingImportSummarySchema,
  masterAgreementSchema,
  masterArticleSchema,
  signMasterAgreementSchema,
} from './master-agreements.schemas.js';
import * as service from './master-agreements.service.js';
import { routesFor } from '../../shared/route.js';

const tags = ['master-agreements'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Route-level gate; the organisation rule (own region, own HF) is checked in the service. */
const refil = ['secretariat', 'rhfContact'] as const;
const hfWriters = ['secretariat', 'rhfContact', 'hfPurchasing'] as const;
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export function registerMasterAgreementRoutes(app: App, deps: AppDeps) {
  const route = routesFor(app, tags);
  const { db, clock } = deps;
  const spendStore = appSpendStore(app, deps);
  route.get(
    '/api/master-agreements',
    {
      access: 'authenticated',
      summary: "REFIL's master agreements",
      response: z.array(masterAgreementSchema),
    },
    () => service.listMasterAgreements(db),
  );
  route.get(
    '/api/master-agreements/:id',
    {
      access: 'authenticated',
      summary: 'A master agreement with its harmonisation KPIs per HF and the hand-over status',
      params: idParams,
      response: { 200: harmonisationSchema, 404: problemSchema },
    },
    async (request) => getHarmonisation(db, request.params.id, await spendStore()),
  );
  route.get(
    '/api/master-agreements/:id/articles',
    {
      access: 'authenticated',
      summary: 'The master article list',
      params: idParams,
      response: { 200: z.array(masterArticleSchema), 404: problemSchema },
    },
    (request) => service.listMasterArticles(db, request.params.id),
  );
  route.post(
    '/api/master-agreements',
    {
      access: refil,
      summary:
        'REFIL creates a master agreement for an agreement (articles given, or copied from the agreement)',
      body: createMasterAgreementSchema,
      response: { 201: z.object({ id: z.string() }), ...errors },
    },
    async (request, reply) => {
      const row = await service.createMasterAgreement(db, requireUser(request), request.body, clock.today());
      return reply.status(201).send({ id: row.id });
    },
  );
  route.post(
    '/api/master-agreements/:id/signature',
    {
      access: refil,
      summary: 'Record that the RHF signed on behalf of the HFs',
      params: idParams,
      body: signMasterAgreementSchema,
      response: { 204: z.null(), ...errors },
    },
    async (request, reply) => {
      await service.recordRhfSignature(db, requireUser(request), request.params.id, request.body.signedOn);
      return reply.status(204).send(null);
    },
  );
  route.post(
    '/api/master-agreements/:id/completions',
    {
      access: hfWriters,
      summary: 'An HF reports it has adopted the master article numbers',
      params: idParams,
      body: completionSchema,
      response: { 204: z.null(), ...errors },
    },
    async (request, reply) => {
      await service.recordHfCompletion(
        db,
        requireUser(request),
        request.params.id,
        request.body.hfId,
        clock.today(),
      );
      return reply.status(204).send(null);
    },
  );
  route.post(
    '/api/master-agreements/:id/maintenance-transfer',
    {
      access: refil,
      summary: 'Maintenance passes to REFIL (every HF done)',
      params: idParams,
      response: { 204: z.null(), ...errors },
    },
    async (request, reply) => {
      await service.transferMaintenanceToRefil(db, requireUser(request), request.params.id, clock.today());
      return reply.status(204).send(null);
    },
  );

  // The mapping file streams through: the parsers hand the raw request stream on instead of buffering it.
  void app.register(async (scope: App) => {
    scope.removeContentTypeParser('text/csv');
    const passThrough = (_request: unknown, payload: Readable, done: (error: null, body: Readable) => void) =>
      done(null, payload);
    scope.addContentTypeParser('text/csv', passThrough);
    scope.addContentTypeParser(XLSX, passThrough);
    scope.post(
      '/api/master-agreements/:id/mappings/import',
      {
        config: { access: hfWriters },
        schema: {
          tags,
          summary: "Import an HF's local → master article numbers (text/csv or XLSX); all or none",
          description: 'Replaces the HF’s mappings for this master agreement. dryRun=true only checks.',
          params: idParams,
          querystring: mappingImportQuery,
          response: { 200: mappingImportSummarySchema, ...errors },
        },
      },
      async (request) => {
        const type = request.headers['content-type'] ?? '';
        const format = type.startsWith('text/csv') ? 'csv' : type.startsWith(XLSX) ? 'xlsx' : null;
        if (!format || !request.body) throw badRequest('Send mappingfilen som text/csv eller XLSX.');
        return importArticleMappings(
          db,
          requireUser(request),
          request.params.id,
          request.query.hfId,
          { stream: request.body as Readable, format },
          { dryRun: request.query.dryRun },
        );
      },
    );
  });
}
