import { idParams, problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { writeRoles } from '../auth/index.js';
import {
  createProcurementSchema,
  procurementPageQuery,
  procurementPageSchema,
  procurementSchema,
  updateProcurementSchema,
} from './procurements.schemas.js';
import * as service from './procurements.service.js';
import { governanceViewSchema } from '../governance/index.js';
import { getProcurementWithGovernance, procurementStatusBlocker } from '../governance/index.js';

const tags = ['procurements'];
const deps: service.ProcurementDeps = { statusBlocker: procurementStatusBlocker };

export function registerProcurementRoutes(app: App, { db, clock }: AppDeps) {
  app.get(
    '/api/procurements',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Procurements, each routed to its steering group; filter by group, category, status, text; sorted and paged (limit/offset, total)',
        querystring: procurementPageQuery,
        response: { 200: procurementPageSchema },
      },
    },
    (request) => service.listProcurementPage(db, request.query),
  );
  // The procurement with its place in the governance model (level, group, risk, significance, gates).
  const detailSchema = procurementSchema.extend(governanceViewSchema.omit({ level: true }).shape);
  app.get(
    '/api/procurements/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, response: { 200: detailSchema, 404: problemSchema } },
    },
    (request) => getProcurementWithGovernance(db, request.params.id, requireUser(request), clock.today()),
  );
  app.post(
    '/api/procurements',
    {
      config: { access: writeRoles.procurementsCreate },
      schema: {
        tags,
        body: createProcurementSchema,
        response: { 201: procurementSchema, 400: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createProcurement(db, requireUser(request), request.body, deps)),
  );
  app.patch(
    '/api/procurements/:id',
    {
      config: { access: writeRoles.procurementsEdit },
      schema: {
        tags,
        summary: 'Change a procurement (secretariat, or its own procurement lead)',
        params: idParams,
        body: updateProcurementSchema,
        response: { 200: procurementSchema, 400: problemSchema, 409: problemSchema },
      },
    },
    (request) => service.updateProcurement(db, requireUser(request), request.params.id, request.body, deps),
  );
}
