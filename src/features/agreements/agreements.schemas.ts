import { z } from 'zod';
import { isValidOrgNumber, normaliseOrgNumber } from '../../domain/org-number.rules.js';
import { isoDate, searchText, uuid } from '../../shared/schemas.js';

export const agreementScopes = ['national', 'regional', 'local'] as const;
export const agreementStatuses = ['draft', 'active', 'expired', 'terminated'] as const;
export const criticalityLevels = ['high', 'medium', 'low'] as const;

/** A Norwegian organisation number: nine digits with a valid mod-11 check digit ("NO … MVA" and spaces accepted). */
export const orgNumber = z
  .string()
  .trim()
  .refine(isValidOrgNumber, { message: 'Ugyldig organisasjonsnummer (ni siffer med gyldig kontrollsiffer)' })
  .transform((value) => normaliseOrgNumber(value)!);

/** Unit prices may have four decimals; kept as a decimal string. */
export const unitPrice = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim().replace(/\s/g, '').replace(',', '.'))
  .refine((value) => /^\d{1,14}(\.\d{1,4})?$/.test(value), {
    message: 'Pris må være et tall (høyst fire desimaler)',
  });

export const gtin = z
  .string()
  .trim()
  .regex(/^\d{8}$|^\d{12,14}$/, 'GTIN må ha 8, 12, 13 eller 14 siffer');

export const articleInputSchema = z
  .object({
    supplierArticleNumber: z.string().trim().min(1).max(100).nullable().default(null),
    gtin: gtin.nullable().default(null),
    description: z.string().trim().min(1, 'Beskrivelse mangler').max(500),
    unit: z.string().trim().max(20).nullable().default(null),
    price: unitPrice.nullable().default(null),
    productionCountry: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'Produksjonsland skrives som landkode, f.eks. NO')
      .nullable()
      .default(null),
    criticality: z.enum(criticalityLevels).nullable().default(null),
  })
  .refine((article) => article.supplierArticleNumber !== null || article.gtin !== null, {
    message: 'En artikkel trenger leverandørens artikkelnummer eller GTIN',
    path: ['supplierArticleNumber'],
  });
export type ArticleInput = z.infer<typeof articleInputSchema>;

const fields = {
  agreementNumber: z.string().trim().min(1, 'Avtalenummer mangler').max(60),
  name: z.string().trim().min(2, 'Navn må ha minst to tegn').max(300),
  supplierName: z.string().trim().min(2, 'Leverandørnavn mangler').max(300),
  supplierOrgNumber: orgNumber,
  scope: z.enum(agreementScopes),
  rhfId: uuid.nullable(),
  hfIds: z.array(uuid).max(200),
  categoryCodes: z.array(z.string().trim().min(1)).min(1, 'Avtalen må ha minst én kategori').max(50),
  validFrom: isoDate,
  validTo: isoDate,
  extensionOptions: z.string().trim().max(500).nullable(),
  status: z.enum(agreementStatuses),
  procurementId: uuid.nullable(),
};

export const createAgreementSchema = z.object({
  ...fields,
  rhfId: fields.rhfId.default(null),
  hfIds: fields.hfIds.default([]),
  extensionOptions: fields.extensionOptions.default(null),
  status: fields.status.default('active'),
  procurementId: fields.procurementId.default(null),
  articles: z.array(articleInputSchema).max(10_000).default([]),
});
export type CreateAgreement = z.infer<typeof createAgreementSchema>;

export const updateAgreementSchema = z
  .object({ ...fields, articles: z.array(articleInputSchema).max(10_000) })
  .partial();
export type UpdateAgreement = z.infer<typeof updateAgreementSchema>;

export const articleSchema = z.object({
  id: uuid,
  supplierArticleNumber: z.string().nullable(),
  gtin: z.string().nullable(),
  description: z.string(),
  unit: z.string().nullable(),
  price: z.string().nullable(),
  productionCountry: z.string().nullable(),
  criticality: z.enum(criticalityLevels).nullable(),
});

export const agreementSchema = z.object({
  id: uuid,
  agreementNumber: z.string(),
  name: z.string(),
  supplierName: z.string(),
  supplierOrgNumber: z.string(),
  scope: z.enum(agreementScopes),
  rhfId: uuid.nullable(),
  hfIds: z.array(uuid),
  categoryCodes: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string(),
  extensionOptions: z.string().nullable(),
  status: z.enum(agreementStatuses),
  procurementId: uuid.nullable(),
  articleCount: z.number().int(),
});
export type AgreementDto = z.infer<typeof agreementSchema>;

export const agreementDetailSchema = agreementSchema.extend({ articles: z.array(articleSchema) });

export const listAgreementsQuery = z.object({
  q: searchText(200).trim().optional(),
  categoryCode: z.string().trim().min(1).optional(),
  status: z.enum(agreementStatuses).optional(),
  supplierOrgNumber: z.string().trim().optional(),
});
export type ListAgreementsQuery = z.infer<typeof listAgreementsQuery>;

/** The register's list, paged on the server: limit (≤ 500, default 50) and offset, answered with the total. */
export const agreementPageQuery = listAgreementsQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AgreementPageQuery = z.infer<typeof agreementPageQuery>;
export const agreementPageSchema = z.object({
  items: z.array(agreementSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const expiringAgreementSchema = agreementSchema.extend({ daysLeft: z.number().int() });

export const agreementImportSummarySchema = z.object({
  dryRun: z.boolean(),
  agreements: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  articles: z.number().int(),
});
export type AgreementImportSummary = z.infer<typeof agreementImportSummarySchema>;
