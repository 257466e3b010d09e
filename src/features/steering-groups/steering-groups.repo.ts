import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  bodyMandates,
  categories,
  memberships,
  organisations,
  people,
  procurements,
  steeringGroupCoverage,
  steeringGroups,
} from '../../db/schema.js';
import { transactionTime } from '../../db/transaction-time.js';
import { trainingApprovedOnOf } from '../training/training.tables.js';

const rhf = alias(organisations, 'rhf');
const represents = alias(organisations, 'represents');

/** Which bodies: the national steering groups (the default), one region's model, or every body. */
export type GroupScope = 'national' | 'all' | { regionId: string };

const scopeCondition = (scope: GroupScope): SQL | undefined =>
  scope === 'all'
    ? undefined
    : scope === 'national'
      ? isNull(steeringGroups.regionId)
      : eq(steeringGroups.regionId, scope.regionId);

export function listGroups(db: Db, scope: GroupScope = 'national') {
  return db
    .select()
    .from(steeringGroups)
    .where(and(scopeCondition(scope)))
    .orderBy(asc(steeringGroups.phase), asc(steeringGroups.name));
}

export async function findGroup(db: Db, id: string) {
  const [row] = await db.select().from(steeringGroups).where(eq(steeringGroups.id, id));
  return row ?? null;
}

export async function findGroupByCode(db: Db, code: string) {
  const [row] = await db.select().from(steeringGroups).where(eq(steeringGroups.code, code));
  return row ?? null;
}

export function listCoverage(db: Db) {
  return db
    .select({
      steeringGroupId: steeringGroupCoverage.steeringGroupId,
      categoryId: categories.id,
      code: categories.code,
      name: categories.name,
      kind: categories.kind,
    })
    .from(steeringGroupCoverage)
    .innerJoin(categories, eq(categories.id, steeringGroupCoverage.categoryId))
    .orderBy(asc(categories.code));
}

export async function replaceCoverage(db: Db, steeringGroupId: string, categoryIds: string[]) {
  await db.delete(steeringGroupCoverage).where(eq(steeringGroupCoverage.steeringGroupId, steeringGroupId));
  if (categoryIds.length > 0) {
    await db
      .insert(steeringGroupCoverage)
      .values(categoryIds.map((categoryId) => ({ steeringGroupId, categoryId })));
  }
}

export async function insertGroup(db: Db, values: typeof steeringGroups.$inferInsert) {
  const [row] = await db.insert(steeringGroups).values(values).returning();
  return row!;
}

export async function updateGroup(db: Db, id: string, values: Partial<typeof steeringGroups.$inferInsert>) {
  await db
    .update(steeringGroups)
    .set({ ...values, updatedAt: transactionTime() })
    .where(eq(steeringGroups.id, id));
}

const memberColumns = {
  id: memberships.id,
  steeringGroupId: memberships.steeringGroupId,
  personId: memberships.personId,
  personName: people.name,
  personEmail: people.email,
  rhfId: memberships.rhfId,
  rhfName: rhf.name,
  rhfCode: rhf.code,
  /** In a regional body, the HF (or RHF) the member represents; null in a national group. */
  representsOrganisationId: memberships.representsOrganisationId,
  representsName: represents.name,
  isLeader: memberships.isLeader,
  isObserver: memberships.isObserver,
  competenceAreas: memberships.competenceAreas,
  termStart: memberships.termStart,
  termEnd: memberships.termEnd,
  /** Derived from the person's module completions (training/), not stored per membership. */
  trainingCompletedOn: trainingApprovedOnOf(memberships.personId),
  endedOn: memberships.endedOn,
};

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export function listMembers(db: Db, steeringGroupId?: string) {
  const query = db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(rhf, eq(rhf.id, memberships.rhfId))
    .leftJoin(represents, eq(represents.id, memberships.representsOrganisationId));
  return (steeringGroupId ? query.where(eq(memberships.steeringGroupId, steeringGroupId)) : query).orderBy(
    asc(rhf.name),
    asc(people.name),
  );
}

export async function findMember(db: Db, membershipId: string) {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(rhf, eq(rhf.id, memberships.rhfId))
    .leftJoin(represents, eq(represents.id, memberships.representsOrganisationId))
    .where(eq(memberships.id, membershipId));
  return row ?? null;
}

export async function insertMember(db: Db, values: typeof memberships.$inferInsert) {
  const [row] = await db.insert(memberships).values(values).returning({ id: memberships.id });
  return row!.id;
}

export async function updateMember(db: Db, id: string, values: Partial<typeof memberships.$inferInsert>) {
  await db
    .update(memberships)
    .set({ ...values, updatedAt: transactionTime() })
    .where(eq(memberships.id, id));
}

export async function endMember(db: Db, id: string, endedOn: string) {
  await db.update(memberships).set({ endedOn, updatedAt: transactionTime() }).where(eq(memberships.id, id));
}

/** The mandates (decision types) of every body, or of one. */
export function listMandates(db: Db, steeringGroupId?: string) {
  const query = db.select().from(bodyMandates);
  return (steeringGroupId ? query.where(eq(bodyMandates.steeringGroupId, steeringGroupId)) : query).orderBy(
    asc(bodyMandates.steeringGroupId),
    asc(bodyMandates.decisionType),
  );
}

/** Just what routing needs, for counting procurements per steering group (read from the shared tables). */
export function listProcurementCategoryRefs(db: Db) {
  return db
    .select({ categoryId: procurements.categoryId, purchaseGroupId: procurements.purchaseGroupId })
    .from(procurements);
}
