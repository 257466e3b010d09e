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
 * A write that records no audit entry is a programming error and is rolled back.
 */
export async function writeAudited<T>(
  db: Db,
  actor: Actor,
  work: (tx: Db, recordAudit: RecordAudit) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    let recorded = 0;
    const recordAudit: RecordAudit = async (entry) => {
      recorded += 1;
      await tx.insert(auditLog).values({
        actorUserId: actor.userId,
        actorUsername: actor.username,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        summary: entry.summary,
        before: toJson(entry.before),
        after: toJson(entry.after),
      });
    };
    const result = await work(tx, recordAudit);
    if (recorded === 0) throw new AppError('internal', 'A write was attempted without an audit entry.');
    return result;
  });
}

/** Dates and numerics become plain JSON so before/after compare cleanly. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
