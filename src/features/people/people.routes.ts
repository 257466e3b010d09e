import { z } from 'zod';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { writeRoles } from '../auth/index.js';
import { createPersonSchema, createUserSchema, personSchema } from './people.schemas.js';
import * as service from './people.service.js';
import { routesFor } from '../../shared/route.js';

const tags = ['people'];

export function registerPeopleRoutes(app: App, { db }: AppDeps) {
  const route = routesFor(app, tags);
  route.get(
    '/api/people',
    {
      access: writeRoles.peopleRead,
      summary: 'People (contact details: secretariat, RHF contacts and procurement leads)',
      response: z.array(personSchema),
    },
    () => service.listPeople(db),
  );
  route.post(
    '/api/people',
    { access: writeRoles.memberships, body: createPersonSchema, response: { 201: personSchema } },
    async (request, reply) =>
      reply.status(201).send(await service.createPerson(db, requireUser(request), request.body)),
  );
  route.post(
    '/api/users',
    {
      access: writeRoles.usersAdmin,
      summary: 'Create a login for a person, with roles',
      body: createUserSchema,
      response: { 201: personSchema },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createUser(db, requireUser(request), request.body)),
  );
}
