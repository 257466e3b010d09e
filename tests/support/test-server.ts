// A real server for browser and API tests: the Fastify app on a random port, an in-memory PGlite
// database with reference and demo data, and the built web app (dist/web).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/app.js';
import { prepareDatabase } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { spendDirectory } from '../../src/features/spend/spend.routes.js';
import type { App } from '../../src/shared/http.js';

export interface TestServer {
  url: string;
  app: App;
  database: Database;
  close(): Promise<void>;
}

export async function startTestServer(
  options: { database?: Database; today?: string; dataDir?: string; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const database = options.database ?? (await openDatabase({ kind: 'pglite' }));
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  // The database is in memory; the data folder only holds the spend Parquet files (a temp dir by default).
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'styr-test-data-'));
  const config = loadConfig({ STYR_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...options.env });
  await prepareDatabase(database, { demo: true, today, spendDir: spendDirectory(config) });
  const app = await buildApp({ db: database.db, config, today: () => today }, { serveWeb: true });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app,
    database,
    async close() {
      await app.close();
      await database.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
