import { and, asc, count, countDistinct, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agreementArticles, agreements, organisations } from '../../db/core.tables.js';
import {
  masterAgreementCompletions,
  masterAgreements,
  masterArticleMappings,
  masterArticles,
} from './master-agreements.tables.js';

export async function findOrganisation(db: Db, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

export function listRegionHfs(db: Db, regionId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, code: organisations.code })
    .from(organisations)
    .where(
      and(eq(organisations.rhfId, regionId), eq(organisations.kind, 'HF'), eq(organisations.active, true)),
    )
    .orderBy(asc(organisations.name));
}

export async function findAgreement(db: Db, id: string) {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  return row ?? null;
}

export function listAgreementArticles(db: Db, agreementId: string) {
  return db
    .select()
    .from(agreementArticles)
    .where(eq(agreementArticles.agreementId, agreementId))
    .orderBy(asc(agreementArticles.supplierArticleNumber), asc(agreementArticles.description));
}

/** Master agreements with their agreement, region and the size of the master list. */
export function listMasterAgreementRows(db: Db, id?: string) {
  const region = sql<string>`(select name from organisations o where o.id = ${masterAgreements.regionId})`;
  return db
    .select({
      row: masterAgreements,
      agreement: {
        id: agreements.id,
        agreementNumber: agreements.agreementNumber,
        name: agreements.name,
        supplierName: agreements.supplierName,
        supplierOrgNumber: agreements.supplierOrgNumber,
        validFrom: agreements.validFrom,
        validTo: agreements.validTo,
      },
      regionName: region,
      masterArticles: sql<number>`(select count(*)::int from master_articles a where a.master_agreement_id = ${masterAgreements.id})`,
    })
    .from(masterAgreements)
    .innerJoin(agreements, eq(agreements.id, masterAgreements.agreementId))
    .where(id ? eq(masterAgreements.id, id) : undefined)
    .orderBy(asc(agreements.agreementNumber));
}

export async function findMasterAgreement(db: Db, id: string) {
  const [row] = await db.select().from(masterAgreements).where(eq(masterAgreements.id, id));
  return row ?? null;
}

export async function findByAgreementAndRegion(db: Db, agreementId: string, regionId: string) {
  const [row] = await db
    .select()
    .from(masterAgreements)
    .where(and(eq(masterAgreements.agreementId, agreementId), eq(masterAgreements.regionId, regionId)));
  return row ?? null;
}

export async function insertMasterAgreement(db: Db, values: typeof masterAgreements.$inferInsert) {
  const [row] = await db.insert(masterAgreements).values(values).returning();
  return row!;
}

export async function updateMasterAgreement(
  db: Db,
  id: string,
  values: Partial<typeof masterAgreements.$inferInsert>,
) {
  const [row] = await db.update(masterAgreements).set(values).where(eq(masterAgreements.id, id)).returning();
  return row!;
}

export async function insertMasterArticles(db: Db, rows: Array<typeof masterArticles.$inferInsert>) {
  for (let start = 0; start < rows.length; start += 1000)
    await db.insert(masterArticles).values(rows.slice(start, start + 1000));
}

export function listMasterArticles(db: Db, masterAgreementId: string) {
  return db
    .select()
    .from(masterArticles)
    .where(eq(masterArticles.masterAgreementId, masterAgreementId))
    .orderBy(asc(masterArticles.masterArticleNumber));
}

/** Master article number → id: the lookup an import validates against. */
export async function masterArticleIds(db: Db, masterAgreementId: string) {
  const rows = await db
    .select({ id: masterArticles.id, number: masterArticles.masterArticleNumber })
    .from(masterArticles)
    .where(eq(masterArticles.masterAgreementId, masterAgreementId));
  return new Map(rows.map((row) => [row.number, row.id]));
}

export async function replaceMappings(
  db: Db,
  masterAgreementId: string,
  hfId: string,
  rows: Array<{ localArticleNumber: string; masterArticleId: string }>,
): Promise<number> {
  const deleted = await db
    .delete(masterArticleMappings)
    .where(
      and(
        eq(masterArticleMappings.masterAgreementId, masterAgreementId),
        eq(masterArticleMappings.hfId, hfId),
      ),
    )
    .returning({ local: masterArticleMappings.localArticleNumber });
  for (let start = 0; start < rows.length; start += 1000)
    await db
      .insert(masterArticleMappings)
      .values(rows.slice(start, start + 1000).map((row) => ({ masterAgreementId, hfId, ...row })));
  return deleted.length;
}

/** Per HF: how many distinct master articles it has mapped (computed in SQL, one row per HF). */
export function countMappedPerHf(db: Db, masterAgreementId: string) {
  return db
    .select({
      hfId: masterArticleMappings.hfId,
      mapped: countDistinct(masterArticleMappings.masterArticleId),
      locals: count(),
    })
    .from(masterArticleMappings)
    .where(eq(masterArticleMappings.masterAgreementId, masterAgreementId))
    .groupBy(masterArticleMappings.hfId);
}

/** The master articles each HF has mapped, as they appear on EHF lines (for the spend share). */
export function listMappedArticleKeys(db: Db, masterAgreementId: string) {
  return db
    .selectDistinct({
      hfCode: organisations.code,
      supplierArticleNumber: masterArticles.supplierArticleNumber,
      gtin: masterArticles.gtin,
    })
    .from(masterArticleMappings)
    .innerJoin(masterArticles, eq(masterArticles.id, masterArticleMappings.masterArticleId))
    .innerJoin(organisations, eq(organisations.id, masterArticleMappings.hfId))
    .where(eq(masterArticleMappings.masterAgreementId, masterAgreementId));
}

export function listCompletions(db: Db, masterAgreementId: string) {
  return db
    .select()
    .from(masterAgreementCompletions)
    .where(eq(masterAgreementCompletions.masterAgreementId, masterAgreementId));
}

export async function upsertCompletion(db: Db, values: typeof masterAgreementCompletions.$inferInsert) {
  await db
    .insert(masterAgreementCompletions)
    .values(values)
    .onConflictDoUpdate({
      target: [masterAgreementCompletions.masterAgreementId, masterAgreementCompletions.hfId],
      set: { completedOn: values.completedOn, completedByName: values.completedByName },
    });
}
