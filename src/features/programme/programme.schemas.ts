// The implementation programme as the API returns it (activities, risks, stakeholders, transition list).
import { z } from 'zod';
import { activityStatusIds } from './programme.tables.js';

export const activityStatus = z.enum(activityStatusIds);

export const programmeSchema = z.object({
  activities: z.array(
    z.object({
      id: z.string(),
      depth: z.number(),
      name: z.string(),
      responsible: z.string().nullable(),
      startOn: z.string().nullable(),
      endOn: z.string().nullable(),
      status: activityStatus.nullable(),
    }),
  ),
  risks: z.array(
    z.object({
      number: z.number(),
      area: z.string(),
      description: z.string(),
      levelAtStart: z.string().nullable(),
      measures: z.string(),
    }),
  ),
  stakeholders: z.array(
    z.object({
      id: z.string(),
      stakeholderGroup: z.string(),
      stakeholder: z.string(),
      roleStatus: z.string(),
      measures: z.string(),
      responsibleWhen: z.string(),
    }),
  ),
  transitions: z.array(
    z.object({
      id: z.string(),
      categoryHeading: z.string(),
      name: z.string(),
      projectStart: z.string().nullable(),
      announcement: z.string().nullable(),
      transferToNewModel: z.boolean(),
      procurementId: z.string().nullable(),
    }),
  ),
});
