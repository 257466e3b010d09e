import { z } from 'zod';
import { uuid } from '../../shared/schemas.js';
import { documentSchema } from '../documents/documents.schemas.js';
import { decisionRegisterSchema } from '../governance/governance.schemas.js';
import { actionSchema, meetingPlanSchema, meetingSummarySchema } from '../meetings/meetings.schemas.js';
import { groupTrainingSchema } from '../training/training.schemas.js';

export const workspaceSchema = z.object({
  group: z.object({ id: uuid, code: z.string(), name: z.string() }),
  viewer: z.object({
    isSecretariat: z.boolean(),
    isMember: z.boolean(),
    isLeader: z.boolean(),
    isRhfContact: z.boolean(),
  }),
  members: z.array(
    z.object({ personId: uuid, name: z.string(), rhfName: z.string(), isLeader: z.boolean() }),
  ),
  plans: z.array(meetingPlanSchema),
  meetings: z.array(meetingSummarySchema),
  decisions: decisionRegisterSchema,
  actions: z.array(actionSchema),
  documents: z.array(documentSchema),
  training: groupTrainingSchema,
});
