import type { Db } from '../../db/client.js';
import { writeAudited, type Actor, type RecordAudit } from '../../db/unit-of-work.js';
import { badRequest, conflict, notFound, type ErrorDetail } from '../../shared/app-error.js';
import * as repo from './categories.repo.js';
import type { CreateCategory, ImportSummary, UpdateCategory } from './categories.schemas.js';
import type { ParsedCategoryRow } from './category-csv.js';

export const listCategories = (db: Db) => repo.listCategories(db);

async function resolveParent(db: Db, parentCode: string | null) {
  if (parentCode === null) return null;
  const [found] = await repo.findCategoriesByCodes(db, [parentCode]);
  if (!found)
    throw badRequest(`Ukjent kategorikode ${parentCode}.`, [
      { path: 'parentCode', message: `Ukjent kategorikode ${parentCode}` },
    ]);
  if (found.kind !== 'category') {
    throw badRequest('En innkjøpsgruppe må ligge direkte under en kategori.', [
      { path: 'parentCode', message: `${parentCode} er en innkjøpsgruppe` },
    ]);
  }
  return found;
}

async function insertAudited(tx: Db, recordAudit: RecordAudit, input: CreateCategory) {
  const parentRow = await resolveParent(tx, input.parentCode);
  const id = await repo.insertCategory(tx, {
    code: input.code,
    name: input.name,
    kind: parentRow ? 'purchaseGroup' : 'category',
    parentId: parentRow?.id ?? null,
    isMedicalMainArea: input.isMedicalMainArea ?? parentRow?.isMedicalMainArea ?? false,
    runBy: input.runBy,
  });
  const after = await repo.findCategory(tx, id);
  await recordAudit({
    action: 'create',
    entityType: 'category',
    entityId: id,
    summary: `Opprettet ${input.code} ${input.name}`,
    after,
  });
  return after!;
}

export async function createCategory(db: Db, actor: Actor, input: CreateCategory) {
  return writeAudited(db, actor, async (tx, recordAudit) => {
    if ((await repo.findCategoriesByCodes(tx, [input.code])).length > 0)
      throw conflict(`Kategorikoden ${input.code} er i bruk.`);
    return insertAudited(tx, recordAudit, input);
  });
}

export async function updateCategory(db: Db, actor: Actor, id: string, input: UpdateCategory) {
  return writeAudited(db, actor, async (tx, recordAudit) => {
    const before = await repo.findCategory(tx, id);
    if (!before) throw notFound('Kategorien finnes ikke.');
    await repo.updateCategory(tx, id, input);
    const after = (await repo.findCategory(tx, id))!;
    await recordAudit({
      action: 'update',
      entityType: 'category',
      entityId: id,
      summary: `Endret ${after.code} ${after.name}`,
      before,
      after,
    });
    return after;
  });
}

/**
 * Loads a whole category structure in one transaction: creates new codes, updates changed ones, and
 * refuses the file (nothing stored) if any row cannot be applied. Categories go in before purchase groups.
 */
export async function importCategories(
  db: Db,
  actor: Actor,
  rows: ParsedCategoryRow[],
  options: { dryRun: boolean },
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    dryRun: options.dryRun,
    rows: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
  };
  const existing = new Map((await repo.listCategories(db)).map((row) => [row.code, row]));
  const fileCodes = new Map(rows.map((row) => [row.code, row]));
  const errors: ErrorDetail[] = [];
  for (const row of rows) {
    const current = existing.get(row.code);
    const kind = row.parentCode ? 'purchaseGroup' : 'category';
    if (row.parentCode) {
      const parentInFile = fileCodes.get(row.parentCode);
      const parentInDb = existing.get(row.parentCode);
      if (!parentInFile && !parentInDb)
        errors.push({ row: row.row, message: `Ukjent overordnet kode ${row.parentCode}.` });
      else if (
        (parentInFile && parentInFile.parentCode) ||
        (!parentInFile && parentInDb?.kind !== 'category')
      ) {
        errors.push({
          row: row.row,
          message: `${row.parentCode} er en innkjøpsgruppe; en innkjøpsgruppe må ligge under en kategori.`,
        });
      }
    }
    if (current && current.kind !== kind) {
      errors.push({
        row: row.row,
        message: `${row.code} finnes allerede som ${current.kind === 'category' ? 'kategori' : 'innkjøpsgruppe'} og kan ikke bytte nivå.`,
      });
    }
  }
  if (errors.length > 0) throw badRequest('Kategorifilen har feil; ingenting er importert.', errors);

  const ordered = [...rows].sort((a, b) => Number(a.parentCode !== null) - Number(b.parentCode !== null));
  const apply = async (tx: Db, recordAudit: RecordAudit) => {
    for (const row of ordered) {
      const current = existing.get(row.code);
      const parentMedical = row.parentCode
        ? (fileCodes.get(row.parentCode)?.isMedicalMainArea ??
          existing.get(row.parentCode)?.isMedicalMainArea)
        : undefined;
      const isMedicalMainArea = row.isMedicalMainArea ?? parentMedical ?? current?.isMedicalMainArea ?? false;
      if (!current) {
        summary.created += 1;
        if (!options.dryRun)
          await insertAudited(tx, recordAudit, {
            code: row.code,
            name: row.name,
            parentCode: row.parentCode,
            isMedicalMainArea,
            runBy: row.runBy,
          });
        continue;
      }
      const changed =
        current.name !== row.name ||
        current.isMedicalMainArea !== isMedicalMainArea ||
        current.runBy !== row.runBy ||
        current.parentCode !== row.parentCode ||
        !current.active;
      if (!changed) {
        summary.unchanged += 1;
        continue;
      }
      summary.updated += 1;
      if (options.dryRun) continue;
      const parentRow = row.parentCode
        ? (await repo.findCategoriesByCodes(tx, [row.parentCode]))[0]
        : undefined;
      await repo.updateCategory(tx, current.id, {
        name: row.name,
        isMedicalMainArea,
        runBy: row.runBy,
        parentId: parentRow?.id ?? null,
        active: true,
      });
      const after = await repo.findCategory(tx, current.id);
      await recordAudit({
        action: 'update',
        entityType: 'category',
        entityId: current.id,
        summary: `Import endret ${row.code}`,
        before: current,
        after,
      });
    }
  };
  if (options.dryRun) {
    await apply(db, async () => {});
    return summary;
  }
  await writeAudited(db, actor, async (tx, recordAudit) => {
    await apply(tx, recordAudit);
    await recordAudit({
      action: 'import',
      entityType: 'category',
      entityId: null,
      summary: `Importerte kategoristruktur: ${summary.created} nye, ${summary.updated} endret, ${summary.unchanged} uendret`,
      after: summary,
    });
  });
  return summary;
}
