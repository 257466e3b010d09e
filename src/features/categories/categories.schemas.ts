import { z } from 'zod';
import { uuid } from '../../shared/schemas.js';

export const categoryKind = z.enum(['category', 'purchaseGroup']);

export const categorySchema = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  kind: categoryKind,
  parentId: uuid.nullable(),
  parentCode: z.string().nullable(),
  isMedicalMainArea: z.boolean(),
  runBy: z.enum(['SHI', 'RHF']),
  active: z.boolean(),
  steeringGroupId: uuid.nullable().describe('The group that covers this node directly, if any'),
});
export type Category = z.infer<typeof categorySchema>;

export const categoryCode = z
  .string()
  .trim()
  .min(1, 'Kode mangler')
  .max(40)
  .regex(/^[A-ZÆØÅ0-9-]+$/, 'Kode kan bare ha store bokstaver, tall og bindestrek');

export const createCategorySchema = z.object({
  code: categoryCode,
  name: z.string().trim().min(2).max(200),
  parentCode: categoryCode
    .nullable()
    .default(null)
    .describe('Set for a purchase group: the code of its category'),
  isMedicalMainArea: z.boolean().optional(),
  runBy: z.enum(['SHI', 'RHF']).default('SHI'),
});
export type CreateCategory = z.infer<typeof createCategorySchema>;

export const updateCategorySchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    isMedicalMainArea: z.boolean(),
    runBy: z.enum(['SHI', 'RHF']),
    active: z.boolean(),
  })
  .partial();
export type UpdateCategory = z.infer<typeof updateCategorySchema>;

export const importSummarySchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;
