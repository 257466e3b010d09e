import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { categories, people, procurementParticipants, procurements } from '../../db/schema.js';
import { transactionTime } from '../../db/transaction-time.js';

const category = alias(categories, 'category');
const purchaseGroup = alias(categories, 'purchase_group');

/** Just what routing needs, for counting procurements per steering group. */
export function listProcurementCategoryRefs(db: Db) {
  return db
    .select({ categoryId: procurements.categoryId, purchaseGroupId: procurements.purchaseGroupId })
    .from(procurements);
}

/** Procurements with their category, purchase group and lead; filtered, sorted and paged in SQL. */
function selectProcurements(db: Db) {
  return db
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
}

/** Adds each procurement's participating HFs (one query for all rows). */
async function withParticipants<T extends { id: string }>(db: Db, rows: T[]) {
  // Beyond 1,000 rows (reports, open data) the table is read whole: one scan beats a very long IN list.
  const participants = rows.length
    ? await db
        .select()
        .from(procurementParticipants)
        .where(
          rows.length === 1
            ? eq(procurementParticipants.procurementId, rows[0]!.id)
            : rows.length > 1000
              ? undefined
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

export async function listProcurementRows(db: Db, id?: string) {
  const query = selectProcurements(db);
  const rows = await (id ? query.where(eq(procurements.id, id)) : query).orderBy(
    asc(procurements.name),
    asc(procurements.id),
  );
  return withParticipants(db, rows);
}

/**
 * The steering group each procurement is routed to, in SQL, by the rules of routing.rules.ts and
 * level.rules.ts and model-scope.rules.ts: a group covering the purchase group wins over one covering the
 * category (two groups on one node: none); outside the model (none): a category the RHFs run, an old-model
 * procurement, lokal and regional ones (all participants in one region, not every active RHF).
 * Used to filter by steering group in SQL; the DTO's routing still comes from the rules themselves.
 */
const routedToGroup = (steeringGroupId: string) => sql`${procurements.id} in (
  with coverage as (
    select category_id, count(*) as n, min(steering_group_id::text)::uuid as g from steering_group_coverage group by category_id),
  active_rhfs as (select id from organisations where kind = 'RHF' and active)
  select p.id from procurements p
  join categories pc on pc.id = p.category_id
  left join coverage pg on pg.category_id = p.purchase_group_id
  left join coverage c on c.category_id = p.category_id
  cross join lateral (
    select count(distinct o.rhf_id) as regions,
           count(distinct o.rhf_id) filter (where o.rhf_id in (select id from active_rhfs)) as active_regions
    from procurement_participants pp
    join organisations o on o.id = pp.organisation_id and o.kind = 'HF' and o.rhf_id is not null
    where pp.procurement_id = p.id) m
  where pc.run_by <> 'RHF' and p.transfer_to_new_model
    and (m.regions <> 1 or ((select count(*) from active_rhfs) > 0 and m.active_regions = (select count(*) from active_rhfs)))
    and case when pg.n = 1 then pg.g when pg.n > 1 then null when c.n = 1 then c.g end = ${steeringGroupId}::uuid)`;

export interface ProcurementFilter {
  steeringGroupId?: string | undefined;
  categoryCode?: string | undefined;
  status?: ProcurementRowStatus | undefined;
  q?: string | undefined;
}
type ProcurementRowStatus = (typeof procurements.$inferSelect)['status'];

function filterConditions(filter: ProcurementFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.steeringGroupId) conditions.push(routedToGroup(filter.steeringGroupId));
  if (filter.categoryCode)
    conditions.push(or(eq(category.code, filter.categoryCode), eq(purchaseGroup.code, filter.categoryCode))!);
  if (filter.status) conditions.push(eq(procurements.status, filter.status));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(procurements.name, pattern), ilike(procurements.description, pattern))!);
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export const procurementSortColumns = {
  name: procurements.name,
  status: procurements.status,
  projectStart: procurements.projectStart,
  announcementDate: procurements.announcementDate,
  contractValueNok: procurements.contractValueNok,
  updatedAt: procurements.updatedAt,
} as const;
export type ProcurementSort = keyof typeof procurementSortColumns;

/** One page of procurements and the number matching the filter. */
export async function listProcurementPage(
  db: Db,
  filter: ProcurementFilter,
  page: { sort: ProcurementSort; descending: boolean; limit: number; offset: number },
) {
  const where = filterConditions(filter);
  const column = procurementSortColumns[page.sort];
  const direction = page.descending ? sql`desc nulls last` : sql`asc nulls last`;
  const [rows, [counted]] = await Promise.all([
    selectProcurements(db)
      .where(where)
      .orderBy(sql`${column} ${direction}`, asc(procurements.name), asc(procurements.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ total: count() })
      .from(procurements)
      .innerJoin(category, eq(category.id, procurements.categoryId))
      .leftJoin(purchaseGroup, eq(purchaseGroup.id, procurements.purchaseGroupId))
      .where(where),
  ]);
  return { rows: await withParticipants(db, rows), total: counted?.total ?? 0 };
}

/** All procurements matching the filter (for reports and open data), in name order. */
export async function listFilteredProcurementRows(db: Db, filter: ProcurementFilter) {
  const rows = await selectProcurements(db)
    .where(filterConditions(filter))
    .orderBy(asc(procurements.name), asc(procurements.id));
  return withParticipants(db, rows);
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
    .set({ ...values, updatedAt: transactionTime() })
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
