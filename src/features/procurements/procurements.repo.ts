import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  categories,
  people,
  procurementParticipants,
  procurements,
  reportVersions,
} from '../../db/schema.js';
import { transactionTime } from '../../db/transaction-time.js';

const category = alias(categories, 'category');
const purchaseGroup = alias(categories, 'purchase_group');

/**
 * The version routing's reference tables are kept against: report_versions.portfolio, which the triggers of
 * migration report_versions count up on any change to coverage, categories, steering groups or organisations
 * (and to more: a procurement write re-reads the references too, which costs three small reads).
 */
export async function readRoutingVersion(db: Db): Promise<number> {
  const [row] = await db
    .select({ version: reportVersions.version })
    .from(reportVersions)
    .where(eq(reportVersions.area, 'portfolio'));
  return row?.version ?? 0;
}

/**
 * The participating HFs of the procurement, sorted, in one column of the same row: a correlated subquery on
 * the participants' primary key (procurement_id, organisation_id), so a page of 50 reads 50 index ranges and
 * the whole list needs no second query and no whole-table read. Text, not uuid[]: splitting a string is
 * several times cheaper in Node than the driver's array parser at 10,000 rows (uuid order = text order).
 */
const participatingHfIds = sql<string[]>`(
  select coalesce(string_agg(pp.organisation_id::text, ',' order by pp.organisation_id), '')
  from procurement_participants pp where pp.procurement_id = ${procurements.id})`.mapWith(
  (value: string | null) => (value === '' || value === null ? [] : value.split(',')),
);

/** Procurements with their category, purchase group, lead and participants; filtered, sorted and paged in SQL. */
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
      participatingHfIds,
    })
    .from(procurements)
    .innerJoin(category, eq(category.id, procurements.categoryId))
    .leftJoin(purchaseGroup, eq(purchaseGroup.id, procurements.purchaseGroupId))
    .leftJoin(people, eq(people.id, procurements.procurementLeadId));
}

/** The given procurements (one array parameter, hashed by PostgreSQL), in name order. */
export async function listProcurementRowsByIds(db: Db, ids: readonly string[]) {
  return selectProcurements(db)
    .where(sql`${procurements.id} = any(${`{${ids.join(',')}}`}::uuid[])`)
    .orderBy(asc(procurements.name), asc(procurements.id));
}

export async function listProcurementRows(db: Db, id?: string) {
  const query = selectProcurements(db);
  return (id ? query.where(eq(procurements.id, id)) : query).orderBy(
    asc(procurements.name),
    asc(procurements.id),
  );
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
  active_rhfs as (select id from organisations where kind = 'RHF' and active),
  own as (select category_id from coverage where n = 1 and g = ${steeringGroupId}::uuid),
  -- The group's purchase groups, or its categories where the purchase group (if any) is covered by no group:
  -- two IN tests the category and purchase-group indexes answer, instead of routing every procurement.
  candidates as (
    select p.id from procurements p
    join categories pc on pc.id = p.category_id
    where pc.run_by <> 'RHF' and p.transfer_to_new_model
      and (p.purchase_group_id in (select category_id from own)
           or (p.category_id in (select category_id from own)
               and (p.purchase_group_id is null
                    or p.purchase_group_id not in (select category_id from coverage)))))
  -- The level test as one grouped join over the group's candidates (not a lateral count per procurement).
  select k.id from candidates k
  left join (procurement_participants pp
             join organisations o on o.id = pp.organisation_id and o.kind = 'HF' and o.rhf_id is not null)
    on pp.procurement_id = k.id
  group by k.id
  having count(distinct o.rhf_id) <> 1
      or ((select count(*) from active_rhfs) > 0
          and count(distinct o.rhf_id) filter (where o.rhf_id in (select id from active_rhfs)) = (select count(*) from active_rhfs)))`;

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
  return { rows, total: counted?.total ?? 0 };
}

/** All procurements matching the filter (for reports and open data), in name order. */
export async function listFilteredProcurementRows(db: Db, filter: ProcurementFilter) {
  return selectProcurements(db)
    .where(filterConditions(filter))
    .orderBy(asc(procurements.name), asc(procurements.id));
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
