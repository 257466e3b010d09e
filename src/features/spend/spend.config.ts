// Settings of the spend feature that the server, the CLI and the tests share.
import path from 'node:path';
import type { Config } from '../../config.js';

/** The largest AP (leverandørreskontro) CSV file accepted in one upload. */
export const MAX_SPEND_CSV_BYTES = 50 * 1024 * 1024;

/** Where the Parquet files live: STYR_DATA_DIR/spend. */
export const spendDirectory = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'spend');
