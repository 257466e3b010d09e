// Spend master data kept in the main database: the classification mapping and the exchange-rate table.
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import { badRequest, type ErrorDetail } from '../../shared/app-error.js';
import * as repo from './spend.repo.js';
import type { ClassificationMapping } from './spend.schemas.js';

export async function listClassificationMappings(db: Db): Promise<ClassificationMapping[]> {
  return (await repo.listClassificationMappings(db)).map(({ scheme, codePrefix, categoryCode }) => ({
    scheme,
    codePrefix,
    categoryCode,
  }));
}

/** Replaces the whole mapping (UNSPSC / CPV code prefix → national category) in one audited write. */
export async function setClassificationMappings(db: Db, actor: Actor, mappings: ClassificationMapping[]) {
  const categories = new Map((await repo.listCategoriesForSpend(db)).map((c) => [c.code, c.id]));
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  mappings.forEach((mapping, index) => {
    if (!categories.has(mapping.categoryCode))
      errors.push({ path: `${index}.categoryCode`, message: `Ukjent kategorikode ${mapping.categoryCode}` });
    const key = `${mapping.scheme}:${mapping.codePrefix}`;
    if (seen.has(key)) errors.push({ path: `${index}.codePrefix`, message: `${key} står flere ganger` });
    seen.add(key);
  });
  if (errors.length > 0) throw badRequest('Klassifiseringskoblingen har feil; ingenting er lagret.', errors);
  return writeAudited(db, actor, async (tx, recordAudit) => {
    const before = await listClassificationMappings(tx);
    await repo.replaceClassificationMappings(
      tx,
      mappings.map((m) => ({
        scheme: m.scheme,
        codePrefix: m.codePrefix,
        categoryId: categories.get(m.categoryCode)!,
      })),
    );
    await recordAudit({
      action: 'update',
      entityType: 'classificationMapping',
      entityId: null,
      summary: `Oppdaterte klassifiseringskoblingen (${mappings.length} koder)`,
      before,
      after: mappings,
    });
    return listClassificationMappings(tx);
  });
}

export interface RateRow {
  row: number;
  currency: string;
  rateDate: string;
  nokPerUnit: string;
}

export async function importRates(db: Db, actor: Actor, rows: RateRow[], options: { dryRun: boolean }) {
  const summary = {
    dryRun: options.dryRun,
    rates: rows.length,
    currencies: [...new Set(rows.map((r) => r.currency))].sort(),
  };
  if (options.dryRun || rows.length === 0) return summary;
  await writeAudited(db, actor, async (tx, recordAudit) => {
    await repo.upsertRates(
      tx,
      rows.map(({ currency, rateDate, nokPerUnit }) => ({ currency, rateDate, nokPerUnit })),
    );
    await recordAudit({
      action: 'import',
      entityType: 'exchangeRate',
      entityId: null,
      summary: `Importerte ${rows.length} valutakurser (${summary.currencies.join(', ')})`,
      after: summary,
    });
  });
  return summary;
}
