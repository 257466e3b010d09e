// The tamper-evident audit log over HTTP and through `styr audit verify`: intact after real writes, and a row
// edited as a database superuser (triggers off) is found and named, on both databases.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import type { Db } from '../../src/db/client.js';
import { seedDemoData, seedReferenceData } from '../../src/features/seed/seed.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { App } from '../../src/shared/http.js';
import { runStyr } from '../support/cli.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';

async function editAsSuperuser(db: Db, summary: string): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    const result: unknown = await tx.execute(
      sql`update audit_log set summary = ${summary} where id = (select id from audit_log order by id offset 1 limit 1) returning id`,
    );
    return Number((result as { rows: Array<{ id: string }> }).rows[0]!.id);
  });
}

describe.each(databaseKinds)('audit verification over HTTP on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  const login = async (username: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'demo' },
    });
    expect(response.statusCode).toBe(200);
    return `styr_session=${response.cookies.find((c) => c.name === 'styr_session')!.value}`;
  };
  const verify = (cookie: string) =>
    app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie } });

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    app = await buildApp(
      { db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: fixedClock(TEST_TODAY) },
      { serveWeb: false },
    );
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it('is for the secretariat only', async () => {
    expect((await verify(await login('leder'))).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/audit/verify' })).statusCode).toBe(401);
  });

  it('reports the chain intact after writes over HTTP, and the edited row after tampering', async () => {
    const cookie = await login('sekretariat');
    const intact = await verify(cookie);
    expect(intact.statusCode).toBe(200);
    // The logins themselves are audited writes: the chain covers them.
    expect(intact.json()).toMatchObject({ intact: true, firstBreak: null });
    expect(intact.json<{ checkedRows: number }>().checkedRows).toBeGreaterThan(2);

    const edited = await editAsSuperuser(database.db, 'Ingen endring her');
    const broken = await verify(cookie);
    expect(broken.statusCode).toBe(200);
    expect(broken.json()).toMatchObject({
      intact: false,
      firstBreak: { id: edited, reason: 'contentChanged' },
    });
    expect(broken.json<{ firstBreak: { message: string } }>().firstBreak.message).toContain(`Rad ${edited}`);
  });
});

describe.each(databaseKinds)('styr audit verify on %s', (kind) => {
  let env: Record<string, string>;
  let database: Database;
  let dispose: () => Promise<void>;
  let dataDir: string;

  beforeAll(async () => {
    if (kind === 'postgres') {
      const testDatabase = await createSeededDatabase('postgres');
      database = testDatabase;
      env = { DATABASE_URL: testDatabase.url! };
      dispose = () => testDatabase.dispose();
    } else {
      // The CLI opens the PGlite folder itself, so the test closes its own handle around each run.
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-audit-cli-'));
      database = await openDatabase({ kind: 'pglite', dataDir });
      await database.migrate();
      await seedReferenceData(database.db);
      await seedDemoData(database.db, TEST_TODAY);
      await database.close();
      env = { STYR_DATA_DIR: dataDir };
      dispose = async () => fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
  afterAll(() => dispose());

  const withDatabase = async <T>(run: (db: Db) => Promise<T>): Promise<T> => {
    if (kind === 'postgres') return run(database.db);
    const reopened = await openDatabase({ kind: 'pglite', dataDir });
    try {
      return await run(reopened.db);
    } finally {
      await reopened.close();
    }
  };

  it(
    'exits 0 on an intact log and 7 naming the first broken row after an edit',
    { timeout: 180_000 },
    async () => {
      const intact = await runStyr(['audit', 'verify'], env);
      expect(intact.stderr).toBe('');
      expect(intact.exitCode).toBe(0);
      expect(intact.stdout).toMatch(/Revisjonsloggen er intakt: \d+ rader kontrollert/);

      const edited = await withDatabase((db) => editAsSuperuser(db, 'Skjult endring'));
      const broken = await runStyr(['audit', 'verify'], env);
      expect(broken.exitCode).toBe(7);
      expect(broken.stderr).toContain(`Revisjonsloggen er brutt ved rad ${edited}`);
    },
  );
});
