import { z } from 'zod';
import { decisionTypeIds, governanceBodyKindIds } from '../../domain/governance-bodies.rules.js';
import { competenceAreaIds } from '../../shared/enums.js';
import { isoDate, uuid } from '../../shared/schemas.js';

export const competenceArea = z.enum(competenceAreaIds);

export const coverItemSchema = z.object({
  kind: z.enum(['category', 'purchaseGroup']),
  id: uuid,
  code: z.string(),
  name: z.string(),
});

export const memberSchema = z.object({
  id: uuid,
  personId: uuid,
  personName: z.string(),
  personEmail: z.string().nullable(),
  rhfId: uuid,
  rhfName: z.string(),
  /** In a regional body: the HF (or the RHF) the member represents. */
  representsOrganisationId: uuid.nullable(),
  representsName: z.string().nullable(),
  isLeader: z.boolean(),
  isObserver: z.boolean(),
  competenceAreas: z.array(competenceArea),
  termStart: isoDate,
  termEnd: isoDate.nullable(),
  trainingCompletedOn: isoDate.nullable(),
  endedOn: isoDate.nullable(),
  isActive: z.boolean(),
  /** The RHF's habilitet check at appointment (seed 001 §7.2); null: not recorded, the member cannot vote. */
  appointmentCheck: z
    .object({
      outcome: z.enum(['cleared', 'notCleared']),
      note: z.string().nullable(),
      checkedOn: isoDate,
      checkedByName: z.string(),
      checkedAs: z.enum(['rhfContact', 'secretariat', 'system']),
    })
    .nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const checkSchema = z.object({
  level: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  membershipIds: z.array(uuid),
});

export const steeringGroupSchema = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  /** The national roll-out phase; null for a body of a regional model. */
  phase: z.number().int().nullable(),
  description: z.string().nullable(),
  active: z.boolean(),
  kind: z.enum(governanceBodyKindIds),
  /** The RHF whose regional model the body belongs to; null for a national steering group. */
  regionId: uuid.nullable(),
  secretariat: z.object({ id: uuid, name: z.string() }).nullable(),
  escalationTarget: z.object({ id: uuid, name: z.string() }).nullable(),
  /** The decision types of the body's mandate (regional bodies; empty for a national group). */
  mandates: z.array(z.enum(decisionTypeIds)),
  covers: z.array(coverItemSchema),
  members: z.array(memberSchema),
  checks: z.array(checkSchema),
  procurementCount: z.number().int(),
});
export type SteeringGroup = z.infer<typeof steeringGroupSchema>;

const coverCodes = z
  .array(z.string().trim().min(1))
  .min(1, 'Styringsgruppen må dekke minst én kategori eller én innkjøpsgruppe');

export const createSteeringGroupSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Z0-9-]+$/, 'Kode kan bare ha store bokstaver, tall og bindestrek'),
  name: z.string().trim().min(2).max(200),
  phase: z.union([z.literal(1), z.literal(2)]),
  description: z.string().trim().max(4000).nullable().default(null),
  coverCodes,
});
export type CreateSteeringGroup = z.infer<typeof createSteeringGroupSchema>;

export const updateSteeringGroupSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    phase: z.union([z.literal(1), z.literal(2)]),
    description: z.string().trim().max(4000).nullable(),
    active: z.boolean(),
    coverCodes,
  })
  .partial();
export type UpdateSteeringGroup = z.infer<typeof updateSteeringGroupSchema>;

const membershipFields = {
  personId: uuid,
  rhfId: uuid,
  /** Only in a regional body: an HF of its region, or the RHF itself. */
  representsOrganisationId: uuid.nullable(),
  isLeader: z.boolean(),
  isObserver: z.boolean(),
  competenceAreas: z.array(competenceArea).max(3),
  termStart: isoDate,
  termEnd: isoDate.nullable(),
  /** Refused: training approval is the person's, from the six modules (training/), not a date per membership. */
  trainingCompletedOn: z
    .never({
      message:
        'Opplæringen godkjennes per person når alle seks modulene er fullført (Opplæring), ikke med en dato på medlemskapet',
    })
    .optional(),
};

const termOrder = (value: { termStart?: string; termEnd?: string | null }) =>
  !value.termStart || !value.termEnd || value.termEnd >= value.termStart;
const termOrderMessage = { message: 'Slutt på engasjement kan ikke være før start', path: ['termEnd'] };

/** Accepts `leader` / `observer` as aliases of `isLeader` / `isObserver`. */
const withAliases = (value: unknown) => {
  if (!value || typeof value !== 'object') return value;
  const { leader, observer, ...rest } = value as Record<string, unknown>;
  return {
    ...rest,
    ...(leader !== undefined && rest.isLeader === undefined ? { isLeader: leader } : {}),
    ...(observer !== undefined && rest.isObserver === undefined ? { isObserver: observer } : {}),
  };
};

export const createMembershipSchema = z.preprocess(
  withAliases,
  z
    .object({
      ...membershipFields,
      isLeader: membershipFields.isLeader.default(false),
      isObserver: membershipFields.isObserver.default(false),
      competenceAreas: membershipFields.competenceAreas.default([]),
      representsOrganisationId: membershipFields.representsOrganisationId.optional(),
      termEnd: membershipFields.termEnd.default(null),
    })
    .refine(termOrder, termOrderMessage),
);
export type CreateMembership = z.infer<typeof createMembershipSchema>;

export const updateMembershipSchema = z
  .object(membershipFields)
  .partial()
  .refine(termOrder, termOrderMessage);
export type UpdateMembership = z.infer<typeof updateMembershipSchema>;

export const membershipParams = z.object({ id: uuid, membershipId: uuid });
