// Norwegian labels for the API's identifiers, in the users' own terms.
import type { competenceAreaIds, procurementStatusIds, roleIds } from '../../../src/shared/enums.js';

export type Role = (typeof roleIds)[number];
export type ProcurementStatus = (typeof procurementStatusIds)[number];
export type CompetenceArea = (typeof competenceAreaIds)[number];

export { roleLabels } from '../../../src/features/auth/access.rules.js';

export const statusLabels: Record<ProcurementStatus, string> = {
  planned: 'Planlagt',
  ongoing: 'Pågående',
  announced: 'Kunngjort',
  awarded: 'Tildelt',
  completed: 'Avsluttet',
  cancelled: 'Avlyst',
};
export const statusOrder: ProcurementStatus[] = [
  'planned',
  'ongoing',
  'announced',
  'awarded',
  'completed',
  'cancelled',
];

export const competenceLabels: Record<CompetenceArea, string> = {
  okonomi: 'Økonomi',
  marked: 'Marked',
  fag: 'Fag',
};
export const competenceOrder: CompetenceArea[] = ['okonomi', 'marked', 'fag'];

export const organisationKindLabels = {
  RHF: 'Regionalt helseforetak (RHF)',
  HF: 'Helseforetak (HF)',
  SHI: 'Sykehusinnkjøp',
  other: 'Annen virksomhet',
} as const;

export const organisationSubtypeLabels = {
  division: 'Divisjon',
  jointlyOwned: 'Felleseid foretak',
  stateEnterprise: 'Statsforetak',
} as const;

export const categoryKindLabels = { category: 'Kategori', purchaseGroup: 'Innkjøpsgruppe' } as const;
export const runByLabels = { SHI: 'Sykehusinnkjøp', RHF: 'RHF' } as const;

export const routingLabels = {
  resolved: 'Knyttet til styringsgruppe',
  none: 'Ingen styringsgruppe dekker kategorien',
  ambiguous: 'Flere styringsgrupper dekker kategorien',
  outsideModel: 'Utenfor den nasjonale styringsmodellen',
} as const;

export const entityTypeLabels: Record<string, string> = {
  organisation: 'Organisasjon',
  category: 'Kategori',
  steeringGroup: 'Styringsgruppe',
  membership: 'Medlemskap',
  procurement: 'Anskaffelse',
  person: 'Person',
  user: 'Bruker',
  session: 'Innlogging',
};
