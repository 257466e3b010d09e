// Habilitet routes (issue 9): per-case answers, the RHF's decisions, appointment checks, declarations, suppliers.
import { z } from 'zod';
import { idParams, problemSchema } from '../../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../../shared/http.js';
import { caseSchema } from '../governance.schemas.js';
import { recordAppointmentCheck } from './appointment-checks.service.js';
import { confirmDeclaration, declarationOverview, getMyDeclaration } from './declarations.service.js';
import {
  declareNoConflict,
  decideHabilitetQuestion,
  listQuestionsToDecide,
  reportConflict,
} from './habilitet-questions.service.js';
import {
  appointmentCheckInputSchema,
  appointmentCheckSchema,
  confirmDeclarationSchema,
  declarationOverviewSchema,
  declarationSchema,
  habilitetAnswerSchema,
  habilitetDecisionSchema,
  questionListSchema,
  questionsQuery,
  appointSubstituteSchema,
  compositionWarningsSchema,
  acknowledgeRhfDiscussionSchema,
  markRhfDiscussionSchema,
  rhfDiscussionSchema,
  rhfDigestQuery,
  rhfDigestViewSchema,
  setSuppliersSchema,
  suppliersResultSchema,
  supplierSchema,
} from './habilitet.schemas.js';
import { compositionWarningsFor } from './lasting-inhabilitet.js';
import { appointSubstitute } from './substitutes.service.js';
import { getRhfDigests } from './rhf-digest.service.js';
import {
  acknowledgeRhfDiscussion,
  getRhfDiscussion,
  markForRhfDiscussion,
} from './rhf-discussion.service.js';
import { listSuppliers, setSuppliers } from './suppliers.service.js';

const tags = ['habilitet'];
const rhfRoles = ['rhfContact', 'secretariat'] as const;

export function registerHabilitetRoutes(app: App, { db, clock }: AppDeps) {
  app.post(
    '/api/cases/:id/habilitet',
    {
      config: { access: ['steeringGroupMember'] },
      schema: {
        tags,
        summary:
          'A deciding member answers before seeing exempt documents or voting: "noKnownConflict", or "possibleConflict" with a reason (a habilitet question for their RHF; cannot be withdrawn)',
        params: idParams,
        body: habilitetAnswerSchema,
        response: { 200: caseSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    (request) => {
      const user = requireUser(request);
      return request.body.statement === 'noKnownConflict'
        ? declareNoConflict(db, user, request.params.id, clock.today())
        : reportConflict(db, user, request.params.id, request.body.reason, clock.today());
    },
  );
  app.get(
    '/api/habilitet/questions',
    {
      config: { access: rhfRoles },
      schema: {
        tags,
        summary: "Habilitet questions for the viewer's RHFs (the secretariat: all)",
        querystring: questionsQuery,
        response: { 200: questionListSchema },
      },
    },
    (request) => listQuestionsToDecide(db, requireUser(request), request.query.status),
  );
  app.post(
    '/api/habilitet/questions/:id/decision',
    {
      config: { access: rhfRoles },
      schema: {
        tags,
        summary:
          "The RHF decides inhabil / ikke inhabil with a reason (its contact, or the secretariat on the RHF's behalf)",
        params: idParams,
        body: habilitetDecisionSchema,
        response: { 200: caseSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    (request) =>
      decideHabilitetQuestion(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  app.get(
    '/api/cases/:id/rhf-discussion',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          '"Drøftes med RHF-ene": the mark, each RHF\'s acknowledgement, and whether the vote has opened',
        params: idParams,
        response: { 200: rhfDiscussionSchema },
      },
    },
    (request) => getRhfDiscussion(db, requireUser(request), request.params.id, clock.today()),
  );
  app.post(
    '/api/cases/:id/rhf-discussion',
    {
      config: { access: ['secretariat', 'procurementLead', 'steeringGroupMember'] },
      schema: {
        tags,
        summary:
          'Mark a høy-significance case "drøftes med RHF-ene" before the vote (secretariat, its procurement lead, the group leader)',
        params: idParams,
        body: markRhfDiscussionSchema,
        response: { 200: rhfDiscussionSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    (request) =>
      markForRhfDiscussion(db, requireUser(request), request.params.id, request.body.note, clock.today()),
  );
  app.post(
    '/api/cases/:id/rhf-discussion/acknowledgements',
    {
      config: { access: rhfRoles },
      schema: {
        tags,
        summary:
          'An RHF acknowledges the discussion (its contact, or the secretariat on its behalf); the last opens the vote',
        params: idParams,
        body: acknowledgeRhfDiscussionSchema,
        response: { 200: rhfDiscussionSchema, 400: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    (request) =>
      acknowledgeRhfDiscussion(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  app.post(
    '/api/cases/:id/substitutes',
    {
      config: { access: rhfRoles },
      schema: {
        tags,
        summary:
          'The RHF appoints a substitute for this case only, when the case is not quorate for lack of a member from it',
        params: idParams,
        body: appointSubstituteSchema,
        response: { 200: caseSchema, 400: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    (request) => appointSubstitute(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  app.get(
    '/api/habilitet/composition-warnings',
    {
      config: { access: rhfRoles },
      schema: {
        tags,
        summary:
          '"Vurder utskifting": members found inhabil in many cases, or with a lasting conflict in the group\'s categories',
        response: { 200: compositionWarningsSchema, 403: problemSchema },
      },
    },
    (request) => compositionWarningsFor(db, requireUser(request), clock.today()),
  );
  app.get(
    '/api/habilitet/rhf-digest',
    {
      config: { access: rhfRoles },
      schema: {
        tags,
        summary:
          "The RHF contact's weekly digest, live: planned and ad-hoc procurements, risk changes, high-risk and open cases, what awaits the RHF",
        querystring: rhfDigestQuery,
        response: { 200: rhfDigestViewSchema, 403: problemSchema },
      },
    },
    (request) => getRhfDigests(db, requireUser(request), clock.today(), request.query.rhfId),
  );
  app.put(
    '/api/memberships/:id/appointment-check',
    {
      config: { access: rhfRoles },
      schema: {
        tags,
        summary: "The RHF's habilitet check at appointment (without a cleared one the member cannot vote)",
        params: idParams,
        body: appointmentCheckInputSchema,
        response: { 200: appointmentCheckSchema, 403: problemSchema },
      },
    },
    (request) =>
      recordAppointmentCheck(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  app.get(
    '/api/my/declaration',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My interest declaration and when it is due',
        response: { 200: declarationSchema },
      },
    },
    (request) => getMyDeclaration(db, requireUser(request), clock.today()),
  );
  app.put(
    '/api/my/declaration',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Confirm my interest declaration (also with no interests); renewed every 12 months',
        body: confirmDeclarationSchema,
        response: { 200: declarationSchema },
      },
    },
    (request) => confirmDeclaration(db, requireUser(request), request.body.interests, clock.today()),
  );
  app.get(
    '/api/habilitet/declarations',
    {
      config: { access: rhfRoles },
      schema: {
        tags,
        summary: "Every active member's declaration status (missing, due soon, overdue)",
        response: { 200: declarationOverviewSchema },
      },
    },
    (request) => declarationOverview(db, requireUser(request), clock.today()),
  );
  app.get(
    '/api/procurements/:id/suppliers',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Known tenderers and suppliers',
        params: idParams,
        response: { 200: z.array(supplierSchema) },
      },
    },
    (request) => listSuppliers(db, request.params.id),
  );
  app.put(
    '/api/procurements/:id/suppliers',
    {
      config: { access: ['procurementLead', 'secretariat'] },
      schema: {
        tags,
        summary:
          "Replace the known tenderers/suppliers; matches against members' declarations raise habilitet questions",
        params: idParams,
        body: setSuppliersSchema,
        response: { 200: suppliersResultSchema },
      },
    },
    (request) =>
      setSuppliers(db, requireUser(request), request.params.id, request.body.suppliers, clock.today()),
  );
}
