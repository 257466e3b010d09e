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

export const submitBodyCaseSchema = z
  .object({
    subject: bodyCaseSubject,
    /** For a bodyMatter: the body and the decision type of its mandate. */
    bodyId: uuid.optional(),
    decisionType: z.enum(decisionTypeIds).optional(),
    /** For the decision level: the body given the procurement's decisions. */
    proposedBodyId: uuid.optional(),
    title: z.string().trim().min(3, 'Gi saken en tittel').max(300),
    text: z.string().trim().min(1, 'Beskriv saken').max(20000),
  })
  .refine((value) => value.subject !== 'bodyMatter' || (value.bodyId && value.decisionType), {
    message: 'Velg organ og beslutningstype',
    path: ['decisionType'],
  });
export type SubmitBodyCase = z.infer<typeof submitBodyCaseSchema>;

/** A body's matter without a procurement (e.g. Innkjøpsforum distributing category responsibility). */
export const submitBodyMatterSchema = z.object({
  decisionType: z.enum(decisionTypeIds, { error: 'Velg beslutningstypen i organets mandat' }),
  title: z.string().trim().min(3, 'Gi saken en tittel').max(300),
  text: z.string().trim().min(1, 'Beskriv saken').max(20000),
});
export type SubmitBodyMatter = z.infer<typeof submitBodyMatterSchema>;

/** A procurement's own Prosjektgruppe: its Sykehusinnkjøp leader, a member per affected HF, any exemptions. */
export const createProjectGroupSchema = z.object({
  leaderPersonId: uuid,
  members: z
    .array(z.object({ personId: uuid, representsOrganisationId: uuid }))
    .max(100)
    .default([]),
  /** Affected HFs the board lets go unrepresented ("med mindre styret bestemmer noe annet"). */
  exemptHfIds: z.array(uuid).max(100).default([]),
  exemptionNote: z.string().trim().max(2000).nullable().default(null),
});
export type CreateProjectGroup = z.infer<typeof createProjectGroupSchema>;

const regionalGateViewSchema = z.object({
  gate: z.enum(bodyCaseSubjectIds),
  label: z.string(),
  bodyId: uuid.nullable(),
  bodyName: z.string().nullable(),
  status: z.enum(['decided', 'open', 'awaitingCase', 'escalated', 'dissent', 'locked']),
  caseId: uuid.nullable(),
  decidedOn: z.string().nullable(),
  blockingReason: z.string().nullable(),
  canSubmit: z.boolean(),
});

const ref = z.object({ id: uuid, name: z.string() });

export const regionalGovernanceSchema = z.object({
  procurementId: uuid,
  level: z.enum(['lokal', 'regional', 'flerregional', 'nasjonal']).nullable(),
  regions: z.array(
    z.object({
      region: z.object({ id: uuid, code: z.string(), name: z.string() }),
      governed: z.boolean(),
      message: z.string().nullable(),
      gates: z.array(regionalGateViewSchema),
      decidingBody: ref.nullable(),
      levelOptions: z.array(ref),
      projectGroup: z
        .object({
          status: z.enum(['locked', 'toCreate', 'awaitingCase', 'open', 'escalated', 'dissent', 'approved']),
          blockingReason: z.string().nullable(),
          caseId: uuid.nullable(),
          body: ref.nullable(),
          approvingBody: ref.nullable(),
          members: z.array(
            z.object({
              id: uuid,
              personName: z.string(),
              representsName: z.string().nullable(),
              isLeader: z.boolean(),
            }),
          ),
          exemptHfNames: z.array(z.string()),
          exemptionNote: z.string().nullable(),
          affectedHfs: z.array(ref),
          canCreate: z.boolean(),
          canSubmitCase: z.boolean(),
        })
        .nullable(),
      bodies: z.array(
        ref.extend({ kind: z.string(), mandates: z.array(z.enum(decisionTypeIds)), canSubmit: z.boolean() }),
      ),
      cases: z.array(
        z.object({
          id: uuid,
          title: z.string(),
          gate: z.string(),
          status: z.string(),
          bodyName: z.string(),
          decisionType: z.enum(decisionTypeIds).nullable(),
          decisionNumber: z.string().nullable(),
        }),
      ),
      recommendingBody: ref.nullable(),
      representatives: z.array(
        z.object({ personName: z.string(), steeringGroupName: z.string(), isLeader: z.boolean() }),
      ),
    }),
  ),
});
export type RegionalGovernance = z.infer<typeof regionalGovernanceSchema>;
