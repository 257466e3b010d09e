// What the UI offers per role. The server decides; this only hides what would be refused.
// Mirrors writeRoles in src/features/auth/access.rules.ts.
import type { Role } from '../../shared/labels.js';
import type { CurrentUser } from './auth-api.js';

export function hasRole(user: CurrentUser, ...roles: Role[]): boolean {
  return user.roles.some((grant) => roles.includes(grant.role));
}

export const can = {
  editReferenceData: (user: CurrentUser) => hasRole(user, 'secretariat'),
  editMemberships: (user: CurrentUser) => hasRole(user, 'secretariat', 'rhfContact'),
  /** An RHF contact person appoints the members representing their own RHF (seed 001 §7.5). */
  editMembership: (user: CurrentUser, representedRhfId: string) =>
    hasRole(user, 'secretariat') ||
    user.roles.some((grant) => grant.role === 'rhfContact' && grant.organisationId === representedRhfId),
  createProcurement: (user: CurrentUser) => hasRole(user, 'secretariat', 'procurementLead'),
  editProcurement: (user: CurrentUser, procurementLeadId: string | null) =>
    hasRole(user, 'secretariat') || (hasRole(user, 'procurementLead') && procurementLeadId === user.personId),
  readPeople: (user: CurrentUser) => hasRole(user, 'secretariat', 'rhfContact', 'procurementLead'),
  createPeople: (user: CurrentUser) => hasRole(user, 'secretariat', 'rhfContact'),
  readAudit: (user: CurrentUser) => hasRole(user, 'secretariat'),
};
