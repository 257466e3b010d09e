import { z } from 'zod';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Måned skrives som ÅÅÅÅ-MM');

export const spendFilterSchema = z.object({
  from: month.optional().describe('First month, YYYY-MM'),
  to: month.optional().describe('Last month, YYYY-MM'),
  rhf: z.string().trim().min(1).optional().describe('RHF code'),
  hf: z.string().trim().min(1).optional().describe('Organisation code of the buyer (HF)'),
  category: z.string().trim().min(1).optional().describe('Category code'),
  supplier: z.string().trim().min(1).optional().describe('Supplier as scheme:id, e.g. 0192:974760673'),
});
export type SpendFilter = z.infer<typeof spendFilterSchema>;

export const dimensions = ['rhf', 'hf', 'category', 'supplier', 'month'] as const;
export type Dimension = (typeof dimensions)[number];

export const breakdownQuerySchema = spendFilterSchema.extend({
  by: z.enum(dimensions),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export const exportQuerySchema = breakdownQuerySchema.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

export const measuresSchema = z.object({
  lines: z.number().int(),
  total: z
    .string()
    .describe('Spend in NOK (decimal string); lines without an exchange rate are not included'),
  covered: z.string().describe('Spend with an agreement valid on the invoice date covering the organisation'),
  inAgreementCategory: z.string().describe('Spend in categories where the organisation has an agreement'),
  leakage: z.string().describe('Lekkasjekjøp: inAgreementCategory − covered'),
  freeText: z.string().describe('Fritekstkjøp: neither article id nor order reference'),
  withOrder: z.string().describe('Spend with an order reference (e-handel)'),
  unclassified: z.string(),
  rateMissingLines: z
    .number()
    .int()
    .describe('Lines in another currency with no exchange rate (not in total)'),
  coverage: z.number().nullable().describe('Avtaledekning, 0–1'),
  loyalty: z.number().nullable().describe('Avtalelojalitet, 0–1'),
  freeTextShare: z.number().nullable(),
  eProcurementShare: z.number().nullable(),
  unclassifiedShare: z.number().nullable(),
});
export type Measures = z.infer<typeof measuresSchema>;

export const breakdownRowSchema = measuresSchema.extend({ key: z.string(), name: z.string() });
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const kpiSummarySchema = z.object({
  measures: measuresSchema,
  coverageTarget: z.number(),
  months: z.array(z.string()),
});

export const supplierAmountSchema = z.object({
  key: z.string(),
  name: z.string(),
  amount: z.string(),
  share: z.number().nullable(),
});
export const aSupplierCategorySchema = z.object({
  key: z.string(),
  name: z.string(),
  total: z.string(),
  suppliers: z.number().int(),
  aSuppliers: z.number().int(),
  top: z.array(supplierAmountSchema),
});

export const ingestReportSchema = z.object({
  dryRun: z.boolean(),
  files: z.number().int(),
  invoices: z.number().int(),
  creditNotes: z.number().int(),
  lines: z.number().int(),
  duplicates: z.array(
    z.object({ file: z.string(), supplier: z.string(), invoiceNumber: z.string(), firstSeenIn: z.string() }),
  ),
  rejected: z.array(z.object({ file: z.string(), reason: z.string() })),
  linesWithoutRate: z.number().int(),
});

export const classificationMappingSchema = z.object({
  scheme: z.enum(['UNSPSC', 'CPV']),
  codePrefix: z
    .string()
    .trim()
    .regex(/^\d{2,8}$/, 'Kodeprefikset må være 2–8 siffer'),
  categoryCode: z.string().trim().min(1),
});
export type ClassificationMapping = z.infer<typeof classificationMappingSchema>;

/** Agreement coverage target of Sykehusinnkjøp's strategy 2020–2023 (seed 003). */
export const COVERAGE_TARGET = 0.85;
