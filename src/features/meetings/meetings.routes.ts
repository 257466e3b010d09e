import { z } from 'zod';
import { idParams } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import {
  actionInputSchema,
  actionSchema,
  actionUpdateSchema,
  agendaItemInputSchema,
  agendaItemParams,
  cancelMeetingSchema,
  conflictInputSchema,
  createdFeedSchema,
  feedInputSchema,
  feedParams,
  feedSchema,
  meetingDetailSchema,
  meetingInputSchema,
  meetingPlanInputSchema,
  minutesInputSchema,
  moveMeetingSchema,
} from './meetings.schemas.js';
import * as actions from './action-items.service.js';
import { organizerEmailOf } from './meetings.config.js';
import * as agenda from './agenda.service.js';
import * as feeds from './calendar-feeds.service.js';
import * as invitations from './invitations.service.js';
import * as plans from './meeting-plans.service.js';
import * as service from './meetings.service.js';
import * as minutes from './minutes.service.js';
import { routesFor } from '../../shared/route.js';

const tags = ['meetings'];
const secretariat = ['secretariat'] as const;
/** Writes a member or leader makes (conflicts, approvals, own actions); the service checks the group. */
const groupRoles = ['secretariat', 'steeringGroupMember'] as const;

/** The address part of "Name <address>". */

export function registerMeetingRoutes(app: App, { db, config, clock }: AppDeps) {
  const route = routesFor(app, tags);
  const ctx = () => ({
    today: clock.today(),
    now: clock.now(),
    publicUrl: config.publicUrl,
    organizerEmail: organizerEmailOf(config),
  });
  const detail = (request: Parameters<typeof requireUser>[0], meetingId: string) =>
    service.getMeeting(db, requireUser(request), meetingId, clock.today());

  route.post(
    '/api/steering-groups/:id/meeting-plans',
    {
      access: secretariat,
      summary: 'Propose the yearly meeting plan (møteplan)',
      params: idParams,
      body: meetingPlanInputSchema,
    },
    async (request, reply) => {
      const id = await plans.proposePlan(db, requireUser(request), request.params.id, request.body, ctx());
      return reply.status(201).send({ id });
    },
  );
  route.post(
    '/api/meeting-plans/:id/approve',
    {
      access: groupRoles,
      summary: "Record the group's approval of the plan (a numbered decision; leader or secretariat)",
      params: idParams,
    },
    async (request) => ({
      decisionNumber: await plans.approvePlan(db, requireUser(request), request.params.id, ctx()),
    }),
  );
  route.post(
    '/api/steering-groups/:id/meetings',
    {
      access: secretariat,
      summary: 'Add a meeting',
      params: idParams,
      body: meetingInputSchema,
      response: { 201: meetingDetailSchema },
    },
    async (request, reply) => {
      const id = await service.addMeeting(db, requireUser(request), request.params.id, request.body, ctx());
      return reply.status(201).send(await detail(request, id));
    },
  );
  route.get(
    '/api/meetings/:id',
    {
      access: 'authenticated',
      summary: 'A meeting with agenda, conflicts, minutes (and history) and actions',
      params: idParams,
      response: meetingDetailSchema,
    },
    (request) => detail(request, request.params.id),
  );
  route.patch(
    '/api/meetings/:id',
    {
      access: secretariat,
      summary: 'Move or change a meeting (same UID, SEQUENCE + 1)',
      params: idParams,
      body: moveMeetingSchema,
      response: meetingDetailSchema,
    },
    async (request) => {
      await service.moveMeeting(db, requireUser(request), request.params.id, request.body, ctx());
      return detail(request, request.params.id);
    },
  );
  route.post(
    '/api/meetings/:id/cancel',
    {
      access: secretariat,
      summary: 'Cancel a meeting (STATUS:CANCELLED; METHOD:CANCEL by e-mail)',
      params: idParams,
      body: cancelMeetingSchema,
      response: meetingDetailSchema,
    },
    async (request) => {
      await service.cancelMeeting(db, requireUser(request), request.params.id, request.body.reason, ctx());
      return detail(request, request.params.id);
    },
  );
  route.post(
    '/api/meetings/:id/agenda/from-cases',
    {
      access: secretariat,
      summary: "Fill the agenda with the group's open cases (and follow-up of decisions)",
      params: idParams,
      response: meetingDetailSchema,
    },
    async (request) => {
      await agenda.fillAgendaFromCases(db, requireUser(request), request.params.id, clock.today());
      return detail(request, request.params.id);
    },
  );
  route.post(
    '/api/meetings/:id/agenda',
    {
      access: secretariat,
      summary: 'Add an item to the agenda',
      params: idParams,
      body: agendaItemInputSchema,
      response: meetingDetailSchema,
    },
    async (request) => {
      await agenda.addAgendaItem(db, requireUser(request), request.params.id, request.body, clock.today());
      return detail(request, request.params.id);
    },
  );
  route.post(
    '/api/meetings/:id/invitation',
    {
      access: secretariat,
      summary: 'Send the invitation with the agenda now (otherwise it goes out N days before)',
      params: idParams,
      response: meetingDetailSchema,
    },
    async (request) => {
      await invitations.sendInvitation(db, requireUser(request), request.params.id, ctx());
      return detail(request, request.params.id);
    },
  );
  route.put(
    '/api/agenda-items/:id/conflict',
    {
      access: groupRoles,
      summary: 'Declare a conflict of interest (inhabilitet) on an agenda item',
      params: agendaItemParams,
      body: conflictInputSchema,
    },
    async (request, reply) => {
      await agenda.declareConflict(
        db,
        requireUser(request),
        request.params.id,
        request.body.reason,
        clock.today(),
      );
      return reply.status(204).send();
    },
  );
  route.delete(
    '/api/agenda-items/:id/conflict',
    { access: groupRoles, summary: 'Withdraw my conflict declaration', params: agendaItemParams },
    async (request, reply) => {
      await agenda.withdrawConflict(db, requireUser(request), request.params.id, clock.today());
      return reply.status(204).send();
    },
  );
  route.put(
    '/api/meetings/:id/minutes',
    {
      access: secretariat,
      summary: 'Record the minutes (a new version once approved)',
      params: idParams,
      body: minutesInputSchema,
      response: meetingDetailSchema,
    },
    async (request) => {
      await minutes.saveMinutes(db, requireUser(request), request.params.id, request.body, clock.today());
      return detail(request, request.params.id);
    },
  );
  route.post(
    '/api/meetings/:id/minutes/approve',
    {
      access: groupRoles,
      summary: 'Approve the minutes (leader or secretariat); locks the version',
      params: idParams,
      response: meetingDetailSchema,
    },
    async (request) => {
      await minutes.approveMinutes(db, requireUser(request), request.params.id, clock);
      return detail(request, request.params.id);
    },
  );
  route.post(
    '/api/steering-groups/:id/actions',
    {
      access: secretariat,
      summary: 'Create an action item (tiltak) from a decision',
      params: idParams,
      body: actionInputSchema,
    },
    async (request, reply) => {
      const id = await actions.createAction(
        db,
        requireUser(request),
        request.params.id,
        request.body,
        clock.today(),
      );
      return reply.status(201).send({ id });
    },
  );
  route.patch(
    '/api/actions/:id',
    {
      access: groupRoles,
      summary: 'Report progress on an action (owner) or change it (secretariat)',
      params: idParams,
      body: actionUpdateSchema,
    },
    async (request, reply) => {
      await actions.updateActionItem(
        db,
        requireUser(request),
        request.params.id,
        request.body,
        clock.today(),
      );
      return reply.status(204).send();
    },
  );
  route.get(
    '/api/actions/overdue',
    {
      access: secretariat,
      summary: 'Overdue actions across every group (forfalte tiltak)',
      response: z.array(actionSchema),
    },
    () => actions.listOverdueActions(db, clock.today()),
  );
  route.get(
    '/api/my/calendar-feeds',
    {
      access: 'authenticated',
      summary: 'My calendar links (without their secret)',
      response: z.array(feedSchema),
    },
    (request) => feeds.listFeeds(db, requireUser(request)),
  );
  route.post(
    '/api/my/calendar-feeds',
    {
      access: 'authenticated',
      summary: 'Make a secret .ics link for Outlook/Teams (shown once)',
      body: feedInputSchema,
      response: { 201: createdFeedSchema },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await feeds.createFeed(db, requireUser(request), request.body.steeringGroupId, ctx())),
  );
  route.delete(
    '/api/my/calendar-feeds/:id',
    { access: 'authenticated', summary: 'Revoke a calendar link', params: idParams },
    async (request, reply) => {
      await feeds.revokeFeed(db, requireUser(request), request.params.id);
      return reply.status(204).send();
    },
  );
  // Public by route, but answers 401 unless the URL carries a live secret token (stored hashed).
  route.get(
    '/api/calendar/:file',
    { access: 'public', summary: 'iCalendar feed behind a secret link (RFC 5545)', params: feedParams },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(await feeds.renderFeed(db, request.params.file, ctx())),
  );
}
