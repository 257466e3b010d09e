// HTTP routes of the regional governance models (seed 000).
import { z } from 'zod';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { forbidden } from '../../shared/app-error.js';
import { isSecretariat, organisationsForRole } from '../auth/index.js';
import { organisationsRepo } from '../organisations/index.js';
import { idParams } from '../../shared/schemas.js';
import {
  regionalGovernanceSchema,
  submitBodyCaseSchema,
  modelSummarySchema,
  modelViewSchema,
  regionParams,
  updateModelSchema,
} from './governance-bodies.schemas.js';
import * as service from './governance-model.service.js';
import { getRegionalGovernance } from './regional-governance.service.js';
import { submitBodyCase } from './submit-body-case.js';

const tags = ['governance-models'];

export function registerGovernanceBodyRoutes(app: App, { db, clock }: AppDeps) {
  app.get(
    '/api/governance-models',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The regions with their own governance model',
        response: { 200: modelSummarySchema },
      },
    },
    () => service.listModels(db),
  );
  app.get(
    '/api/governance-models/:regionCode',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          "A region's model in force: bodies, members with their HF, mandates, escalation chain; history",
        params: regionParams,
        response: { 200: modelViewSchema },
      },
    },
    (request) => service.getModelView(db, request.params.regionCode, clock.today()),
  );
  app.put(
    '/api/governance-models/:regionCode',
    {
      config: { access: ['secretariat', 'rhfContact'] },
      schema: {
        tags,
        summary: 'Store a new version of the region model (checked, materialised into bodies, audited)',
        params: regionParams,
        body: updateModelSchema,
        response: { 200: z.object({ regionCode: z.string(), version: z.number().int() }) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      // The region's RHF owns its model; the portfolio secretariat may edit every region's.
      const region = await organisationsRepo.findOrganisationByCode(
        db,
        request.params.regionCode.toUpperCase(),
      );
      if (!isSecretariat(user) && !(region && organisationsForRole(user, 'rhfContact').includes(region.id)))
        throw forbidden(
          'Bare porteføljesekretariatet og regionens kontaktperson kan endre styringsmodellen.',
        );
      return service.updateModel(db, user, request.params.regionCode, request.body);
    },
  );
  app.get(
    '/api/procurements/:id/regional-governance',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          "The procurement under a region's own model: decision level, the deciding body's gates and cases; in a national procurement the regional board's recommendation and the region's representatives",
        params: idParams,
        response: { 200: regionalGovernanceSchema },
      },
    },
    (request) => getRegionalGovernance(db, request.params.id, requireUser(request), clock.today()),
  );
  app.post(
    '/api/procurements/:id/body-cases',
    {
      config: { access: ['secretariat', 'procurementLead', 'steeringGroupMember'] },
      schema: {
        tags,
        summary: "Submit a case to a regional body (a regional gate, or a matter within the body's mandate)",
        params: idParams,
        body: submitBodyCaseSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await submitBodyCase(db, requireUser(request), request.params.id, request.body, clock.today())),
  );
}
