// The governance-bodies feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export * as governanceBodiesRepo from './governance-bodies.repo.js';
export { getModelView, listModels, seedRegionalModels, updateModel } from './governance-model.service.js';
export { seedBodyDemoMembers } from './bodies.seed.js';
