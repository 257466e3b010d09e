// The reporting feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export * as reportingRepo from './reporting.repo.js';
export { seedPortfolioDemo } from './portfolio-demo.js';
export { demoProcurements, seedDemoProcurements } from './portfolio-demo-procurements.js';
