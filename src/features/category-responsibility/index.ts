// The category-responsibility feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export { getRegionResponsibility } from './category-responsibility.service.js';
export { seedCategoryResponsibilityDemo } from './category-responsibility.demo.js';
