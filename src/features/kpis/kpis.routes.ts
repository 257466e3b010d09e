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

const tags = ['kpis'];

export function registerKpiRoutes(app: App, { db, clock }: AppDeps) {
  app.get(
    '/api/kpis',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'KPI definitions with actual values per year and RAG status',
        querystring: kpiQuery,
        response: { 200: z.array(kpiSchema) },
      },
    },
    (request) => service.listKpis(db, request.query, clock.today()),
  );
  app.post(
    '/api/kpis',
    {
      config: { access: ['secretariat'] },
      schema: {
        tags,
        body: kpiDefinitionInput,
        response: { 201: z.object({ id: z.string() }), 400: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await service.createKpi(db, requireUser(request), request.body) }),
  );
  app.patch(
    '/api/kpis/:id',
    {
      config: { access: ['secretariat'] },
      schema: {
        tags,
        params: idParams,
        body: kpiDefinitionPatch,
        response: { 204: z.null(), 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await service.updateKpi(db, requireUser(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/api/kpis/:id/values/:year',
    {
      config: { access: ['secretariat'] },
      schema: {
        tags,
        summary: 'Enter the value of a KPI for a year by hand (who and when are stored)',
        params: manualValueParams,
        body: manualValueInput,
        response: { 204: z.null(), 400: problemSchema, 404: problemSchema },
      },
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
  app.get(
    '/api/kpis/category-strategies',
    {
      config: { access: 'authenticated' },
      schema: { tags, response: { 200: z.array(categoryStrategySchema) } },
    },
    () => service.listCategoryStrategies(db),
  );
  app.put(
    '/api/kpis/category-strategies/:id',
    {
      config: { access: ['secretariat'] },
      schema: {
        tags,
        params: idParams,
        body: categoryStrategyInput,
        response: { 204: z.null(), 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await service.setCategoryStrategy(db, requireUser(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
