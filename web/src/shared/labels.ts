// Norwegian labels for the API's identifiers, in the users' own terms.
import { gateLabels } from '@server/domain/involvement.rules.js';
import type { competenceAreaIds, procurementStatusIds, roleIds } from '@server/shared/enums.js';

export type Role = (typeof roleIds)[number];
export type ProcurementStatus = (typeof procurementStatusIds)[number];
export type CompetenceArea = (typeof competenceAreaIds)[number];

export { roleLabels } from '@server/features/auth/access.rules.js';

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
  case: 'Sak',
  governanceConfig: 'Styringsmodell',
};

// ---- Governance workflow (issue 3) ----
export { gateLabels };
/** A case's gate: a national phase gate or a regional body's case subject (seed 000). */
export { caseGateLabels } from '@server/domain/governance-bodies.rules.js';
export { involvementLabels } from '@server/domain/involvement.rules.js';
export { levelLabels } from '@server/domain/level.rules.js';

export const level3Labels = { høy: 'Høy', medium: 'Medium', lav: 'Lav' } as const;
export const level3Order = ['høy', 'medium', 'lav'] as const;

export const gateStatusLabels = {
  passed: 'Passert',
  ready: 'Klar til å passeres',
  awaitingCase: 'Venter på sak',
  inProgress: 'Sak til behandling',
  dissent: 'Dissens / utenfor mandat',
  escalated: 'Eskalert til RHF-ene',
  locked: 'Ikke startet',
} as const;

export const caseStatusLabels = {
  open: 'Til behandling',
  approved: 'Godkjent',
  dissent: 'Dissens',
  outsideMandate: 'Utenfor mandatet',
  escalated: 'Eskalert til RHF-ene',
  lineEscalated: 'Eskalert i linjen til Sykehusinnkjøp',
  resolved: 'Avklart av RHF-ene',
  consulted: 'Konsultasjon registrert',
  withdrawn: 'Trukket',
} as const;

export const caseKindLabels = {
  decision: 'Vedtakssak',
  consultation: 'Konsultasjon',
  delegation: 'Delegering til faggruppen',
  faggruppeMatter: 'Uavklart sak fra faggruppen',
} as const;

export const voteLabels = {
  approve: 'Godkjenner',
  object: 'Innsigelse',
  conflict: 'Inhabil',
} as const;

export const excludedReasonLabels = {
  observer: 'Observatør',
  otherRegion: 'Observatør – regionen deltar ikke i anskaffelsen',
  faggruppe: 'Sitter i faggruppen for anskaffelsen',
  inactive: 'Ikke aktivt medlem',
} as const;

export function phaseLabel(phase: string | null): string {
  if (phase === null) return 'Ingen faseporter';
  if (phase === 'implementation') return 'Implementering (alle faseporter er passert)';
  return (gateLabels as Record<string, string>)[phase] ?? phase;
}

export const escalationReasonLabels = {
  dissent: 'Dissens',
  outsideMandate: 'Utenfor mandatet',
  faggruppeMatter: 'Uavklart sak fra faggruppen, via linjen i Sykehusinnkjøp',
} as const;
export const resolutionOutcomeLabels = { approved: 'Godkjent', rejected: 'Avvist' } as const;
export const passedViaLabels: Record<string, string> = {
  decision: 'etter vedtak',
  delegation: 'delegert til faggruppen',
  consultation: 'etter konsultasjon',
  information: 'gruppen er informert',
};
