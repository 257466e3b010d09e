// The e-mail outbox: written in the transaction of the change (by notify), sent after commit by the
// dispatcher. Re-exported by src/db/schema.ts. (The in-app inbox table is in governance.tables.ts.)
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { writtenAt } from '../../db/columns.js';
import { people } from '../../db/core.tables.js';

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').references(() => people.id),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    /** An iCalendar attachment (invitations, cancellations), never exempt content. */
    icalendar: text('icalendar'),
    icalendarMethod: text('icalendar_method'),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: writtenAt('created_at'),
    nextAttemptAt: writtenAt('next_attempt_at'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_pending_idx').on(t.status, t.nextAttemptAt)],
);
