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

const tags = ['governance'];
const DOCUMENT_BODY_LIMIT = 15 * 1024 * 1024;
const memberRoles = ['steeringGroupMember', 'secretariat'] as const;
/** Also a body's members: the leader of an escalation target (seed 000: Direktørmøte) answers and settles. */
const escalationAnswerRoles = ['rhfContact', 'secretariat', 'steeringGroupMember'] as const;

export function registerGovernanceRoutes(app: App, deps: AppDeps) {
  const { db, clock } = deps;
  registerHabilitetRoutes(app, deps);
  const view = (procurementId: string, user: ReturnType<typeof requireUser>) =>
    governance.getGovernanceView(db, procurementId, user, clock.today());

  app.get(
    '/api/procurements/:id/governance',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Level, steering group, risk, significance with reasons, gates, cases, next actions',
        params: idParams,
        response: { 200: governanceViewSchema },
      },
    },
    (request) => view(request.params.id, requireUser(request)),
  );
  app.put(
    '/api/procurements/:id/risk',
    {
      config: { access: writeRoles.procurementsEdit },
      schema: {
        tags,
        summary:
          'Risk assessment: {scores: {<parameter>: 1..5}} for all 15 parameters, or {profile} from your own tool',
        params: idParams,
        body: riskInputSchema,
        response: { 200: governanceViewSchema },
      },
    },
    async (request) => {
      await governance.setRisk(db, requireUser(request), request.params.id, request.body);
      return view(request.params.id, requireUser(request));
    },
  );
  app.put(
    '/api/procurements/:id/significance/initial',
    {
      config: { access: writeRoles.procurementsEdit },
      schema: {
        tags,
        summary: "Sykehusinnkjøp's initial significance (annual plan)",
        params: idParams,
        body: initialSignificanceSchema,
        response: { 200: governanceViewSchema },
      },
    },
    async (request) => {
      await governance.setInitialSignificance(db, requireUser(request), request.params.id, request.body);
      return view(request.params.id, requireUser(request));
    },
  );
  app.put(
    '/api/procurements/:id/faggruppe',
    {
      config: { access: writeRoles.procurementsEdit },
      schema: {
        tags,
        summary: 'The faggruppe (its members may not decide the procurement in the group)',
        params: idParams,
        body: faggruppeSchema,
        response: { 200: governanceViewSchema },
      },
    },
    async (request) => {
      await governance.setFaggruppe(db, requireUser(request), request.params.id, request.body.personIds);
      return view(request.params.id, requireUser(request));
    },
  );
  app.post(
    '/api/procurements/:id/gates/:gate/pass',
    {
      config: { access: writeRoles.procurementsEdit },
      schema: {
        tags,
        summary:
          'Move past a gate (needs its decision, delegation or consultation; informed gates notify the group)',
        params: passGateParams,
        body: passGateSchema,
        response: { 200: governanceViewSchema, 409: problemSchema },
      },
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
  app.post(
    '/api/procurements/:id/cases',
    {
      config: { access: writeRoles.procurementsEdit },
      bodyLimit: DOCUMENT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Submit a case (sak) at a gate, with text and documents (base64)',
        params: idParams,
        body: submitCaseSchema,
        response: { 201: caseSchema, 400: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await cases.submitCase(db, requireUser(request), request.params.id, request.body, clock.today()),
        ),
  );
  app.get(
    '/api/cases/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'A case with its electorate, votes, tally, documents and escalation',
        params: idParams,
        response: { 200: caseSchema },
      },
    },
    (request) => cases.getCase(db, requireUser(request), request.params.id, clock.today()),
  );
  app.post(
    '/api/cases/:id/votes',
    {
      config: { access: ['steeringGroupMember'] },
      schema: {
        tags,
        summary: 'Vote as an eligible member: approve, object (with reason) or conflict (inhabil)',
        params: idParams,
        body: castVoteSchema,
        response: { 200: caseSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    (request) => cases.castVote(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  app.post(
    '/api/cases/:id/outside-mandate',
    {
      config: { access: memberRoles },
      schema: {
        tags,
        summary: 'Mark a case as outside the mandate (group leader or secretariat)',
        params: idParams,
        body: outsideMandateSchema,
        response: { 200: caseSchema },
      },
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
  app.post(
    '/api/cases/:id/escalation',
    {
      config: { access: memberRoles },
      schema: {
        tags,
        summary: 'Escalate with one joint brief and a recommendation to the RHFs concerned',
        params: idParams,
        body: escalateSchema,
        response: { 200: caseSchema },
      },
    },
    (request) => cases.escalateCase(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  app.post(
    '/api/cases/:id/escalation/further',
    {
      config: { access: escalationAnswerRoles },
      schema: {
        tags,
        summary:
          'The body a case was escalated to takes it on to its own escalation target with a new joint brief (seed 000: Anskaffelsesstyre → Strategisk innkjøpsforum → Direktørmøte)',
        params: idParams,
        body: escalateFurtherSchema,
        response: { 200: caseSchema },
      },
    },
    (request) =>
      cases.escalateFurther(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  app.post(
    '/api/cases/:id/rhf-answers',
    {
      config: { access: escalationAnswerRoles },
      schema: {
        tags,
        summary: "Record an RHF's answer to an escalated case",
        params: idParams,
        body: rhfAnswerSchema,
        response: { 200: caseSchema },
      },
    },
    (request) => cases.answerForRhf(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  app.post(
    '/api/cases/:id/resolution',
    {
      config: { access: escalationAnswerRoles },
      schema: {
        tags,
        summary: 'The RHFs settle an escalated case; members are told and an approval is carried out',
        params: idParams,
        body: resolutionSchema,
        response: { 200: caseSchema },
      },
    },
    (request) => cases.resolveCase(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  app.post(
    '/api/cases/:id/consultation',
    {
      config: { access: ['steeringGroupMember', 'secretariat', 'procurementLead'] },
      schema: {
        tags,
        summary: 'Record the outcome of a consultation',
        params: idParams,
        body: consultationSchema,
        response: { 200: caseSchema },
      },
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
  app.post(
    '/api/cases/:id/documents',
    {
      config: { access: writeRoles.procurementsEdit },
      bodyLimit: DOCUMENT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Attach a document (base64; PDF, Office, images; ≤ 10 MB)',
        params: idParams,
        body: documentInputSchema,
        response: { 200: caseSchema },
      },
    },
    (request) => cases.addDocument(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  app.get(
    '/api/cases/:id/documents/:documentId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Download a case document (restricted ones: not for conflicted members or outsiders)',
        params: caseDocumentParams,
      },
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
  app.get(
    '/api/my/cases',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Open cases waiting for my vote',
        response: { 200: z.array(caseSummarySchema) },
      },
    },
    (request) => cases.listMyCases(db, requireUser(request), clock.today()),
  );
  app.get(
    '/api/steering-groups/:id/decisions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Decision register (vedtaksprotokoll), numbered per group and year; paged',
        params: idParams,
        querystring: z.object(pageQuery),
        response: { 200: pageOf(decisionRegisterSchema.element) },
      },
    },
    (request) => cases.decisionRegister(db, request.params.id, request.query),
  );
  app.get(
    '/api/governance/config',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Involvement matrix, risk rule and significance rule in force, with history',
        response: { 200: configViewSchema },
      },
    },
    () => config.getConfigView(db),
  );
  app.put(
    '/api/governance/config/:key',
    {
      config: { access: writeRoles.referenceData },
      schema: {
        tags,
        summary: 'Store a new version of a rule (secretariat)',
        params: z.object({ key: configKeySchema }),
        body: updateConfigSchema,
        response: { 200: z.object({ key: configKeySchema, version: z.number().int() }) },
      },
    },
    (request) => config.updateConfig(db, requireUser(request), request.params.key, request.body),
  );
}
