// Demo distribution for Helse Nord (seed 000 §7): every HF holds at least one category, Sykehusapotek Nord HF
// Legemidler and Helse Nord IKT HF IKT as the seed names them; the rest by who is best placed for the products.
// Idempotent: a region that already has assignments is left alone.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { categories, organisations } from '../../db/core.tables.js';
import { systemActor, writeAudited, type Actor } from '../../db/unit-of-work.js';
import { addDays } from '../../shared/calendar-date.js';
import { categoryDutyIds, type DutyStatus } from '../../domain/category-responsibility.rules.js';
import { categoryResponsibilities, categoryResponsibilityDuties } from './category-responsibility.tables.js';

/** Category code → organisation code of the responsible HF (codes from the reference data). */
export const helseNordDistribution: Record<string, string> = {
  LEGEMIDLER: 'SYKEHUSAPOTEK-NORD-HF',
  IKT: 'HELSE-NORD-IKT-HF',
  LAB: 'UNIVERSITETSSYKEHUSET-NORD-NORGE-HF',
  MTU: 'UNIVERSITETSSYKEHUSET-NORD-NORGE-HF',
  KIR: 'UNIVERSITETSSYKEHUSET-NORD-NORGE-HF',
  PREHOSP: 'UNIVERSITETSSYKEHUSET-NORD-NORGE-HF',
  MFV: 'NORDLANDSSYKEHUSET-HF',
  BHM: 'NORDLANDSSYKEHUSET-HF',
  'BYGG-PROSJEKT': 'NORDLANDSSYKEHUSET-HF',
  HELSETJENESTER: 'NORDLANDSSYKEHUSET-HF',
  ADM: 'FINNMARKSSYKEHUSET-HF',
  HR: 'FINNMARKSSYKEHUSET-HF',
  MGU: 'HELGELANDSSYKEHUSET-HF',
  'BYGG-EIENDOM': 'HELGELANDSSYKEHUSET-HF',
};

/** Some progress on the checklists, so the overview has something to show. */
const demoStatuses: Record<string, DutyStatus[]> = {
  LEGEMIDLER: ['done', 'done', 'done', 'inProgress', 'done', 'inProgress', 'done'],
  IKT: ['done', 'inProgress', 'notStarted', 'notStarted', 'inProgress', 'notStarted', 'done'],
  LAB: ['inProgress', 'done', 'inProgress'],
  MFV: ['done', 'inProgress'],
};

export async function seedCategoryResponsibilityDemo(
  db: Db,
  today: string,
  actor: Actor = systemActor('demodata'),
): Promise<number> {
  const [region] = await db.select().from(organisations).where(eq(organisations.code, 'HN'));
  if (!region) return 0;
  const existing = await db
    .select({ id: categoryResponsibilities.id })
    .from(categoryResponsibilities)
    .where(eq(categoryResponsibilities.regionId, region.id));
  if (existing.length > 0) return 0;
  const orgIdByCode = new Map((await db.select().from(organisations)).map((org) => [org.code, org.id]));
  const categoryIdByCode = new Map((await db.select().from(categories)).map((c) => [c.code, c.id]));
  const decidedOn = addDays(today, -120);
  return writeAudited(db, actor, async (tx, recordAudit) => {
    let count = 0;
    for (const [categoryCode, hfCode] of Object.entries(helseNordDistribution)) {
      const categoryId = categoryIdByCode.get(categoryCode);
      const hfId = orgIdByCode.get(hfCode);
      if (!categoryId || !hfId) continue;
      const [row] = await tx
        .insert(categoryResponsibilities)
        .values({
          regionId: region.id,
          categoryId,
          hfId,
          decidedOn,
          decidedByName: 'Innkjøpsforum Helse Nord (demodata)',
          decisionReference: 'Innkjøpsforum sak 04/2026',
        })
        .returning({ id: categoryResponsibilities.id });
      const statuses = demoStatuses[categoryCode] ?? [];
      await tx.insert(categoryResponsibilityDuties).values(
        categoryDutyIds.map((duty, index) => {
          const status = statuses[index] ?? 'notStarted';
          return {
            responsibilityId: row!.id,
            duty,
            status,
            updatedOn: status === 'notStarted' ? null : addDays(today, -14),
            updatedByName: status === 'notStarted' ? null : 'demodata',
          };
        }),
      );
      count += 1;
    }
    await recordAudit({
      action: 'seed',
      entityType: 'categoryResponsibility',
      entityId: region.id,
      summary: `Demodata: kategoriansvar for ${count} kategorier i ${region.name}`,
    });
    return count;
  });
}
