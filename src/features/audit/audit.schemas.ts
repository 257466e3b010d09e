import { z } from 'zod';
import { isoDate } from '../../shared/schemas.js';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUsername: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const listAuditQuery = z.object({
  entityType: z.string().trim().min(1).optional(),
  entityId: z.string().trim().min(1).optional(),
  actor: z.string().trim().min(1).optional(),
  action: z.string().trim().min(1).optional(),
  from: isoDate.optional().describe('First day, inclusive'),
  to: isoDate.optional().describe('Last day, inclusive'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeId: z.coerce.number().int().positive().optional().describe('Page backwards from this entry id'),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBeforeId: z.number().int().nullable(),
});

export const auditChainReportSchema = z.object({
  intact: z.boolean(),
  checkedRows: z.number().int(),
  lastId: z.number().int().nullable(),
  lastHash: z.string().nullable(),
  firstBreak: z
    .object({ id: z.number().int(), reason: z.enum(['contentChanged', 'linkBroken']), message: z.string() })
    .nullable(),
});
