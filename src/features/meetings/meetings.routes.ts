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

const tags = ['meetings'];
const secretariat = ['secretariat'] as const;
/** Writes a member or leader makes (conflicts, approvals, own actions); the service checks the group. */
const groupRoles = ['secretariat', 'steeringGroupMember'] as const;

/** The address part of "Name <address>". */

export function registerMeetingRoutes(app: App, { db, config, clock }: AppDeps) {
  const ctx = () => ({
    today: clock.today(),
    now: clock.now(),
    publicUrl: config.publicUrl,
    organizerEmail: organizerEmailOf(config),
  });
  const detail = (request: Parameters<typeof requireUser>[0], meetingId: string) =>
    service.getMeeting(db, requireUser(request), meetingId, clock.today());

  app.post(
    '/api/steering-groups/:id/meeting-plans',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Propose the yearly meeting plan (møteplan)',
        params: idParams,
        body: meetingPlanInputSchema,
      },
    },
    async (request, reply) => {
      const id = await plans.proposePlan(db, requireUser(request), request.params.id, request.body, ctx());
      return reply.status(201).send({ id });
    },
  );
  app.post(
    '/api/meeting-plans/:id/approve',
    {
      config: { access: groupRoles },
      schema: {
        tags,
        summary: "Record the group's approval of the plan (a numbered decision; leader or secretariat)",
        params: idParams,
      },
    },
    async (request) => ({
      decisionNumber: await plans.approvePlan(db, requireUser(request), request.params.id, ctx()),
    }),
  );
  app.post(
    '/api/steering-groups/:id/meetings',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Add a meeting',
        params: idParams,
        body: meetingInputSchema,
        response: { 201: meetingDetailSchema },
      },
    },
    async (request, reply) => {
      const id = await service.addMeeting(db, requireUser(request), request.params.id, request.body, ctx());
      return reply.status(201).send(await detail(request, id));
    },
  );
  app.get(
    '/api/meetings/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'A meeting with agenda, conflicts, minutes (and history) and actions',
        params: idParams,
        response: { 200: meetingDetailSchema },
      },
    },
    (request) => detail(request, request.params.id),
  );
  app.patch(
    '/api/meetings/:id',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Move or change a meeting (same UID, SEQUENCE + 1)',
        params: idParams,
        body: moveMeetingSchema,
        response: { 200: meetingDetailSchema },
      },
    },
    async (request) => {
      await service.moveMeeting(db, requireUser(request), request.params.id, request.body, ctx());
      return detail(request, request.params.id);
    },
  );
  app.post(
    '/api/meetings/:id/cancel',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Cancel a meeting (STATUS:CANCELLED; METHOD:CANCEL by e-mail)',
        params: idParams,
        body: cancelMeetingSchema,
        response: { 200: meetingDetailSchema },
      },
    },
    async (request) => {
      await service.cancelMeeting(db, requireUser(request), request.params.id, request.body.reason, ctx());
      return detail(request, request.params.id);
    },
  );
  app.post(
    '/api/meetings/:id/agenda/from-cases',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: "Fill the agenda with the group's open cases (and follow-up of decisions)",
        params: idParams,
        response: { 200: meetingDetailSchema },
      },
    },
    async (request) => {
      await agenda.fillAgendaFromCases(db, requireUser(request), request.params.id, clock.today());
      return detail(request, request.params.id);
    },
  );
  app.post(
    '/api/meetings/:id/agenda',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Add an item to the agenda',
        params: idParams,
        body: agendaItemInputSchema,
        response: { 200: meetingDetailSchema },
      },
    },
    async (request) => {
      await agenda.addAgendaItem(db, requireUser(request), request.params.id, request.body, clock.today());
      return detail(request, request.params.id);
    },
  );
  app.post(
    '/api/meetings/:id/invitation',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Send the invitation with the agenda now (otherwise it goes out N days before)',
        params: idParams,
        response: { 200: meetingDetailSchema },
      },
    },
    async (request) => {
      await invitations.sendInvitation(db, requireUser(request), request.params.id, ctx());
      return detail(request, request.params.id);
    },
  );
  app.put(
    '/api/agenda-items/:id/conflict',
    {
      config: { access: groupRoles },
      schema: {
        tags,
        summary: 'Declare a conflict of interest (inhabilitet) on an agenda item',
        params: agendaItemParams,
        body: conflictInputSchema,
      },
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
  app.delete(
    '/api/agenda-items/:id/conflict',
    {
      config: { access: groupRoles },
      schema: { tags, summary: 'Withdraw my conflict declaration', params: agendaItemParams },
    },
    async (request, reply) => {
      await agenda.withdrawConflict(db, requireUser(request), request.params.id, clock.today());
      return reply.status(204).send();
    },
  );
  app.put(
    '/api/meetings/:id/minutes',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Record the minutes (a new version once approved)',
        params: idParams,
        body: minutesInputSchema,
        response: { 200: meetingDetailSchema },
      },
    },
    async (request) => {
      await minutes.saveMinutes(db, requireUser(request), request.params.id, request.body, clock.today());
      return detail(request, request.params.id);
    },
  );
  app.post(
    '/api/meetings/:id/minutes/approve',
    {
      config: { access: groupRoles },
      schema: {
        tags,
        summary: 'Approve the minutes (leader or secretariat); locks the version',
        params: idParams,
        response: { 200: meetingDetailSchema },
      },
    },
    async (request) => {
      await minutes.approveMinutes(db, requireUser(request), request.params.id, clock);
      return detail(request, request.params.id);
    },
  );
  app.post(
    '/api/steering-groups/:id/actions',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Create an action item (tiltak) from a decision',
        params: idParams,
        body: actionInputSchema,
      },
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
  app.patch(
    '/api/actions/:id',
    {
      config: { access: groupRoles },
      schema: {
        tags,
        summary: 'Report progress on an action (owner) or change it (secretariat)',
        params: idParams,
        body: actionUpdateSchema,
      },
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
  app.get(
    '/api/actions/overdue',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Overdue actions across every group (forfalte tiltak)',
        response: { 200: z.array(actionSchema) },
      },
    },
    () => actions.listOverdueActions(db, clock.today()),
  );
  app.get(
    '/api/my/calendar-feeds',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My calendar links (without their secret)',
        response: { 200: z.array(feedSchema) },
      },
    },
    (request) => feeds.listFeeds(db, requireUser(request)),
  );
  app.post(
    '/api/my/calendar-feeds',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Make a secret .ics link for Outlook/Teams (shown once)',
        body: feedInputSchema,
        response: { 201: createdFeedSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await feeds.createFeed(db, requireUser(request), request.body.steeringGroupId, ctx())),
  );
  app.delete(
    '/api/my/calendar-feeds/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Revoke a calendar link', params: idParams },
    },
    async (request, reply) => {
      await feeds.revokeFeed(db, requireUser(request), request.params.id);
      return reply.status(204).send();
    },
  );
  // Public by route, but answers 401 unless the URL carries a live secret token (stored hashed).
  app.get(
    '/api/calendar/:file',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'iCalendar feed behind a secret link (RFC 5545)', params: feedParams },
    },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(await feeds.renderFeed(db, request.params.file, ctx())),
  );
}
