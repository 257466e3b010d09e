import { idParams, pageOf } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { notificationSchema, notificationsQuery } from '../governance/index.js';
import * as service from './notifications.service.js';
import { routesFor } from '../../shared/route.js';

const tags = ['notifications'];

export function registerNotificationRoutes(app: App, { db }: AppDeps) {
  const route = routesFor(app, tags);
  route.get(
    '/api/my/notifications',
    {
      access: 'authenticated',
      summary: 'My in-app inbox',
      querystring: notificationsQuery,
      response: pageOf(notificationSchema),
    },
    (request) => service.listMyNotifications(db, requireUser(request).personId, request.query),
  );
  route.post(
    '/api/my/notifications/:id/read',
    { access: 'authenticated', params: idParams },
    async (request, reply) => {
      const user = requireUser(request);
      await service.markRead(db, user, user.personId, request.params.id);
      return reply.status(204).send();
    },
  );
}
