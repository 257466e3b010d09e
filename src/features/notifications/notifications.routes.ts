import { z } from 'zod';
import { idParams } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { notificationSchema, notificationsQuery } from '../governance/index.js';
import * as service from './notifications.service.js';

const tags = ['notifications'];

export function registerNotificationRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/my/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My in-app inbox',
        querystring: notificationsQuery,
        response: { 200: z.array(notificationSchema) },
      },
    },
    (request) => service.listMyNotifications(db, requireUser(request).personId, request.query.unread),
  );
  app.post(
    '/api/my/notifications/:id/read',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams } },
    async (request, reply) => {
      const user = requireUser(request);
      await service.markRead(db, user, user.personId, request.params.id);
      return reply.status(204).send();
    },
  );
}
