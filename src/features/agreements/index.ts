// The agreements feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export { createAgreementSchema } from './agreements.schemas.js';
export { importAgreements, listExpiringAgreements } from './agreements.service.js';
export { cellText } from './agreement-file.js';
