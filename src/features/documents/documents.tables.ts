// The document store (issue 4): a document with its offentleglova access status and Noark 5 shaped
// metadata, and its versions (content in the database: no file paths to trick). Re-exported by src/db/schema.ts.
import { customType, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { requiredRef, writtenAt } from '../../db/columns.js';
import { accessStatusIds, legalBasisIds } from '../../domain/offentleglova.rules.js';
import { procurements, steeringGroups } from '../../db/core.tables.js';
import { cases } from '../governance/governance.tables.js';
import { meetings } from '../meetings/meetings.tables.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    steeringGroupId: requiredRef('steering_group_id', () => steeringGroups.id),
    procurementId: uuid('procurement_id').references(() => procurements.id),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    title: text('title').notNull(),
    accessStatus: text('access_status', { enum: accessStatusIds }).notNull().default('public'),
    legalBasis: text('legal_basis', { enum: legalBasisIds }),
    /** Words of the title shielded in the public title (M025, M502 'tittel'). */
    shieldedWords: text('shielded_words').array().notNull().default([]),
    classifiedOn: date('classified_on', { mode: 'string' }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: writtenAt('created_at'),
    updatedAt: writtenAt('updated_at'),
  },
  (t) => [
    index('documents_group_idx').on(t.steeringGroupId),
    // A group's documents one page at a time, in upload order.
    index('documents_group_created_idx').on(t.steeringGroupId, t.createdAt, t.id),
    index('documents_case_idx').on(t.caseId),
    index('documents_meeting_idx').on(t.meetingId),
  ],
);

export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: requiredRef('document_id', () => documents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: writtenAt('uploaded_at'),
  },
  (t) => [uniqueIndex('document_versions_document_version_key').on(t.documentId, t.version)],
);
