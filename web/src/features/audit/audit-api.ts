import type { AuditEntryDto } from '@server/features/audit/audit.schemas.js';

export type AuditEntry = AuditEntryDto;
export interface AuditPage {
  entries: AuditEntry[];
  nextBeforeId: number | null;
}
export const auditPath = '/api/audit';
