// The reporting feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export * as reportingRepo from './reporting.repo.js';
