import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import {
  createSeededDatabase,
  createTestDatabase,
  databaseKinds,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { projectPath } from '../../shared/project-paths.js';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema.js';
import { systemActor, writeAudited } from '../../db/unit-of-work.js';
import { verifyAuditChain } from './verify-audit-chain.js';

/** As a database superuser would: with the append-only trigger (and every other trigger) switched off. */
async function tamper(db: Db, statement: SQL) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

async function newestIds(db: Db, count: number): Promise<number[]> {
  const result: unknown = await db.execute(sql`select id from audit_log order by id desc limit ${count}`);
  return (result as { rows: Array<{ id: string | number }> }).rows.map((row) => Number(row.id)).reverse();
}

describe.each(databaseKinds)('the audit hash chain on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase(kind);
  });
  afterAll(() => database.dispose());

  it('links every row written by the seed, and concurrent writers append to one chain', async () => {
    const before = await verifyAuditChain(database.db);
    expect(before.intact).toBe(true);
    expect(before.checkedRows).toBeGreaterThan(0);
    // Writers that overlap on PostgreSQL: each holds its transaction open a moment before its entries.
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        writeAudited(database.db, systemActor('chain-test'), async (tx, recordAudit) => {
          await tx.execute(sql`select pg_sleep(${(i % 4) * 0.01})`);
          await recordAudit({ action: 'test', entityType: 'chain', entityId: String(i), summary: `a${i}` });
          await recordAudit({ action: 'test', entityType: 'chain', entityId: String(i), summary: `b${i}` });
        }),
      ),
    );
    // Appends that stay uncommitted a while: without the chain's lock these would fork the chain.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        database.db.transaction(async (tx) => {
          await tx
            .insert(auditLog)
            .values({ actorUsername: 'chain-test', action: 'test', entityType: 'chain', summary: `c${i}` });
          await tx.execute(sql`select pg_sleep(0.02)`);
        }),
      ),
    );
    const after = await verifyAuditChain(database.db);
    expect(after).toMatchObject({ intact: true, checkedRows: before.checkedRows + 60, firstBreak: null });
    expect(after.lastHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds a changed row, a row whose hash was recomputed, a removed row and a forged row', async () => {
    const [first, second, third] = await newestIds(database.db, 3);
    const original: unknown = await database.db.execute(
      sql`select summary, hash from audit_log where id = ${second}`,
    );
    const { summary, hash } = (original as { rows: Array<{ summary: string; hash: string }> }).rows[0]!;

    await tamper(database.db, sql`update audit_log set summary = 'endret i ettertid' where id = ${second}`);
    expect((await verifyAuditChain(database.db)).firstBreak).toMatchObject({
      id: second,
      reason: 'contentChanged',
    });

    // A careful forger also recomputes the row's hash: the next row's link gives it away.
    await tamper(
      database.db,
      sql`update audit_log set hash = audit_log_row_hash(previous_hash, audit_log) where id = ${second}`,
    );
    const relinked = await verifyAuditChain(database.db);
    expect(relinked.firstBreak).toMatchObject({ id: third, reason: 'linkBroken' });
    expect(relinked.lastId).toBe(second);

    await tamper(
      database.db,
      sql`update audit_log set summary = ${summary}, hash = ${hash} where id = ${second}`,
    );
    expect((await verifyAuditChain(database.db)).intact).toBe(true);

    const removed: unknown = await database.db.execute(sql`select * from audit_log where id = ${second}`);
    await tamper(database.db, sql`delete from audit_log where id = ${second}`);
    const gap = await verifyAuditChain(database.db);
    expect(gap.firstBreak).toMatchObject({ id: third, reason: 'linkBroken' });
    expect(gap.firstBreak!.message).toContain(`rad ${first}`);
    const row = (removed as { rows: Array<Record<string, unknown>> }).rows[0]!;
    await tamper(
      database.db,
      sql`insert into audit_log select * from json_populate_record(null::audit_log, ${JSON.stringify(row)}::json)`,
    );
    expect((await verifyAuditChain(database.db)).intact).toBe(true);

    // A row slipped in without going through the chain trigger.
    await tamper(
      database.db,
      sql`insert into audit_log (id, actor_username, action, entity_type, summary)
        select max(id) + 1, 'x', 'forged', 'case', 'forged' from audit_log`,
    );
    const forged = await verifyAuditChain(database.db);
    expect(forged.intact).toBe(false);
    expect(forged.firstBreak!.reason).toBe('linkBroken');
    expect(forged.lastId).toBe(third);
  });
});

/** A copy of drizzle/ whose journal stops before the hash-chain migration. */
function migrationsBeforeChain(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-migrations-'));
  fs.cpSync(projectPath('drizzle'), folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const chainIndex = journal.entries.findIndex((entry) => entry.tag.endsWith('_audit_hash_chain'));
  expect(chainIndex).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, chainIndex);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe.each(databaseKinds)('the hash-chain migration on %s', (kind) => {
  it('links the rows written before it, oldest first', async () => {
    const database = await createTestDatabase(kind, { migrated: false });
    const folder = migrationsBeforeChain();
    try {
      const migrate = kind === 'pglite' ? migratePglite : migratePg;
      await migrate(database.db as never, { migrationsFolder: folder });
      await database.db.execute(sql`
        insert into audit_log (actor_username, action, entity_type, entity_id, summary, after)
        select 'old', 'create', 'case', i::text, 'Eldre hendelse ' || i, jsonb_build_object('n', i)
        from generate_series(1, 7) i`);
      await database.migrate();
      const report = await verifyAuditChain(database.db);
      expect(report).toMatchObject({ intact: true, checkedRows: 7 });
      await writeAudited(database.db, systemActor('new'), (_tx, recordAudit) =>
        recordAudit({ action: 'test', entityType: 'chain', entityId: null, summary: 'ny' }),
      );
      expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true, checkedRows: 8 });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
      await database.dispose();
    }
  });
});
