import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { meetingCalendarQuery, meetingCalendarSchema } from './meeting-calendar.schemas.js';
import { listMeetingCalendar } from './meeting-calendar.service.js';
import { routesFor } from '../../shared/route.js';

export function registerMeetingCalendarRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, ['meetings']);
  route.get(
    '/api/meeting-calendar',
    {
      access: 'authenticated',
      summary:
        'Meetings from–to (at most 62 days) with their status: every group for the secretariat, otherwise the groups I sit in (RHF contacts: the groups with a member from their RHF)',
      querystring: meetingCalendarQuery,
      response: meetingCalendarSchema,
    },
    (request) => listMeetingCalendar(db, requireUser(request), request.query, clock.now()),
  );
}
