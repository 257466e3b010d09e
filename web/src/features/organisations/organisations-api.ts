import type {
  CreateOrganisation,
  Organisation,
  UpdateOrganisation,
} from '@server/features/organisations/organisations.schemas.js';
import { api } from '../../shared/api-client.js';
import { compareNb } from '../../shared/format.js';

export type { Organisation };
export const organisationsPath = '/api/organisations';

export type OrganisationInput = Partial<CreateOrganisation>;

export const createOrganisation = (body: OrganisationInput) =>
  api.post<Organisation>(organisationsPath, body);
export const updateOrganisation = (id: string, body: UpdateOrganisation) =>
  api.patch<Organisation>(`${organisationsPath}/${id}`, body);

export function sortByName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareNb(a.name, b.name));
}

export function listRhfs(organisations: readonly Organisation[]): Organisation[] {
  return sortByName(organisations.filter((org) => org.kind === 'RHF'));
}

export interface HfRegion {
  rhf: Organisation | null;
  hfs: Organisation[];
}

/** The HFs grouped by their RHF; HFs without an RHF (jointly owned) come last under rhf = null. */
export function groupHfsByRhf(organisations: readonly Organisation[]): HfRegion[] {
  const hfs = organisations.filter((org) => org.kind === 'HF');
  const regions: HfRegion[] = listRhfs(organisations).map((rhf) => ({
    rhf,
    hfs: sortByName(hfs.filter((hf) => hf.rhfId === rhf.id)),
  }));
  const known = new Set(regions.map((region) => region.rhf?.id));
  const others = sortByName(hfs.filter((hf) => !hf.rhfId || !known.has(hf.rhfId)));
  if (others.length > 0) regions.push({ rhf: null, hfs: others });
  return regions;
}
