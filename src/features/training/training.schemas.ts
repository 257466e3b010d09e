import { z } from 'zod';
import { isoDate, uuid } from '../../shared/schemas.js';

export const moduleParams = z.object({ module: z.coerce.number().int().min(1).max(6) });
export const personModuleParams = moduleParams.extend({ id: uuid });
/** The day the person completed the module; defaults to today, never after it. */
export const completionInput = z.object({ completedOn: isoDate.optional() }).default({});

export const trainingProgressSchema = z.object({
  completed: z.array(z.number().int()),
  isComplete: z.boolean(),
  completedOn: z.string().nullable(),
});

export const myTrainingSchema = z.object({
  modules: z.array(
    z.object({
      number: z.number().int(),
      title: z.string(),
      topics: z.array(z.string()),
      completedOn: z.string().nullable(),
    }),
  ),
  progress: trainingProgressSchema,
});

export const groupTrainingSchema = z.array(
  z.object({
    personId: uuid,
    name: z.string(),
    rhfName: z.string(),
    isLeader: z.boolean(),
    termStart: z.string(),
    trainingCompletedOn: z.string().nullable(),
    modulesCompleted: z.number().int(),
    needsOnboarding: z.boolean(),
  }),
);
