// Tables of the meeting calendar (issue 4): yearly plans, meetings, agendas, conflicts per agenda item,
// minutes with versions, follow-up actions and calendar-feed tokens. Re-exported by src/db/schema.ts.
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { requiredRef, writtenAt } from '../../db/columns.js';
import { people, steeringGroups } from '../../db/core.tables.js';
import { cases } from '../governance/governance.tables.js';

/** Møteplan: proposed by the secretariat, approved by the group as a numbered decision. */
export const meetingPlans = pgTable(
  'meeting_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    steeringGroupId: requiredRef('steering_group_id', () => steeringGroups.id),
    year: integer('year').notNull(),
    status: text('status', { enum: ['proposed', 'approved'] })
      .notNull()
      .default('proposed'),
    decisionNumber: text('decision_number'),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    proposedBy: text('proposed_by').notNull(),
    proposedAt: writtenAt('proposed_at'),
  },
  (t) => [uniqueIndex('meeting_plans_group_year_key').on(t.steeringGroupId, t.year)],
);

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    steeringGroupId: requiredRef('steering_group_id', () => steeringGroups.id),
    planId: uuid('plan_id').references(() => meetingPlans.id),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location'),
    cancelled: boolean('cancelled').notNull().default(false),
    cancelReason: text('cancel_reason'),
    /** iCalendar UID (stable) and SEQUENCE (incremented on every move or cancellation). */
    uid: text('uid').notNull(),
    sequence: integer('sequence').notNull().default(0),
    invitationDaysBefore: integer('invitation_days_before').notNull().default(7),
    invitationSentAt: timestamp('invitation_sent_at', { withTimezone: true }),
    createdAt: writtenAt('created_at'),
    updatedAt: writtenAt('updated_at'),
  },
  (t) => [
    uniqueIndex('meetings_uid_key').on(t.uid),
    index('meetings_group_idx').on(t.steeringGroupId, t.startsAt),
  ],
);

/** Saksliste: the group's open cases and items the secretariat adds (including follow-up reports). */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: requiredRef('meeting_id', () => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['case', 'item', 'followUp'] }).notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    title: text('title').notNull(),
    description: text('description'),
    createdAt: writtenAt('created_at'),
  },
  (t) => [index('agenda_items_meeting_idx').on(t.meetingId, t.position)],
);

/** Inhabilitet per agenda item, declared by the member before the meeting. */
export const agendaConflicts = pgTable(
  'agenda_conflicts',
  {
    agendaItemId: requiredRef('agenda_item_id', () => agendaItems.id, { onDelete: 'cascade' }),
    personId: requiredRef('person_id', () => people.id),
    reason: text('reason').notNull(),
    declaredAt: writtenAt('declared_at'),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.personId] })],
);

/** Referat: one row per version; an approved version is locked, a change after approval is a new version. */
export const minutes = pgTable(
  'minutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: requiredRef('meeting_id', () => meetings.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'approved'] })
      .notNull()
      .default('draft'),
    /** [{personId, present}] */
    attendance: jsonb('attendance').notNull(),
    /** [{agendaItemId, summary, decision, dissent: [{personId, reason}]}] */
    items: jsonb('items').notNull(),
    changeNote: text('change_note'),
    createdBy: text('created_by').notNull(),
    updatedAt: writtenAt('updated_at'),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('minutes_meeting_version_key').on(t.meetingId, t.version)],
);

/** Oppfølging av vedtak: an action item from a decision, with owner, due date and status. */
export const actionItems = pgTable(
  'action_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    steeringGroupId: requiredRef('steering_group_id', () => steeringGroups.id),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id),
    caseId: uuid('case_id').references(() => cases.id),
    title: text('title').notNull(),
    ownerPersonId: requiredRef('owner_person_id', () => people.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'inProgress', 'done'] })
      .notNull()
      .default('open'),
    progressNote: text('progress_note'),
    completedOn: date('completed_on', { mode: 'string' }),
    /** When the overdue reminder went out (one reminder per action). */
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: writtenAt('created_at'),
    updatedAt: writtenAt('updated_at'),
  },
  (t) => [index('action_items_group_idx').on(t.steeringGroupId, t.status, t.dueDate)],
);

/** A secret calendar-feed URL (for Outlook without a cookie); only the token's SHA-256 is stored. */
export const calendarFeedTokens = pgTable(
  'calendar_feed_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    personId: requiredRef('person_id', () => people.id),
    /** Null: the person's own feed (all their groups); otherwise that group's feed. */
    steeringGroupId: uuid('steering_group_id').references(() => steeringGroups.id),
    createdAt: writtenAt('created_at'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('calendar_feed_tokens_hash_key').on(t.tokenHash),
    index('calendar_feed_tokens_person_idx').on(t.personId),
  ],
);
