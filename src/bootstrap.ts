import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { isDatabaseEmpty, seedReferenceData } from './features/seed/seed.js';
import { seedDemo } from './features/seed/demo-portfolio.js';
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
  // The same demo step as `styr seed --demo` (features/seed/demo-portfolio.ts).
  const demo = options.demo ? await seedDemo(database.db, today, { spendDir: options.spendDir }) : null;
  return { seeded, demo };
}
