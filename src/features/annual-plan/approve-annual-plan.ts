// Each RHF approves the annual plan for itself (seed 001 §7.7: the plans are put for decision in each health
// region). The last approval approves the plan, and its items' initial significance and risk then reach their
// procurements (§5.1.3: Sykehusinnkjøp's initial value from the plan is what the steering group confirms).
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { approvalBlocker, rhfsAwaitingApproval } from '../../domain/annual-plan.rules.js';
import { badRequest, conflict, forbidden, notFound } from '../../shared/app-error.js';
import { isSecretariat, organisationsForRole, type CurrentUser } from '../auth/index.js';
import * as repo from './annual-plan.repo.js';
import { getPlan, listRhfs } from './annual-plan.service.js';
import { carryOverToProcurements } from './carry-over-plan.js';

/**
 * An RHF contact approves for their own RHF; the secretariat may record an RHF's approval only with a note
 * saying where the RHF decided (the decision is the RHF's, the secretariat only registers it).
 */
export async function approvePlanForRhf(
  db: Db,
  user: CurrentUser,
  year: number,
  input: { rhfId: string; note: string | null },
) {
  const speaksForRhf = organisationsForRole(user, 'rhfContact').includes(input.rhfId);
  if (!speaksForRhf && !isSecretariat(user))
    throw forbidden('Du kan bare godkjenne planen på vegne av ditt eget RHF.');
  if (!speaksForRhf && !input.note)
    throw badRequest('Oppgi hvor RHF-et vedtok planen (for eksempel styresak eller direktørmøte).', [
      { path: 'note', message: 'Påkrevd når sekretariatet registrerer godkjenningen' },
    ]);
  await writeAudited(db, user, async (tx, recordAudit) => {
    const plan = await repo.findPlan(tx, year, { lock: true });
    if (!plan) throw notFound(`Det finnes ingen anskaffelsesplan for ${year}.`);
    const rhfs = await listRhfs(tx);
    const rhf = rhfs.find((org) => org.id === input.rhfId);
    if (!rhf) throw badRequest('Planen godkjennes av et RHF.', [{ path: 'rhfId', message: 'Ikke et RHF' }]);
    const approvals = await repo.listApprovals(tx, plan.id);
    const blocker = approvalBlocker(plan.status, rhf, approvals);
    if (blocker) throw conflict(blocker);
    await repo.insertApproval(tx, {
      planId: plan.id,
      rhfId: rhf.id,
      note: input.note,
      approvedBy: user.username,
    });
    await recordAudit({
      action: 'approveAnnualPlan',
      entityType: 'annualPlan',
      entityId: plan.id,
      summary: `${rhf.name} godkjente anskaffelsesplan ${year}`,
      after: { rhfId: rhf.id, note: input.note, approvedBy: user.username },
    });
    const awaiting = rhfsAwaitingApproval(
      rhfs.map((org) => org.id),
      [...approvals, { rhfId: rhf.id }],
    );
    if (awaiting.length > 0) return;
    await repo.setPlanStatus(tx, plan.id, 'approved', user.username);
    await recordAudit({
      action: 'update',
      entityType: 'annualPlan',
      entityId: plan.id,
      summary: `Anskaffelsesplan ${year} er godkjent av alle RHF-ene`,
      before: { status: plan.status },
      after: { status: 'approved' },
    });
    await carryOverToProcurements(tx, recordAudit, user, plan.id, year);
  });
  return getPlan(db, year);
}
