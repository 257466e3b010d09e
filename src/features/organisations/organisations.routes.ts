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
import { routesFor } from '../../shared/route.js';

const tags = ['organisations'];

export function registerOrganisationRoutes(app: App, { db }: AppDeps) {
  const route = routesFor(app, tags);
  route.get(
    '/api/organisations',
    {
      access: 'authenticated',
      summary: 'RHFs, HFs, Sykehusinnkjøp and its divisions, jointly owned trusts',
      response: z.array(organisationSchema),
    },
    () => service.listOrganisations(db),
  );
  route.post(
    '/api/organisations',
    {
      access: writeRoles.referenceData,
      body: createOrganisationSchema,
      response: { 201: organisationSchema },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createOrganisation(db, requireUser(request), request.body)),
  );
  route.patch(
    '/api/organisations/:id',
    {
      access: writeRoles.referenceData,
      params: idParams,
      body: updateOrganisationSchema,
      response: organisationSchema,
    },
    (request) => service.updateOrganisation(db, requireUser(request), request.params.id, request.body),
  );
}
