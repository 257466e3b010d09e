// The implementation feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export { getImplementationOverview } from './implementation.service.js';
export { createPlans, updateItem } from './implementation.service.js';
