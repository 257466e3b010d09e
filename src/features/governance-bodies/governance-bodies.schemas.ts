// The contract of a region's governance model (seed 000): its configuration, the view of it, and the regional
// procurement governance shown on the procurement page. Shared by server, web and CLI.
import { z } from 'zod';
import {
  bodyCaseSubjectIds,
  decisionTypeIds,
  governanceBodyKindIds,
} from '../../domain/governance-bodies.rules.js';
import { uuid } from '../../shared/schemas.js';

const regionalKind = z.enum(governanceBodyKindIds).exclude(['nationalSteeringGroup']);

export const bodyConfigSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Z0-9-]+$/, 'Kode kan bare ha store bokstaver, tall og bindestrek'),
  name: z.string().trim().min(2).max(200),
  kind: regionalKind,
  description: z.string().trim().max(4000).nullable().default(null),
  secretariatCode: z.string().trim().min(1).nullable().default(null),
  escalationTargetCode: z.string().trim().min(1).nullable().default(null),
  mandates: z.array(z.enum(decisionTypeIds)).default([]),
});

export const regionalModelConfigSchema = z.object({
  bodies: z.array(bodyConfigSchema).min(1, 'Modellen må ha minst ett organ').max(50),
});

export const updateModelSchema = z.object({
  value: regionalModelConfigSchema,
  note: z.string().trim().max(2000).nullable().default(null),
});
export type UpdateModel = z.infer<typeof updateModelSchema>;

export const regionParams = z.object({ regionCode: z.string().trim().min(1).max(40) });

const orgRef = z.object({ id: uuid, name: z.string() });

export const modelBodySchema = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  kind: z.enum(governanceBodyKindIds),
  description: z.string().nullable(),
  secretariat: orgRef.nullable(),
  escalationTarget: orgRef.nullable(),
  /** The bodies disagreement travels through from this one, itself first. */
  escalationChain: z.array(orgRef),
  mandates: z.array(z.enum(decisionTypeIds)),
  members: z.array(
    z.object({
      id: uuid,
      personName: z.string(),
      representsName: z.string().nullable(),
      isLeader: z.boolean(),
      isActive: z.boolean(),
    }),
  ),
});

export const modelViewSchema = z.object({
  region: z.object({ id: uuid, code: z.string(), name: z.string() }),
  version: z.number().int(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string().nullable(),
  bodies: z.array(modelBodySchema),
  history: z.array(
    z.object({
      version: z.number().int(),
      note: z.string().nullable(),
      createdBy: z.string(),
      createdAt: z.string(),
      bodyCount: z.number().int(),
    }),
  ),
  value: regionalModelConfigSchema,
});
export type ModelView = z.infer<typeof modelViewSchema>;

export const modelSummarySchema = z.array(
  z.object({ region: z.object({ id: uuid, code: z.string(), name: z.string() }), version: z.number().int() }),
);

export const bodyCaseSubject = z.enum(bodyCaseSubjectIds);
