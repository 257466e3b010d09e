import { z } from 'zod';
import { idParams, problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { activityStatus, programmeSchema } from './programme.schemas.js';
import * as service from './programme.service.js';
import { routesFor } from '../../shared/route.js';

const tags = ['programme'];

export function registerProgrammeRoutes(app: App, { db }: AppDeps) {
  const route = routesFor(app, tags);
  route.get(
    '/api/programme',
    {
      access: 'authenticated',
      summary: 'Implementation programme: timeline, risk register, stakeholder plan, transition list',
      response: programmeSchema,
    },
    () => service.getProgramme(db),
  );
  route.patch(
    '/api/programme/activities/:id',
    {
      access: ['secretariat'],
      params: idParams,
      body: z.object({ status: activityStatus }),
      response: { 204: z.null(), 400: problemSchema, 404: problemSchema },
    },
    async (request, reply) => {
      await service.setActivityStatus(db, requireUser(request), request.params.id, request.body.status);
      return reply.status(204).send(null);
    },
  );
}
