// Who acts in the regional model (seed 000), by role × organisation: the portfolio secretariat everywhere, the
// RHF's contact person for their region (Innkjøpsforum's and REFIL's decisions are recorded by the RHF), and
// an HF's purchasing manager (role hfPurchasing) for the rows of their own HF only. Pure.

export interface Grants {
  roles: ReadonlyArray<{ role: string; organisationId: string }>;
}

const holds = (user: Grants, role: string, organisationId: string) =>
  user.roles.some((grant) => grant.role === role && grant.organisationId === organisationId);

/** Secretariat, or the contact person of this RHF: records Innkjøpsforum's and REFIL's decisions for the region. */
export function canCoordinateRegion(user: Grants, regionId: string): boolean {
  return user.roles.some((grant) => grant.role === 'secretariat') || holds(user, 'rhfContact', regionId);
}

/** The region's coordinators, or the HF's own purchasing manager: may update what the HF is responsible for. */
export function canActForHf(user: Grants, regionId: string, hfId: string): boolean {
  return canCoordinateRegion(user, regionId) || holds(user, 'hfPurchasing', hfId);
}
