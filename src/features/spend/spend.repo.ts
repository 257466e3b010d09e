// Main-database access of the spend feature: the master data the KPI engine exports into DuckDB, the rate table
// and the classification mapping. The invoice lines themselves are in Parquet (spend-store.ts).
import { asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  agreementArticles,
  agreementCategories,
  agreementOrganisations,
  agreements,
  categories,
  classificationMappings,
  exchangeRates,
  organisations,
} from '../../db/schema.js';
import type { RateTable } from './spend.rules.js';

export function listOrganisationsForSpend(db: Db) {
  return db
    .select({
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
      kind: organisations.kind,
      rhfId: organisations.rhfId,
      orgNumber: organisations.orgNumber,
    })
    .from(organisations)
    .orderBy(asc(organisations.code));
}

export function listCategoriesForSpend(db: Db) {
  return db
    .select({
      id: categories.id,
      code: categories.code,
      name: categories.name,
      parentId: categories.parentId,
    })
    .from(categories)
    .orderBy(asc(categories.code));
}

/** Agreements that can cover spend (drafts never do), one row per agreement and category. */
export function listAgreementCategoryRows(db: Db) {
  return db
    .select({
      agreementId: agreements.id,
      agreementNumber: agreements.agreementNumber,
      supplierOrgNumber: agreements.supplierOrgNumber,
      scope: agreements.scope,
      rhfId: agreements.rhfId,
      validFrom: agreements.validFrom,
      validTo: agreements.validTo,
      categoryId: agreementCategories.categoryId,
    })
    .from(agreements)
    .innerJoin(agreementCategories, eq(agreementCategories.agreementId, agreements.id))
    .where(ne(agreements.status, 'draft'))
    .orderBy(asc(agreements.agreementNumber), asc(agreements.id), asc(agreementCategories.categoryId));
}

export function listAgreementOrganisationRows(db: Db) {
  return db
    .select()
    .from(agreementOrganisations)
    .orderBy(asc(agreementOrganisations.agreementId), asc(agreementOrganisations.organisationId));
}

export function listArticleRows(db: Db) {
  return db
    .select({
      agreementId: agreementArticles.agreementId,
      supplierOrgNumber: agreements.supplierOrgNumber,
      supplierArticleNumber: agreementArticles.supplierArticleNumber,
      gtin: agreementArticles.gtin,
    })
    .from(agreementArticles)
    .innerJoin(agreements, eq(agreements.id, agreementArticles.agreementId))
    .orderBy(asc(agreementArticles.agreementId), asc(agreementArticles.id));
}

export function listClassificationMappings(db: Db) {
  return db
    .select({
      scheme: classificationMappings.scheme,
      codePrefix: classificationMappings.codePrefix,
      categoryId: classificationMappings.categoryId,
      categoryCode: categories.code,
    })
    .from(classificationMappings)
    .innerJoin(categories, eq(categories.id, classificationMappings.categoryId))
    .orderBy(asc(classificationMappings.scheme), asc(classificationMappings.codePrefix));
}

export async function replaceClassificationMappings(
  db: Db,
  rows: Array<{ scheme: 'UNSPSC' | 'CPV'; codePrefix: string; categoryId: string }>,
) {
  await db.delete(classificationMappings);
  for (let start = 0; start < rows.length; start += 1000)
    await db.insert(classificationMappings).values(rows.slice(start, start + 1000));
}

export function listRates(db: Db) {
  return db
    .select({
      currency: exchangeRates.currency,
      rateDate: exchangeRates.rateDate,
      nokPerUnit: exchangeRates.nokPerUnit,
    })
    .from(exchangeRates)
    .orderBy(asc(exchangeRates.currency), asc(exchangeRates.rateDate));
}

export async function loadRateTable(db: Db): Promise<RateTable> {
  const table: RateTable = new Map();
  for (const row of await listRates(db))
    table.set(row.currency, [...(table.get(row.currency) ?? []), row.rateDate]);
  return table;
}

export async function upsertRates(
  db: Db,
  rows: Array<{ currency: string; rateDate: string; nokPerUnit: string }>,
) {
  for (let start = 0; start < rows.length; start += 1000) {
    await db
      .insert(exchangeRates)
      .values(rows.slice(start, start + 1000))
      .onConflictDoUpdate({
        target: [exchangeRates.currency, exchangeRates.rateDate],
        set: { nokPerUnit: sqlExcluded('nok_per_unit') },
      });
  }
}

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);
