// The auth feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export {
  canEditMembership,
  canEditProcurement,
  hasRole,
  isSecretariat,
  organisationsForRole,
  writeRoles,
} from './access.rules.js';
export type { CurrentUser, Role } from './access.rules.js';
export { loadCurrentUser } from './auth.repo.js';
export { roleSchema } from './auth.schemas.js';
export { hashPassword } from './password.js';
export { findAccountByUsername } from './auth.repo.js';
