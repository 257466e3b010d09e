import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/databases.js';
import { auditLog, organisations } from './schema.js';
import { systemActor, writeAudited } from './unit-of-work.js';

describe.each(databaseKinds)('writeAudited on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  it('stores the write and its audit entry together', async () => {
    await writeAudited(database.db, systemActor('test'), async (tx, recordAudit) => {
      const [row] = await tx
        .insert(organisations)
        .values({ code: 'X1', name: 'Helse X RHF', kind: 'RHF' })
        .returning();
      await recordAudit({
        action: 'create',
        entityType: 'organisation',
        entityId: row!.id,
        summary: 'x',
        after: row,
      });
    });
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.summary, 'x'));
    expect(entry).toMatchObject({ actorUsername: 'test', action: 'create', entityType: 'organisation' });
    expect((entry!.after as { code: string }).code).toBe('X1');
  });

  it('rolls back both when the work fails', async () => {
    await expect(
      writeAudited(database.db, systemActor('test'), async (tx, recordAudit) => {
        await tx.insert(organisations).values({ code: 'X2', name: 'Helse Y RHF', kind: 'RHF' });
        await recordAudit({ action: 'create', entityType: 'organisation', entityId: null, summary: 'y' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await database.db.select().from(organisations).where(eq(organisations.code, 'X2'))).toHaveLength(
      0,
    );
    expect(await database.db.select().from(auditLog).where(eq(auditLog.summary, 'y'))).toHaveLength(0);
  });

  it('refuses a write that records no audit entry', async () => {
    await expect(
      writeAudited(database.db, systemActor('test'), async (tx) => {
        await tx.insert(organisations).values({ code: 'X3', name: 'Helse Z RHF', kind: 'RHF' });
      }),
    ).rejects.toThrow(/without an audit entry/);
    expect(await database.db.select().from(organisations).where(eq(organisations.code, 'X3'))).toHaveLength(
      0,
    );
  });

  it('keeps the audit log append-only', async () => {
    await expect(database.db.execute(sql`update audit_log set summary = 'changed'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect((await database.db.select().from(auditLog)).length).toBeGreaterThan(0);
  });
});
