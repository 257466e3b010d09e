// Public access under offentleglova (issue 10): the journal (saksmapper and journalposter in Noark 5 shape),
// public variants of partly exempt documents, access requests with a decision per document, and appeals.
// Re-exported by src/db/schema.ts.
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accessStatusIds, legalBasisIds } from '../../domain/offentleglova.rules.js';
import { procurements, steeringGroups } from '../../db/core.tables.js';
import { documents } from '../documents/documents.tables.js';
import { cases } from '../governance/governance.tables.js';
import { meetings } from '../meetings/meetings.tables.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});
const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

export const journalDirectionIds = ['incoming', 'outgoing', 'internal'] as const;
export const journalDocumentTypeIds = [
  'caseDocument',
  'meetingPaper',
  'minutes',
  'decision',
  'letter',
  'other',
] as const;

/** Saksmappe: one per procurement, and one per steering group for what concerns no procurement. */
export const journalCases = pgTable(
  'journal_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    sequenceNumber: integer('sequence_number').notNull(),
    steeringGroupId: uuid('steering_group_id')
      .notNull()
      .references(() => steeringGroups.id),
    procurementId: uuid('procurement_id').references(() => procurements.id),
    title: text('title').notNull(),
    createdAt: at('created_at'),
  },
  (t) => [
    uniqueIndex('journal_cases_number_key').on(t.year, t.sequenceNumber),
    unique('journal_cases_scope_key').on(t.steeringGroupId, t.procurementId).nullsNotDistinct(),
  ],
);

/** Journalpost. Access comes from the linked document when there is one, else from the entry itself. */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    journalCaseId: uuid('journal_case_id')
      .notNull()
      .references(() => journalCases.id),
    documentNumber: integer('document_number').notNull(),
    journalYear: integer('journal_year').notNull(),
    journalSequence: integer('journal_sequence').notNull(),
    journalDate: date('journal_date', { mode: 'string' }).notNull(),
    documentDate: date('document_date', { mode: 'string' }).notNull(),
    direction: text('direction', { enum: journalDirectionIds }).notNull(),
    senderRecipient: text('sender_recipient'),
    title: text('title').notNull(),
    /** Words shielded in the public title and in sender/recipient (offentlegforskrifta § 7). */
    shieldedWords: text('shielded_words').array().notNull().default([]),
    documentType: text('document_type', { enum: journalDocumentTypeIds }).notNull(),
    accessStatus: text('access_status', { enum: accessStatusIds }).notNull().default('public'),
    legalBasis: text('legal_basis', { enum: legalBasisIds }),
    classifiedOn: date('classified_on', { mode: 'string' }).notNull(),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    /**
     * What the portal journalled without a stored file, so it is journalled once: `minutes:<id>` (an approved
     * version of the minutes), `decision:<case id>`, `meetingPlan:<id>` (the plan's approval is a decision).
     */
    sourceKey: text('source_key'),
    registeredBy: text('registered_by').notNull(),
    registeredAt: at('registered_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [
    uniqueIndex('journal_entries_sequence_key').on(t.journalYear, t.journalSequence),
    uniqueIndex('journal_entries_case_document_key').on(t.journalCaseId, t.documentNumber),
    uniqueIndex('journal_entries_document_key').on(t.documentId),
    uniqueIndex('journal_entries_source_key').on(t.sourceKey),
    index('journal_entries_date_idx').on(t.journalDate),
    // A page of the public decisions and meetings reads only its cases' and meetings' entries.
    index('journal_entries_case_idx').on(t.caseId),
    index('journal_entries_meeting_idx').on(t.meetingId),
  ],
);

/** The public variant of a partly exempt document: redacted by the portal (PDF) or uploaded. */
export const publicVariants = pgTable(
  'public_variants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    sourceVersion: integer('source_version').notNull(),
    method: text('method', { enum: ['redacted', 'uploaded'] }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** The legal bases of what was removed (each redaction names one). */
    legalBases: text('legal_bases', { enum: legalBasisIds }).array().notNull(),
    /** What was redacted (words, areas) — internal, never shown to the public. */
    redactions: jsonb('redactions').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at'),
  },
  (t) => [index('public_variants_document_idx').on(t.documentId, t.createdAt)],
);

export const accessRequestChannelIds = ['web', 'email', 'letter', 'eInnsyn'] as const;
export const accessRequestStatusIds = ['received', 'answered', 'deemedRefused'] as const;

/** Innsynskrav. Anonymous requests are allowed: a name is optional, an address to answer to is not. */
export const accessRequests = pgTable(
  'access_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    sequenceNumber: integer('sequence_number').notNull(),
    channel: text('channel', { enum: accessRequestChannelIds }).notNull(),
    requesterName: text('requester_name'),
    requesterEmail: text('requester_email'),
    requesterAddress: text('requester_address'),
    message: text('message').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    deemedRefusedAfter: date('deemed_refused_after', { mode: 'string' }).notNull(),
    status: text('status', { enum: accessRequestStatusIds }).notNull().default('received'),
    deemedRefusedOn: date('deemed_refused_on', { mode: 'string' }),
    answeredOn: date('answered_on', { mode: 'string' }),
    answeredBy: text('answered_by'),
    answerText: text('answer_text'),
    registeredBy: text('registered_by').notNull(),
    createdAt: at('created_at'),
  },
  (t) => [
    uniqueIndex('access_requests_number_key').on(t.year, t.sequenceNumber),
    index('access_requests_status_idx').on(t.status, t.receivedOn),
    // The whole queue in received order, one page at a time (status=all).
    index('access_requests_received_idx').on(t.receivedOn, t.sequenceNumber),
  ],
);

export const accessDecisionIds = ['grant', 'partly', 'refuse'] as const;

export const accessRequestItems = pgTable(
  'access_request_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => accessRequests.id, { onDelete: 'cascade' }),
    journalEntryId: uuid('journal_entry_id').references(() => journalEntries.id, { onDelete: 'set null' }),
    description: text('description').notNull(),
    decision: text('decision', { enum: accessDecisionIds }),
    legalBasis: text('legal_basis', { enum: legalBasisIds }),
    /** Offl. § 12 letter (a, b, c) when the whole document is refused for exempt parts. */
    section12: text('section12', { enum: ['a', 'b', 'c'] }),
    /** § 11 merinnsyn: the consideration, recorded for every decision that withholds something. */
    merinnsynAssessment: text('merinnsyn_assessment'),
    merinnsynGranted: boolean('merinnsyn_granted').notNull().default(false),
    variantId: uuid('variant_id').references(() => publicVariants.id),
    decidedBy: text('decided_by'),
    decidedOn: date('decided_on', { mode: 'string' }),
  },
  (t) => [index('access_request_items_request_idx').on(t.requestId)],
);

export const appealOutcomeIds = ['pending', 'upheld', 'partlyReversed', 'reversed'] as const;

/** Klage (offl. § 32): registered, sent to the appeal body with the case, outcome recorded. */
export const accessAppeals = pgTable(
  'access_appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => accessRequests.id, { onDelete: 'cascade' }),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    appealBody: text('appeal_body').notNull(),
    forwardedOn: date('forwarded_on', { mode: 'string' }),
    outcome: text('outcome', { enum: appealOutcomeIds }).notNull().default('pending'),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    outcomeNote: text('outcome_note'),
    registeredBy: text('registered_by').notNull(),
    createdAt: at('created_at'),
  },
  (t) => [index('access_appeals_request_idx').on(t.requestId)],
);
