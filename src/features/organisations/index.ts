// The organisations feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export * as organisationsRepo from './organisations.repo.js';
