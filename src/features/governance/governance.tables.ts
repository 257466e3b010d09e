// Tables of the governance workflow (issue 3): configuration, risk, significance, cases, votes, escalation,
// gates, delegation, the decision register counter and in-app notifications. Re-exported by src/db/schema.ts.
import {
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, people, procurements, steeringGroups } from '../../db/core.tables.js';
import { decisionTypeIds } from '../../domain/governance-bodies.rules.js';
import { legalBasisIds } from '../../domain/offentleglova.rules.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

export const governanceConfigKeys = [
  'involvementMatrix',
  'riskRule',
  'significanceRule',
  'quorumRule',
  'habilitetRule',
] as const;

/** Versioned configuration: the newest version of each key is in force; older ones stay for history. */
export const governanceConfig = pgTable(
  'governance_config',
  {
    id: serial('id').primaryKey(),
    key: text('key', { enum: governanceConfigKeys }).notNull(),
    version: integer('version').notNull(),
    value: jsonb('value').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at'),
  },
  (t) => [uniqueIndex('governance_config_key_version').on(t.key, t.version)],
);

export const riskAssessments = pgTable(
  'risk_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procurementId: uuid('procurement_id')
      .notNull()
      .references(() => procurements.id, { onDelete: 'cascade' }),
    method: text('method', { enum: ['scored', 'direct'] }).notNull(),
    scores: jsonb('scores'),
    profile: text('profile', { enum: ['høy', 'medium', 'lav'] }).notNull(),
    meanScore: numeric('mean_score', { precision: 4, scale: 2 }),
    ruleVersion: integer('rule_version'),
    note: text('note'),
    assessedBy: text('assessed_by').notNull(),
    assessedAt: at('assessed_at'),
  },
  (t) => [index('risk_assessments_procurement_idx').on(t.procurementId, t.assessedAt)],
);

export const significanceDecisions = pgTable(
  'significance_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procurementId: uuid('procurement_id')
      .notNull()
      .references(() => procurements.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['initial', 'final'] }).notNull(),
    value: text('value', { enum: ['høy', 'medium', 'lav'] }).notNull(),
    caseId: uuid('case_id'),
    /** An initial value carried over from the annual plan of this year when the RHFs approved it. */
    annualPlanYear: integer('annual_plan_year'),
    note: text('note'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: at('decided_at'),
  },
  (t) => [index('significance_decisions_procurement_idx').on(t.procurementId, t.decidedAt)],
);

/** Faggruppe members of a procurement: they may not decide it in the steering group. */
export const faggruppeMembers = pgTable(
  'faggruppe_members',
  {
    procurementId: uuid('procurement_id')
      .notNull()
      .references(() => procurements.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.procurementId, t.personId] })],
);

export const caseStatusIds = [
  'open',
  'approved',
  'dissent',
  'outsideMandate',
  'escalated',
  /** An unresolved faggruppe matter the leder anskaffelse took up the Sykehusinnkjøp line (V01 §7.3). */
  'lineEscalated',
  'resolved',
  'consulted',
  'withdrawn',
] as const;

/** A gate's decision, consultation or delegation, or an unresolved matter raised from the faggruppe. */
export const caseKindIds = ['decision', 'consultation', 'delegation', 'faggruppeMatter'] as const;

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for a body's matter that is no procurement (e.g. Innkjøpsforum's category-responsibility distribution). */
    procurementId: uuid('procurement_id').references(() => procurements.id),
    steeringGroupId: uuid('steering_group_id')
      .notNull()
      .references(() => steeringGroups.id),
    gate: text('gate').notNull(),
    kind: text('kind', { enum: caseKindIds }).notNull(),
    delegatedGate: text('delegated_gate'),
    title: text('title').notNull(),
    text: text('text').notNull(),
    proposedSignificance: text('proposed_significance', { enum: ['høy', 'medium', 'lav'] }),
    /** A regional decision-level case (seed 000 §6): the body the procurement's decisions are given to. */
    proposedBodyId: uuid('proposed_body_id').references(() => steeringGroups.id),
    /** A regional body's case: the decision type of its mandate the case falls under; null nationally. */
    decisionType: text('decision_type', { enum: decisionTypeIds }),
    status: text('status', { enum: caseStatusIds }).notNull().default('open'),
    /** The electorate as last worked out (submission, each vote, the tally); changes are audited. */
    eligiblePersonIds: uuid('eligible_person_ids').array().notNull(),
    participatingRhfIds: uuid('participating_rhf_ids').array().notNull(),
    decisionNumber: text('decision_number'),
    outcomeNote: text('outcome_note'),
    submittedByPersonId: uuid('submitted_by_person_id')
      .notNull()
      .references(() => people.id),
    submittedAt: at('submitted_at'),
    /** When the row was closed (transaction time; bookkeeping). */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The Norwegian day of the decision or the recorded consultation, from the clock (YYYY-MM-DD). */
    decidedOn: text('decided_on'),
  },
  (t) => [
    index('cases_procurement_idx').on(t.procurementId),
    index('cases_group_status_idx').on(t.steeringGroupId, t.status),
    uniqueIndex('cases_decision_number_key').on(t.decisionNumber),
    // The group's decision register (governance.repo.ts listDecidedCases).
    index('cases_group_decided_idx').on(t.steeringGroupId, t.decisionNumber),
  ],
);

export const caseVotes = pgTable(
  'case_votes',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    vote: text('vote', { enum: ['approve', 'object', 'conflict'] }).notNull(),
    comment: text('comment'),
    votedAt: at('voted_at'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.personId] })],
);

export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /**
     * The legal basis of an exemption (offentleglova), null when public. Legacy table: its rows were moved into
     * the document store (documents/), which is where case documents are written now.
     */
    legalBasis: text('legal_basis', { enum: legalBasisIds }),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: at('uploaded_at'),
  },
  (t) => [index('case_documents_case_idx').on(t.caseId)],
);

/** One step of an escalation chain that a body took further (see escalations.previous_steps). */
export interface EscalationStep {
  targetBodyId: string | null;
  targetBodyName: string;
  brief: string;
  recommendation: string;
  escalatedBy: string;
  escalatedAt: string;
  answers: Array<{ answer: string; answeredBy: string; answeredAt: string }>;
  /** Who took it on to the next body, and the clock's day of it (YYYY-MM-DD). */
  forwardedBy: string;
  forwardedOn: string;
}

export const escalations = pgTable('escalations', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  /** faggruppeMatter: an unresolved faggruppe matter the Sykehusinnkjøp line took on to the RHFs. */
  reason: text('reason', { enum: ['dissent', 'outsideMandate', 'faggruppeMatter'] }).notNull(),
  brief: text('brief').notNull(),
  recommendation: text('recommendation').notNull(),
  rhfIds: uuid('rhf_ids').array().notNull(),
  /** A body's configured escalation target (seed 000 §4: → Direktørmøte); null: to the RHFs concerned. */
  targetBodyId: uuid('target_body_id').references(() => steeringGroups.id),
  escalatedBy: text('escalated_by').notNull(),
  escalatedAt: at('escalated_at'),
  /**
   * The earlier steps of an escalation chain (seed 000 §4: Anskaffelsesstyre → Strategisk innkjøpsforum →
   * Direktørmøte), oldest first: each body the case went to, with its brief, recommendation and answers, before
   * that body's leader took it on to its own target. The row's other columns are the step in force.
   */
  previousSteps: jsonb('previous_steps').$type<EscalationStep[]>().notNull().default([]),
  resolutionOutcome: text('resolution_outcome', { enum: ['approved', 'rejected'] }),
  resolutionText: text('resolution_text'),
  resolvedBy: text('resolved_by'),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
});

export const escalationAnswers = pgTable(
  'escalation_answers',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => escalations.caseId, { onDelete: 'cascade' }),
    rhfId: uuid('rhf_id')
      .notNull()
      .references(() => organisations.id),
    answer: text('answer').notNull(),
    answeredBy: text('answered_by').notNull(),
    answeredAt: at('answered_at'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.rhfId] })],
);

/**
 * An unresolved faggruppe matter (V01 §7.3): when it was raised and the days the group had (the rule version in
 * force then), and each step up the line — the leder anskaffelse to the Sykehusinnkjøp line, the line to the
 * RHFs (whose brief and recommendation are the case's escalation row). Days are the clock's Norwegian days.
 */
export const faggruppeMatters = pgTable('faggruppe_matters', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  raisedOn: text('raised_on').notNull(),
  escalationDays: integer('escalation_days').notNull(),
  ruleVersion: integer('rule_version').notNull(),
  raisedAs: text('raised_as', { enum: ['procurementLead', 'secretariat'] }).notNull(),
  lineEscalatedOn: text('line_escalated_on'),
  lineEscalatedByPersonId: uuid('line_escalated_by_person_id').references(() => people.id),
  lineEscalatedByName: text('line_escalated_by_name'),
  lineEscalatedAs: text('line_escalated_as', { enum: ['procurementLead', 'secretariat'] }),
  /** Why the leder anskaffelse finds the group's handling unsatisfactory. */
  lineReason: text('line_reason'),
  referredOn: text('referred_on'),
  referredByPersonId: uuid('referred_by_person_id').references(() => people.id),
  referredByName: text('referred_by_name'),
  referredAs: text('referred_as', { enum: ['shiLine', 'secretariat'] }),
});

/** A gate the procurement has passed, and how (decision, delegation, consultation, information). */
export const procurementGates = pgTable(
  'procurement_gates',
  {
    procurementId: uuid('procurement_id')
      .notNull()
      .references(() => procurements.id, { onDelete: 'cascade' }),
    gate: text('gate').notNull(),
    involvement: text('involvement', { enum: ['decide', 'consulted', 'informed'] }).notNull(),
    via: text('via', { enum: ['decision', 'delegation', 'consultation', 'information'] }).notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    plannedOn: text('planned_on'),
    passedBy: text('passed_by').notNull(),
    /** The Norwegian day the gate was passed, from the clock (YYYY-MM-DD): the actual date in reports. */
    passedOn: text('passed_on').notNull(),
    /** When the row was written (transaction time; bookkeeping). */
    passedAt: at('passed_at'),
  },
  (t) => [primaryKey({ columns: [t.procurementId, t.gate] })],
);

/** The group delegated approval of a gate to the faggruppe, by the decision in caseId. */
export const delegations = pgTable(
  'delegations',
  {
    procurementId: uuid('procurement_id')
      .notNull()
      .references(() => procurements.id, { onDelete: 'cascade' }),
    gate: text('gate').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    createdAt: at('created_at'),
  },
  (t) => [primaryKey({ columns: [t.procurementId, t.gate] })],
);

/** Decision numbers per group and year (IKT-2024-07), taken atomically with UPDATE … RETURNING. */
export const decisionCounters = pgTable(
  'decision_counters',
  {
    steeringGroupId: uuid('steering_group_id')
      .notNull()
      .references(() => steeringGroups.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.steeringGroupId, t.year] })],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    createdAt: at('created_at'),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_person_idx').on(t.personId, t.createdAt)],
);
