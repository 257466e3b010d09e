// SQL of the regional governance models: configuration versions and the bodies and mandates they materialise.
import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bodyMandates, governanceModelConfig, projectGroups, steeringGroups } from '../../db/schema.js';
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

/** The bodies the region's model configures (a procurement's own project group is not one of them). */
export async function listRegionBodies(db: Db, regionId: string) {
  const rows = await db
    .select({ body: steeringGroups })
    .from(steeringGroups)
    .leftJoin(projectGroups, eq(projectGroups.steeringGroupId, steeringGroups.id))
    .where(and(eq(steeringGroups.regionId, regionId), isNull(projectGroups.steeringGroupId)))
    .orderBy(asc(steeringGroups.name));
  return rows.map((row) => row.body);
}

/** A procurement's own project group with its body, or null. */
export async function findProjectGroup(db: Db, procurementId: string) {
  const [row] = await db
    .select({ projectGroup: projectGroups, body: steeringGroups })
    .from(projectGroups)
    .innerJoin(steeringGroups, eq(steeringGroups.id, projectGroups.steeringGroupId))
    .where(eq(projectGroups.procurementId, procurementId));
  return row ?? null;
}

export async function insertProjectGroup(db: Db, values: typeof projectGroups.$inferInsert) {
  await db.insert(projectGroups).values(values);
}

export async function updateProjectGroup(
  db: Db,
  steeringGroupId: string,
  values: Partial<Pick<typeof projectGroups.$inferInsert, 'composedMembershipIds'>>,
) {
  await db.update(projectGroups).set(values).where(eq(projectGroups.steeringGroupId, steeringGroupId));
}

/** How many project groups were made from a template (numbers the next one's code). */
export async function countProjectGroups(db: Db, templateId: string) {
  const rows = await db
    .select({ id: projectGroups.steeringGroupId })
    .from(projectGroups)
    .where(eq(projectGroups.templateId, templateId));
  return rows.length;
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
