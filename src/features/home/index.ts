// The home feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export * as homeRepo from './home.repo.js';
