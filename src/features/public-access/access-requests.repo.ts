import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accessAppeals, accessRequestItems, accessRequests } from '../../db/schema.js';

export type AccessRequestRow = typeof accessRequests.$inferSelect;
export type AccessRequestItemRow = typeof accessRequestItems.$inferSelect;
export type AppealRow = typeof accessAppeals.$inferSelect;

export async function nextSequence(tx: Db, year: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(7310011)`);
  const [row] = await tx
    .select({ value: max(accessRequests.sequenceNumber) })
    .from(accessRequests)
    .where(eq(accessRequests.year, year));
  return (row?.value ?? 0) + 1;
}

export const referenceOf = (row: Pick<AccessRequestRow, 'year' | 'sequenceNumber'>) =>
  `INN-${row.year}-${String(row.sequenceNumber).padStart(4, '0')}`;

export async function insertRequest(db: Db, values: typeof accessRequests.$inferInsert) {
  const [row] = await db.insert(accessRequests).values(values).returning();
  return row!;
}

export async function insertItems(db: Db, rows: Array<typeof accessRequestItems.$inferInsert>) {
  if (rows.length > 0) await db.insert(accessRequestItems).values(rows);
}

export async function findRequest(db: Db, id: string) {
  const [row] = await db.select().from(accessRequests).where(eq(accessRequests.id, id));
  return row ?? null;
}

export async function lockRequest(db: Db, id: string) {
  const [row] = await db.select().from(accessRequests).where(eq(accessRequests.id, id)).for('update');
  return row ?? null;
}

export function listRequests(db: Db, statuses: AccessRequestRow['status'][] | null) {
  return db
    .select()
    .from(accessRequests)
    .where(statuses ? inArray(accessRequests.status, statuses) : undefined)
    .orderBy(asc(accessRequests.receivedOn), asc(accessRequests.sequenceNumber));
}

/** One page of the queue in received order, and how many requests the filter matches. */
export async function listRequestPage(
  db: Db,
  statuses: AccessRequestRow['status'][] | null,
  page: { limit: number; offset: number },
) {
  const where = statuses ? inArray(accessRequests.status, statuses) : undefined;
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(accessRequests)
      .where(where)
      .orderBy(asc(accessRequests.receivedOn), asc(accessRequests.sequenceNumber))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(accessRequests)
      .where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

export function listItems(db: Db, requestIds: string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(accessRequestItems)
    .where(inArray(accessRequestItems.requestId, requestIds))
    .orderBy(asc(accessRequestItems.description));
}

export async function updateItem(
  db: Db,
  id: string,
  values: Partial<typeof accessRequestItems.$inferInsert>,
) {
  await db.update(accessRequestItems).set(values).where(eq(accessRequestItems.id, id));
}

export async function updateRequest(db: Db, id: string, values: Partial<typeof accessRequests.$inferInsert>) {
  await db.update(accessRequests).set(values).where(eq(accessRequests.id, id));
}

export function listAppeals(db: Db, requestIds: string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(accessAppeals)
    .where(inArray(accessAppeals.requestId, requestIds))
    .orderBy(desc(accessAppeals.receivedOn));
}

export async function insertAppeal(db: Db, values: typeof accessAppeals.$inferInsert) {
  const [row] = await db.insert(accessAppeals).values(values).returning();
  return row!;
}

export async function findAppeal(db: Db, id: string) {
  const [row] = await db.select().from(accessAppeals).where(eq(accessAppeals.id, id));
  return row ?? null;
}

export async function updateAppeal(db: Db, id: string, values: Partial<typeof accessAppeals.$inferInsert>) {
  await db.update(accessAppeals).set(values).where(eq(accessAppeals.id, id));
}

/** Unanswered requests whose fifth working day is before `today` and that are not yet marked. */
export function listDueForDeemedRefusal(db: Db, today: string) {
  return db
    .select()
    .from(accessRequests)
    .where(and(eq(accessRequests.status, 'received'), sql`${accessRequests.deemedRefusedAfter} < ${today}`));
}
