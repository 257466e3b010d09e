// The procurements feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export * as procurementsRepo from './procurements.repo.js';
export {
  getProcurement,
  listProcurementPage,
  listProcurements,
  listProcurementsByIds,
} from './procurements.service.js';
export { listProcurementsQuery, procurementSchema } from './procurements.schemas.js';
export type { ProcurementDto } from './procurements.service.js';
export { updateProcurement } from './procurements.service.js';
