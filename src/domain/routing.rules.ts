// Routing: which steering group a procurement belongs to (seed 001 §6). Pure.
// A group covering the procurement's purchase group wins over one covering its category.
export interface CoverageEntry {
  steeringGroupId: string;
  categoryId: string;
}

export type RoutingResult =
  | { status: 'resolved'; steeringGroupId: string; via: 'purchaseGroup' | 'category' }
  | { status: 'none' }
  | { status: 'ambiguous'; steeringGroupIds: string[]; via: 'purchaseGroup' | 'category' };

export function resolveSteeringGroup(
  procurement: { categoryId: string; purchaseGroupId: string | null },
  coverage: readonly CoverageEntry[],
): RoutingResult {
  const groupsCovering = (categoryId: string) => [
    ...new Set(
      coverage.filter((entry) => entry.categoryId === categoryId).map((entry) => entry.steeringGroupId),
    ),
  ];
  const levels: Array<['purchaseGroup' | 'category', string | null]> = [
    ['purchaseGroup', procurement.purchaseGroupId],
    ['category', procurement.categoryId],
  ];
  for (const [via, categoryId] of levels) {
    if (categoryId === null) continue;
    const groups = groupsCovering(categoryId);
    if (groups.length === 1) return { status: 'resolved', steeringGroupId: groups[0]!, via };
    if (groups.length > 1) return { status: 'ambiguous', steeringGroupIds: groups.sort(), via };
  }
  return { status: 'none' };
}

/** The routing outcome in the users' words, for the procurement page and the secretariat's error list. */
export function describeRouting(
  routing: RoutingResult,
  procurement: { categoryCode: string; purchaseGroupCode: string | null },
  groupName: (id: string) => string,
): string | null {
  if (routing.status === 'resolved') return null;
  const node = procurement.purchaseGroupCode
    ? `innkjøpsgruppen ${procurement.purchaseGroupCode} eller kategorien ${procurement.categoryCode}`
    : `kategorien ${procurement.categoryCode}`;
  if (routing.status === 'none') {
    return `Ingen styringsgruppe dekker ${node}. Porteføljesekretariatet må knytte kategorien til en styringsgruppe.`;
  }
  return `${routing.steeringGroupIds.map(groupName).join(' og ')} dekker begge ${routing.via === 'purchaseGroup' ? `innkjøpsgruppen ${procurement.purchaseGroupCode}` : `kategorien ${procurement.categoryCode}`}; en anskaffelse skal ha nøyaktig én styringsgruppe.`;
}
