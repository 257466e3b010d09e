import { z } from 'zod';
import { idParams, problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { actionPlanSchema, updateMeasureSchema } from './action-plans.schemas.js';
import * as service from './action-plans.service.js';
import { routesFor } from '../../shared/route.js';

const tags = ['action-plans'];

export function registerActionPlanRoutes(app: App, { db }: AppDeps) {
  const route = routesFor(app, tags);
  route.get(
    '/api/action-plans',
    {
      access: 'authenticated',
      summary: 'Action plans with areas, measures and the status overview',
      response: z.array(actionPlanSchema),
    },
    () => service.listActionPlans(db),
  );
  route.patch(
    '/api/action-plans/measures/:id',
    {
      access: ['secretariat'],
      params: idParams,
      body: updateMeasureSchema,
      response: { 204: z.null(), 400: problemSchema, 404: problemSchema },
    },
    async (request, reply) => {
      await service.updateMeasure(db, requireUser(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
