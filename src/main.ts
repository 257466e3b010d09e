import { buildApp } from './app.js';
import { openConfiguredDatabase, prepareDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import { spendDirectory } from './features/spend/spend.config.js';
import { pinnedClock } from './shared/clock.js';

const config = loadConfig();
// The system clock, or in a demo pinned to STYR_TODAY.
const clock = pinnedClock(config.today);
const database = await openConfiguredDatabase(config);
const prepared = await prepareDatabase(database, {
  demo: config.demo,
  clock,
  spendDir: spendDirectory(config),
});
const app = await buildApp(
  { db: database.db, config, clock },
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
    today: clock.today(),
    demoUsers: config.demo
      ? 'sekretariat, leder, medlem, kontakt, innkjop, lesetilgang (password: demo)'
      : 'off',
  },
  `Styringsportalen på http://localhost:${config.port}`,
);
