import { buildApp } from './app.js';
import { openConfiguredDatabase, prepareDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import { spendDirectory } from './features/spend/spend.routes.js';
import { todayInOslo } from './shared/today.js';

const config = loadConfig();
const database = await openConfiguredDatabase(config);
const prepared = await prepareDatabase(database, { demo: config.demo, spendDir: spendDirectory(config) });
const app = await buildApp(
  { db: database.db, config, today: () => todayInOslo() },
  { logger: { level: config.logLevel }, serveWeb: true, backgroundJobs: true },
);

const shutdown = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  {
    database: database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)',
    seeded: prepared.seeded,
    demoUsers: config.demo
      ? 'sekretariat, leder, medlem, kontakt, innkjop, lesetilgang (password: demo)'
      : 'off',
  },
  `Styringsportalen på http://localhost:${config.port}`,
);
