import { z } from 'zod';
import { idParams, pageOf, pageQuery, problemSchema } from '../../shared/schemas.js';
import { requireUser, sendFileDownload, type App, type AppDeps } from '../../shared/http.js';
import { writeRoles } from '../auth/index.js';
import * as cases from './cases/index.js';
import * as config from './governance-config.service.js';
import {
  caseDocumentParams,
  caseSchema,
  caseSummarySchema,
  castVoteSchema,
  configKeySchema,
  configViewSchema,
  consultationSchema,
  decisionRegisterSchema,
  documentInputSchema,
  escalateFurtherSchema,
  escalateSchema,
  faggruppeSchema,
  governanceViewSchema,
  initialSignificanceSchema,
  outsideMandateSchema,
  passGateParams,
  passGateSchema,
  resolutionSchema,
  rhfAnswerSchema,
  riskInputSchema,
  submitCaseSchema,
  updateConfigSchema,
} from './governance.schemas.js';
import * as governance from './procurement-governance.service.js';
import { registerHabilitetRoutes } from './habilitet/habilitet.routes.js';
import { routesFor } from '../../shared/route.js';

const tags = ['governance'];
const DOCUMENT_BODY_LIMIT = 15 * 1024 * 1024;
const memberRoles = ['steeringGroupMember', 'secretariat'] as const;
/** Also a body's members: the leader of an escalation target (seed 000: Direktørmøte) answers and settles. */
const escalationAnswerRoles = ['rhfContact', 'secretariat', 'steeringGroupMember'] as const;

export function registerGovernanceRoutes(app: App, deps: AppDeps) {
  const route = routesFor(app, tags);
  const { db, clock } = deps;
  registerHabilitetRoutes(app, deps);
  const view = (procurementId: string, user: ReturnType<typeof requireUser>) =>
    governance.getGovernanceView(db, procurementId, user, clock.today());

  route.get(
    '/api/procurements/:id/governance',
    {
      access: 'authenticated',
      summary: 'Level, steering group, risk, significance with reasons, gates, cases, next actions',
      params: idParams,
      response: governanceViewSchema,
    },
    (request) => view(request.params.id, requireUser(request)),
  );
  route.put(
    '/api/procurements/:id/risk',
    {
      access: writeRoles.procurementsEdit,
      summary:
        'Risk assessment: {scores: {<parameter>: 1..5}} for all 15 parameters, or {profile} from your own tool',
      params: idParams,
      body: riskInputSchema,
      response: governanceViewSchema,
    },
    async (request) => {
      await governance.setRisk(db, requireUser(request), request.params.id, request.body);
      return view(request.params.id, requireUser(request));
    },
  );
  route.put(
    '/api/procurements/:id/significance/initial',
    {
      access: writeRoles.procurementsEdit,
      summary: "Sykehusinnkjøp's initial significance (annual plan)",
      params: idParams,
      body: initialSignificanceSchema,
      response: governanceViewSchema,
    },
    async (request) => {
      await governance.setInitialSignificance(db, requireUser(request), request.params.id, request.body);
      return view(request.params.id, requireUser(request));
    },
  );
  route.put(
    '/api/procurements/:id/faggruppe',
    {
      access: writeRoles.procurementsEdit,
      summary: 'The faggruppe (its members may not decide the procurement in the group)',
      params: idParams,
      body: faggruppeSchema,
      response: governanceViewSchema,
    },
    async (request) => {
      await governance.setFaggruppe(db, requireUser(request), request.params.id, request.body.personIds);
      return view(request.params.id, requireUser(request));
    },
  );
  route.post(
    '/api/procurements/:id/gates/:gate/pass',
    {
      access: writeRoles.procurementsEdit,
      summary:
        'Move past a gate (needs its decision, delegation or consultation; informed gates notify the group)',
      params: passGateParams,
      body: passGateSchema,
      response: { 200: governanceViewSchema, 409: problemSchema },
    },
    (request) =>
      governance.passGate(
        db,
        requireUser(request),
        request.params.id,
        request.params.gate,
        request.body?.note ?? null,
        clock.today(),
      ),
  );
  route.post(
    '/api/procurements/:id/cases',
    {
      access: writeRoles.procurementsEdit,
      summary: 'Submit a case (sak) at a gate, with text and documents (base64)',
      params: idParams,
      body: submitCaseSchema,
      response: { 201: caseSchema, 400: problemSchema, 409: problemSchema },
      bodyLimit: DOCUMENT_BODY_LIMIT,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await cases.submitCase(db, requireUser(request), request.params.id, request.body, clock.today()),
        ),
  );
  route.get(
    '/api/cases/:id',
    {
      access: 'authenticated',
      summary: 'A case with its electorate, votes, tally, documents and escalation',
      params: idParams,
      response: caseSchema,
    },
    (request) => cases.getCase(db, requireUser(request), request.params.id, clock.today()),
  );
  route.post(
    '/api/cases/:id/votes',
    {
      access: ['steeringGroupMember'],
      summary: 'Vote as an eligible member: approve, object (with reason) or conflict (inhabil)',
      params: idParams,
      body: castVoteSchema,
      response: { 200: caseSchema, 403: problemSchema, 409: problemSchema },
    },
    (request) => cases.castVote(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  route.post(
    '/api/cases/:id/outside-mandate',
    {
      access: memberRoles,
      summary: 'Mark a case as outside the mandate (group leader or secretariat)',
      params: idParams,
      body: outsideMandateSchema,
      response: caseSchema,
    },
    (request) =>
      cases.markOutsideMandate(
        db,
        requireUser(request),
        request.params.id,
        request.body.reason,
        clock.today(),
      ),
  );
  route.post(
    '/api/cases/:id/escalation',
    {
      access: memberRoles,
      summary: 'Escalate with one joint brief and a recommendation to the RHFs concerned',
      params: idParams,
      body: escalateSchema,
      response: caseSchema,
    },
    (request) => cases.escalateCase(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  route.post(
    '/api/cases/:id/escalation/further',
    {
      access: escalationAnswerRoles,
      summary:
        'The body a case was escalated to takes it on to its own escalation target with a new joint brief (seed 000: Anskaffelsesstyre → Strategisk innkjøpsforum → Direktørmøte)',
      params: idParams,
      body: escalateFurtherSchema,
      response: caseSchema,
    },
    (request) =>
      cases.escalateFurther(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  route.post(
    '/api/cases/:id/rhf-answers',
    {
      access: escalationAnswerRoles,
      summary: "Record an RHF's answer to an escalated case",
      params: idParams,
      body: rhfAnswerSchema,
      response: caseSchema,
    },
    (request) => cases.answerForRhf(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  route.post(
    '/api/cases/:id/resolution',
    {
      access: escalationAnswerRoles,
      summary: 'The RHFs settle an escalated case; members are told and an approval is carried out',
      params: idParams,
      body: resolutionSchema,
      response: caseSchema,
    },
    (request) => cases.resolveCase(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  route.post(
    '/api/cases/:id/consultation',
    {
      access: ['steeringGroupMember', 'secretariat', 'procurementLead'],
      summary: 'Record the outcome of a consultation',
      params: idParams,
      body: consultationSchema,
      response: caseSchema,
    },
    (request) =>
      cases.recordConsultation(
        db,
        requireUser(request),
        request.params.id,
        request.body.summary,
        clock.today(),
      ),
  );
  route.post(
    '/api/cases/:id/documents',
    {
      access: writeRoles.procurementsEdit,
      summary: 'Attach a document (base64; PDF, Office, images; ≤ 10 MB)',
      params: idParams,
      body: documentInputSchema,
      response: caseSchema,
      bodyLimit: DOCUMENT_BODY_LIMIT,
    },
    (request) => cases.addDocument(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  route.get(
    '/api/cases/:id/documents/:documentId',
    {
      access: 'authenticated',
      summary: 'Download a case document (restricted ones: not for conflicted members or outsiders)',
      params: caseDocumentParams,
    },
    async (request, reply) => {
      const document = await cases.readDocument(
        db,
        requireUser(request),
        request.params.id,
        request.params.documentId,
        clock.today(),
      );
      return sendFileDownload(reply, document);
    },
  );
  route.get(
    '/api/my/cases',
    {
      access: 'authenticated',
      summary: 'Open cases waiting for my vote',
      response: z.array(caseSummarySchema),
    },
    (request) => cases.listMyCases(db, requireUser(request), clock.today()),
  );
  route.get(
    '/api/steering-groups/:id/decisions',
    {
      access: 'authenticated',
      summary: 'Decision register (vedtaksprotokoll), numbered per group and year; paged',
      params: idParams,
      querystring: z.object(pageQuery),
      response: pageOf(decisionRegisterSchema.element),
    },
    (request) => cases.decisionRegister(db, request.params.id, request.query),
  );
  route.get(
    '/api/governance/config',
    {
      access: 'authenticated',
      summary: 'Involvement matrix, risk rule and significance rule in force, with history',
      response: configViewSchema,
    },
    () => config.getConfigView(db),
  );
  route.put(
    '/api/governance/config/:key',
    {
      access: writeRoles.referenceData,
      summary: 'Store a new version of a rule (secretariat)',
      params: z.object({ key: configKeySchema }),
      body: updateConfigSchema,
      response: { 200: z.object({ key: configKeySchema, version: z.number().int() }) },
    },
    (request) => config.updateConfig(db, requireUser(request), request.params.key, request.body),
  );
}
