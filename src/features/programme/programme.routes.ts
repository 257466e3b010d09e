import { z } from 'zod';
import { idParams, problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { activityStatus, programmeSchema } from './programme.schemas.js';
import * as service from './programme.service.js';

const tags = ['programme'];

export function registerProgrammeRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/programme',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Implementation programme: timeline, risk register, stakeholder plan, transition list',
        response: { 200: programmeSchema },
      },
    },
    () => service.getProgramme(db),
  );
  app.patch(
    '/api/programme/activities/:id',
    {
      config: { access: ['secretariat'] },
      schema: {
        tags,
        params: idParams,
        body: z.object({ status: activityStatus }),
        response: { 204: z.null(), 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await service.setActivityStatus(db, requireUser(request), request.params.id, request.body.status);
      return reply.status(204).send(null);
    },
  );
}
