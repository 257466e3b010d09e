import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { categories, categoryStrategies, kpiDefinitions, kpiManualValues } from '../../db/schema.js';
import { transactionTime } from '../../db/transaction-time.js';

export function listDefinitions(db: Db) {
  return db
    .select()
    .from(kpiDefinitions)
    .where(eq(kpiDefinitions.active, true))
    .orderBy(asc(kpiDefinitions.sortOrder), asc(kpiDefinitions.code));
}

export async function findDefinition(db: Db, id: string) {
  const [row] = await db.select().from(kpiDefinitions).where(eq(kpiDefinitions.id, id));
  return row ?? null;
}

export async function insertDefinition(db: Db, values: typeof kpiDefinitions.$inferInsert) {
  const [row] = await db.insert(kpiDefinitions).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateDefinition(
  db: Db,
  id: string,
  values: Partial<typeof kpiDefinitions.$inferInsert>,
) {
  await db.update(kpiDefinitions).set(values).where(eq(kpiDefinitions.id, id));
}

export function listManualValues(db: Db) {
  return db.select().from(kpiManualValues);
}

export async function upsertManualValue(db: Db, values: typeof kpiManualValues.$inferInsert) {
  await db
    .insert(kpiManualValues)
    .values(values)
    .onConflictDoUpdate({
      target: [kpiManualValues.kpiId, kpiManualValues.year],
      set: {
        value: values.value,
        note: values.note,
        enteredBy: values.enteredBy,
        enteredAt: transactionTime(),
      },
    });
}

export async function findManualValue(db: Db, kpiId: string, year: number) {
  const [row] = await db
    .select()
    .from(kpiManualValues)
    .where(and(eq(kpiManualValues.kpiId, kpiId), eq(kpiManualValues.year, year)));
  return row ?? null;
}

/** Categories Sykehusinnkjøp runs, with their strategy (if any): the category-strategy KPI's facts. */
export function listStrategyCoverage(db: Db) {
  return db
    .select({
      categoryId: categories.id,
      code: categories.code,
      name: categories.name,
      approvedOn: categoryStrategies.approvedOn,
      note: categoryStrategies.note,
    })
    .from(categories)
    .leftJoin(categoryStrategies, eq(categoryStrategies.categoryId, categories.id))
    .where(and(eq(categories.kind, 'category'), eq(categories.runBy, 'SHI'), eq(categories.active, true)))
    .orderBy(asc(categories.code));
}

export async function upsertStrategy(db: Db, values: typeof categoryStrategies.$inferInsert) {
  await db
    .insert(categoryStrategies)
    .values(values)
    .onConflictDoUpdate({
      target: categoryStrategies.categoryId,
      set: {
        approvedOn: values.approvedOn,
        note: values.note,
        updatedBy: values.updatedBy,
        updatedAt: transactionTime(),
      },
    });
}
