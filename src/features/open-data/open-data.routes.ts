import type { App, AppDeps } from '../../shared/http.js';
import { routesFor } from '../../shared/route.js';
import * as service from './open-data.service.js';

export function registerOpenDataRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, ['open-data']);
  route.get(
    '/api/open-data/ocds',
    {
      // Open data without login (offentleglova § 3); exempt information is not in it.
      access: 'public',
      summary: 'The portfolio as an OCDS 1.1.5 release package (JSON)',
    },
    async (request, reply) =>
      reply.header('content-disposition', 'attachment; filename="ocds-release-package.json"').send(
        await service.exportOcds(db, {
          clock,
          baseUrl: `${request.protocol}://${request.host}`,
        }),
      ),
  );
}
