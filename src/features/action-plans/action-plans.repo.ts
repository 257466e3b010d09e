import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { actionPlanAreas, actionPlanMeasures, actionPlans } from '../../db/schema.js';

export function listPlans(db: Db) {
  return db.select().from(actionPlans).orderBy(asc(actionPlans.code));
}

export async function findPlanByCode(db: Db, code: string) {
  const [row] = await db.select().from(actionPlans).where(eq(actionPlans.code, code));
  return row ?? null;
}

export function listAreas(db: Db, planId: string) {
  return db
    .select()
    .from(actionPlanAreas)
    .where(eq(actionPlanAreas.planId, planId))
    .orderBy(asc(actionPlanAreas.sortOrder));
}

export function listMeasures(db: Db, areaIds: string[]) {
  return db
    .select()
    .from(actionPlanMeasures)
    .orderBy(asc(actionPlanMeasures.sortOrder))
    .then((rows) => rows.filter((row) => areaIds.includes(row.areaId)));
}

export async function findMeasure(db: Db, id: string) {
  const [row] = await db.select().from(actionPlanMeasures).where(eq(actionPlanMeasures.id, id));
  return row ?? null;
}

export async function updateMeasure(
  db: Db,
  id: string,
  values: Partial<typeof actionPlanMeasures.$inferInsert>,
) {
  await db.update(actionPlanMeasures).set(values).where(eq(actionPlanMeasures.id, id));
}
