// The spend feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export { listClassificationMappings } from './spend.repo.js';
export { seedSpendDemo } from './spend-demo.js';
// The Parquet line source and its rate rule, for features that aggregate EHF lines in DuckDB themselves.
export { lineSource } from './spend-engine.js';
export { sqlString } from './spend-store.js';
export { RATE_LOOKBACK_DAYS } from './spend.rules.js';
export { spendDirectory } from './spend.config.js';
