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
import { routesFor } from '../../../shared/route.js';

const tags = ['habilitet'];
const rhfRoles = ['rhfContact', 'secretariat'] as const;

export function registerHabilitetRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, tags);
  route.post(
    '/api/cases/:id/habilitet',
    {
      access: ['steeringGroupMember'],
      summary:
        'A deciding member answers before seeing exempt documents or voting: "noKnownConflict", or "possibleConflict" with a reason (a habilitet question for their RHF; cannot be withdrawn)',
      params: idParams,
      body: habilitetAnswerSchema,
      response: { 200: caseSchema, 403: problemSchema, 409: problemSchema },
    },
    (request) => {
      const user = requireUser(request);
      return request.body.statement === 'noKnownConflict'
        ? declareNoConflict(db, user, request.params.id, clock.today())
        : reportConflict(db, user, request.params.id, request.body.reason, clock.today());
    },
  );
  route.get(
    '/api/habilitet/questions',
    {
      access: rhfRoles,
      summary: "Habilitet questions for the viewer's RHFs (the secretariat: all)",
      querystring: questionsQuery,
      response: questionListSchema,
    },
    (request) => listQuestionsToDecide(db, requireUser(request), request.query.status),
  );
  route.post(
    '/api/habilitet/questions/:id/decision',
    {
      access: rhfRoles,
      summary:
        "The RHF decides inhabil / ikke inhabil with a reason (its contact, or the secretariat on the RHF's behalf)",
      params: idParams,
      body: habilitetDecisionSchema,
      response: { 200: caseSchema, 403: problemSchema, 409: problemSchema },
    },
    (request) =>
      decideHabilitetQuestion(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  route.get(
    '/api/cases/:id/rhf-discussion',
    {
      access: 'authenticated',
      summary:
        '"Drøftes med RHF-ene": the mark, each RHF\'s acknowledgement, and whether the vote has opened',
      params: idParams,
      response: rhfDiscussionSchema,
    },
    (request) => getRhfDiscussion(db, requireUser(request), request.params.id, clock.today()),
  );
  route.post(
    '/api/cases/:id/rhf-discussion',
    {
      access: ['secretariat', 'procurementLead', 'steeringGroupMember'],
      summary:
        'Mark a høy-significance case "drøftes med RHF-ene" before the vote (secretariat, its procurement lead, the group leader)',
      params: idParams,
      body: markRhfDiscussionSchema,
      response: { 200: rhfDiscussionSchema, 403: problemSchema, 409: problemSchema },
    },
    (request) =>
      markForRhfDiscussion(db, requireUser(request), request.params.id, request.body.note, clock.today()),
  );
  route.post(
    '/api/cases/:id/rhf-discussion/acknowledgements',
    {
      access: rhfRoles,
      summary:
        'An RHF acknowledges the discussion (its contact, or the secretariat on its behalf); the last opens the vote',
      params: idParams,
      body: acknowledgeRhfDiscussionSchema,
      response: { 200: rhfDiscussionSchema, 400: problemSchema, 403: problemSchema, 409: problemSchema },
    },
    (request) =>
      acknowledgeRhfDiscussion(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  route.post(
    '/api/cases/:id/substitutes',
    {
      access: rhfRoles,
      summary:
        'The RHF appoints a substitute for this case only, when the case is not quorate for lack of a member from it',
      params: idParams,
      body: appointSubstituteSchema,
      response: { 200: caseSchema, 400: problemSchema, 403: problemSchema, 409: problemSchema },
    },
    (request) => appointSubstitute(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  route.get(
    '/api/habilitet/composition-warnings',
    {
      access: rhfRoles,
      summary:
        '"Vurder utskifting": members found inhabil in many cases, or with a lasting conflict in the group\'s categories',
      response: { 200: compositionWarningsSchema, 403: problemSchema },
    },
    (request) => compositionWarningsFor(db, requireUser(request), clock.today()),
  );
  route.get(
    '/api/habilitet/rhf-digest',
    {
      access: rhfRoles,
      summary:
        "The RHF contact's weekly digest, live: planned and ad-hoc procurements, risk changes, high-risk and open cases, what awaits the RHF",
      querystring: rhfDigestQuery,
      response: { 200: rhfDigestViewSchema, 403: problemSchema },
    },
    (request) => getRhfDigests(db, requireUser(request), clock.today(), request.query.rhfId),
  );
  route.put(
    '/api/memberships/:id/appointment-check',
    {
      access: rhfRoles,
      summary: "The RHF's habilitet check at appointment (without a cleared one the member cannot vote)",
      params: idParams,
      body: appointmentCheckInputSchema,
      response: { 200: appointmentCheckSchema, 403: problemSchema },
    },
    (request) =>
      recordAppointmentCheck(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  route.get(
    '/api/my/declaration',
    {
      access: 'authenticated',
      summary: 'My interest declaration and when it is due',
      response: declarationSchema,
    },
    (request) => getMyDeclaration(db, requireUser(request), clock.today()),
  );
  route.put(
    '/api/my/declaration',
    {
      access: 'authenticated',
      summary: 'Confirm my interest declaration (also with no interests); renewed every 12 months',
      body: confirmDeclarationSchema,
      response: declarationSchema,
    },
    (request) => confirmDeclaration(db, requireUser(request), request.body.interests, clock.today()),
  );
  route.get(
    '/api/habilitet/declarations',
    {
      access: rhfRoles,
      summary: "Every active member's declaration status (missing, due soon, overdue)",
      response: declarationOverviewSchema,
    },
    (request) => declarationOverview(db, requireUser(request), clock.today()),
  );
  route.get(
    '/api/procurements/:id/suppliers',
    {
      access: 'authenticated',
      summary: 'Known tenderers and suppliers',
      params: idParams,
      response: z.array(supplierSchema),
    },
    (request) => listSuppliers(db, request.params.id),
  );
  route.put(
    '/api/procurements/:id/suppliers',
    {
      access: ['procurementLead', 'secretariat'],
      summary:
        "Replace the known tenderers/suppliers; matches against members' declarations raise habilitet questions",
      params: idParams,
      body: setSuppliersSchema,
      response: suppliersResultSchema,
    },
    (request) =>
      setSuppliers(db, requireUser(request), request.params.id, request.body.suppliers, clock.today()),
  );
}
