import { z } from 'zod';
import { measureStatusIds } from './action-plans.tables.js';

const status = z.enum(measureStatusIds);
const counts = z.object({
  done: z.number(),
  inProgress: z.number(),
  notStarted: z.number(),
  unknown: z.number(),
});

export const measureSchema = z.object({
  id: z.string(),
  title: z.string(),
  priority: z.number().int().nullable(),
  details: z.string().nullable(),
  benefit: z.string().nullable(),
  latestStatus: z.string().nullable(),
  status,
  responsible: z.string().nullable(),
  year: z.string().nullable(),
  kpiCodes: z.array(z.string()),
});

export const actionPlanSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  owner: z.string(),
  period: z.string(),
  statusDate: z.string().nullable(),
  source: z.string().nullable(),
  totals: counts,
  areas: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      focusAreas: z.array(z.string()),
      counts,
      notStarted: z.array(measureSchema),
      measures: z.array(measureSchema),
    }),
  ),
});
export type ActionPlanDto = z.infer<typeof actionPlanSchema>;

export const updateMeasureSchema = z
  .object({
    status,
    latestStatus: z.string().trim().max(4000).nullable(),
    priority: z.number().int().min(1, 'Prioritet er 1–3').max(3, 'Prioritet er 1–3').nullable(),
    responsible: z.string().trim().max(300).nullable(),
  })
  .partial();
