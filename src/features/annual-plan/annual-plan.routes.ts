import { z } from 'zod';
import { problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import {
  approvalInput,
  annualPlanSchema,
  commentInput,
  importInput,
  importQuery,
  itemInput,
  statusInput,
  yearParams,
} from './annual-plan.schemas.js';
import * as service from './annual-plan.service.js';
import { approvePlanForRhf } from './approve-annual-plan.js';

const tags = ['annual-plan'];
const secretariat = ['secretariat'] as const;

export function registerAnnualPlanRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/annual-plans',
    {
      config: { access: 'authenticated' },
      schema: { tags, response: { 200: z.array(z.object({ year: z.number(), status: z.string() })) } },
    },
    () => service.listPlanYears(db),
  );
  app.get(
    '/api/annual-plans/:year',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: yearParams, response: { 200: annualPlanSchema, 404: problemSchema } },
    },
    (request) => service.getPlan(db, request.params.year),
  );
  app.post(
    '/api/annual-plans/:year',
    {
      config: { access: secretariat },
      schema: { tags, params: yearParams, response: { 201: annualPlanSchema, 409: problemSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createPlan(db, requireUser(request), request.params.year)),
  );
  app.put(
    '/api/annual-plans/:year/items',
    {
      config: { access: secretariat },
      schema: {
        tags,
        params: yearParams,
        body: itemInput,
        response: { 200: annualPlanSchema, 400: problemSchema, 409: problemSchema },
      },
    },
    (request) => service.putItem(db, requireUser(request), request.params.year, request.body),
  );
  app.post(
    '/api/annual-plans/:year/import',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Import the plan from CSV (text) or XLSX (base64): all rows or none, errors by row number',
        params: yearParams,
        querystring: importQuery,
        body: importInput,
        response: {
          200: z.object({ imported: z.number(), wouldImport: z.number(), dryRun: z.boolean() }),
          400: problemSchema,
        },
      },
    },
    (request) =>
      service.importPlan(
        db,
        requireUser(request),
        request.params.year,
        request.body,
        request.query.dryRun === 'true',
      ),
  );
  app.post(
    '/api/annual-plans/:year/status',
    {
      config: { access: secretariat },
      schema: {
        tags,
        params: yearParams,
        body: statusInput,
        response: { 200: annualPlanSchema, 409: problemSchema },
      },
    },
    (request) => service.changeStatus(db, requireUser(request), request.params.year, request.body.status),
  );
  app.post(
    '/api/annual-plans/:year/approvals',
    {
      config: { access: ['secretariat', 'rhfContact'] },
      schema: {
        tags,
        summary:
          "An RHF's approval of the plan (§7.7); the last one approves it and carries initial significance and risk to the procurements",
        params: yearParams,
        body: approvalInput,
        response: { 200: annualPlanSchema, 400: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    (request) => approvePlanForRhf(db, requireUser(request), request.params.year, request.body),
  );
  app.put(
    '/api/annual-plans/:year/items/:itemId/comments',
    {
      config: { access: ['secretariat', 'rhfContact'] },
      schema: {
        tags,
        summary:
          "An RHF's comment on a procurement's initial significance while the plan is out for feedback",
        params: yearParams.extend({ itemId: z.string().uuid('Ugyldig id') }),
        body: commentInput,
        response: { 200: annualPlanSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    (request) =>
      service.commentOnItem(
        db,
        requireUser(request),
        request.params.year,
        request.params.itemId,
        request.body,
      ),
  );
}
