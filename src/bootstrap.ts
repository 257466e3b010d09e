import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { isDatabaseEmpty, seedDemoData, seedReferenceData } from './features/seed/seed.js';
import { seedSecretariatDemo } from './features/meetings/meetings.seed.js';
import { seedSpendDemo } from './features/spend/spend-demo.js';
import { seedPortfolioDemo } from './features/reporting/portfolio-demo.js';
import { seedDemoProcurements } from './features/reporting/portfolio-demo-procurements.js';
import { seedCategoryResponsibilityDemo } from './features/category-responsibility/index.js';
import type { Clock } from './shared/clock.js';

export function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  return openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
}

/**
 * Applies migrations; on an empty database loads the reference data; in demo mode adds the demo users. Under the
 * database's startup lock: several instances starting at once on one PostgreSQL do this one after the other
 * (the later ones find the migrations applied and the data seeded).
 */
export function prepareDatabase(
  database: Database,
  options: { demo: boolean; clock: Clock; spendDir?: string },
) {
  return database.exclusively(() => migrateAndSeed(database, options));
}

async function migrateAndSeed(
  database: Database,
  options: { demo: boolean; clock: Clock; spendDir?: string },
) {
  await database.migrate();
  const today = options.clock.today();
  const seeded = (await isDatabaseEmpty(database.db)) ? await seedReferenceData(database.db) : null;
  const demo = options.demo ? await seedDemoData(database.db, today) : null;
  if (options.demo) await seedSecretariatDemo(database.db, today);
  if (options.demo && options.spendDir) await seedSpendDemo(database.db, options.spendDir, today);
  if (options.demo) await seedPortfolioDemo(database.db, today);
  if (options.demo) await seedDemoProcurements(database.db, today);
  if (options.demo) await seedCategoryResponsibilityDemo(database.db, today);
  return { seeded, demo };
}
