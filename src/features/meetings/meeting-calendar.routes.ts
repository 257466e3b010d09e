import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { meetingCalendarQuery, meetingCalendarSchema } from './meeting-calendar.schemas.js';
import { listMeetingCalendar } from './meeting-calendar.service.js';

export function registerMeetingCalendarRoutes(app: App, { db, clock }: AppDeps) {
  app.get(
    '/api/meeting-calendar',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['meetings'],
        summary:
          'Meetings from–to (at most 62 days) with their status: every group for the secretariat, otherwise the groups I sit in (RHF contacts: the groups with a member from their RHF)',
        querystring: meetingCalendarQuery,
        response: { 200: meetingCalendarSchema },
      },
    },
    (request) => listMeetingCalendar(db, requireUser(request), request.query, clock.now()),
  );
}
