import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { idParams, problemSchema } from '../../shared/schemas.js';
import {
  completionInput,
  groupTrainingSchema,
  moduleParams,
  myTrainingSchema,
  personModuleParams,
} from './training.schemas.js';
import * as service from './training.service.js';

const tags = ['training'];

export function registerTrainingRoutes(app: App, { db, clock }: AppDeps) {
  app.get(
    '/api/my/training',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The six modules and my progress', response: { 200: myTrainingSchema } },
    },
    (request) => service.getTraining(db, requireUser(request).personId),
  );
  app.post(
    '/api/my/training/modules/:module/complete',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark a module as completed by me',
        params: moduleParams,
        response: { 200: myTrainingSchema },
      },
    },
    (request) => {
      const user = requireUser(request);
      return service.completeModule(db, user, user.personId, request.params.module, clock.today());
    },
  );
  app.post(
    '/api/people/:id/training/modules/:module/complete',
    {
      config: { access: ['secretariat'] },
      schema: {
        tags,
        summary:
          'Record a module completed by someone on a day up to today (the secretariat runs the course)',
        params: personModuleParams,
        body: completionInput,
        response: { 200: myTrainingSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    (request) =>
      service.completeModule(
        db,
        requireUser(request),
        request.params.id,
        request.params.module,
        clock.today(),
        request.body?.completedOn,
      ),
  );
  app.get(
    '/api/steering-groups/:id/training',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "Members' training status; who is to be onboarded",
        params: idParams,
        response: { 200: groupTrainingSchema },
      },
    },
    (request) => service.groupTraining(db, requireUser(request), request.params.id, clock.today()),
  );
}
