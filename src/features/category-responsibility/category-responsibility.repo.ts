import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionTime } from '../../db/transaction-time.js';
import { categories, organisations } from '../../db/core.tables.js';
import { categoryResponsibilities, categoryResponsibilityDuties } from './category-responsibility.tables.js';
import type { CategoryDuty } from '../../domain/category-responsibility.rules.js';

export async function findRegion(db: Db, regionId: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, regionId));
  return row ?? null;
}

export function listRegions(db: Db) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'RHF'), eq(organisations.active, true)))
    .orderBy(asc(organisations.name));
}

/** The active HFs of a region. */
export function listRegionHfs(db: Db, regionId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(eq(organisations.rhfId, regionId), eq(organisations.kind, 'HF'), eq(organisations.active, true)),
    )
    .orderBy(asc(organisations.name));
}

/** The categories of the national structure (not purchase groups) that are in use. */
export function listMainCategories(db: Db) {
  return db
    .select({ id: categories.id, code: categories.code, name: categories.name })
    .from(categories)
    .where(and(eq(categories.kind, 'category'), eq(categories.active, true)))
    .orderBy(asc(categories.name));
}

export function listResponsibilities(db: Db, regionId?: string) {
  return db
    .select()
    .from(categoryResponsibilities)
    .where(regionId ? eq(categoryResponsibilities.regionId, regionId) : undefined);
}

export async function findResponsibility(db: Db, id: string) {
  const [row] = await db.select().from(categoryResponsibilities).where(eq(categoryResponsibilities.id, id));
  return row ?? null;
}

export async function findResponsibilityFor(db: Db, regionId: string, categoryId: string) {
  const [row] = await db
    .select()
    .from(categoryResponsibilities)
    .where(
      and(
        eq(categoryResponsibilities.regionId, regionId),
        eq(categoryResponsibilities.categoryId, categoryId),
      ),
    );
  return row ?? null;
}

export function listDuties(db: Db, responsibilityIds: string[]) {
  if (responsibilityIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(categoryResponsibilityDuties)
    .where(inArray(categoryResponsibilityDuties.responsibilityId, responsibilityIds));
}

export async function insertResponsibility(db: Db, values: typeof categoryResponsibilities.$inferInsert) {
  const [row] = await db.insert(categoryResponsibilities).values(values).returning();
  return row!;
}

export async function updateResponsibility(
  db: Db,
  id: string,
  values: Partial<typeof categoryResponsibilities.$inferInsert>,
) {
  const [row] = await db
    .update(categoryResponsibilities)
    .set({ ...values, updatedAt: transactionTime() })
    .where(eq(categoryResponsibilities.id, id))
    .returning();
  return row!;
}

export async function deleteResponsibility(db: Db, id: string) {
  await db.delete(categoryResponsibilities).where(eq(categoryResponsibilities.id, id));
}

/** The checklist starts afresh: every duty not started (a new holder takes the duties over). */
export async function resetDuties(db: Db, responsibilityId: string, duties: readonly CategoryDuty[]) {
  await db
    .delete(categoryResponsibilityDuties)
    .where(eq(categoryResponsibilityDuties.responsibilityId, responsibilityId));
  await db
    .insert(categoryResponsibilityDuties)
    .values(duties.map((duty) => ({ responsibilityId, duty, status: 'notStarted' as const })));
}

export async function findDuty(db: Db, responsibilityId: string, duty: CategoryDuty) {
  const [row] = await db
    .select()
    .from(categoryResponsibilityDuties)
    .where(
      and(
        eq(categoryResponsibilityDuties.responsibilityId, responsibilityId),
        eq(categoryResponsibilityDuties.duty, duty),
      ),
    );
  return row ?? null;
}

export async function upsertDuty(db: Db, values: typeof categoryResponsibilityDuties.$inferInsert) {
  await db
    .insert(categoryResponsibilityDuties)
    .values(values)
    .onConflictDoUpdate({
      target: [categoryResponsibilityDuties.responsibilityId, categoryResponsibilityDuties.duty],
      set: {
        status: values.status,
        note: values.note,
        updatedOn: values.updatedOn,
        updatedByName: values.updatedByName,
      },
    });
}
