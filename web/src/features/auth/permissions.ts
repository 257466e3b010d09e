// What the UI offers per role. The server decides; this only hides what would be refused, using the
// server's own pure access rules so the two cannot drift apart.
import {
  canEditMembership,
  canEditProcurement,
  hasRole,
  writeRoles,
} from '@server/features/auth/access.rules.js';
import type { CurrentUser } from './auth-api.js';

export { hasRole };

export const can = {
  editReferenceData: (user: CurrentUser) => hasRole(user, ...writeRoles.referenceData),
  editMemberships: (user: CurrentUser) => hasRole(user, ...writeRoles.memberships),
  /** An RHF contact person appoints the members representing their own RHF (seed 001 §7.5). */
  editMembership: (user: CurrentUser, representedRhfId: string) => canEditMembership(user, representedRhfId),
  createProcurement: (user: CurrentUser) => hasRole(user, ...writeRoles.procurementsCreate),
  editProcurement: (user: CurrentUser, procurementLeadId: string | null) =>
    canEditProcurement(user, procurementLeadId),
  readPeople: (user: CurrentUser) => hasRole(user, ...writeRoles.peopleRead),
  createPeople: (user: CurrentUser) => hasRole(user, ...writeRoles.memberships),
  readAudit: (user: CurrentUser) => hasRole(user, ...writeRoles.auditRead),
  editAgreements: (user: CurrentUser) => hasRole(user, ...writeRoles.referenceData),
};
