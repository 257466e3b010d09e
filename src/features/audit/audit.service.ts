import type { Db } from '../../db/client.js';
import { listAuditEntries } from './audit.repo.js';
import type { ListAuditQuery } from './audit.schemas.js';

export async function listAudit(db: Db, query: ListAuditQuery) {
  const rows = await listAuditEntries(db, query);
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map(({ actorUserId: _actor, ...row }) => ({ ...row, at: row.at.toISOString() })),
    nextBeforeId: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
