import { idParams } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { workspaceSchema } from './workspace.schemas.js';
import { getWorkspace } from './workspace.service.js';
import { routesFor } from '../../shared/route.js';

export function registerWorkspaceRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, ['workspace']);
  route.get(
    '/api/steering-groups/:id/workspace',
    {
      access: 'authenticated',
      summary:
        "The group's workspace: meetings, plans, decisions, actions, documents, training (members, secretariat, RHF contacts)",
      params: idParams,
      response: workspaceSchema,
    },
    (request) => getWorkspace(db, requireUser(request), request.params.id, clock.today()),
  );
}
