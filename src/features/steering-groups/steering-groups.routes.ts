import { z } from 'zod';
import { idParams } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { writeRoles } from '../auth/index.js';
import { membershipHabilitet } from '../governance/index.js';
import {
  createMembershipSchema,
  createSteeringGroupSchema,
  memberSchema,
  membershipParams,
  steeringGroupSchema,
  updateMembershipSchema,
  updateSteeringGroupSchema,
} from './steering-groups.schemas.js';
import * as service from './steering-groups.service.js';

const tags = ['steering-groups'];

export function registerSteeringGroupRoutes(app: App, { db, clock }: AppDeps) {
  app.get(
    '/api/steering-groups',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Steering groups with coverage, members and composition checks (seed 001 §7.5)',
        response: { 200: z.array(steeringGroupSchema) },
      },
    },
    () => service.listSteeringGroups(db, clock.today(), membershipHabilitet),
  );
  app.get(
    '/api/steering-groups/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, response: { 200: steeringGroupSchema } },
    },
    (request) => service.getSteeringGroup(db, request.params.id, clock.today(), membershipHabilitet),
  );
  app.post(
    '/api/steering-groups',
    {
      config: { access: writeRoles.referenceData },
      schema: { tags, body: createSteeringGroupSchema, response: { 201: steeringGroupSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createSteeringGroup(
            db,
            requireUser(request),
            request.body,
            clock.today(),
            membershipHabilitet,
          ),
        ),
  );
  app.patch(
    '/api/steering-groups/:id',
    {
      config: { access: writeRoles.referenceData },
      schema: {
        tags,
        params: idParams,
        body: updateSteeringGroupSchema,
        response: { 200: steeringGroupSchema },
      },
    },
    (request) =>
      service.updateSteeringGroup(
        db,
        requireUser(request),
        request.params.id,
        request.body,
        clock.today(),
        membershipHabilitet,
      ),
  );
  app.get(
    '/api/steering-groups/:id/members',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Members, including ended ones (isActive false)',
        params: idParams,
        response: { 200: z.array(memberSchema) },
      },
    },
    (request) => service.listMembers(db, request.params.id, clock.today(), membershipHabilitet),
  );
  app.post(
    '/api/steering-groups/:id/members',
    {
      config: { access: writeRoles.memberships },
      schema: {
        tags,
        summary: 'Appoint a member (secretariat, or the RHF contact of the RHF represented)',
        params: idParams,
        body: createMembershipSchema,
        response: { 201: memberSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addMember(db, requireUser(request), request.params.id, request.body, clock.today()),
        ),
  );
  app.patch(
    '/api/steering-groups/:id/members/:membershipId',
    {
      config: { access: writeRoles.memberships },
      schema: {
        tags,
        params: membershipParams,
        body: updateMembershipSchema,
        response: { 200: memberSchema },
      },
    },
    (request) =>
      service.updateMember(
        db,
        requireUser(request),
        request.params.id,
        request.params.membershipId,
        request.body,
        clock.today(),
        membershipHabilitet,
      ),
  );
  app.delete(
    '/api/steering-groups/:id/members/:membershipId',
    {
      config: { access: writeRoles.memberships },
      schema: {
        tags,
        summary: 'End a membership as of today (kept in the history)',
        params: membershipParams,
      },
    },
    async (request, reply) => {
      await service.endMember(
        db,
        requireUser(request),
        request.params.id,
        request.params.membershipId,
        clock.today(),
      );
      return reply.status(204).send();
    },
  );
}
