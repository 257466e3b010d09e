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
import { routesFor } from '../../shared/route.js';

const tags = ['training'];

export function registerTrainingRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, tags);
  route.get(
    '/api/my/training',
    { access: 'authenticated', summary: 'The six modules and my progress', response: myTrainingSchema },
    (request) => service.getTraining(db, requireUser(request).personId),
  );
  route.post(
    '/api/my/training/modules/:module/complete',
    {
      access: 'authenticated',
      summary: 'Mark a module as completed by me',
      params: moduleParams,
      response: myTrainingSchema,
    },
    (request) => {
      const user = requireUser(request);
      return service.completeModule(db, user, user.personId, request.params.module, clock.today());
    },
  );
  route.post(
    '/api/people/:id/training/modules/:module/complete',
    {
      access: ['secretariat'],
      summary: 'Record a module completed by someone on a day up to today (the secretariat runs the course)',
      params: personModuleParams,
      body: completionInput,
      response: { 200: myTrainingSchema, 400: problemSchema, 404: problemSchema },
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
  route.get(
    '/api/steering-groups/:id/training',
    {
      access: 'authenticated',
      summary: "Members' training status; who is to be onboarded",
      params: idParams,
      response: groupTrainingSchema,
    },
    (request) => service.groupTraining(db, requireUser(request), request.params.id, clock.today()),
  );
}
