// A real server for browser and API tests: the Fastify app on a random port, an in-memory PGlite
// database with reference and demo data, and the built web app (dist/web). Its clock starts at 10:00 in Oslo on
// a fixed day (TEST_TODAY unless given) and runs from there, so neither the demo data nor the outcome depends
// on the day the suite runs; the browser helpers pin Chromium to the same clock.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/app.js';
import { prepareDatabase } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { spendDirectory } from '../../src/features/spend/spend.config.js';
import { clockStartingAt, osloInstant, type Clock } from '../../src/shared/clock.js';
import type { App } from '../../src/shared/http.js';
import { TEST_TODAY } from './databases.js';

export interface TestServer {
  url: string;
  app: App;
  database: Database;
  clock: Clock;
  close(): Promise<void>;
}

const clocksByUrl = new Map<string, Clock>();

/** The clock of the test server listening on `url` (the browser helpers install it in Chromium). */
export function clockOfServer(url: string): Clock | undefined {
  return clocksByUrl.get(new URL(url).origin);
}

/** A running clock that starts at 10:00 in Oslo on `day`. */
export function testClock(day: string = TEST_TODAY): Clock {
  return clockStartingAt(osloInstant(day, '10:00'));
}

/** Listens on a random local port and makes the app's clock known to the browser helpers. */
export async function listenForTests(app: App, clock: Clock, port = 0): Promise<string> {
  let origin = '';
  app.addHook('onClose', async () => {
    clocksByUrl.delete(origin);
  });
  const url = await app.listen({ port, host: '127.0.0.1' });
  origin = new URL(url).origin;
  clocksByUrl.set(origin, clock);
  return url;
}

export interface TestServerOptions {
  database?: Database;
  today?: string;
  /** A clock of the test's own (e.g. one it moves on by days); else testClock(today). */
  clock?: Clock;
  dataDir?: string;
  env?: Record<string, string>;
  /** A port chosen beforehand (freePort), when the address must be known before the server starts. */
  port?: number;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await openDatabase({ kind: 'pglite' }));
  const clock = options.clock ?? testClock(options.today);
  // The database is in memory; the data folder only holds the spend Parquet files (a temp dir by default).
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'styr-test-data-'));
  const config = loadConfig({ STYR_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...options.env });
  await prepareDatabase(database, { demo: true, clock, spendDir: spendDirectory(config) });
  const app = await buildApp({ db: database.db, config, clock }, { serveWeb: true });
  const url = await listenForTests(app, clock, options.port);
  return {
    url,
    app,
    database,
    clock,
    async close() {
      await app.close();
      await database.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A port free on 127.0.0.1 right now (for a server whose address another server must know first). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
