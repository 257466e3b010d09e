import type { App, AppDeps } from '../../shared/http.js';
import { writeRoles } from '../auth/access.rules.js';
import { auditPageSchema, listAuditQuery } from './audit.schemas.js';
import { listAudit } from './audit.service.js';

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
}
