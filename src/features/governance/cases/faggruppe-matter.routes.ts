// Routes of unresolved faggruppe matters (V01 §7.3): raise, escalate up the Sykehusinnkjøp line, refer to the
// RHFs. The RHFs then answer and settle through the escalation routes (governance.routes.ts).
import { idParams, problemSchema } from '../../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../../shared/http.js';
import { writeRoles } from '../../auth/index.js';
import { caseSchema } from '../governance.schemas.js';
import { escalateFaggruppeMatter } from './escalate-faggruppe-matter.js';
import {
  lineEscalationSchema,
  raiseFaggruppeMatterSchema,
  rhfReferralSchema,
} from './faggruppe-matter.schemas.js';
import { raiseFaggruppeMatter } from './raise-faggruppe-matter.js';
import { referFaggruppeMatterToRhfs } from './refer-faggruppe-matter.js';
import { routesFor } from '../../../shared/route.js';

const tags = ['governance'];

export function registerFaggruppeMatterRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, tags);
  route.post(
    '/api/procurements/:id/faggruppe-matters',
    {
      access: writeRoles.procurementsEdit,
      summary:
        'Raise an unresolved faggruppe matter as a case to the steering group (leder anskaffelse or secretariat); the group has habilitetRule.faggruppeEscalationDays days',
      params: idParams,
      body: raiseFaggruppeMatterSchema,
      response: { 201: caseSchema, 400: problemSchema, 403: problemSchema, 409: problemSchema },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await raiseFaggruppeMatter(
            db,
            requireUser(request),
            request.params.id,
            request.body,
            clock.today(),
          ),
        ),
  );
  route.post(
    '/api/cases/:id/line-escalation',
    {
      access: writeRoles.procurementsEdit,
      summary:
        'Escalate an unresolved faggruppe matter the group has not handled in time up the Sykehusinnkjøp line (leder anskaffelse or secretariat)',
      params: idParams,
      body: lineEscalationSchema,
      response: { 200: caseSchema, 403: problemSchema, 409: problemSchema },
    },
    (request) =>
      escalateFaggruppeMatter(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  route.post(
    '/api/cases/:id/rhf-referral',
    {
      access: ['shiLine', 'secretariat'],
      summary:
        'The Sykehusinnkjøp line takes an escalated faggruppe matter on to the RHFs of the procurement with an orientation and recommendation (the secretariat only where no user has the role shiLine)',
      params: idParams,
      body: rhfReferralSchema,
      response: { 200: caseSchema, 403: problemSchema, 409: problemSchema },
    },
    (request) =>
      referFaggruppeMatterToRhfs(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
}
