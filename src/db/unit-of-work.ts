import type { Db } from './client.js';
import { auditLog } from './schema.js';
import { AppError } from '../shared/app-error.js';

/** Who is acting: a logged-in user, or a named system actor (the CLI, the seeder). */
export interface Actor {
  userId: string | null;
  username: string;
}

export const systemActor = (username: string): Actor => ({ userId: null, username });

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

export type RecordAudit = (entry: AuditEntry) => Promise<void>;

/**
 * Runs one write in one transaction together with its audit entries: either both are stored or neither.
 * A write that records no audit entry is a programming error and is rolled back. The entries are appended
 * when the work is done, just before commit: the audit log is a hash chain whose appends are serialised
 * (drizzle/*_audit_hash_chain.sql), so the chain's lock is held only for the last moment of the transaction.
 */
export async function writeAudited<T>(
  db: Db,
  actor: Actor,
  work: (tx: Db, recordAudit: RecordAudit) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const entries: AuditEntry[] = [];
    // Copied as JSON now: the work may go on to change the objects it recorded.
    const recordAudit: RecordAudit = async (entry) => {
      entries.push({ ...entry, before: toJson(entry.before), after: toJson(entry.after) });
    };
    const result = await work(tx, recordAudit);
    if (entries.length === 0) throw new AppError('internal', 'A write was attempted without an audit entry.');
    await tx.insert(auditLog).values(
      entries.map((entry) => ({
        actorUserId: actor.userId,
        actorUsername: actor.username,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        summary: entry.summary,
        before: entry.before,
        after: entry.after,
      })),
    );
    return result;
  });
}

/** Dates and numerics become plain JSON so before/after compare cleanly. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
