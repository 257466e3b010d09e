// The action-plans feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export { demoActionPlans } from './action-plans.demo-data.js';
