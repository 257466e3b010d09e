// Reads a region's category distribution with its check, and records Innkjøpsforum's assignments and the
// duty statuses — every write one audited transaction.
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { badRequest, forbidden, notFound } from '../../shared/app-error.js';
import {
  categoryDutyIds,
  checkCategoryResponsibility,
  summariseDuties,
  type CategoryDuty,
} from '../../domain/category-responsibility.rules.js';
import { canActForHf, canCoordinateRegion } from '../../domain/regional-access.rules.js';
import type { CurrentUser } from '../auth/index.js';
import { governanceRepo } from '../governance/index.js';
import * as repo from './category-responsibility.repo.js';
import type {
  AssignCategory,
  RegionResponsibilityDto,
  ResponsibilityDto,
  UpdateDuty,
} from './category-responsibility.schemas.js';

async function requireRegion(db: Db, regionId: string) {
  const region = await repo.findRegion(db, regionId);
  if (!region || region.kind !== 'RHF') throw notFound('Regionen (RHF) finnes ikke.');
  return region;
}

export async function getRegionResponsibility(db: Db, regionId: string): Promise<RegionResponsibilityDto> {
  const region = await requireRegion(db, regionId);
  const [hfs, categories, rows, approvingDecisions] = await Promise.all([
    repo.listRegionHfs(db, regionId),
    repo.listMainCategories(db),
    repo.listResponsibilities(db, regionId),
    governanceRepo.listApprovedBodyDecisions(db, regionId, 'distributeCategoryResponsibility'),
  ]);
  const decisionById = new Map(approvingDecisions.map((d) => [d.id, d]));
  const duties = await repo.listDuties(
    db,
    rows.map((row) => row.id),
  );
  const hfById = new Map(hfs.map((hf) => [hf.id, hf]));
  const categoryById = new Map(categories.map((category) => [category.id, category]));
  const responsibilities: ResponsibilityDto[] = rows
    .filter((row) => categoryById.has(row.categoryId) && hfById.has(row.hfId))
    .map((row) => {
      const own = duties.filter((duty) => duty.responsibilityId === row.id);
      const byDuty = new Map(own.map((duty) => [duty.duty, duty]));
      const checklist = categoryDutyIds.map((duty) => {
        const stored = byDuty.get(duty);
        return {
          duty,
          status: stored?.status ?? ('notStarted' as const),
          note: stored?.note ?? null,
          updatedOn: stored?.updatedOn ?? null,
          updatedByName: stored?.updatedByName ?? null,
        };
      });
      return {
        id: row.id,
        category: categoryById.get(row.categoryId)!,
        hf: hfById.get(row.hfId)!,
        decidedOn: row.decidedOn,
        decidedByName: row.decidedByName,
        decisionReference: row.decisionReference,
        bodyCaseId: row.bodyCaseId,
        bodyCase: row.bodyCaseId ? decisionRef(decisionById.get(row.bodyCaseId)) : null,
        duties: checklist,
        progress: summariseDuties(checklist),
      };
    })
    .sort((a, b) => a.category.name.localeCompare(b.category.name, 'nb'));
  return {
    region: { id: region.id, name: region.name },
    hfs,
    categories,
    responsibilities,
    approvingDecisions: approvingDecisions.map((d) => decisionRef(d)!),
    check: checkCategoryResponsibility(hfs, categories, rows),
  };
}

function decisionRef(
  decision: Awaited<ReturnType<typeof governanceRepo.listApprovedBodyDecisions>>[number] | undefined,
) {
  return decision
    ? {
        id: decision.id,
        decisionNumber: decision.decisionNumber!,
        title: decision.title,
        bodyName: decision.steeringGroupName,
      }
    : null;
}

export async function listRegionSummaries(db: Db) {
  const regions = await repo.listRegions(db);
  const result = [];
  for (const region of regions) {
    const view = await getRegionResponsibility(db, region.id);
    result.push({
      id: region.id,
      name: region.name,
      hfCount: view.hfs.length,
      assignedCategories: view.responsibilities.length,
      isEveryHfResponsible: view.check.isEveryHfResponsible,
    });
  }
  return result;
}

/** Innkjøpsforum gives a category to an HF of the region (or moves it: the new holder's checklist starts afresh). */
export async function assignCategory(
  db: Db,
  user: CurrentUser,
  regionId: string,
  categoryId: string,
  input: AssignCategory,
) {
  await requireRegion(db, regionId);
  if (!canCoordinateRegion(user, regionId))
    throw forbidden(
      'Bare porteføljesekretariatet eller regionens kontaktperson kan registrere kategoriansvar.',
    );
  const [hfs, categories] = await Promise.all([
    repo.listRegionHfs(db, regionId),
    repo.listMainCategories(db),
  ]);
  const hf = hfs.find((candidate) => candidate.id === input.hfId);
  if (!hf)
    throw badRequest('Helseforetaket hører ikke til regionen.', [
      { path: 'hfId', message: 'Velg et HF i regionen' },
    ]);
  const category = categories.find((candidate) => candidate.id === categoryId);
  if (!category) throw notFound('Kategorien finnes ikke (eller er en innkjøpsgruppe).');
  // The distribution is Innkjøpsforum's decision (seed 000 §7): a case named must be that approved decision.
  const decision = input.bodyCaseId
    ? (await governanceRepo.listApprovedBodyDecisions(db, regionId, 'distributeCategoryResponsibility')).find(
        (candidate) => candidate.id === input.bodyCaseId,
      )
    : undefined;
  if (input.bodyCaseId && !decision)
    throw badRequest('Saken er ikke et godkjent vedtak om fordeling av kategoriansvar i regionen.', [
      { path: 'bodyCaseId', message: 'Velg et vedtak fra Innkjøpsforum' },
    ]);
  return writeAudited(db, user, async (tx, recordAudit) => {
    const before = await repo.findResponsibilityFor(tx, regionId, categoryId);
    const values = {
      hfId: hf.id,
      decidedOn: input.decidedOn,
      decidedByName: user.personName,
      decisionReference: input.decisionReference ?? decision?.decisionNumber ?? null,
      bodyCaseId: input.bodyCaseId ?? null,
    };
    const row = before
      ? await repo.updateResponsibility(tx, before.id, values)
      : await repo.insertResponsibility(tx, { regionId, categoryId, ...values });
    if (!before || before.hfId !== hf.id) await repo.resetDuties(tx, row.id, categoryDutyIds);
    await recordAudit({
      action: before ? 'update' : 'create',
      entityType: 'categoryResponsibility',
      entityId: row.id,
      summary: `Kategoriansvar for ${category.name}: ${hf.name}`,
      before,
      after: row,
    });
    return row;
  });
}

export async function removeAssignment(db: Db, user: CurrentUser, regionId: string, categoryId: string) {
  if (!canCoordinateRegion(user, regionId))
    throw forbidden('Bare porteføljesekretariatet eller regionens kontaktperson kan endre kategoriansvar.');
  await writeAudited(db, user, async (tx, recordAudit) => {
    const before = await repo.findResponsibilityFor(tx, regionId, categoryId);
    if (!before) throw notFound('Kategorien har ikke noe ansvarlig HF.');
    await repo.deleteResponsibility(tx, before.id);
    await recordAudit({
      action: 'delete',
      entityType: 'categoryResponsibility',
      entityId: before.id,
      summary: 'Kategoriansvar fjernet',
      before,
    });
  });
}

/** The holding HF (or the region's coordinators) reports progress on one duty of the checklist. */
export async function updateDuty(
  db: Db,
  user: CurrentUser,
  responsibilityId: string,
  duty: CategoryDuty,
  input: UpdateDuty,
  today: string,
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    const responsibility = await repo.findResponsibility(tx, responsibilityId);
    if (!responsibility) throw notFound('Kategoriansvaret finnes ikke.');
    if (!canActForHf(user, responsibility.regionId, responsibility.hfId))
      throw forbidden(
        'Bare det ansvarlige HF-et, regionens kontaktperson eller sekretariatet kan oppdatere oppgaven.',
      );
    const before = await repo.findDuty(tx, responsibilityId, duty);
    const after = {
      responsibilityId,
      duty,
      status: input.status,
      note: input.note ?? null,
      updatedOn: today,
      updatedByName: user.personName,
    };
    await repo.upsertDuty(tx, after);
    await recordAudit({
      action: 'update',
      entityType: 'categoryResponsibilityDuty',
      entityId: responsibilityId,
      summary: `Oppgave ${duty} satt til ${input.status}`,
      before,
      after,
    });
  });
}
