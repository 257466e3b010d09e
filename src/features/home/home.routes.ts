import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { getCockpit } from './cockpit.service.js';
import { cockpitSchema, myHomeSchema } from './home.schemas.js';
import { getMyHome } from './home.service.js';
import { routesFor } from '../../shared/route.js';

const tags = ['home'];

export function registerHomeRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, tags);
  route.get(
    '/api/my/home',
    {
      access: 'authenticated',
      summary:
        'Mine oppgaver: the sections for the roles I hold (member, procurement lead, RHF contact, cockpit)',
      response: myHomeSchema,
    },
    (request) => getMyHome(db, requireUser(request), clock.today()),
  );
  route.get(
    '/api/cockpit',
    {
      access: ['secretariat'],
      summary: "The secretariat's cockpit for this week and the next",
      response: cockpitSchema,
    },
    () => getCockpit(db, clock.today()),
  );
}
