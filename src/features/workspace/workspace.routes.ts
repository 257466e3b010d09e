import { idParams } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { workspaceSchema } from './workspace.schemas.js';
import { getWorkspace } from './workspace.service.js';

export function registerWorkspaceRoutes(app: App, { db, clock }: AppDeps) {
  app.get(
    '/api/steering-groups/:id/workspace',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['workspace'],
        summary:
          "The group's workspace: meetings, plans, decisions, actions, documents, training (members, secretariat, RHF contacts)",
        params: idParams,
        response: { 200: workspaceSchema },
      },
    },
    (request) => getWorkspace(db, requireUser(request), request.params.id, clock.today()),
  );
}
