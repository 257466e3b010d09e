import { z } from 'zod';
import { idParams, problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import {
  categoryStrategyInput,
  categoryStrategySchema,
  kpiDefinitionInput,
  kpiDefinitionPatch,
  kpiQuery,
  kpiSchema,
  manualValueInput,
  manualValueParams,
} from './kpis.schemas.js';
import * as service from './kpis.service.js';
import { routesFor } from '../../shared/route.js';

const tags = ['kpis'];

export function registerKpiRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, tags);
  route.get(
    '/api/kpis',
    {
      access: 'authenticated',
      summary: 'KPI definitions with actual values per year and RAG status',
      querystring: kpiQuery,
      response: z.array(kpiSchema),
    },
    (request) => service.listKpis(db, request.query, clock.today()),
  );
  route.post(
    '/api/kpis',
    {
      access: ['secretariat'],
      body: kpiDefinitionInput,
      response: { 201: z.object({ id: z.string() }), 400: problemSchema, 409: problemSchema },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await service.createKpi(db, requireUser(request), request.body) }),
  );
  route.patch(
    '/api/kpis/:id',
    {
      access: ['secretariat'],
      params: idParams,
      body: kpiDefinitionPatch,
      response: { 204: z.null(), 400: problemSchema, 404: problemSchema },
    },
    async (request, reply) => {
      await service.updateKpi(db, requireUser(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  route.put(
    '/api/kpis/:id/values/:year',
    {
      access: ['secretariat'],
      summary: 'Enter the value of a KPI for a year by hand (who and when are stored)',
      params: manualValueParams,
      body: manualValueInput,
      response: { 204: z.null(), 400: problemSchema, 404: problemSchema },
    },
    async (request, reply) => {
      await service.setManualValue(
        db,
        requireUser(request),
        request.params.id,
        request.params.year,
        request.body,
      );
      return reply.status(204).send(null);
    },
  );
  route.get(
    '/api/kpis/category-strategies',
    { access: 'authenticated', response: z.array(categoryStrategySchema) },
    () => service.listCategoryStrategies(db),
  );
  route.put(
    '/api/kpis/category-strategies/:id',
    {
      access: ['secretariat'],
      params: idParams,
      body: categoryStrategyInput,
      response: { 204: z.null(), 400: problemSchema, 404: problemSchema },
    },
    async (request, reply) => {
      await service.setCategoryStrategy(db, requireUser(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
