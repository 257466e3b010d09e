// Data-layer tests run against both engines: in-memory PGlite and the real PostgreSQL server.
// The PostgreSQL target gets a fresh database per test file (dropped afterwards); it is never skipped:
// if the server cannot be reached the tests fail with the reason.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';
import { seedDemoData, seedReferenceData } from '../../src/features/seed/seed.js';

export const databaseKinds = ['pglite', 'postgres'] as const;
export type DatabaseKind = (typeof databaseKinds)[number];

export const adminUrl = process.env.STYR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends Database {
  /** The PostgreSQL database's URL (for a CLI child process); undefined for in-memory PGlite. */
  url?: string;
  /** Closes the connection and drops the per-file PostgreSQL database. */
  dispose(): Promise<void>;
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${adminUrl} (${(error as Error).message}). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start — or run npm test, which does.`,
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database (`migrated: false` leaves it empty, for tests of the migrations themselves). */
export async function createTestDatabase(
  kind: DatabaseKind,
  { migrated = true }: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite' });
    if (migrated) await database.migrate();
    return { ...database, dispose: () => database.close() };
  }
  const name = `styr_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  if (migrated) await database.migrate();
  return {
    ...database,
    url: url.toString(),
    async dispose() {
      await database.close();
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export const TEST_TODAY = '2026-06-15';

/** A migrated database with the reference data and the demo users. */
export async function createSeededDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const database = await createTestDatabase(kind);
  await seedReferenceData(database.db);
  await seedDemoData(database.db, TEST_TODAY);
  return database;
}
