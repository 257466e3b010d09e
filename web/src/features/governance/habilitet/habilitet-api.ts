// Habilitet over /api (issue 9): per-case answers, the RHF's decisions, declarations, appointment checks.
import type { z } from 'zod';
import type {
  declarationOverviewSchema,
  declarationSchema,
  interestSchema,
  questionListSchema,
  rhfDigestViewSchema,
  compositionWarningsSchema,
} from '@server/features/governance/habilitet/habilitet.schemas.js';
import { api, withQuery } from '../../../shared/api-client.js';
import type { CaseDto } from '../governance-api.js';

export type HabilitetQuestion = z.infer<typeof questionListSchema>[number];
export type Declaration = z.infer<typeof declarationSchema>;
export type DeclarationOverview = z.infer<typeof declarationOverviewSchema>;
export type InterestInput = z.input<typeof interestSchema>;
export type HabilitetState = NonNullable<CaseDto['viewer']['habilitet']>;

export const myDeclarationPath = '/api/my/declaration';
export const declarationOverviewPath = '/api/habilitet/declarations';
export const questionsPath = (status?: 'pending') => withQuery('/api/habilitet/questions', { status });

export const answerNoConflict = (caseId: string) =>
  api.post<CaseDto>(`/api/cases/${caseId}/habilitet`, { statement: 'noKnownConflict' });
export const reportPossibleConflict = (caseId: string, reason: string) =>
  api.post<CaseDto>(`/api/cases/${caseId}/habilitet`, { statement: 'possibleConflict', reason });
export const decideQuestion = (id: string, body: { outcome: 'inhabil' | 'ikkeInhabil'; reason: string }) =>
  api.post<CaseDto>(`/api/habilitet/questions/${id}/decision`, body);
export const confirmDeclaration = (interests: InterestInput[]) =>
  api.put<Declaration>(myDeclarationPath, { interests });
export const recordAppointmentCheck = (
  membershipId: string,
  body: { outcome: 'cleared' | 'notCleared'; note: string | null },
) => api.put<unknown>(`/api/memberships/${membershipId}/appointment-check`, body);

export const habilitetStateLabels: Record<HabilitetState, string> = {
  unanswered: 'Ikke besvart',
  noKnownConflict: 'Ingen kjent konflikt',
  reported: 'Venter på RHF-ets avgjørelse',
  inhabil: 'Inhabil',
  ikkeInhabil: 'Ikke inhabil',
};
export const questionStatusLabels: Record<HabilitetQuestion['status'], string> = {
  pending: 'Venter på RHF-ets avgjørelse',
  inhabil: 'Inhabil',
  ikkeInhabil: 'Ikke inhabil',
};
export const questionSourceLabels: Record<HabilitetQuestion['source'], string> = {
  member: 'Meldt av medlemmet',
  supplierMatch: 'Treff mot tilbyder i habilitetserklæringen',
  agendaItem: 'Meldt på punkt i sakslisten',
};
export const declarationStatusLabels: Record<Declaration['status'], string> = {
  missing: 'Mangler',
  current: 'Gjeldende',
  dueSoon: 'Skal fornyes snart',
  overdue: 'Forfalt',
};
export const relationLabels: Record<InterestInput['relation'], string> = {
  ownership: 'Eierskap',
  boardSeat: 'Styreverv',
  employment: 'Ansettelse',
  closeRelative: 'Nær familie',
  other: 'Annet',
};

/** Who decided: the RHF's contact, or the secretariat on the RHF's behalf. */
export function decidedByText(question: HabilitetQuestion): string {
  if (!question.decidedByName) return '';
  return question.decidedAs === 'secretariat'
    ? `${question.decidedByName} (sekretariatet på vegne av ${question.rhfName})`
    : `${question.decidedByName} (${question.rhfName})`;
}

export type RhfDigestView = z.infer<typeof rhfDigestViewSchema>;
export type RhfDigest = RhfDigestView['digests'][number];
export const rhfDigestPath = '/api/habilitet/rhf-digest';

export type CompositionWarning = z.infer<typeof compositionWarningsSchema>[number];
export const compositionWarningsPath = '/api/habilitet/composition-warnings';
