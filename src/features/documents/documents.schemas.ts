// The document store's HTTP contract (shared by server and web app).
import { z } from 'zod';
import { accessStatusIds, legalBasisIds } from '../../domain/offentleglova.rules.js';
import { uuid } from '../../shared/schemas.js';

export const accessInputSchema = z.object({
  accessStatus: z.enum(accessStatusIds).default('public'),
  legalBasis: z.enum(legalBasisIds).nullable().default(null),
  shieldedWords: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});
export type AccessInputBody = z.infer<typeof accessInputSchema>;

export const fileInputSchema = z.object({
  fileName: z.string().min(1).max(300),
  contentType: z.string().trim().min(3).max(200),
  contentBase64: z.string().min(1).max(15_000_000),
});

export const uploadDocumentSchema = fileInputSchema.extend(accessInputSchema.shape).extend({
  title: z.string().trim().min(3, 'Tittel må ha minst 3 tegn').max(300).optional(),
  meetingId: uuid.nullable().default(null),
  procurementId: uuid.nullable().default(null),
});
export type UploadDocument = z.infer<typeof uploadDocumentSchema>;

export const documentVersionParams = z.object({ id: uuid });
export const contentQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

const noarkSchema = z.object({
  tilgangsrestriksjon: z.string().nullable().describe('M500'),
  skjermingshjemmel: z.string().nullable().describe('M501'),
  skjermingMetadata: z.array(z.string()).describe('M502'),
  skjermingDokument: z.enum(['Hele', 'Delvis']).nullable().describe('M503'),
  skjermingsvarighet: z.number().int().nullable().describe('M504 (years)'),
  skjermingOpphoererDato: z.string().nullable().describe('M505'),
  offentligTittel: z.string().describe('M025'),
});

export const documentSchema = z.object({
  id: uuid,
  steeringGroupId: uuid,
  procurementId: uuid.nullable(),
  caseId: uuid.nullable(),
  meetingId: uuid.nullable(),
  title: z.string(),
  /** The title as the public sees it: shielded words removed. */
  publicTitle: z.string(),
  accessStatus: z.enum(accessStatusIds),
  storedAccessStatus: z.enum(accessStatusIds),
  legalBasis: z.enum(legalBasisIds).nullable(),
  shieldedWords: z.array(z.string()),
  exemptionLifted: z.boolean(),
  noark: noarkSchema,
  canRead: z.boolean(),
  downloadUrl: z.string(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      uploadedBy: z.string(),
      uploadedAt: z.string(),
    }),
  ),
});
export type DocumentDto = z.infer<typeof documentSchema>;
