import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mailOutbox, notifications, people } from '../../db/schema.js';
import { transactionTime, transactionTimePlus } from '../../db/transaction-time.js';

export async function insertNotifications(db: Db, rows: Array<typeof notifications.$inferInsert>) {
  if (rows.length > 0) await db.insert(notifications).values(rows);
}

export function listNotifications(db: Db, personId: string, onlyUnread: boolean) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, personId), onlyUnread ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt))
    .limit(200);
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

/** Claims due mail; SKIP LOCKED lets two server processes drain the same outbox without sending twice. */
export function claimDueMail(db: Db, limit: number) {
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, transactionTime())))
    .orderBy(asc(mailOutbox.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
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
