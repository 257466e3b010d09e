// The categories feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export * as categoriesRepo from './categories.repo.js';
