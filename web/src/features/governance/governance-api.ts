// The governance workflow over /api: risk, significance, faggruppe, gates, cases, votes, escalation,
// notifications, the decision register and the versioned configuration (issue 3).
import type { z } from 'zod';
import type {
  caseSummarySchema,
  configViewSchema,
  decisionRegisterSchema,
  GovernanceView,
  CaseDto,
  notificationSchema,
  submitCaseSchema,
} from '@server/features/governance/governance.schemas.js';
import type { Gate } from '@server/domain/involvement.rules.js';
import { api, withQuery } from '../../shared/api-client.js';
import type { Procurement } from '../procurements/procurements-api.js';

export type { CaseDto, Gate, GovernanceView };
export type CaseSummary = z.infer<typeof caseSummarySchema>;
export type ConfigView = z.infer<typeof configViewSchema>;
export type ConfigEntry = ConfigView['current']['involvementMatrix'];
export type DecisionRegister = z.infer<typeof decisionRegisterSchema>;
export type Notification = z.infer<typeof notificationSchema>;
export type SubmitCaseInput = z.input<typeof submitCaseSchema>;
export type Level3 = 'høy' | 'medium' | 'lav';
export type GateView = GovernanceView['gates'][number];
export type DocumentInput = NonNullable<SubmitCaseInput['documents']>[number];

/** `GET /api/procurements/:id`: the procurement with its governance fields. */
export type ProcurementDetail = Procurement & Omit<GovernanceView, 'level'>;

export const casePath = (id: string) => `/api/cases/${id}`;
export const caseDocumentPath = (caseId: string, documentId: string) =>
  `${casePath(caseId)}/documents/${documentId}`;
export const myCasesPath = '/api/my/cases';
/** My inbox, newest first, one page of it (the answer carries the total). */
export const notificationsPath = (unread: boolean, page: { limit: number; offset: number }) =>
  withQuery('/api/my/notifications', { unread: unread ? 'true' : 'false', ...page });
/** One page of the group's vedtaksprotokoll (the answer carries the total). */
export const decisionsPath = (groupId: string, page: { limit: number; offset: number }) =>
  withQuery(`/api/steering-groups/${groupId}/decisions`, page);
export const configPath = '/api/governance/config';

const procurementBase = (id: string) => `/api/procurements/${id}`;

export const setRisk = (
  procurementId: string,
  body: { scores: Record<string, number>; note: string | null } | { profile: Level3; note: string | null },
) => api.put<GovernanceView>(`${procurementBase(procurementId)}/risk`, body);
export const setInitialSignificance = (procurementId: string, body: { value: Level3; note: string | null }) =>
  api.put<GovernanceView>(`${procurementBase(procurementId)}/significance/initial`, body);
export const setFaggruppe = (procurementId: string, personIds: string[]) =>
  api.put<GovernanceView>(`${procurementBase(procurementId)}/faggruppe`, { personIds });
export const passGate = (procurementId: string, gate: Gate, note: string | null) =>
  api.post<GovernanceView>(`${procurementBase(procurementId)}/gates/${gate}/pass`, { note });
export const submitCase = (procurementId: string, body: SubmitCaseInput) =>
  api.post<CaseDto>(`${procurementBase(procurementId)}/cases`, body);

export const castVote = (
  caseId: string,
  body: { vote: 'approve' | 'object' | 'conflict'; comment: string | null },
) => api.post<CaseDto>(`${casePath(caseId)}/votes`, body);
export const markOutsideMandate = (caseId: string, reason: string) =>
  api.post<CaseDto>(`${casePath(caseId)}/outside-mandate`, { reason });
export const escalateCase = (
  caseId: string,
  body: { reason: 'dissent' | 'outsideMandate'; brief: string; recommendation: string },
) => api.post<CaseDto>(`${casePath(caseId)}/escalation`, body);
export const escalateFurther = (caseId: string, body: { brief: string; recommendation: string }) =>
  api.post<CaseDto>(`${casePath(caseId)}/escalation/further`, body);
export const answerForRhf = (caseId: string, body: { rhfId: string; answer: string }) =>
  api.post<CaseDto>(`${casePath(caseId)}/rhf-answers`, body);
export const resolveCase = (caseId: string, body: { outcome: 'approved' | 'rejected'; text: string }) =>
  api.post<CaseDto>(`${casePath(caseId)}/resolution`, body);
export const recordConsultation = (caseId: string, summary: string) =>
  api.post<CaseDto>(`${casePath(caseId)}/consultation`, { summary });
export const addDocument = (caseId: string, body: DocumentInput) =>
  api.post<CaseDto>(`${casePath(caseId)}/documents`, body);

export const raiseFaggruppeMatter = (
  procurementId: string,
  body: { title: string; text: string; gate?: Gate },
) => api.post<CaseDto>(`${procurementBase(procurementId)}/faggruppe-matters`, body);
export const escalateToLine = (caseId: string, reason: string) =>
  api.post<CaseDto>(`${casePath(caseId)}/line-escalation`, { reason });
export const referToRhfs = (caseId: string, body: { brief: string; recommendation: string }) =>
  api.post<CaseDto>(`${casePath(caseId)}/rhf-referral`, body);

export const markNotificationRead = (id: string) => api.post<void>(`/api/my/notifications/${id}/read`);
export const updateConfig = (key: ConfigEntry['key'], value: unknown, note: string | null) =>
  api.put<{ key: string; version: number }>(`${configPath}/${key}`, { value, note });

/** Other parts of the page (the unread badge in the header) listen for this after a notification is read. */
export const notificationsChangedEvent = 'styr:notifications-changed';
export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(notificationsChangedEvent));
}

/** Reads a chosen file as base64 for the JSON body (FileReader gives a data: URL). */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Kunne ikke lese ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** The browser's MIME type, or a guess from the extension when it gives none. */
export function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const known: Record<string, string> = {
    pdf: 'application/pdf',
    txt: 'text/plain',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    doc: 'application/msword',
    xls: 'application/vnd.ms-excel',
  };
  return known[extension] ?? 'application/octet-stream';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024)
    return `${(bytes / 1024).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} kB`;
  return `${(bytes / 1024 / 1024).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} MB`;
}
