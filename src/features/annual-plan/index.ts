// The annual-plan feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export { changeStatus, commentOnItem, createPlan, getPlan, putItem } from './annual-plan.service.js';
