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
import { routesFor } from '../../shared/route.js';

const tags = ['procurements'];
const deps: service.ProcurementDeps = { statusBlocker: procurementStatusBlocker };

export function registerProcurementRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, tags);
  route.get(
    '/api/procurements',
    {
      access: 'authenticated',
      summary:
        'Procurements, each routed to its steering group; filter by group, category, status, text; sorted and paged (limit/offset, total)',
      querystring: procurementPageQuery,
      response: procurementPageSchema,
    },
    (request) => service.listProcurementPage(db, request.query),
  );
  // The procurement with its place in the governance model (level, group, risk, significance, gates).
  const detailSchema = procurementSchema.extend(governanceViewSchema.omit({ level: true }).shape);
  route.get(
    '/api/procurements/:id',
    { access: 'authenticated', params: idParams, response: { 200: detailSchema, 404: problemSchema } },
    (request) => getProcurementWithGovernance(db, request.params.id, requireUser(request), clock.today()),
  );
  route.post(
    '/api/procurements',
    {
      access: writeRoles.procurementsCreate,
      body: createProcurementSchema,
      response: { 201: procurementSchema, 400: problemSchema, 409: problemSchema },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createProcurement(db, requireUser(request), request.body, deps)),
  );
  route.patch(
    '/api/procurements/:id',
    {
      access: writeRoles.procurementsEdit,
      summary: 'Change a procurement (secretariat, or its own procurement lead)',
      params: idParams,
      body: updateProcurementSchema,
      response: { 200: procurementSchema, 400: problemSchema, 409: problemSchema },
    },
    (request) => service.updateProcurement(db, requireUser(request), request.params.id, request.body, deps),
  );
}
