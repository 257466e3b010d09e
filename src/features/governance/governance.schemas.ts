import { z } from 'zod';
import { accessStatusIds, legalBasisIds } from '../../domain/offentleglova.rules.js';
import { bodyCaseSubjectIds, decisionTypeIds } from '../../domain/governance-bodies.rules.js';
import { gateIds } from '../../domain/involvement.rules.js';
import { riskParameters } from '../../domain/risk.rules.js';
import { pageQuery, uuid } from '../../shared/schemas.js';
import { faggruppeMatterSchema } from './cases/faggruppe-matter.schemas.js';

export const level3 = z.enum(['høy', 'medium', 'lav']);
export const gateSchema = z.enum(gateIds);
/** A case's gate: a national phase gate or a regional body's case subject (seed 000). */
export const caseGateSchema = z.enum([...gateIds, ...bodyCaseSubjectIds]);
export const involvementSchema = z.enum(['decide', 'consulted', 'informed']);
export const levelSchema = z.enum(['lokal', 'regional', 'flerregional', 'nasjonal']);
const riskKeys = riskParameters.map((parameter) => parameter.key) as [string, ...string[]];

// ---- configuration ----
const involvementRow = z.object({
  høy: involvementSchema,
  medium: involvementSchema,
  lav: involvementSchema,
});
export const involvementMatrixSchema = z.object(
  Object.fromEntries(gateIds.map((gate) => [gate, involvementRow])) as Record<
    (typeof gateIds)[number],
    typeof involvementRow
  >,
);
export const riskRuleSchema = z
  .object({
    highMeanAtLeast: z.number().min(1).max(5),
    mediumMeanAtLeast: z.number().min(1).max(5),
    criticalParameters: z.array(z.enum(riskKeys)),
    anyFiveRaisesToMedium: z.boolean(),
  })
  .refine((rule) => rule.mediumMeanAtLeast <= rule.highMeanAtLeast, {
    message: 'Terskelen for medium kan ikke være over terskelen for høy',
  });
export const significanceRuleSchema = z.object({
  valueThresholdNok: z.number().int().min(0),
  raiseForValue: z.boolean(),
  raiseForMedicalMainArea: z.boolean(),
});

/** Quorum (beslutningsdyktighet): see src/domain/quorum.rules.ts. */
export const quorumRuleSchema = z.object({
  everyParticipatingRhf: z.boolean(),
  minimumDecidingVotes: z.number().int().min(1).max(10),
});
/** Lasting inhabilitet and the renewal of interest declarations: see src/domain/habilitet.rules.ts. */
export const habilitetRuleSchema = z.object({
  lastingThreshold: z.number().int().min(1).max(50),
  lastingWindowMonths: z.number().int().min(1).max(60),
  declarationRenewalMonths: z.number().int().min(1).max(36),
  /** A case marked "drøftes med RHF-ene" waits for each participating RHF's acknowledgement before the vote. */
  rhfDiscussionAcknowledgement: z.boolean().default(true),
  /** Days the group has for an "uavklart sak fra faggruppen" before the leder anskaffelse may escalate it. */
  faggruppeEscalationDays: z.number().int().min(1).max(365).default(14),
});
export const configSchemas = {
  involvementMatrix: involvementMatrixSchema,
  riskRule: riskRuleSchema,
  significanceRule: significanceRuleSchema,
  quorumRule: quorumRuleSchema,
  habilitetRule: habilitetRuleSchema,
} as const;
export const configKeySchema = z.enum([
  'involvementMatrix',
  'riskRule',
  'significanceRule',
  'quorumRule',
  'habilitetRule',
]);

export const configEntrySchema = z.object({
  key: configKeySchema,
  version: z.number().int(),
  value: z.unknown(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string().nullable(),
});
export const configViewSchema = z.object({
  current: z.object({
    involvementMatrix: configEntrySchema,
    riskRule: configEntrySchema,
    significanceRule: configEntrySchema,
    quorumRule: configEntrySchema,
    habilitetRule: configEntrySchema,
  }),
  history: z.array(configEntrySchema),
  riskParameters: z.array(z.object({ key: z.string(), label: z.string(), help: z.string() })),
});
export const updateConfigSchema = z.object({
  value: z.unknown(),
  note: z.string().trim().max(2000).nullable().default(null),
});

// ---- procurement inputs ----
/** Either all 15 scores, or a profile from one's own tool; one object so each bad score gets its own path. */
export const riskInputSchema = z
  .object({
    scores: z
      .object(
        Object.fromEntries(
          riskKeys.map((key) => [
            key,
            z.number().int().min(1, 'Score må være 1–5').max(5, 'Score må være 1–5'),
          ]),
        ) as Record<string, z.ZodNumber>,
      )
      .optional(),
    profile: level3.optional(),
    note: z.string().trim().max(4000).nullable().default(null),
  })
  .refine((input) => (input.scores === undefined) !== (input.profile === undefined), {
    message: 'Oppgi enten score for alle 15 risikoparametere, eller en risikoprofil direkte',
    path: ['scores'],
  });
export type RiskInput = z.infer<typeof riskInputSchema>;

export const initialSignificanceSchema = z.object({
  value: level3,
  note: z.string().trim().max(4000).nullable().default(null),
});
export const faggruppeSchema = z.object({ personIds: z.array(uuid).max(100) });
export const passGateParams = z.object({ id: uuid, gate: gateSchema });
export const passGateSchema = z
  .object({ note: z.string().trim().max(4000).nullable().default(null) })
  .default({ note: null });

// ---- cases ----
export const caseStatusSchema = z.enum([
  'open',
  'approved',
  'dissent',
  'outsideMandate',
  'escalated',
  'lineEscalated',
  'resolved',
  'consulted',
  'withdrawn',
]);
/** faggruppeMatter: an unresolved matter from the faggruppe (V01 §7.3), not a gate's decision. */
export const caseKindSchema = z.enum(['decision', 'consultation', 'delegation', 'faggruppeMatter']);
export const escalationReasonSchema = z.enum(['dissent', 'outsideMandate', 'faggruppeMatter']);
export const voteSchema = z.enum(['approve', 'object', 'conflict']);

export const documentInputSchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentType: z.string().trim().min(3).max(200),
  contentBase64: z.string().min(1).max(14_000_000),
  /** Not public: then `legalBasis` is required (offentleglova); a bare flag is refused, never defaulted. */
  restricted: z.boolean().default(false),
  accessStatus: z.enum(accessStatusIds).optional(),
  /** The exemption's legal basis; alone it makes the document exempt (partly, for § 13 and § 23 (1)). */
  legalBasis: z.enum(legalBasisIds).optional(),
  shieldedWords: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
});

export const submitCaseSchema = z
  .object({
    gate: gateSchema,
    title: z.string().trim().min(3, 'Tittel må ha minst 3 tegn').max(300),
    text: z.string().trim().min(1, 'Saksteksten mangler').max(50_000),
    proposedSignificance: level3.optional(),
    delegate: z
      .boolean()
      .default(false)
      .describe('A decision to delegate approval of this gate to the faggruppe'),
    documents: z.array(documentInputSchema).max(20).default([]),
  })
  .refine((input) => input.gate !== 'significance' || input.proposedSignificance !== undefined, {
    message: 'En sak om strategisk betydning må foreslå høy, medium eller lav',
    path: ['proposedSignificance'],
  });
export type SubmitCase = z.infer<typeof submitCaseSchema>;

export const castVoteSchema = z
  .object({ vote: voteSchema, comment: z.string().trim().max(4000).nullable().default(null) })
  .refine((input) => input.vote !== 'object' || (input.comment !== null && input.comment.length > 0), {
    message: 'En innsigelse må begrunnes',
    path: ['comment'],
  });
export const outsideMandateSchema = z.object({ reason: z.string().trim().min(3).max(4000) });
export const escalateSchema = z.object({
  reason: z.enum(['dissent', 'outsideMandate']),
  brief: z.string().trim().min(10, 'Det felles notatet må ha innhold').max(50_000),
  recommendation: z.string().trim().min(3, 'Notatet må ha en anbefaling').max(10_000),
});
/** The body a case was escalated to takes it on to its own target (an escalation chain, seed 000 §4). */
export const escalateFurtherSchema = escalateSchema.pick({ brief: true, recommendation: true });
export const rhfAnswerSchema = z.object({ rhfId: uuid, answer: z.string().trim().min(2).max(10_000) });
export const resolutionSchema = z.object({
  outcome: z.enum(['approved', 'rejected']),
  text: z.string().trim().min(3).max(10_000),
});
export const consultationSchema = z.object({
  summary: z.string().trim().min(3, 'Oppsummer innspillene').max(20_000),
});
export const caseDocumentParams = z.object({ id: uuid, documentId: uuid });

export const habilitetStateSchema = z.enum([
  'unanswered',
  'noKnownConflict',
  'reported',
  'inhabil',
  'ikkeInhabil',
]);
export const habilitetQuestionSchema = z.object({
  id: uuid,
  caseId: uuid,
  caseTitle: z.string(),
  procurementName: z.string().nullable(),
  steeringGroupName: z.string(),
  personId: uuid,
  personName: z.string(),
  rhfId: uuid,
  rhfName: z.string(),
  source: z.enum(['member', 'supplierMatch', 'agendaItem']),
  reason: z.string().nullable().describe('Only for the member, their RHF contact and the secretariat'),
  raisedAt: z.string(),
  status: z.enum(['pending', 'inhabil', 'ikkeInhabil']),
  decisionReason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAs: z.enum(['rhfContact', 'secretariat']).nullable(),
  /** When the decision row was written (transaction time; bookkeeping, not the decision's day). */
  decidedAt: z.string().nullable(),
  /** The Norwegian day of the RHF's decision, from the clock (YYYY-MM-DD): the day to show. */
  decidedOn: z.string().nullable(),
});

const memberRef = z.object({ personId: uuid, name: z.string(), rhfId: uuid, rhfName: z.string() });

export const caseSchema = z.object({
  id: uuid,
  procurementId: uuid.nullable(),
  procurementName: z.string().nullable(),
  steeringGroupId: uuid,
  steeringGroupName: z.string(),
  /** Where disagreement in the case's body goes (seed 000); null: to the RHFs concerned. */
  escalationTarget: z.object({ id: uuid, name: z.string() }).nullable(),
  /** A regional body's case: the decision type of its mandate; a decision-level case: the body named. */
  decisionType: z.enum(decisionTypeIds).nullable(),
  proposedBody: z.object({ id: uuid, name: z.string() }).nullable(),
  gate: caseGateSchema,
  kind: caseKindSchema,
  delegatedGate: gateSchema.nullable(),
  title: z.string(),
  text: z.string(),
  proposedSignificance: level3.nullable(),
  status: caseStatusSchema,
  eligibleMemberIds: z.array(uuid).describe('Person ids of the members who decide this case'),
  eligibleMembers: z.array(memberRef),
  excludedMembers: z.array(
    memberRef.extend({ reason: z.enum(['observer', 'otherRegion', 'faggruppe', 'inactive']) }),
  ),
  votes: z.array(
    z.object({
      personId: uuid,
      personName: z.string(),
      vote: voteSchema,
      comment: z.string().nullable(),
      votedAt: z.string(),
    }),
  ),
  tally: z.object({ status: z.string(), waitingFor: z.array(uuid), reason: z.string().nullable() }),
  habilitet: z.object({
    quorate: z.boolean().describe('False: "ikke beslutningsdyktig" (quorumReason says which RHF lacks whom)'),
    quorumReason: z.string().nullable(),
    members: z.array(
      z.object({
        personId: uuid,
        name: z.string(),
        rhfId: uuid,
        rhfName: z.string(),
        state: habilitetStateSchema,
        appointmentCleared: z.boolean(),
      }),
    ),
    questions: z.array(habilitetQuestionSchema),
  }),
  decisionNumber: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  submittedAt: z.string(),
  /** The day the case was decided or the consultation recorded (YYYY-MM-DD). */
  decidedOn: z.string().nullable(),
  documents: z.array(
    z.object({
      id: uuid,
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
      restricted: z.boolean(),
      accessStatus: z.enum(accessStatusIds),
      legalBasis: z.enum(legalBasisIds).nullable(),
      canRead: z.boolean(),
    }),
  ),
  escalation: z
    .object({
      reason: escalationReasonSchema,
      /** The body's configured escalation target (seed 000: Direktørmøte); null: escalated to the RHFs. */
      targetBody: z.object({ id: uuid, name: z.string() }).nullable(),
      /** Where the target body would take it further (its own escalation target); null at the chain's end. */
      nextTarget: z.object({ id: uuid, name: z.string() }).nullable(),
      /** The chain's earlier steps, oldest first: each body's brief, recommendation and answers. */
      previousSteps: z.array(
        z.object({
          targetBodyName: z.string(),
          brief: z.string(),
          recommendation: z.string(),
          escalatedBy: z.string(),
          escalatedAt: z.string(),
          answers: z.array(z.object({ answer: z.string(), answeredBy: z.string(), answeredAt: z.string() })),
          forwardedBy: z.string(),
          forwardedOn: z.string(),
        }),
      ),
      brief: z.string(),
      recommendation: z.string(),
      rhfIds: z.array(uuid),
      answers: z.array(
        z.object({ rhfId: uuid, answer: z.string(), answeredBy: z.string(), answeredAt: z.string() }),
      ),
      awaitingAnswerFrom: z
        .array(uuid)
        .describe('RHFs concerned that have not answered; the joint settlement waits for all of them'),
      resolutionOutcome: z.enum(['approved', 'rejected']).nullable(),
      resolutionText: z.string().nullable(),
      resolvedAt: z.string().nullable(),
    })
    .nullable(),
  /** An unresolved faggruppe matter's steps up the Sykehusinnkjøp line; null for other cases. */
  faggruppeMatter: faggruppeMatterSchema.nullable(),
  viewer: z.object({
    canVote: z.boolean(),
    myVote: voteSchema.nullable(),
    isConflicted: z.boolean(),
    habilitet: habilitetStateSchema.nullable().describe('Null when the viewer does not decide the case'),
    exemptBlockedReason: z.string().nullable(),
    canDecideHabilitetQuestionIds: z.array(uuid),
    canMarkOutsideMandate: z.boolean(),
    canEscalate: z.boolean(),
    canEscalateFurther: z.boolean(),
    canAnswerForRhfIds: z.array(uuid),
    canResolve: z.boolean(),
    canRecordConsultation: z.boolean(),
    canAddDocuments: z.boolean(),
    cannotVoteReason: z.string().nullable(),
  }),
});
export type CaseDto = z.infer<typeof caseSchema>;

export const caseSummarySchema = z.object({
  id: uuid,
  procurementId: uuid.nullable(),
  procurementName: z.string().nullable(),
  steeringGroupName: z.string(),
  gate: caseGateSchema,
  kind: caseKindSchema,
  title: z.string(),
  status: caseStatusSchema,
  decisionNumber: z.string().nullable(),
  submittedAt: z.string(),
});

export const governanceViewSchema = z.object({
  level: levelSchema.nullable(),
  inNationalModel: z.boolean(),
  outsideModelReason: z.string().nullable(),
  steeringGroup: z.object({ id: uuid, name: z.string() }).nullable(),
  routingError: z.string().nullable(),
  participatingRhfIds: z.array(uuid),
  riskProfile: level3.nullable(),
  risk: z
    .object({
      method: z.enum(['scored', 'direct']),
      scores: z.record(z.string(), z.number()).nullable(),
      meanScore: z.number().nullable(),
      reasons: z.array(z.string()),
      note: z.string().nullable(),
      assessedBy: z.string(),
      assessedAt: z.string(),
    })
    .nullable(),
  significance: z.object({
    recommended: level3.nullable(),
    reasons: z.array(z.string()),
    initial: level3.nullable(),
    /** The year of the approved annual plan the initial value came from; null when set by hand. */
    initialFromPlanYear: z.number().int().nullable(),
    final: level3.nullable(),
    appliedForGates: level3,
    reassess: z
      .string()
      .nullable()
      .describe('Set when the risk rose after the final significance: consider a new significance case'),
    history: z.array(
      z.object({
        kind: z.enum(['initial', 'final']),
        value: level3,
        caseId: uuid.nullable(),
        annualPlanYear: z.number().int().nullable(),
        note: z.string().nullable(),
        decidedBy: z.string(),
        decidedAt: z.string(),
      }),
    ),
  }),
  gates: z.array(
    z.object({
      gate: gateSchema,
      involvement: involvementSchema,
      status: z.enum(['passed', 'ready', 'awaitingCase', 'inProgress', 'dissent', 'escalated', 'locked']),
      canPass: z.boolean(),
      blockingReason: z.string().nullable(),
      delegated: z.boolean(),
      passedVia: z.string().nullable(),
      passedOn: z.string().nullable(),
      caseId: uuid.nullable(),
    }),
  ),
  phase: z.union([gateSchema, z.literal('implementation')]).nullable(),
  matrixVersion: z.number().int(),
  faggruppe: z.array(z.object({ personId: uuid, name: z.string() })),
  cases: z.array(caseSummarySchema),
  viewer: z.object({ canManage: z.boolean(), nextActions: z.array(z.string()) }),
});
export type GovernanceView = z.infer<typeof governanceViewSchema>;

export const decisionRegisterSchema = z.array(
  z.object({
    decisionNumber: z.string(),
    caseId: uuid,
    procurementId: uuid.nullable(),
    procurementName: z.string().nullable(),
    gate: caseGateSchema,
    kind: caseKindSchema,
    title: z.string(),
    outcome: z.enum(['approved', 'rejected']),
    /** The day of the decision (YYYY-MM-DD). */
    decidedOn: z.string(),
    votes: z.array(z.object({ personName: z.string(), vote: voteSchema, comment: z.string().nullable() })),
    conflicts: z.array(z.string()),
    habilitet: z.array(
      z.object({
        personName: z.string(),
        rhfName: z.string(),
        status: z.enum(['pending', 'inhabil', 'ikkeInhabil']),
        decidedByName: z.string().nullable(),
        decidedAs: z.enum(['rhfContact', 'secretariat']).nullable(),
        decidedOn: z.string().nullable(),
      }),
    ),
    escalation: z
      .object({
        reason: escalationReasonSchema,
        resolutionOutcome: z.enum(['approved', 'rejected']).nullable(),
        resolutionText: z.string().nullable(),
      })
      .nullable(),
  }),
);

export const notificationSchema = z.object({
  id: uuid,
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const notificationsQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  ...pageQuery,
});
