// Pure authorisation rules: who may do what, by role and organisation. No I/O.
import type { roleIds } from '../../shared/enums.js';

export type Role = (typeof roleIds)[number];

export interface RoleGrant {
  role: Role;
  organisationId: string;
}

export interface CurrentUser {
  userId: string;
  username: string;
  personId: string;
  personName: string;
  organisationId: string;
  roles: RoleGrant[];
}

/** What a route demands before its handler runs; every API route must declare one (fail closed). */
export type RouteAccess = 'public' | 'authenticated' | readonly Role[];

export const roleLabels: Record<Role, string> = {
  secretariat: 'Porteføljesekretariat',
  procurementLead: 'Leder anskaffelse',
  steeringGroupMember: 'Styringsgruppemedlem',
  rhfContact: 'Kontaktperson RHF',
  hfPurchasing: 'Innkjøp HF',
  readOnly: 'Lesetilgang',
  shiLine: 'Linjeledelse Sykehusinnkjøp',
};

export function hasRole(user: CurrentUser, ...roles: Role[]): boolean {
  return user.roles.some((grant) => roles.includes(grant.role));
}

export function isSecretariat(user: CurrentUser): boolean {
  return hasRole(user, 'secretariat');
}

/** The organisations for which the user holds the role (e.g. the RHFs a contact person speaks for). */
export function organisationsForRole(user: CurrentUser, role: Role): string[] {
  return user.roles.filter((grant) => grant.role === role).map((grant) => grant.organisationId);
}

export function isAllowedByRouteAccess(
  user: CurrentUser | null,
  access: RouteAccess,
): 'ok' | 'unauthenticated' | 'forbidden' {
  if (access === 'public') return 'ok';
  if (!user) return 'unauthenticated';
  if (access === 'authenticated') return 'ok';
  return hasRole(user, ...access) ? 'ok' : 'forbidden';
}

/** The RHF appoints its members (seed 001 §7.5): its contact person may edit memberships representing it. */
export function canEditMembership(user: CurrentUser, representedRhfId: string): boolean {
  return isSecretariat(user) || organisationsForRole(user, 'rhfContact').includes(representedRhfId);
}

/** The secretariat edits every procurement; a procurement lead only the ones they lead. */
export function canEditProcurement(user: CurrentUser, procurementLeadId: string | null): boolean {
  return isSecretariat(user) || (hasRole(user, 'procurementLead') && procurementLeadId === user.personId);
}

export const writeRoles = {
  referenceData: ['secretariat'],
  memberships: ['secretariat', 'rhfContact'],
  procurementsCreate: ['secretariat', 'procurementLead'],
  procurementsEdit: ['secretariat', 'procurementLead'],
  auditRead: ['secretariat'],
  peopleRead: ['secretariat', 'rhfContact', 'procurementLead'],
  usersAdmin: ['secretariat'],
} as const satisfies Record<string, readonly Role[]>;
