import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { categories, steeringGroupCoverage } from '../../db/schema.js';
import { transactionTime } from '../../db/transaction-time.js';

const parent = alias(categories, 'parent');

export async function listCategories(db: Db) {
  const rows = await db
    .select({
      id: categories.id,
      code: categories.code,
      name: categories.name,
      kind: categories.kind,
      parentId: categories.parentId,
      parentCode: parent.code,
      isMedicalMainArea: categories.isMedicalMainArea,
      runBy: categories.runBy,
      active: categories.active,
    })
    .from(categories)
    .leftJoin(parent, eq(parent.id, categories.parentId))
    .orderBy(asc(categories.code));
  const coverage = await db.select().from(steeringGroupCoverage);
  const groupByCategory = new Map(coverage.map((entry) => [entry.categoryId, entry.steeringGroupId]));
  return rows.map((row) => ({ ...row, steeringGroupId: groupByCategory.get(row.id) ?? null }));
}

export type CategoryRow = Awaited<ReturnType<typeof listCategories>>[number];

export async function findCategory(db: Db, id: string) {
  return (await listCategories(db)).find((row) => row.id === id) ?? null;
}

export async function findCategoriesByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select().from(categories).where(inArray(categories.code, codes));
}

export async function insertCategory(db: Db, values: typeof categories.$inferInsert) {
  const [row] = await db.insert(categories).values(values).returning({ id: categories.id });
  return row!.id;
}

export async function updateCategory(db: Db, id: string, values: Partial<typeof categories.$inferInsert>) {
  await db
    .update(categories)
    .set({ ...values, updatedAt: transactionTime() })
    .where(eq(categories.id, id));
}
