import { and, asc, count, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  agreementArticles,
  agreementCategories,
  agreementOrganisations,
  agreements,
  categories,
  procurements,
} from '../../db/schema.js';
import { transactionTime } from '../../db/transaction-time.js';

export async function listAgreementRows(db: Db, ids?: string[]) {
  const query = db.select().from(agreements);
  const rows = await (ids ? query.where(inArray(agreements.id, ids)) : query).orderBy(
    asc(agreements.agreementNumber),
  );
  return withDetails(db, rows);
}

/** Categories, organisations and the article count of the given agreements (one query each, counted in SQL). */
async function withDetails(db: Db, rows: Array<typeof agreements.$inferSelect>) {
  if (rows.length === 0) return [];
  const rowIds = rows.map((row) => row.id);
  const [cats, orgs, articleCounts] = await Promise.all([
    db
      .select({
        agreementId: agreementCategories.agreementId,
        categoryId: categories.id,
        code: categories.code,
      })
      .from(agreementCategories)
      .innerJoin(categories, eq(categories.id, agreementCategories.categoryId))
      .where(inArray(agreementCategories.agreementId, rowIds)),
    db.select().from(agreementOrganisations).where(inArray(agreementOrganisations.agreementId, rowIds)),
    db
      .select({ agreementId: agreementArticles.agreementId, articles: count() })
      .from(agreementArticles)
      .where(inArray(agreementArticles.agreementId, rowIds))
      .groupBy(agreementArticles.agreementId),
  ]);
  const group = <T>(items: T[], key: (item: T) => string) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const list = map.get(key(item));
      if (list) list.push(item);
      else map.set(key(item), [item]);
    }
    return map;
  };
  const catsBy = group(cats, (c) => c.agreementId);
  const orgsBy = group(orgs, (o) => o.agreementId);
  const countBy = new Map(articleCounts.map((row) => [row.agreementId, row.articles]));
  return rows.map((row) => ({
    id: row.id,
    agreementNumber: row.agreementNumber,
    name: row.name,
    supplierName: row.supplierName,
    supplierOrgNumber: row.supplierOrgNumber,
    scope: row.scope,
    rhfId: row.rhfId,
    hfIds: (orgsBy.get(row.id) ?? []).map((o) => o.organisationId).sort(),
    categoryCodes: (catsBy.get(row.id) ?? []).map((c) => c.code).sort(),
    categoryIds: (catsBy.get(row.id) ?? []).map((c) => c.categoryId),
    validFrom: row.validFrom,
    validTo: row.validTo,
    extensionOptions: row.extensionOptions,
    status: row.status,
    procurementId: row.procurementId,
    articleCount: countBy.get(row.id) ?? 0,
  }));
}

export interface AgreementFilter {
  q?: string | undefined;
  categoryCode?: string | undefined;
  status?: (typeof agreements.$inferSelect)['status'] | undefined;
  supplierOrgNumber?: string | undefined;
}

/**
 * One page of the register in agreement-number order (`agreements_number_key`), filtered in SQL,
 * and the number matching the filter. Text search: number, name or supplier, case-insensitive.
 */
export async function listAgreementPage(
  db: Db,
  filter: AgreementFilter,
  page: { limit: number; offset: number },
) {
  const conditions: SQL[] = [];
  if (filter.categoryCode)
    conditions.push(sql`exists (select 1 from agreement_categories ac join categories c on c.id = ac.category_id
      where ac.agreement_id = ${agreements.id} and c.code = ${filter.categoryCode})`);
  if (filter.status) conditions.push(eq(agreements.status, filter.status));
  if (filter.supplierOrgNumber) conditions.push(eq(agreements.supplierOrgNumber, filter.supplierOrgNumber));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      ilike(
        sql`${agreements.agreementNumber} || ' ' || ${agreements.name} || ' ' || ${agreements.supplierName}`,
        pattern,
      ),
    );
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(agreements)
      .where(where)
      .orderBy(asc(agreements.agreementNumber))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(agreements).where(where),
  ]);
  return { rows: await withDetails(db, rows), total: counted?.total ?? 0 };
}

export type AgreementRow = Awaited<ReturnType<typeof listAgreementRows>>[number];

export async function findAgreementIdsByNumbers(db: Db, numbers: string[]) {
  if (numbers.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: agreements.id, agreementNumber: agreements.agreementNumber })
    .from(agreements)
    .where(inArray(agreements.agreementNumber, numbers));
  return new Map(rows.map((row) => [row.agreementNumber, row.id]));
}

export function listArticles(db: Db, agreementId: string) {
  return db
    .select({
      id: agreementArticles.id,
      supplierArticleNumber: agreementArticles.supplierArticleNumber,
      gtin: agreementArticles.gtin,
      description: agreementArticles.description,
      unit: agreementArticles.unit,
      price: agreementArticles.price,
      productionCountry: agreementArticles.productionCountry,
      criticality: agreementArticles.criticality,
    })
    .from(agreementArticles)
    .where(eq(agreementArticles.agreementId, agreementId))
    .orderBy(asc(agreementArticles.supplierArticleNumber), asc(agreementArticles.gtin));
}

type AgreementValues = Omit<typeof agreements.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertAgreement(db: Db, values: AgreementValues) {
  const [row] = await db.insert(agreements).values(values).returning({ id: agreements.id });
  return row!.id;
}

export async function updateAgreement(db: Db, id: string, values: Partial<AgreementValues>) {
  await db
    .update(agreements)
    .set({ ...values, updatedAt: transactionTime() })
    .where(eq(agreements.id, id));
}

export async function replaceCategories(db: Db, agreementId: string, categoryIds: string[]) {
  await db.delete(agreementCategories).where(eq(agreementCategories.agreementId, agreementId));
  if (categoryIds.length > 0)
    await db
      .insert(agreementCategories)
      .values(categoryIds.map((categoryId) => ({ agreementId, categoryId })));
}

export async function replaceOrganisations(db: Db, agreementId: string, organisationIds: string[]) {
  await db.delete(agreementOrganisations).where(eq(agreementOrganisations.agreementId, agreementId));
  if (organisationIds.length > 0)
    await db
      .insert(agreementOrganisations)
      .values(organisationIds.map((organisationId) => ({ agreementId, organisationId })));
}

export async function replaceArticles(
  db: Db,
  agreementId: string,
  articles: Array<Omit<typeof agreementArticles.$inferInsert, 'id' | 'agreementId'>>,
) {
  await db.delete(agreementArticles).where(eq(agreementArticles.agreementId, agreementId));
  for (let start = 0; start < articles.length; start += 1000) {
    await db
      .insert(agreementArticles)
      .values(articles.slice(start, start + 1000).map((article) => ({ ...article, agreementId })));
  }
}

export function listProcurementsForExpiry(db: Db) {
  return db
    .select({
      id: procurements.id,
      status: procurements.status,
      categoryId: procurements.categoryId,
      purchaseGroupId: procurements.purchaseGroupId,
    })
    .from(procurements);
}
