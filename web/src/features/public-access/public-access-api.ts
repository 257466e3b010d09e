// Public access over /api: the public journal, decisions and meetings (no login), requests for access, and
// the secretariat's queue, answers, redaction and statistics.
import type { z } from 'zod';
import type {
  AccessRequestDto,
  answerSchema,
  monthStatisticsSchema,
  PublicJournalEntry,
  publicAccessReceiptSchema,
  publicDecisionSchema,
  publicMeetingSchema,
  variantSchema,
} from '@server/features/public-access/public-access.schemas.js';
import { api, withQuery } from '../../shared/api-client.js';

export type { AccessRequestDto, PublicJournalEntry };
export type PublicDecision = z.infer<typeof publicDecisionSchema>;
export type PublicMeeting = z.infer<typeof publicMeetingSchema>;
export type Receipt = z.infer<typeof publicAccessReceiptSchema>;
export type Variant = z.infer<typeof variantSchema>;
export type AnswerInput = z.input<typeof answerSchema>;
export type MonthStatistics = z.infer<typeof monthStatisticsSchema>;

export interface JournalPage {
  total: number;
  page: number;
  pageSize: number;
  entries: PublicJournalEntry[];
}

export interface JournalFilters {
  q?: string;
  steeringGroupId?: string;
  procurementId?: string;
  documentType?: string;
  accessStatus?: string;
  from?: string;
  to?: string;
  page?: number;
}

export const publicJournalPath = (filters: JournalFilters) =>
  withQuery('/api/public/journal', { ...filters });
export const publicFiltersPath = '/api/public/filters';
export interface PublicFilters {
  steeringGroups: Array<{ id: string; code: string; name: string }>;
  procurements: Array<{ id: string; name: string }>;
}

export const publicAccessApi = {
  submitRequest: (body: { journalEntryIds: string[]; email: string; name: string | null; message: string }) =>
    api.post<Receipt>('/api/public/access-requests', body),
  answer: (requestId: string, body: AnswerInput) =>
    api.post<AccessRequestDto>(`/api/access-requests/${requestId}/answer`, body),
  redact: (documentId: string, words: Array<{ text: string; legalBasis: string }>) =>
    api.post<Variant>(`/api/documents/${documentId}/public-variant/redact`, { words }),
  registerAppeal: (requestId: string, body: { receivedOn: string; reason: string }) =>
    api.post<AccessRequestDto>(`/api/access-requests/${requestId}/appeals`, body),
  forwardAppeal: (appealId: string) => api.post<AccessRequestDto>(`/api/access-appeals/${appealId}/forward`),
  appealOutcome: (appealId: string, body: { outcome: string; note: string | null }) =>
    api.post<AccessRequestDto>(`/api/access-appeals/${appealId}/outcome`, body),
};

export const documentTypeLabels: Record<string, string> = {
  caseDocument: 'Saksdokument',
  meetingPaper: 'Møtedokument',
  minutes: 'Referat',
  decision: 'Vedtak',
  letter: 'Brev',
  other: 'Annet',
};

export const directionLabels: Record<string, string> = {
  incoming: 'Inngående',
  outgoing: 'Utgående',
  internal: 'Internt',
};
