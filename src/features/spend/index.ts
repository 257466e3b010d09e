// The spend feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export { listClassificationMappings } from './spend.repo.js';
export { seedSpendDemo } from './spend-demo.js';
