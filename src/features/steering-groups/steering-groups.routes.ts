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
import { routesFor } from '../../shared/route.js';

const tags = ['steering-groups'];

export function registerSteeringGroupRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, tags);
  route.get(
    '/api/steering-groups',
    {
      access: 'authenticated',
      summary: 'Steering groups with coverage, members and composition checks (seed 001 §7.5)',
      response: z.array(steeringGroupSchema),
    },
    () => service.listSteeringGroups(db, clock.today(), membershipHabilitet),
  );
  route.get(
    '/api/steering-groups/:id',
    { access: 'authenticated', params: idParams, response: steeringGroupSchema },
    (request) => service.getSteeringGroup(db, request.params.id, clock.today(), membershipHabilitet),
  );
  route.post(
    '/api/steering-groups',
    {
      access: writeRoles.referenceData,
      body: createSteeringGroupSchema,
      response: { 201: steeringGroupSchema },
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
  route.patch(
    '/api/steering-groups/:id',
    {
      access: writeRoles.referenceData,
      params: idParams,
      body: updateSteeringGroupSchema,
      response: steeringGroupSchema,
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
  route.get(
    '/api/steering-groups/:id/members',
    {
      access: 'authenticated',
      summary: 'Members, including ended ones (isActive false)',
      params: idParams,
      response: z.array(memberSchema),
    },
    (request) => service.listMembers(db, request.params.id, clock.today(), membershipHabilitet),
  );
  route.post(
    '/api/steering-groups/:id/members',
    {
      access: writeRoles.memberships,
      summary: 'Appoint a member (secretariat, or the RHF contact of the RHF represented)',
      params: idParams,
      body: createMembershipSchema,
      response: { 201: memberSchema },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addMember(db, requireUser(request), request.params.id, request.body, clock.today()),
        ),
  );
  route.patch(
    '/api/steering-groups/:id/members/:membershipId',
    {
      access: writeRoles.memberships,
      params: membershipParams,
      body: updateMembershipSchema,
      response: memberSchema,
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
  route.delete(
    '/api/steering-groups/:id/members/:membershipId',
    {
      access: writeRoles.memberships,
      summary: 'End a membership as of today (kept in the history)',
      params: membershipParams,
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
