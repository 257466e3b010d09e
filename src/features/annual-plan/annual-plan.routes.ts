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
import { routesFor } from '../../shared/route.js';

const tags = ['annual-plan'];
const secretariat = ['secretariat'] as const;

export function registerAnnualPlanRoutes(app: App, { db }: AppDeps) {
  const route = routesFor(app, tags);
  route.get(
    '/api/annual-plans',
    { access: 'authenticated', response: z.array(z.object({ year: z.number(), status: z.string() })) },
    () => service.listPlanYears(db),
  );
  route.get(
    '/api/annual-plans/:year',
    { access: 'authenticated', params: yearParams, response: { 200: annualPlanSchema, 404: problemSchema } },
    (request) => service.getPlan(db, request.params.year),
  );
  route.post(
    '/api/annual-plans/:year',
    { access: secretariat, params: yearParams, response: { 201: annualPlanSchema, 409: problemSchema } },
    async (request, reply) =>
      reply.status(201).send(await service.createPlan(db, requireUser(request), request.params.year)),
  );
  route.put(
    '/api/annual-plans/:year/items',
    {
      access: secretariat,
      params: yearParams,
      body: itemInput,
      response: { 200: annualPlanSchema, 400: problemSchema, 409: problemSchema },
    },
    (request) => service.putItem(db, requireUser(request), request.params.year, request.body),
  );
  route.post(
    '/api/annual-plans/:year/import',
    {
      access: secretariat,
      summary: 'Import the plan from CSV (text) or XLSX (base64): all rows or none, errors by row number',
      params: yearParams,
      querystring: importQuery,
      body: importInput,
      response: {
        200: z.object({ imported: z.number(), wouldImport: z.number(), dryRun: z.boolean() }),
        400: problemSchema,
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
  route.post(
    '/api/annual-plans/:year/status',
    {
      access: secretariat,
      params: yearParams,
      body: statusInput,
      response: { 200: annualPlanSchema, 409: problemSchema },
    },
    (request) => service.changeStatus(db, requireUser(request), request.params.year, request.body.status),
  );
  route.post(
    '/api/annual-plans/:year/approvals',
    {
      access: ['secretariat', 'rhfContact'],
      summary:
        "An RHF's approval of the plan (§7.7); the last one approves it and carries initial significance and risk to the procurements",
      params: yearParams,
      body: approvalInput,
      response: { 200: annualPlanSchema, 400: problemSchema, 403: problemSchema, 409: problemSchema },
    },
    (request) => approvePlanForRhf(db, requireUser(request), request.params.year, request.body),
  );
  route.put(
    '/api/annual-plans/:year/items/:itemId/comments',
    {
      access: ['secretariat', 'rhfContact'],
      summary: "An RHF's comment on a procurement's initial significance while the plan is out for feedback",
      params: yearParams.extend({ itemId: z.string().uuid('Ugyldig id') }),
      body: commentInput,
      response: { 200: annualPlanSchema, 403: problemSchema, 409: problemSchema },
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
