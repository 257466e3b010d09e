import type { App, AppDeps } from '../../shared/http.js';
import { writeRoles } from '../auth/index.js';
import { auditChainReportSchema, auditPageSchema, listAuditQuery } from './audit.schemas.js';
import { listAudit } from './audit.service.js';
import { verifyAuditChain } from './verify-audit-chain.js';
import { routesFor } from '../../shared/route.js';

export function registerAuditRoutes(app: App, { db }: AppDeps) {
  const route = routesFor(app, ['audit']);
  route.get(
    '/api/audit',
    {
      access: writeRoles.auditRead,
      summary: 'The append-only audit log: who, what, when, before/after',
      querystring: listAuditQuery,
      response: auditPageSchema,
    },
    (request) => listAudit(db, request.query),
  );
  route.get(
    '/api/audit/verify',
    {
      access: writeRoles.auditRead,
      summary: 'Recompute the hash chain over the whole audit log and report the first broken link',
      response: auditChainReportSchema,
    },
    () => verifyAuditChain(db),
  );
}
