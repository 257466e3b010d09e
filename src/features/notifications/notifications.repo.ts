import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notifications } from '../../db/schema.js';

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
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.personId, personId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}
