import type { App, AppDeps } from '../../shared/http.js';
import { writeRoles } from '../auth/index.js';
import { auditChainReportSchema, auditPageSchema, listAuditQuery } from './audit.schemas.js';
import { listAudit } from './audit.service.js';
import { verifyAuditChain } from './verify-audit-chain.js';

export function registerAuditRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/audit',
    {
      config: { access: writeRoles.auditRead },
      schema: {
        tags: ['audit'],
        summary: 'The append-only audit log: who, what, when, before/after',
        querystring: listAuditQuery,
        response: { 200: auditPageSchema },
      },
    },
    (request) => listAudit(db, request.query),
  );
  app.get(
    '/api/audit/verify',
    {
      config: { access: writeRoles.auditRead },
      schema: {
        tags: ['audit'],
        summary: 'Recompute the hash chain over the whole audit log and report the first broken link',
        response: { 200: auditChainReportSchema },
      },
    },
    () => verifyAuditChain(db),
  );
}
