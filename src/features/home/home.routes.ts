import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { getCockpit } from './cockpit.service.js';
import { cockpitSchema, myHomeSchema } from './home.schemas.js';
import { getMyHome } from './home.service.js';

const tags = ['home'];

export function registerHomeRoutes(app: App, { db, clock }: AppDeps) {
  app.get(
    '/api/my/home',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Mine oppgaver: the sections for the roles I hold (member, procurement lead, RHF contact, cockpit)',
        response: { 200: myHomeSchema },
      },
    },
    (request) => getMyHome(db, requireUser(request), clock.today()),
  );
  app.get(
    '/api/cockpit',
    {
      config: { access: ['secretariat'] },
      schema: {
        tags,
        summary: "The secretariat's cockpit for this week and the next",
        response: { 200: cockpitSchema },
      },
    },
    () => getCockpit(db, clock.today()),
  );
}
