// Drizzle schema: the single source for the checked-in SQL migrations in /drizzle (npm run db:generate).
// A pure barrel: the core tables (core.tables.ts) and the feature-owned tables, kept beside their feature.
// Nothing here is defined, so nothing imports schema.ts back while it loads.
export * from './core.tables.js';
export * from '../features/governance/governance.tables.js';
export * from '../features/governance/habilitet/habilitet.tables.js';
export * from '../features/governance-bodies/governance-bodies.tables.js';
export * from '../features/meetings/meetings.tables.js';
export * from '../features/documents/documents.tables.js';
export * from '../features/notifications/notifications.tables.js';
export * from '../features/training/training.tables.js';
export * from '../features/reporting/reporting.tables.js';
export * from '../features/annual-plan/annual-plan.tables.js';
export * from '../features/kpis/kpis.tables.js';
export * from '../features/action-plans/action-plans.tables.js';
export * from '../features/programme/programme.tables.js';
export * from '../features/public-access/public-access.tables.js';
export * from '../features/category-responsibility/category-responsibility.tables.js';
export * from '../features/master-agreements/master-agreements.tables.js';
export * from '../features/implementation/implementation.tables.js';
