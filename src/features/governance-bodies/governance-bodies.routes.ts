// HTTP routes of the regional governance models (seed 000).
import { z } from 'zod';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { forbidden } from '../../shared/app-error.js';
import { routesFor } from '../../shared/route.js';
import { idParams } from '../../shared/schemas.js';
import { isSecretariat, organisationsForRole } from '../auth/index.js';
import { organisationsRepo } from '../organisations/index.js';
import {
  createProjectGroupSchema,
  regionalGovernanceSchema,
  submitBodyCaseSchema,
  submitBodyMatterSchema,
  modelSummarySchema,
  modelViewSchema,
  regionParams,
  updateModelSchema,
} from './governance-bodies.schemas.js';
import * as service from './governance-model.service.js';
import { createProjectGroup } from './project-group.service.js';
import { getRegionalGovernance } from './regional-governance.service.js';
import { submitBodyCase } from './submit-body-case.js';
import { submitBodyMatter } from './submit-body-matter.js';

export function registerGovernanceBodyRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, ['governance-models']);
  route.get(
    '/api/governance-models',
    {
      access: 'authenticated',
      summary: 'The regions with their own governance model',
      response: modelSummarySchema,
    },
    () => service.listModels(db),
  );
  route.get(
    '/api/governance-models/:regionCode',
    {
      access: 'authenticated',
      summary:
        "A region's model in force: bodies, members with their HF, mandates, escalation chain; history",
      params: regionParams,
      response: modelViewSchema,
    },
    (request) => service.getModelView(db, request.params.regionCode, clock.today()),
  );
  route.put(
    '/api/governance-models/:regionCode',
    {
      access: ['secretariat', 'rhfContact'],
      summary: 'Store a new version of the region model (checked, materialised into bodies, audited)',
      params: regionParams,
      body: updateModelSchema,
      response: z.object({ regionCode: z.string(), version: z.number().int() }),
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
  route.get(
    '/api/procurements/:id/regional-governance',
    {
      access: 'authenticated',
      summary:
        "The procurement under a region's own model: decision level, its project group, the deciding body's gates and cases; in a national procurement the regional board's recommendation and the region's representatives",
      params: idParams,
      response: regionalGovernanceSchema,
    },
    (request) => getRegionalGovernance(db, request.params.id, requireUser(request), clock.today()),
  );
  route.post(
    '/api/procurements/:id/body-cases',
    {
      access: ['secretariat', 'procurementLead', 'steeringGroupMember'],
      summary: "Submit a case to a regional body (a regional gate, or a matter within the body's mandate)",
      params: idParams,
      body: submitBodyCaseSchema,
      response: { 201: z.object({ id: z.string() }) },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await submitBodyCase(db, requireUser(request), request.params.id, request.body, clock.today())),
  );
  route.post(
    '/api/governance-bodies/:id/cases',
    {
      access: ['secretariat', 'procurementLead', 'steeringGroupMember'],
      summary:
        "Submit a matter that is no procurement to a regional body (a decision type of its mandate); the body's secretariat or leader",
      params: idParams,
      body: submitBodyMatterSchema,
      response: { 201: z.object({ id: z.string() }) },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await submitBodyMatter(db, requireUser(request), request.params.id, request.body, clock.today()),
        ),
  );
  route.post(
    '/api/procurements/:id/project-group',
    {
      access: ['secretariat', 'procurementLead'],
      summary:
        "Set up a regional procurement's own Prosjektgruppe (led by Sykehusinnkjøp, every affected HF unless exempted); its composition then goes to the board",
      params: idParams,
      body: createProjectGroupSchema,
      response: { 201: z.object({ id: z.string(), code: z.string(), name: z.string() }) },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createProjectGroup(db, requireUser(request), request.params.id, request.body, clock.today()),
        ),
  );
}
