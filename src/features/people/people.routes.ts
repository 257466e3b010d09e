import { z } from 'zod';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { writeRoles } from '../auth/index.js';
import { createPersonSchema, createUserSchema, personSchema } from './people.schemas.js';
import * as service from './people.service.js';

const tags = ['people'];

export function registerPeopleRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/people',
    {
      config: { access: writeRoles.peopleRead },
      schema: {
        tags,
        summary: 'People (contact details: secretariat, RHF contacts and procurement leads)',
        response: { 200: z.array(personSchema) },
      },
    },
    () => service.listPeople(db),
  );
  app.post(
    '/api/people',
    {
      config: { access: writeRoles.memberships },
      schema: { tags, body: createPersonSchema, response: { 201: personSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createPerson(db, requireUser(request), request.body)),
  );
  app.post(
    '/api/users',
    {
      config: { access: writeRoles.usersAdmin },
      schema: {
        tags,
        summary: 'Create a login for a person, with roles',
        body: createUserSchema,
        response: { 201: personSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createUser(db, requireUser(request), request.body)),
  );
}
