// The procurements feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export * as procurementsRepo from './procurements.repo.js';
export { getProcurement, listProcurements } from './procurements.service.js';
export type { ProcurementDto } from './procurements.service.js';
