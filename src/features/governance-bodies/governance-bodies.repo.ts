// SQL of the regional governance models: configuration versions and the bodies and mandates they materialise.
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bodyMandates, governanceModelConfig, steeringGroups } from '../../db/schema.js';
import { transactionTime } from '../../db/transaction-time.js';
import type { DecisionType } from '../../domain/governance-bodies.rules.js';

export async function latestModel(db: Db, regionId: string) {
  const [row] = await db
    .select()
    .from(governanceModelConfig)
    .where(eq(governanceModelConfig.regionId, regionId))
    .orderBy(desc(governanceModelConfig.version))
    .limit(1);
  return row ?? null;
}

export function listModelHistory(db: Db, regionId: string) {
  return db
    .select()
    .from(governanceModelConfig)
    .where(eq(governanceModelConfig.regionId, regionId))
    .orderBy(desc(governanceModelConfig.version));
}

/** The regions that have a configured model (any version). */
export async function listModelRegionIds(db: Db) {
  const rows = await db
    .selectDistinct({ regionId: governanceModelConfig.regionId })
    .from(governanceModelConfig);
  return rows.map((row) => row.regionId);
}

export async function insertModel(db: Db, values: typeof governanceModelConfig.$inferInsert) {
  const [row] = await db.insert(governanceModelConfig).values(values).returning();
  return row!;
}

export function listRegionBodies(db: Db, regionId: string) {
  return db
    .select()
    .from(steeringGroups)
    .where(eq(steeringGroups.regionId, regionId))
    .orderBy(asc(steeringGroups.name));
}

export async function findBodyByCode(db: Db, code: string) {
  const [row] = await db.select().from(steeringGroups).where(eq(steeringGroups.code, code));
  return row ?? null;
}

export async function insertBody(db: Db, values: typeof steeringGroups.$inferInsert) {
  const [row] = await db.insert(steeringGroups).values(values).returning();
  return row!;
}

export async function updateBody(db: Db, id: string, values: Partial<typeof steeringGroups.$inferInsert>) {
  await db
    .update(steeringGroups)
    .set({ ...values, updatedAt: transactionTime() })
    .where(eq(steeringGroups.id, id));
}

export async function replaceMandates(
  db: Db,
  steeringGroupId: string,
  decisionTypes: readonly DecisionType[],
) {
  await db.delete(bodyMandates).where(eq(bodyMandates.steeringGroupId, steeringGroupId));
  if (decisionTypes.length > 0)
    await db
      .insert(bodyMandates)
      .values(decisionTypes.map((decisionType) => ({ steeringGroupId, decisionType })));
}

export function listMandates(db: Db, steeringGroupIds: string[]) {
  if (steeringGroupIds.length === 0) return Promise.resolve([]);
  return db.select().from(bodyMandates).where(inArray(bodyMandates.steeringGroupId, steeringGroupIds));
}

/** Active regional bodies of one region holding a decision type. */
export async function bodiesWithMandate(db: Db, regionId: string, decisionType: DecisionType) {
  return db
    .select({ id: steeringGroups.id, name: steeringGroups.name, code: steeringGroups.code })
    .from(steeringGroups)
    .innerJoin(bodyMandates, eq(bodyMandates.steeringGroupId, steeringGroups.id))
    .where(
      and(
        eq(steeringGroups.regionId, regionId),
        isNotNull(steeringGroups.regionId),
        eq(steeringGroups.active, true),
        eq(bodyMandates.decisionType, decisionType),
      ),
    )
    .orderBy(asc(steeringGroups.name));
}
