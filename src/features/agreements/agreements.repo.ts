import { asc, eq, inArray } from 'drizzle-orm';
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
      .select({ agreementId: agreementArticles.agreementId })
      .from(agreementArticles)
      .where(inArray(agreementArticles.agreementId, rowIds)),
  ]);
  const group = <T>(items: T[], key: (item: T) => string) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
    return map;
  };
  const catsBy = group(cats, (c) => c.agreementId);
  const orgsBy = group(orgs, (o) => o.agreementId);
  const countBy = group(articleCounts, (a) => a.agreementId);
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
    articleCount: (countBy.get(row.id) ?? []).length,
  }));
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
