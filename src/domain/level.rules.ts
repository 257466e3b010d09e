// Procurement level from the participating HFs (DOMAIN.md "Procurement levels"). Pure.
export type ProcurementLevel = 'lokal' | 'regional' | 'flerregional' | 'nasjonal';

export const levelLabels: Record<ProcurementLevel, string> = {
  lokal: 'Lokal',
  regional: 'Regional',
  flerregional: 'Flerregional',
  nasjonal: 'Nasjonal',
};

export interface HfRef {
  id: string;
  rhfId: string;
}

/**
 * nasjonal: at least one HF from each RHF; flerregional: HFs of two or more RHFs; regional: every HF of one
 * RHF; lokal: some HFs of one RHF. Null when no HF takes part yet.
 */
export function deriveLevel(
  participatingHfIds: readonly string[],
  hfs: readonly HfRef[],
  rhfIds: readonly string[],
): ProcurementLevel | null {
  const participating = new Set(participatingHfIds);
  const regions = new Set(hfs.filter((hf) => participating.has(hf.id)).map((hf) => hf.rhfId));
  if (regions.size === 0) return null;
  if (rhfIds.length > 0 && rhfIds.every((rhfId) => regions.has(rhfId))) return 'nasjonal';
  if (regions.size >= 2) return 'flerregional';
  const [region] = regions;
  const allOfRegion = hfs.filter((hf) => hf.rhfId === region).every((hf) => participating.has(hf.id));
  return allOfRegion ? 'regional' : 'lokal';
}

/** The RHFs whose HFs take part: in a flerregional procurement only their members decide. */
export function participatingRhfIds(participatingHfIds: readonly string[], hfs: readonly HfRef[]): string[] {
  const participating = new Set(participatingHfIds);
  return [...new Set(hfs.filter((hf) => participating.has(hf.id)).map((hf) => hf.rhfId))].sort();
}

/** Lokal and regional procurements are outside the national model: no steering group, no gates. */
export function isInNationalModel(level: ProcurementLevel | null): boolean {
  return level === 'flerregional' || level === 'nasjonal';
}

/**
 * Who may take part in a procurement: the HFs, and the jointly owned trusts (felleseide foretak, seed 001
 * Vedlegg 03) that use the national agreements. A trust belongs to no region, so it never moves the level.
 */
export function canTakePart(organisation: { kind: string; subtype: string | null }): boolean {
  return (
    organisation.kind === 'HF' || (organisation.kind === 'other' && organisation.subtype === 'jointlyOwned')
  );
}
