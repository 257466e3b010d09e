import type { Db } from '../../db/client.js';
import type { App, AppDeps } from '../../shared/http.js';
import { writeRoles } from '../auth/access.rules.js';
import { listAuditEntries } from './audit.repo.js';
import { auditPageSchema, listAuditQuery, type ListAuditQuery } from './audit.schemas.js';

export async function listAudit(db: Db, query: ListAuditQuery) {
  const rows = await listAuditEntries(db, query);
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map(({ actorUserId: _actor, ...row }) => ({ ...row, at: row.at.toISOString() })),
    nextBeforeId: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export function registerAuditRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/audit',
    {
      config: { access: writeRoles.auditRead },
      schema: { tags: ['audit'], summary: 'The append-only audit log: who, what, when, before/after', querystring: listAuditQuery, response: { 200: auditPageSchema } },
    },
    (request) => listAudit(db, request.query),
  );
}
