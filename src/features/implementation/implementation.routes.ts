import { z } from 'zod';
import { idParams, problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { routesFor } from '../../shared/route.js';
import {
  addItemSchema,
  createPlansSchema,
  implementationOverviewSchema,
  planQuery,
  planSchema,
  updateItemSchema,
} from './implementation.schemas.js';
import * as service from './implementation.service.js';

/** Route-level gate; the organisation rule (the HF's region, the HF itself) is checked in the service. */
const writers = ['secretariat', 'rhfContact', 'hfPurchasing'] as const;
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export function registerImplementationRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, ['implementation']);
  route.get(
    '/api/implementation',
    {
      access: 'authenticated',
      summary: "Implementeringsforum's overview: every plan with its items, late items, the report's figures",
      querystring: planQuery.pick({ lateOnly: true }),
      response: implementationOverviewSchema,
    },
    (request) => service.getImplementationOverview(db, clock.today(), request.query),
  );
  route.get(
    '/api/implementation/plans',
    {
      access: 'authenticated',
      summary: 'Implementation plans, optionally of one agreement or only those with late items',
      querystring: planQuery,
      response: z.array(planSchema),
    },
    (request) => service.listPlans(db, clock.today(), request.query),
  );
  route.post(
    '/api/implementation/agreements/:id/plans',
    {
      access: writers,
      summary: 'Create the implementation plans of an awarded agreement for some HFs (default checklist)',
      params: idParams,
      body: createPlansSchema,
      response: { 201: z.object({ ids: z.array(z.string()) }), ...errors },
    },
    async (request, reply) => {
      const ids = await service.createPlans(db, requireUser(request), request.params.id, request.body);
      return reply.status(201).send({ ids });
    },
  );
  route.post(
    '/api/implementation/plans/:id/items',
    {
      access: writers,
      summary: 'Add a checklist item to a plan',
      params: idParams,
      body: addItemSchema,
      response: { 204: z.null(), ...errors },
    },
    async (request, reply) => {
      await service.addItem(db, requireUser(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  route.patch(
    '/api/implementation/items/:id',
    {
      access: writers,
      summary: 'Report a checklist item: status, responsible, due date',
      params: idParams,
      body: updateItemSchema,
      response: { 204: z.null(), ...errors },
    },
    async (request, reply) => {
      await service.updateItem(db, requireUser(request), request.params.id, request.body, clock.today());
      return reply.status(204).send(null);
    },
  );
}
