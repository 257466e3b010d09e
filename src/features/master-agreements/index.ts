// The master-agreements feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export { listMasterAgreements } from './master-agreements.service.js';
export { getHarmonisation } from './harmonisation-kpis.js';
export { importArticleMappings } from './import-article-mappings.js';
