// A real server for browser and API tests: the Fastify app on a random port, an in-memory PGlite
// database with reference and demo data, and the built web app (dist/web).
import { buildApp } from '../../src/app.js';
import { prepareDatabase } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import type { App } from '../../src/shared/http.js';

export interface TestServer {
  url: string;
  app: App;
  database: Database;
  close(): Promise<void>;
}

export async function startTestServer(
  options: { database?: Database; today?: string } = {},
): Promise<TestServer> {
  const database = options.database ?? (await openDatabase({ kind: 'pglite' }));
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  await prepareDatabase(database, { demo: true, today });
  const config = loadConfig({ STYR_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
  const app = await buildApp({ db: database.db, config, today: () => today }, { serveWeb: true });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
