import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/** Where the chain first breaks: the row, and whether its own content or its link to the row before is wrong. */
export interface AuditChainBreak {
  id: number;
  reason: 'contentChanged' | 'linkBroken';
  message: string;
}

export interface AuditChainReport {
  intact: boolean;
  checkedRows: number;
  /** The newest row checked: record its hash elsewhere to also notice rows removed from the end later. */
  lastId: number | null;
  lastHash: string | null;
  firstBreak: AuditChainBreak | null;
}

interface ChainRow {
  id: string | number;
  previous_hash: string | null;
  hash: string | null;
  content: string;
}

const PAGE_SIZE = 5000;

/**
 * Walks the audit log oldest first and recomputes each row's hash in Node from the row's canonical text (the
 * same jsonb array as audit_log_row_hash in the migration, so a changed database function is noticed too).
 */
export async function verifyAuditChain(db: Db): Promise<AuditChainReport> {
  let expectedPrevious: string | null = null;
  let afterId = 0;
  let checkedRows = 0;
  let lastId: number | null = null;
  for (;;) {
    const page: unknown = await db.execute(sql`
      select id, previous_hash, hash, jsonb_build_array(
        id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor_user_id, actor_username,
        action, entity_type, entity_id, summary, before, after)::text as content
      from audit_log where id > ${afterId} order by id limit ${PAGE_SIZE}`);
    const rows = (page as { rows: ChainRow[] }).rows;
    for (const row of rows) {
      const id = Number(row.id);
      if (row.previous_hash !== expectedPrevious) {
        return broken(checkedRows, lastId, expectedPrevious, {
          id,
          reason: 'linkBroken',
          message:
            lastId === null
              ? `Rad ${id} er den eldste, men peker på en rad før seg: eldre rader er fjernet.`
              : `Rad ${id} peker ikke på rad ${lastId}: en rad mellom dem er fjernet eller satt inn, eller rad ${lastId} er endret.`,
        });
      }
      const recomputed: string = createHash('sha256')
        .update((row.previous_hash ?? '') + row.content, 'utf8')
        .digest('hex');
      if (row.hash !== recomputed) {
        return broken(checkedRows, lastId, expectedPrevious, {
          id,
          reason: 'contentChanged',
          message: `Rad ${id} er endret etter at den ble skrevet (hashen stemmer ikke med innholdet).`,
        });
      }
      expectedPrevious = row.hash;
      lastId = id;
      checkedRows += 1;
    }
    if (rows.length < PAGE_SIZE) break;
    afterId = lastId ?? afterId;
  }
  return { intact: true, checkedRows, lastId, lastHash: expectedPrevious, firstBreak: null };
}

function broken(
  checkedRows: number,
  lastId: number | null,
  lastHash: string | null,
  firstBreak: AuditChainBreak,
): AuditChainReport {
  return { intact: false, checkedRows, lastId, lastHash, firstBreak };
}
