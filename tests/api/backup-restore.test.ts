// `styr backup FILE` and `styr restore FILE` round trip on both databases: what changed after the backup is
// gone after the restore, the spend Parquet files are back byte for byte, the audit chain is intact and records
// the restore; a restore over data needs --replace, and a damaged archive is refused before anything changes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/client.js';
import { auditLog, organisations } from '../../src/db/schema.js';
import { systemActor, writeAudited } from '../../src/db/unit-of-work.js';
import { verifyAuditChain } from '../../src/features/audit/verify-audit-chain.js';
import { restoreBackup } from '../../src/features/security/backup/restore-backup.js';
import { seedDemoData, seedReferenceData } from '../../src/features/seed/seed.js';
import { runStyr } from '../support/cli.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';

const actor = systemActor('test');
const spendFile = (dataDir: string, name: string) => path.join(dataDir, 'spend', name);

describe.each(databaseKinds)('backup and restore on %s', (kind) => {
  let dataDir: string;
  let env: Record<string, string>;
  let postgres: TestDatabase | undefined;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-backup-test-'));
  const backupFile = path.join(work, 'styr.backup');
  const target = () => ({ dataDir, databaseUrl: postgres?.url });

  /** The test's own handle; PGlite's folder is opened only between CLI runs. */
  const withDatabase = async <T>(run: (db: Db) => Promise<T>): Promise<T> => {
    if (postgres) return run(postgres.db);
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      return await run(database.db);
    } finally {
      await database.close();
    }
  };

  beforeAll(async () => {
    dataDir = path.join(work, 'data');
    fs.mkdirSync(dataDir);
    if (kind === 'postgres') {
      postgres = await createSeededDatabase('postgres');
      env = { DATABASE_URL: postgres.url!, STYR_DATA_DIR: dataDir };
    } else {
      const database = await openDatabase({ kind: 'pglite', dataDir });
      await database.migrate();
      await seedReferenceData(database.db);
      await seedDemoData(database.db, TEST_TODAY);
      await database.close();
      env = { STYR_DATA_DIR: dataDir };
    }
    for (const [name, content] of [
      ['lines/month=2026-01/part-a.parquet', 'PAR1 januar'],
      ['lines/month=2026-02/part-b.parquet', 'PAR1 februar'],
      ['invoices/part-a.parquet', 'PAR1 fakturaer'],
      ['engine.duckdb', 'avledet tilstand'],
    ] as const) {
      fs.mkdirSync(path.dirname(spendFile(dataDir, name)), { recursive: true });
      fs.writeFileSync(spendFile(dataDir, name), content);
    }
  });
  afterAll(async () => {
    await postgres?.dispose();
    fs.rmSync(work, { recursive: true, force: true });
  });

  // Each CLI run starts tsx and opens the database: slow on a shared machine, hence the long timeouts.
  it(
    'restores the database and the spend files as they were at the backup',
    { timeout: 240_000 },
    async () => {
      const backup = await runStyr(['backup', backupFile], env);
      expect(backup.stderr).toBe('');
      expect(backup.exitCode).toBe(0);
      expect(backup.stdout).toContain(`Sikkerhetskopi skrevet til ${backupFile}`);
      const entries: string[] = [];
      await tar.list({ file: backupFile, onReadEntry: (entry) => entries.push(entry.path) });
      expect(entries).toContain('manifest.json');
      expect(entries).toContain('spend/lines/month=2026-01/part-a.parquet');
      expect(entries.some((name) => name.includes('engine.duckdb'))).toBe(false);
      expect(entries).toContain(kind === 'pglite' ? 'database/pgdata/PG_VERSION' : 'database/postgres.dump');

      // After the backup: a new organisation (audited), one spend file gone and another added.
      await withDatabase((db) =>
        writeAudited(db, systemActor('test'), async (tx, recordAudit) => {
          await tx.insert(organisations).values({ code: 'ETTER', name: 'Helse Etter RHF', kind: 'RHF' });
          await recordAudit({
            action: 'create',
            entityType: 'organisation',
            entityId: null,
            summary: 'etter',
          });
        }),
      );
      fs.rmSync(spendFile(dataDir, 'lines/month=2026-01/part-a.parquet'));
      fs.writeFileSync(spendFile(dataDir, 'lines/month=2026-02/part-c.parquet'), 'PAR1 ny');

      const refused = await runStyr(['restore', backupFile], env);
      expect(refused.exitCode).toBe(5);
      expect(refused.stderr).toContain('Bruk --replace');
      expect(fs.existsSync(spendFile(dataDir, 'lines/month=2026-02/part-c.parquet'))).toBe(true);

      const restored = await runStyr(['restore', backupFile, '--replace'], env);
      expect(restored.stderr).toBe('');
      expect(restored.exitCode).toBe(0);
      expect(restored.stdout).toContain('Revisjonsloggen er intakt');

      expect(fs.readFileSync(spendFile(dataDir, 'lines/month=2026-01/part-a.parquet'), 'utf8')).toBe(
        'PAR1 januar',
      );
      expect(fs.existsSync(spendFile(dataDir, 'lines/month=2026-02/part-c.parquet'))).toBe(false);
      expect(fs.readFileSync(spendFile(dataDir, 'invoices/part-a.parquet'), 'utf8')).toBe('PAR1 fakturaer');
      // The engine's prepared state belonged to the replaced files: gone, to be rebuilt.
      expect(fs.existsSync(spendFile(dataDir, 'engine.duckdb'))).toBe(false);

      await withDatabase(async (db) => {
        expect(await db.select().from(organisations).where(eq(organisations.code, 'ETTER'))).toHaveLength(0);
        expect(await db.select().from(organisations).where(eq(organisations.code, 'HV'))).toHaveLength(1);
        const [last] = await db
          .select()
          .from(auditLog)
          .orderBy(sql`${auditLog.id} desc`)
          .limit(1);
        expect(last).toMatchObject({ action: 'restore', entityType: 'backup', entityId: 'styr.backup' });
        expect(await db.select().from(auditLog).where(eq(auditLog.summary, 'etter'))).toHaveLength(0);
        expect((await verifyAuditChain(db)).intact).toBe(true);
      });
    },
  );

  it('refuses a damaged archive before changing anything', { timeout: 180_000 }, async () => {
    const unpacked = path.join(work, 'unpacked');
    fs.mkdirSync(unpacked);
    await tar.extract({ file: backupFile, cwd: unpacked });
    fs.appendFileSync(path.join(unpacked, 'spend/invoices/part-a.parquet'), ' endret');
    const damaged = path.join(work, 'damaged.backup');
    await tar.create({ gzip: true, file: damaged, cwd: unpacked }, fs.readdirSync(unpacked));
    const restoresBefore = await withDatabase(
      async (db) => (await db.select().from(auditLog).where(eq(auditLog.action, 'restore'))).length,
    );

    await expect(restoreBackup(target(), damaged, { actor, replaceExisting: true })).rejects.toMatchObject({
      code: 'badRequest',
      message: expect.stringContaining(
        'Kontrollsummen for spend/invoices/part-a.parquet stemmer ikke',
      ) as unknown,
    });
    expect(fs.readFileSync(spendFile(dataDir, 'invoices/part-a.parquet'), 'utf8')).toBe('PAR1 fakturaer');
    await withDatabase(async (db) =>
      expect(await db.select().from(auditLog).where(eq(auditLog.action, 'restore'))).toHaveLength(
        restoresBefore,
      ),
    );

    const garbage = path.join(work, 'garbage.backup');
    fs.writeFileSync(garbage, 'ikke en sikkerhetskopi');
    await expect(restoreBackup(target(), garbage, { actor, replaceExisting: true })).rejects.toMatchObject({
      code: 'badRequest',
      message: expect.stringContaining('ikke en lesbar sikkerhetskopi') as unknown,
    });
  });
});
