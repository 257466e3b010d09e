import { and, desc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mailOutbox, notifications, people } from '../../db/schema.js';
import { transactionTime, transactionTimePlus } from '../../db/transaction-time.js';

export async function insertNotifications(db: Db, rows: Array<typeof notifications.$inferInsert>) {
  if (rows.length > 0) await db.insert(notifications).values(rows);
}

/** One page of a person's inbox, newest first (notifications_person_idx), and how many match. */
export async function listNotifications(
  db: Db,
  personId: string,
  query: { onlyUnread: boolean; limit: number; offset: number },
) {
  const where = and(
    eq(notifications.personId, personId),
    query.onlyUnread ? isNull(notifications.readAt) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(notifications)
      .where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

export async function markNotificationRead(db: Db, personId: string, id: string) {
  const rows = await db
    .update(notifications)
    .set({ readAt: transactionTime() })
    .where(and(eq(notifications.id, id), eq(notifications.personId, personId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function listEmailAddresses(db: Db, personIds: string[]) {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ personId: people.id, email: people.email })
    .from(people)
    .where(and(inArray(people.id, personIds), isNotNull(people.email)));
  return rows.map((row) => ({ personId: row.personId, email: row.email! }));
}

export async function enqueueMail(db: Db, rows: Array<typeof mailOutbox.$inferInsert>) {
  if (rows.length > 0) await db.insert(mailOutbox).values(rows);
}

/**
 * Claims the oldest due mail for `leaseSeconds` in one statement (its own short transaction) and counts the
 * attempt: the send then happens with no transaction open. SKIP LOCKED and the lease keep two server processes
 * from sending one mail twice; a process that dies mid-send leaves the mail due again once the lease runs out.
 */
export async function claimNextMail(db: Db, leaseSeconds: number) {
  const [row] = await db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: transactionTimePlus(leaseSeconds) })
    .where(
      eq(
        mailOutbox.id,
        sql`(select id from mail_outbox where status = 'pending' and next_attempt_at <= now()
             order by created_at limit 1 for update skip locked)`,
      ),
    )
    .returning();
  return row ?? null;
}

export async function markMailSent(db: Db, id: string) {
  await db
    .update(mailOutbox)
    .set({ status: 'sent', sentAt: transactionTime(), lastError: null })
    .where(eq(mailOutbox.id, id));
}

export async function markMailFailed(db: Db, id: string, attempts: number, error: string, giveUp: boolean) {
  await db
    .update(mailOutbox)
    .set({
      status: giveUp ? 'failed' : 'pending',
      attempts,
      lastError: error.slice(0, 1000),
      nextAttemptAt: transactionTimePlus(2 ** attempts * 30),
    })
    .where(eq(mailOutbox.id, id));
}

export async function countPendingMail(db: Db) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, transactionTime())));
  return row?.count ?? 0;
}
