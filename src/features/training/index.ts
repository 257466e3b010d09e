// The training feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export { trainingApprovedOnOf } from './training.tables.js';
export { groupTrainingSchema } from './training.schemas.js';
export { groupTraining } from './training.service.js';
