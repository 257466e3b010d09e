import { z } from 'zod';
import { idParams } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { writeRoles } from '../auth/index.js';
import {
  createOrganisationSchema,
  organisationSchema,
  updateOrganisationSchema,
} from './organisations.schemas.js';
import * as service from './organisations.service.js';

const tags = ['organisations'];

export function registerOrganisationRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/organisations',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'RHFs, HFs, Sykehusinnkjøp and its divisions, jointly owned trusts',
        response: { 200: z.array(organisationSchema) },
      },
    },
    () => service.listOrganisations(db),
  );
  app.post(
    '/api/organisations',
    {
      config: { access: writeRoles.referenceData },
      schema: { tags, body: createOrganisationSchema, response: { 201: organisationSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createOrganisation(db, requireUser(request), request.body)),
  );
  app.patch(
    '/api/organisations/:id',
    {
      config: { access: writeRoles.referenceData },
      schema: {
        tags,
        params: idParams,
        body: updateOrganisationSchema,
        response: { 200: organisationSchema },
      },
    },
    (request) => service.updateOrganisation(db, requireUser(request), request.params.id, request.body),
  );
}
