// Settings of the spend feature that the server, the CLI and the tests share.
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config.js';

/** The largest AP (leverandørreskontro) CSV file accepted in one upload. */
export const MAX_SPEND_CSV_BYTES = 50 * 1024 * 1024;

/** Where the Parquet files live: STYR_DATA_DIR/spend. */
export const spendDirectory = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'spend');

const GB = 1024 ** 3;

/**
 * DuckDB's limits for the spend store (the KPI engine and the Parquet writer). DuckDB's own default is 80 % of
 * the machine's memory, too much for a server that shares it with PostgreSQL and Node: by default a quarter of
 * it, at least 1 GB and at most 4 GB (beyond the limit DuckDB spills to STYR_DATA_DIR/spend/.duckdb-tmp; the
 * from-scratch build of 10 M lines takes a few seconds at 4 GB, tens at 1 GB), and 2 threads.
 * STYR_SPEND_MEMORY_LIMIT (e.g. `2GB`) and STYR_SPEND_THREADS override them.
 */
export function spendDuckDbLimits(
  env: NodeJS.ProcessEnv = process.env,
  totalBytes = os.totalmem(),
): { memoryLimit: string; threads: number } {
  const quarter = Math.min(4 * GB, Math.max(1 * GB, totalBytes / 4));
  const memoryLimit = /^\d+(\.\d+)?\s*(MB|GB|MiB|GiB)$/i.test(env.STYR_SPEND_MEMORY_LIMIT ?? '')
    ? env.STYR_SPEND_MEMORY_LIMIT!
    : `${Math.floor(quarter / 1024 ** 2)}MB`;
  const threads = Number.parseInt(env.STYR_SPEND_THREADS ?? '', 10);
  return { memoryLimit, threads: Number.isInteger(threads) && threads >= 1 ? threads : 2 };
}
