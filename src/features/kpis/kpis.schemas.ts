import { z } from 'zod';
import { isoDate } from '../../shared/schemas.js';
import { kpiDirectionIds, kpiSourceIds } from '../../shared/enums.js';

const year = z.coerce.number().int().min(2000).max(2100);

export const kpiQuery = z.object({ from: year.optional(), to: year.optional() });

export const kpiValueSchema = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  target: z.number(),
  rag: z.enum(['green', 'amber', 'red', 'none']),
  origin: z.enum(['computed', 'manual', 'none']),
  detail: z.string().nullable(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string().nullable(),
});

export const kpiSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  source: z.enum(kpiSourceIds),
  unit: z.enum(['percent', 'count']),
  direction: z.enum(kpiDirectionIds),
  target: z.number(),
  targetMax: z.number().nullable(),
  amberTolerance: z.number(),
  yearlyTargets: z.record(z.string(), z.number()),
  origin: z.string().nullable(),
  values: z.array(kpiValueSchema),
  latest: kpiValueSchema.nullable(),
});
export type KpiDto = z.infer<typeof kpiSchema>;

export const kpiDefinitionInput = z.object({
  code: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[A-Z0-9-]+$/, 'Koden skrives med store bokstaver, tall og bindestrek'),
  name: z.string().trim().min(2).max(200),
  description: z.string().trim().max(2000).nullable().default(null),
  source: z.enum(kpiSourceIds).default('manual'),
  unit: z.enum(['percent', 'count']).default('percent'),
  direction: z.enum(kpiDirectionIds).default('higherIsBetter'),
  target: z.number(),
  targetMax: z.number().nullable().default(null),
  amberTolerance: z.number().min(0).default(5),
  yearlyTargets: z.record(z.string().regex(/^\d{4}$/, 'År skrives ÅÅÅÅ'), z.number()).default({}),
  origin: z.string().trim().max(200).nullable().default(null),
});
export type KpiDefinitionInput = z.infer<typeof kpiDefinitionInput>;
export const kpiDefinitionPatch = kpiDefinitionInput.omit({ code: true }).partial();

export const manualValueInput = z.object({
  value: z.number().min(0, 'Verdien kan ikke være negativ'),
  note: z.string().trim().max(1000).nullable().default(null),
});
export const manualValueParams = z.object({ id: z.string().uuid('Ugyldig id'), year });

export const categoryStrategyInput = z.object({
  approvedOn: isoDate.nullable(),
  note: z.string().trim().max(1000).nullable().default(null),
});
export const categoryStrategySchema = z.object({
  categoryId: z.string(),
  code: z.string(),
  name: z.string(),
  approvedOn: z.string().nullable(),
  note: z.string().nullable(),
});
