// The spend feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export { listClassificationMappings } from './spend.repo.js';
export { seedSpendDemo } from './spend-demo.js';
// The app's one spend store and engine, and a supplier's spend per HF on given articles from it.
export { appSpendStore } from './spend-app-store.js';
export { getSupplierArticleSpend, type HfArticleSpend } from './spend-kpi.service.js';
export type { SpendStore } from './spend-store.js';
export { spendDirectory } from './spend.config.js';
