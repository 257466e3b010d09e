// Tables of habilitet (issue 9, seed 001 §7.2): interest declarations, the RHF's check at appointment, the
// member's per-case answer, habilitet questions decided by the RHF, and the suppliers known for a procurement.
import { sql } from 'drizzle-orm';
import {
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { requiredRef, writtenAt } from '../../../db/columns.js';
import { memberships, organisations, people, procurements } from '../../../db/core.tables.js';
import { cases } from '../governance.tables.js';

/** Habilitetserklæring: each confirmation is a new row (the latest is in force); renewed every 12 months. */
export const interestDeclarations = pgTable(
  'interest_declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: requiredRef('person_id', () => people.id),
    /** Interest[] of src/domain/habilitet.rules.ts (organisation, number, relation, period). */
    interests: jsonb('interests').notNull(),
    confirmedOn: date('confirmed_on', { mode: 'string' }).notNull(),
    confirmedBy: text('confirmed_by').notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [index('interest_declarations_person_idx').on(t.personId, t.confirmedOn)],
);

/** The RHF's habilitet check before appointing a member (§7.2), recorded by that RHF's contact. */
export const appointmentChecks = pgTable('appointment_checks', {
  membershipId: uuid('membership_id')
    .primaryKey()
    .references(() => memberships.id, { onDelete: 'cascade' }),
  outcome: text('outcome', { enum: ['cleared', 'notCleared'] }).notNull(),
  note: text('note'),
  checkedOn: date('checked_on', { mode: 'string' }).notNull(),
  checkedByPersonId: uuid('checked_by_person_id').references(() => people.id),
  checkedByName: text('checked_by_name').notNull(),
  /** The RHF's contact, or the secretariat on the RHF's behalf (recorded as such). */
  checkedAs: text('checked_as', { enum: ['rhfContact', 'secretariat', 'system'] }).notNull(),
  checkedAt: writtenAt('checked_at'),
});

/** A deciding member's answer "ingen kjent konflikt" in a case. */
export const habilitetStatements = pgTable(
  'habilitet_statements',
  {
    caseId: requiredRef('case_id', () => cases.id, { onDelete: 'cascade' }),
    personId: requiredRef('person_id', () => people.id),
    statedAt: writtenAt('stated_at'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.personId] })],
);

export const habilitetQuestionSources = ['member', 'supplierMatch', 'agendaItem'] as const;

/** A habilitet question for the member's RHF: pending counts as inhabil; only the RHF's decision ends it. */
export const habilitetQuestions = pgTable(
  'habilitet_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: requiredRef('case_id', () => cases.id, { onDelete: 'cascade' }),
    personId: requiredRef('person_id', () => people.id),
    /** The RHF the member represents in the group: its contact decides. */
    rhfId: requiredRef('rhf_id', () => organisations.id),
    source: text('source', { enum: habilitetQuestionSources }).notNull(),
    reason: text('reason').notNull(),
    raisedBy: text('raised_by').notNull(),
    raisedAt: writtenAt('raised_at'),
    status: text('status', { enum: ['pending', 'inhabil', 'ikkeInhabil'] })
      .notNull()
      .default('pending'),
    decisionReason: text('decision_reason'),
    decidedByPersonId: uuid('decided_by_person_id').references(() => people.id),
    decidedByName: text('decided_by_name'),
    decidedAs: text('decided_as', { enum: ['rhfContact', 'secretariat'] }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedOn: date('decided_on', { mode: 'string' }),
  },
  (t) => [
    index('habilitet_questions_case_idx').on(t.caseId),
    index('habilitet_questions_person_idx').on(t.personId, t.status),
    // At most one question awaiting the RHF per member and case.
    uniqueIndex('habilitet_questions_one_pending')
      .on(t.caseId, t.personId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** Tenderers and suppliers known for a procurement (at award: the chosen one), matched against declarations. */
export const procurementSuppliers = pgTable(
  'procurement_suppliers',
  {
    procurementId: requiredRef('procurement_id', () => procurements.id, { onDelete: 'cascade' }),
    /** Nine digits, normalised. */
    organisationNumber: text('organisation_number').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['tenderer', 'awarded'] }).notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: writtenAt('added_at'),
  },
  (t) => [primaryKey({ columns: [t.procurementId, t.organisationNumber] })],
);

/** The weekly digest sent to an RHF contact: one per person and ISO week (the key makes the job idempotent). */
export const rhfDigests = pgTable(
  'rhf_digests',
  {
    personId: requiredRef('person_id', () => people.id),
    /** ISO 8601 week, e.g. 2026-W25. */
    isoWeek: text('iso_week').notNull(),
    rhfIds: uuid('rhf_ids').array().notNull(),
    /** RhfDigest[] of src/domain/rhf-information.rules.ts as sent. */
    content: jsonb('content').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [primaryKey({ columns: [t.personId, t.isoWeek] })],
);

/** A høy-significance case marked "drøftes med RHF-ene" (§2.1): the vote waits for each RHF's acknowledgement. */
export const caseRhfDiscussions = pgTable('case_rhf_discussions', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  note: text('note'),
  markedByPersonId: uuid('marked_by_person_id').references(() => people.id),
  markedByName: text('marked_by_name').notNull(),
  markedOn: date('marked_on', { mode: 'string' }).notNull(),
  markedAt: writtenAt('marked_at'),
});

/** An RHF's acknowledgement that the case has been discussed with it (its contact, or the secretariat for it). */
export const caseRhfAcknowledgements = pgTable(
  'case_rhf_acknowledgements',
  {
    caseId: requiredRef('case_id', () => cases.id, { onDelete: 'cascade' }),
    rhfId: requiredRef('rhf_id', () => organisations.id),
    note: text('note'),
    acknowledgedByPersonId: uuid('acknowledged_by_person_id').references(() => people.id),
    acknowledgedByName: text('acknowledged_by_name').notNull(),
    acknowledgedAs: text('acknowledged_as', { enum: ['rhfContact', 'secretariat'] }).notNull(),
    acknowledgedOn: date('acknowledged_on', { mode: 'string' }).notNull(),
    acknowledgedAt: writtenAt('acknowledged_at'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.rhfId] })],
);

/** A substitute the RHF appoints for one case when the case is not quorate without it (§5.2, §7.2). */
export const caseSubstitutes = pgTable(
  'case_substitutes',
  {
    caseId: requiredRef('case_id', () => cases.id, { onDelete: 'cascade' }),
    personId: requiredRef('person_id', () => people.id),
    rhfId: requiredRef('rhf_id', () => organisations.id),
    reason: text('reason').notNull(),
    appointedByPersonId: uuid('appointed_by_person_id').references(() => people.id),
    appointedByName: text('appointed_by_name').notNull(),
    appointedAs: text('appointed_as', { enum: ['rhfContact', 'secretariat'] }).notNull(),
    appointedOn: date('appointed_on', { mode: 'string' }).notNull(),
    appointedAt: writtenAt('appointed_at'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.personId] })],
);
