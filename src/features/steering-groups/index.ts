// The steering-groups feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export * as steeringGroupsRepo from './steering-groups.repo.js';
export { listSteeringGroups } from './steering-groups.service.js';
export type { MembershipHabilitet } from './steering-groups.service.js';
