import { asc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agreements, organisations } from '../../db/core.tables.js';
import { implementationItems, implementationPlans } from './implementation.tables.js';

export async function findAgreement(db: Db, id: string) {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  return row ?? null;
}

export function findOrganisations(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}

export function listPlanRows(db: Db, agreementId?: string) {
  return db
    .select({
      plan: implementationPlans,
      agreement: {
        id: agreements.id,
        agreementNumber: agreements.agreementNumber,
        name: agreements.name,
        supplierName: agreements.supplierName,
      },
      hf: { id: organisations.id, name: organisations.name, regionId: organisations.rhfId },
    })
    .from(implementationPlans)
    .innerJoin(agreements, eq(agreements.id, implementationPlans.agreementId))
    .innerJoin(organisations, eq(organisations.id, implementationPlans.hfId))
    .where(agreementId ? eq(implementationPlans.agreementId, agreementId) : undefined)
    .orderBy(asc(agreements.agreementNumber), asc(organisations.name));
}

export function listItems(db: Db, planIds: string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(implementationItems)
    .where(inArray(implementationItems.planId, planIds))
    .orderBy(asc(implementationItems.sortOrder));
}

export function listPlansOfAgreement(db: Db, agreementId: string) {
  return db.select().from(implementationPlans).where(eq(implementationPlans.agreementId, agreementId));
}

export async function insertPlan(db: Db, values: typeof implementationPlans.$inferInsert) {
  const [row] = await db.insert(implementationPlans).values(values).returning();
  return row!;
}

export async function insertItems(db: Db, rows: Array<typeof implementationItems.$inferInsert>) {
  if (rows.length > 0) await db.insert(implementationItems).values(rows);
}

export async function findItemWithPlan(db: Db, id: string) {
  const [row] = await db
    .select({ item: implementationItems, plan: implementationPlans, regionId: organisations.rhfId })
    .from(implementationItems)
    .innerJoin(implementationPlans, eq(implementationPlans.id, implementationItems.planId))
    .innerJoin(organisations, eq(organisations.id, implementationPlans.hfId))
    .where(eq(implementationItems.id, id));
  return row ?? null;
}

export async function findPlanWithRegion(db: Db, id: string) {
  const [row] = await db
    .select({ plan: implementationPlans, regionId: organisations.rhfId })
    .from(implementationPlans)
    .innerJoin(organisations, eq(organisations.id, implementationPlans.hfId))
    .where(eq(implementationPlans.id, id));
  return row ?? null;
}

export async function updateItem(
  db: Db,
  id: string,
  values: Partial<typeof implementationItems.$inferInsert>,
) {
  const [row] = await db
    .update(implementationItems)
    .set(values)
    .where(eq(implementationItems.id, id))
    .returning();
  return row!;
}

export async function nextSortOrder(db: Db, planId: string) {
  const [row] = await db
    .select({ last: max(implementationItems.sortOrder) })
    .from(implementationItems)
    .where(eq(implementationItems.planId, planId));
  return (row?.last ?? -1) + 1;
}
