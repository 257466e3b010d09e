import { z } from 'zod';
import { idParams, problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { activityStatusIds } from './programme.tables.js';
import * as service from './programme.service.js';

const tags = ['programme'];
const activityStatus = z.enum(activityStatusIds);

export const programmeSchema = z.object({
  activities: z.array(
    z.object({
      id: z.string(),
      depth: z.number(),
      name: z.string(),
      responsible: z.string().nullable(),
      startOn: z.string().nullable(),
      endOn: z.string().nullable(),
      status: activityStatus.nullable(),
    }),
  ),
  risks: z.array(
    z.object({
      number: z.number(),
      area: z.string(),
      description: z.string(),
      levelAtStart: z.string().nullable(),
      measures: z.string(),
    }),
  ),
  stakeholders: z.array(
    z.object({
      id: z.string(),
      stakeholderGroup: z.string(),
      stakeholder: z.string(),
      roleStatus: z.string(),
      measures: z.string(),
      responsibleWhen: z.string(),
    }),
  ),
  transitions: z.array(
    z.object({
      id: z.string(),
      categoryHeading: z.string(),
      name: z.string(),
      projectStart: z.string().nullable(),
      announcement: z.string().nullable(),
      transferToNewModel: z.boolean(),
      procurementId: z.string().nullable(),
    }),
  ),
});

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
