// The implementation programme's tables (seed 001 Vedlegg 02–05), in their display order.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  programmeActivities,
  programmeRisks,
  programmeStakeholders,
  programmeTransitions,
} from '../../db/schema.js';

export function listActivities(db: Db) {
  return db.select().from(programmeActivities).orderBy(asc(programmeActivities.sortOrder));
}

export function listRisks(db: Db) {
  return db.select().from(programmeRisks).orderBy(asc(programmeRisks.number));
}

export function listStakeholders(db: Db) {
  return db.select().from(programmeStakeholders).orderBy(asc(programmeStakeholders.sortOrder));
}

export function listTransitions(db: Db) {
  return db.select().from(programmeTransitions).orderBy(asc(programmeTransitions.sortOrder));
}

export async function findActivity(db: Db, id: string) {
  const [row] = await db.select().from(programmeActivities).where(eq(programmeActivities.id, id));
  return row ?? null;
}

export async function updateActivityStatus(
  db: Db,
  id: string,
  status: (typeof programmeActivities.$inferSelect)['status'],
) {
  await db.update(programmeActivities).set({ status }).where(eq(programmeActivities.id, id));
}
