// The annual procurement plan (årshjul; seed 001 §7.7): a plan per year with its procurements, initial
// significance, gain estimate and risk; draft → out for RHF feedback → approved; import all rows or none.
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import {
  canComment,
  canEditItems,
  checkTransition,
  rhfsAwaitingApproval,
  type AnnualPlanStatus,
} from '../../domain/annual-plan.rules.js';
import { badRequest, conflict, forbidden, notFound, type ErrorDetail } from '../../shared/app-error.js';
import { isSecretariat, organisationsForRole, type CurrentUser } from '../auth/index.js';
import { organisationsRepo } from '../organisations/index.js';
import { ANNUAL_PLAN_FILE_ERROR, parsePlanCsv, parsePlanXlsx, type PlanRow } from './annual-plan-file.js';
import * as repo from './annual-plan.repo.js';
import type { ItemValues } from './annual-plan.repo.js';
import type { AnnualPlanDto } from './annual-plan.schemas.js';
import { carryOverToProcurements } from './carry-over-plan.js';

type Level = repo.Level;
const findPlan = (db: Db, year: number) => repo.findPlan(db, year);

/** The RHFs that approve each plan (§7.7): every active RHF. */
export async function listRhfs(db: Db) {
  return (await organisationsRepo.listOrganisations(db)).filter((org) => org.kind === 'RHF' && org.active);
}

export const listPlanYears = (db: Db) => repo.listPlanYears(db);

export async function getPlan(db: Db, year: number): Promise<AnnualPlanDto> {
  const plan = await findPlan(db, year);
  if (!plan) throw notFound(`Det finnes ingen anskaffelsesplan for ${year}.`);
  const items = await repo.listItems(db, plan.id);
  const comments = await repo.listComments(db, plan.id);
  const [rhfs, approvals] = await Promise.all([listRhfs(db), repo.listApprovals(db, plan.id)]);
  const rhfName = new Map(rhfs.map((rhf) => [rhf.id, rhf.name]));
  return {
    id: plan.id,
    year: plan.year,
    status: plan.status,
    note: plan.note,
    statusChangedBy: plan.statusChangedBy,
    statusChangedAt: plan.statusChangedAt.toISOString(),
    approvals: approvals.map((approval) => ({
      rhfId: approval.rhfId,
      rhfName: rhfName.get(approval.rhfId) ?? approval.rhfId,
      note: approval.note,
      approvedBy: approval.approvedBy,
      approvedAt: approval.approvedAt.toISOString(),
    })),
    awaitingApprovalFrom: rhfsAwaitingApproval(
      rhfs.map((rhf) => rhf.id),
      approvals,
    ).map((rhfId) => ({ rhfId, rhfName: rhfName.get(rhfId)! })),
    items: items.map((item) => ({
      ...item,
      comments: comments
        .filter((c) => c.itemId === item.id)
        .map(({ itemId: _i, ...c }) => ({ ...c, commentedAt: c.commentedAt.toISOString() })),
    })),
  };
}

export async function createPlan(db: Db, user: CurrentUser, year: number) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (await findPlan(tx, year)) throw conflict(`Anskaffelsesplanen for ${year} finnes allerede.`);
    const row = await repo.insertPlan(tx, year, user.username);
    await recordAudit({
      action: 'create',
      entityType: 'annualPlan',
      entityId: row.id,
      summary: `Ny anskaffelsesplan ${year}`,
      after: { year },
    });
  });
  return getPlan(db, year);
}

async function editablePlan(db: Db, year: number) {
  const plan = await findPlan(db, year);
  if (!plan) throw notFound(`Det finnes ingen anskaffelsesplan for ${year}.`);
  if (!canEditItems(plan.status)) throw conflict('Planen kan bare endres mens den er et utkast.');
  return plan;
}

export async function putItem(db: Db, user: CurrentUser, year: number, input: ItemValues) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    const plan = await editablePlan(tx, year);
    const procurement = await repo.findProcurementName(tx, input.procurementId);
    if (!procurement)
      throw badRequest('Anskaffelsen finnes ikke.', [
        { path: 'procurementId', message: 'Anskaffelsen finnes ikke' },
      ]);
    await repo.upsertItem(tx, plan.id, input);
    await recordAudit({
      action: 'update',
      entityType: 'annualPlanItem',
      entityId: `${plan.id}:${input.procurementId}`,
      summary: `«${procurement.name}» i anskaffelsesplan ${year}`,
      after: input,
    });
  });
  return getPlan(db, year);
}

/** Validates every row (names must match procurements) and writes all of them, or nothing. */
export async function importPlan(
  db: Db,
  user: CurrentUser,
  year: number,
  input: { format: 'csv' | 'xlsx'; content: string },
  dryRun: boolean,
) {
  const rows: PlanRow[] =
    input.format === 'csv'
      ? parsePlanCsv(input.content)
      : await parsePlanXlsx(Buffer.from(input.content, 'base64'));
  const all = await repo.listProcurementNames(db);
  const byName = new Map(all.map((p) => [p.name.trim().toLocaleLowerCase('nb'), p.id]));
  const errors: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  const resolved = rows.map((row) => {
    const key = row.name.trim().toLocaleLowerCase('nb');
    const procurementId = byName.get(key);
    if (!procurementId)
      errors.push({ row: row.row, path: 'anskaffelse', message: `Ukjent anskaffelse «${row.name}»` });
    if (seen.has(key))
      errors.push({
        row: row.row,
        path: 'anskaffelse',
        message: `«${row.name}» står også på rad ${seen.get(key)}`,
      });
    seen.set(key, row.row);
    return { ...row, procurementId: procurementId ?? '' };
  });
  if (errors.length > 0) throw badRequest(ANNUAL_PLAN_FILE_ERROR, errors);
  if (dryRun) return { imported: 0, wouldImport: resolved.length, dryRun: true };
  await writeAudited(db, user, async (tx, recordAudit) => {
    const plan = await editablePlan(tx, year);
    for (const row of resolved)
      await repo.upsertItem(tx, plan.id, {
        procurementId: row.procurementId,
        initialSignificance: row.initialSignificance,
        gainEstimateNok: row.gainEstimateNok,
        riskProfile: row.riskProfile,
        note: row.note,
      });
    await recordAudit({
      action: 'import',
      entityType: 'annualPlan',
      entityId: plan.id,
      summary: `Importerte ${resolved.length} anskaffelser til anskaffelsesplan ${year}`,
      after: { rows: resolved.length },
    });
  });
  return { imported: resolved.length, wouldImport: resolved.length, dryRun: false };
}

export async function changeStatus(db: Db, user: CurrentUser, year: number, status: AnnualPlanStatus) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    const plan = await findPlan(tx, year);
    if (!plan) throw notFound(`Det finnes ingen anskaffelsesplan for ${year}.`);
    const items = await repo.listItems(tx, plan.id);
    const rhfs = await listRhfs(tx);
    const approvals = await repo.listApprovals(tx, plan.id);
    const awaiting = rhfsAwaitingApproval(
      rhfs.map((rhf) => rhf.id),
      approvals,
    ).map((id) => rhfs.find((rhf) => rhf.id === id)!.name);
    const problem = checkTransition(plan.status, status, items.length, awaiting);
    if (problem) throw conflict(problem);
    // A plan sent back to draft will change: the RHFs' approvals of the old version no longer hold.
    if (status === 'draft' && approvals.length > 0) await repo.deleteApprovals(tx, plan.id);
    await repo.setPlanStatus(tx, plan.id, status, user.username);
    await recordAudit({
      action: 'update',
      entityType: 'annualPlan',
      entityId: plan.id,
      summary: `Anskaffelsesplan ${year}: ${plan.status} → ${status}`,
      before: {
        status: plan.status,
        ...(status === 'draft' && approvals.length > 0
          ? { approvals: approvals.map((a) => ({ rhfId: a.rhfId, approvedBy: a.approvedBy })) }
          : {}),
      },
      after: { status },
    });
    // Reached here only when no active RHF is left awaited (the last RHF's approval normally approves it).
    if (status === 'approved') await carryOverToProcurements(tx, recordAudit, user, plan.id, year);
  });
  return getPlan(db, year);
}

/** An RHF contact comments for their own RHF; the secretariat may record a comment for any RHF. */
export async function commentOnItem(
  db: Db,
  user: CurrentUser,
  year: number,
  itemId: string,
  input: {
    rhfId: string;
    agreesWithSignificance: 'ja' | 'nei';
    proposedSignificance: Level | null;
    comment: string | null;
  },
) {
  if (!isSecretariat(user) && !organisationsForRole(user, 'rhfContact').includes(input.rhfId))
    throw forbidden('Du kan bare gi innspill på vegne av ditt eget RHF.');
  await writeAudited(db, user, async (tx, recordAudit) => {
    const plan = await findPlan(tx, year);
    if (!plan) throw notFound(`Det finnes ingen anskaffelsesplan for ${year}.`);
    if (!canComment(plan.status)) throw conflict('Planen er ikke ute til innspill hos RHF-ene.');
    const item = await repo.findItem(tx, plan.id, itemId);
    if (!item) throw notFound('Anskaffelsen står ikke i planen.');
    const rhf = (await organisationsRepo.listOrganisations(tx)).find((org) => org.id === input.rhfId);
    if (!rhf || rhf.kind !== 'RHF')
      throw badRequest('Innspill gis av et RHF.', [{ path: 'rhfId', message: 'Ikke et RHF' }]);
    await repo.upsertComment(tx, { itemId, ...input, commentedBy: user.username });
    await recordAudit({
      action: 'update',
      entityType: 'annualPlanComment',
      entityId: `${itemId}:${input.rhfId}`,
      summary: `Innspill fra ${rhf.name} til anskaffelsesplan ${year}`,
      after: input,
    });
  });
  return getPlan(db, year);
}
