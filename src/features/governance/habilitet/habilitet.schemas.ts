import { z } from 'zod';
import { interestRelations } from '../../../domain/habilitet.rules.js';
import { isoDate, uuid } from '../../../shared/schemas.js';
import { caseGateSchema, habilitetQuestionSchema, level3 } from '../governance.schemas.js';

export const habilitetAnswerSchema = z.discriminatedUnion('statement', [
  z.object({ statement: z.literal('noKnownConflict') }),
  z.object({
    statement: z.literal('possibleConflict'),
    reason: z.string().trim().min(3, 'Begrunn hvorfor habiliteten din kan være utfordret').max(4000),
  }),
]);

export const habilitetDecisionSchema = z.object({
  outcome: z.enum(['inhabil', 'ikkeInhabil']),
  reason: z.string().trim().min(3, 'Begrunn avgjørelsen').max(4000),
});

export const questionsQuery = z.object({ status: z.enum(['pending', 'inhabil', 'ikkeInhabil']).optional() });
export const questionListSchema = z.array(habilitetQuestionSchema);

export const appointmentCheckInputSchema = z.object({
  outcome: z.enum(['cleared', 'notCleared']),
  note: z.string().trim().max(4000).nullable().default(null),
  checkedOn: isoDate.nullable().default(null),
});
export const appointmentCheckSchema = z.object({
  membershipId: uuid,
  outcome: z.enum(['cleared', 'notCleared']),
  note: z.string().nullable(),
  checkedOn: isoDate,
  checkedByName: z.string(),
  checkedAs: z.enum(['rhfContact', 'secretariat', 'system']),
});

export const interestSchema = z.object({
  organisationName: z.string().trim().min(2, 'Oppgi virksomhetens navn').max(300),
  organisationNumber: z.string().trim().min(9, 'Oppgi organisasjonsnummer (9 siffer)').max(20),
  relation: z.enum(interestRelations),
  fromDate: isoDate,
  toDate: isoDate.nullable().default(null),
  lastingCategoryCodes: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});
export const confirmDeclarationSchema = z.object({ interests: z.array(interestSchema).max(50) });
const declarationStatusSchema = z.enum(['missing', 'current', 'dueSoon', 'overdue']);
export const declarationSchema = z.object({
  confirmedOn: isoDate.nullable(),
  dueOn: isoDate.nullable(),
  status: declarationStatusSchema,
  interests: z.array(interestSchema),
  history: z.array(z.object({ confirmedOn: isoDate, interestCount: z.number().int() })),
});
export const declarationOverviewSchema = z.array(
  z.object({
    membershipId: uuid,
    personId: uuid,
    personName: z.string(),
    steeringGroupId: uuid,
    steeringGroupName: z.string(),
    rhfId: uuid,
    rhfName: z.string(),
    confirmedOn: isoDate.nullable(),
    dueOn: isoDate.nullable(),
    status: declarationStatusSchema,
    interestCount: z.number().int(),
  }),
);

export const supplierInputSchema = z.object({
  name: z.string().trim().min(2).max(300),
  organisationNumber: z.string().trim().min(9).max(20),
  role: z.enum(['tenderer', 'awarded']).default('tenderer'),
});
export const setSuppliersSchema = z.object({ suppliers: z.array(supplierInputSchema).max(200) });
export const supplierSchema = z.object({
  name: z.string(),
  organisationNumber: z.string(),
  role: z.enum(['tenderer', 'awarded']),
  addedBy: z.string(),
  addedAt: z.string(),
});
export const suppliersResultSchema = z.object({
  suppliers: z.array(supplierSchema),
  raisedQuestions: z.number().int(),
});

// --- The RHF contacts' weekly digest (src/domain/rhf-information.rules.ts RhfDigest) ---------------------------

const digestProcurementSchema = z.object({
  id: uuid,
  name: z.string(),
  status: z.enum(['planned', 'ongoing', 'announced', 'awarded', 'completed', 'cancelled']),
  planned: z.boolean(),
  riskProfile: level3.nullable(),
  significance: level3.nullable(),
});
export const rhfDigestSchema = z.object({
  rhfId: uuid,
  rhfName: z.string(),
  week: z.string(),
  today: isoDate,
  since: z.string().nullable(),
  planned: z.array(digestProcurementSchema),
  adHoc: z.array(digestProcurementSchema),
  riskChanges: z.array(
    z.object({
      procurementId: uuid,
      procurementName: z.string(),
      from: level3.nullable(),
      to: level3,
    }),
  ),
  highRisk: z.array(digestProcurementSchema),
  openCases: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      procurementName: z.string().nullable(),
      status: z.string(),
      gate: caseGateSchema,
    }),
  ),
  awaiting: z.array(
    z.object({
      kind: z.enum([
        'escalation',
        'habilitetQuestion',
        'rhfDiscussion',
        'annualPlanFeedback',
        'appointmentCheck',
      ]),
      title: z.string(),
      link: z.string(),
    }),
  ),
});
export const rhfDigestViewSchema = z.object({
  week: z.string(),
  lastSent: z.object({ isoWeek: z.string(), sentOn: isoDate }).nullable(),
  digests: z.array(rhfDigestSchema),
});
export const rhfDigestQuery = z.object({ rhfId: uuid.optional() });

// --- "Drøftes med RHF-ene" ---------------------------------------------------------------------------------

export const markRhfDiscussionSchema = z.object({
  note: z.string().trim().max(4000).nullable().default(null),
});
export const acknowledgeRhfDiscussionSchema = z.object({
  rhfId: uuid,
  note: z.string().trim().max(4000).nullable().default(null),
});
export const rhfDiscussionSchema = z.object({
  caseId: uuid,
  marked: z.boolean(),
  note: z.string().nullable(),
  markedByName: z.string().nullable(),
  markedOn: isoDate.nullable(),
  acknowledgementRequired: z.boolean(),
  acknowledgements: z.array(
    z.object({
      rhfId: uuid,
      rhfName: z.string(),
      note: z.string().nullable(),
      acknowledgedByName: z.string(),
      acknowledgedAs: z.enum(['rhfContact', 'secretariat']),
      acknowledgedOn: isoDate,
    }),
  ),
  awaitingRhfs: z.array(z.object({ id: uuid, name: z.string() })),
  voteBlocker: z.string().nullable(),
  viewer: z.object({ canMark: z.boolean(), canAcknowledgeRhfIds: z.array(uuid) }),
});

export const compositionWarningsSchema = z.array(
  z.object({
    steeringGroupId: uuid,
    steeringGroupName: z.string(),
    membershipId: uuid,
    personId: uuid,
    personName: z.string(),
    rhfId: uuid,
    rhfName: z.string(),
    message: z.string(),
  }),
);

export const appointSubstituteSchema = z.object({
  rhfId: uuid,
  personId: uuid,
  reason: z.string().trim().min(3, 'Begrunn oppnevningen').max(4000),
});
