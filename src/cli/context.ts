import { openConfiguredDatabase } from '../bootstrap.js';
import { loadConfig, type Config } from '../config.js';
import type { Database } from '../db/client.js';
import { systemActor, type Actor } from '../db/unit-of-work.js';
import { AppError, exitCodeByCode } from '../shared/app-error.js';
import { pinnedClock, type Clock } from '../shared/clock.js';

export interface CliContext {
  config: Config;
  database: Database;
  actor: Actor;
  /** The system clock, or the day STYR_TODAY pins. */
  clock: Clock;
}

/** Opens the configured database (PGlite under STYR_DATA_DIR, or DATABASE_URL), migrated, for one command. */
export async function withCli(run: (context: CliContext) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    await run({
      config,
      database,
      actor: systemActor(`cli:${process.env.USER ?? 'unknown'}`),
      clock: pinnedClock(config.today),
    });
  } finally {
    await database.close();
  }
}

/** Prints an AppError with its details (row numbers for imports) and sets the matching exit code. */
export function reportCliError(error: unknown): number {
  if (error instanceof AppError) {
    process.stderr.write(`Feil: ${error.message}\n`);
    for (const detail of error.details) {
      const where = detail.row !== undefined ? `rad ${detail.row}` : (detail.path ?? '');
      process.stderr.write(`  ${where ? `${where}: ` : ''}${detail.message}\n`);
    }
    return exitCodeByCode[error.code];
  }
  process.stderr.write(`Feil: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}
