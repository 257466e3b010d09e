// The people feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export * as peopleRepo from './people.repo.js';
