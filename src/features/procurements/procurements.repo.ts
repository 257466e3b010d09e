import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { categories, people, procurementParticipants, procurements } from '../../db/schema.js';

const category = alias(categories, 'category');
const purchaseGroup = alias(categories, 'purchase_group');

/** Just what routing needs, for counting procurements per steering group. */
export function listProcurementCategoryRefs(db: Db) {
  return db
    .select({ categoryId: procurements.categoryId, purchaseGroupId: procurements.purchaseGroupId })
    .from(procurements);
}

export async function listProcurementRows(db: Db, id?: string) {
  const query = db
    .select({
      id: procurements.id,
      name: procurements.name,
      description: procurements.description,
      categoryId: procurements.categoryId,
      categoryCode: category.code,
      categoryName: category.name,
      categoryRunBy: category.runBy,
      purchaseGroupId: procurements.purchaseGroupId,
      purchaseGroupCode: purchaseGroup.code,
      purchaseGroupName: purchaseGroup.name,
      contractValueNok: procurements.contractValueNok,
      projectStart: procurements.projectStart,
      announcementDate: procurements.announcementDate,
      announcementDatePrecision: procurements.announcementDatePrecision,
      transferToNewModel: procurements.transferToNewModel,
      status: procurements.status,
      procurementLeadId: procurements.procurementLeadId,
      procurementLeadName: people.name,
      updatedAt: procurements.updatedAt,
    })
    .from(procurements)
    .innerJoin(category, eq(category.id, procurements.categoryId))
    .leftJoin(purchaseGroup, eq(purchaseGroup.id, procurements.purchaseGroupId))
    .leftJoin(people, eq(people.id, procurements.procurementLeadId));
  const rows = await (id ? query.where(eq(procurements.id, id)) : query).orderBy(asc(procurements.name));
  const participants = rows.length
    ? await db
        .select()
        .from(procurementParticipants)
        .where(
          id
            ? eq(procurementParticipants.procurementId, id)
            : inArray(
                procurementParticipants.procurementId,
                rows.map((row) => row.id),
              ),
        )
    : [];
  const byProcurement = new Map<string, string[]>();
  for (const participant of participants) {
    const list = byProcurement.get(participant.procurementId) ?? [];
    list.push(participant.organisationId);
    byProcurement.set(participant.procurementId, list);
  }
  return rows.map((row) => ({ ...row, participatingHfIds: (byProcurement.get(row.id) ?? []).sort() }));
}

export type ProcurementRow = Awaited<ReturnType<typeof listProcurementRows>>[number];

export async function insertProcurement(db: Db, values: typeof procurements.$inferInsert) {
  const [row] = await db.insert(procurements).values(values).returning({ id: procurements.id });
  return row!.id;
}

export async function updateProcurement(
  db: Db,
  id: string,
  values: Partial<typeof procurements.$inferInsert>,
) {
  await db
    .update(procurements)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(procurements.id, id));
}

export async function replaceParticipants(db: Db, procurementId: string, organisationIds: string[]) {
  await db.delete(procurementParticipants).where(eq(procurementParticipants.procurementId, procurementId));
  if (organisationIds.length > 0) {
    await db
      .insert(procurementParticipants)
      .values(organisationIds.map((organisationId) => ({ procurementId, organisationId })));
  }
}
