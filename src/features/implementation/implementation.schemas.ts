// The implementation-plan contract, shared by the API, the web app and the tests.
import { z } from 'zod';
import { isoDate, uuid } from '../../shared/schemas.js';
import { implementationStatusIds } from '../../domain/implementation.rules.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

export const createPlansSchema = z.object({
  hfIds: z.array(uuid).min(1, 'Velg minst ett helseforetak').max(50),
  dueDate: isoDate,
  responsibleName: optionalText(200),
});
export type CreatePlans = z.infer<typeof createPlansSchema>;

export const updateItemSchema = z.object({
  status: z.enum(implementationStatusIds).optional(),
  responsibleName: optionalText(200).optional(),
  dueDate: isoDate.nullish(),
});
export type UpdateItem = z.infer<typeof updateItemSchema>;

export const addItemSchema = z.object({
  title: z.string().trim().min(1, 'Beskriv punktet').max(300),
  responsibleName: optionalText(200),
  dueDate: isoDate.nullish(),
});
export type AddItem = z.infer<typeof addItemSchema>;

export const planQuery = z.object({
  agreementId: uuid.optional(),
  lateOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

const status = z.enum(implementationStatusIds);
export const itemSchema = z.object({
  id: z.string(),
  title: z.string(),
  responsibleName: z.string().nullable(),
  dueDate: z.string().nullable(),
  status,
  doneOn: z.string().nullable(),
  isLate: z.boolean(),
});

export const planSchema = z.object({
  id: z.string(),
  agreement: z.object({
    id: z.string(),
    agreementNumber: z.string(),
    name: z.string(),
    supplierName: z.string(),
  }),
  hf: z.object({ id: z.string(), name: z.string(), regionId: z.string().nullable() }),
  responsibleName: z.string().nullable(),
  dueDate: z.string(),
  summary: z.object({ items: z.number().int(), done: z.number().int(), late: z.number().int(), status }),
  items: z.array(itemSchema),
});
export type PlanDto = z.infer<typeof planSchema>;

export const implementationFiguresSchema = z.object({
  agreements: z.number().int(),
  plans: z.number().int(),
  plansDone: z.number().int(),
  plansWithLateItems: z.number().int(),
  lateItems: z.number().int(),
});

export const implementationOverviewSchema = z.object({
  figures: implementationFiguresSchema,
  plans: z.array(planSchema),
});
