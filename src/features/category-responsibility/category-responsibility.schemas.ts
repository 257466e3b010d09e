// The category-responsibility contract, shared by the API, the web app and the tests.
import { z } from 'zod';
import { isoDate, uuid } from '../../shared/schemas.js';
import { categoryDutyIds, dutyStatusIds } from '../../domain/category-responsibility.rules.js';

export const regionParams = z.object({ regionId: uuid });
export const assignmentParams = z.object({ regionId: uuid, categoryId: uuid });
export const dutyParams = z.object({ id: uuid, duty: z.enum(categoryDutyIds) });

export const assignCategorySchema = z.object({
  hfId: uuid,
  decidedOn: isoDate,
  decisionReference: z.string().trim().max(200).nullish(),
  bodyCaseId: uuid.nullish(),
});
export type AssignCategory = z.infer<typeof assignCategorySchema>;

export const updateDutySchema = z.object({
  status: z.enum(dutyStatusIds),
  note: z.string().trim().max(2000).nullish(),
});
export type UpdateDuty = z.infer<typeof updateDutySchema>;

const refSchema = z.object({ id: z.string(), name: z.string() });
const categoryRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });

const decisionRefSchema = z.object({
  id: z.string(),
  decisionNumber: z.string(),
  title: z.string(),
  bodyName: z.string(),
});

export const dutySchema = z.object({
  duty: z.enum(categoryDutyIds),
  status: z.enum(dutyStatusIds),
  note: z.string().nullable(),
  updatedOn: z.string().nullable(),
  updatedByName: z.string().nullable(),
});

export const responsibilitySchema = z.object({
  id: z.string(),
  category: categoryRefSchema,
  hf: refSchema,
  decidedOn: z.string(),
  decidedByName: z.string(),
  decisionReference: z.string().nullable(),
  bodyCaseId: z.string().nullable(),
  /** The approving decision in Innkjøpsforum, when recorded as its case. */
  bodyCase: decisionRefSchema.nullable(),
  duties: z.array(dutySchema),
  progress: z.object({
    notStarted: z.number().int(),
    inProgress: z.number().int(),
    done: z.number().int(),
    total: z.number().int(),
  }),
});
export type ResponsibilityDto = z.infer<typeof responsibilitySchema>;

export const regionResponsibilitySchema = z.object({
  region: refSchema,
  hfs: z.array(refSchema),
  categories: z.array(categoryRefSchema),
  responsibilities: z.array(responsibilitySchema),
  /** The region's bodies' approved decisions distributing category responsibility (to cite on an assignment). */
  approvingDecisions: z.array(decisionRefSchema),
  check: z.object({
    isEveryHfResponsible: z.boolean(),
    hfsWithoutCategory: z.array(refSchema),
    categoriesWithoutHf: z.array(categoryRefSchema),
    categoryCountByHf: z.record(z.string(), z.number().int()),
  }),
});
export type RegionResponsibilityDto = z.infer<typeof regionResponsibilitySchema>;

export const regionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  hfCount: z.number().int(),
  assignedCategories: z.number().int(),
  isEveryHfResponsible: z.boolean(),
});
