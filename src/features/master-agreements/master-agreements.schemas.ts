// The master-agreement contract, shared by the API, the web app, the CLI and the tests.
import { z } from 'zod';
import { isoDate, uuid } from '../../shared/schemas.js';
import { maintenanceOwnerIds } from './master-agreements.tables.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

export const masterArticleInputSchema = z.object({
  masterArticleNumber: z.string().trim().min(1, 'Masterartikkelnummer mangler').max(100),
  supplierArticleNumber: optionalText(100),
  gtin: optionalText(14),
  description: z.string().trim().min(1, 'Beskrivelse mangler').max(500),
  unit: optionalText(50),
});
export type MasterArticleInput = z.infer<typeof masterArticleInputSchema>;

export const createMasterAgreementSchema = z.object({
  agreementId: uuid,
  regionId: uuid,
  decisionReference: optionalText(200),
  /** Left out: the agreement's own articles become the master list, numbered <avtalenummer>-0001 … */
  articles: z.array(masterArticleInputSchema).max(100_000).optional(),
});
export type CreateMasterAgreement = z.infer<typeof createMasterAgreementSchema>;

export const signMasterAgreementSchema = z.object({ signedOn: isoDate });
export const completionSchema = z.object({ hfId: uuid });

export const mappingImportQuery = z.object({
  hfId: uuid,
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export const mappingImportSummarySchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  mappedMasterArticles: z.number().int(),
  masterArticles: z.number().int(),
  replaced: z.number().int(),
});
export type MappingImportSummary = z.infer<typeof mappingImportSummarySchema>;

const share = z.number().nullable();
export const hfKpiSchema = z.object({
  hfId: z.string(),
  hfName: z.string(),
  mappedMasterArticles: z.number().int(),
  masterArticles: z.number().int(),
  articleShare: share,
  /** NOK as decimal strings (never floats). */
  supplierSpend: z.string(),
  spendOnMappedMasterArticles: z.string(),
  spendShare: share,
  completedOn: z.string().nullable(),
  completedByName: z.string().nullable(),
});

export const masterAgreementSchema = z.object({
  id: z.string(),
  agreement: z.object({
    id: z.string(),
    agreementNumber: z.string(),
    name: z.string(),
    supplierName: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
  }),
  region: z.object({ id: z.string(), name: z.string() }),
  createdOn: z.string(),
  createdByName: z.string(),
  decisionReference: z.string().nullable(),
  isSignedByRhf: z.boolean(),
  signedOn: z.string().nullable(),
  signedByName: z.string().nullable(),
  maintenanceOwner: z.enum(maintenanceOwnerIds),
  maintenanceTransferredOn: z.string().nullable(),
  maintenanceTransferredByName: z.string().nullable(),
  masterArticles: z.number().int(),
});
export type MasterAgreementDto = z.infer<typeof masterAgreementSchema>;

export const harmonisationSchema = z.object({
  masterAgreement: masterAgreementSchema,
  perHf: z.array(hfKpiSchema),
  total: hfKpiSchema.omit({ hfId: true, hfName: true, completedOn: true, completedByName: true }),
  handOver: z.object({ isReady: z.boolean(), waitingFor: z.array(z.string()) }),
  /** False when the spend store could not be read: the spend shares are then missing, not zero. */
  hasSpend: z.boolean(),
});
export type HarmonisationDto = z.infer<typeof harmonisationSchema>;

export const masterArticleSchema = masterArticleInputSchema.extend({
  id: z.string(),
  supplierArticleNumber: z.string().nullable(),
  gtin: z.string().nullable(),
  unit: z.string().nullable(),
});
