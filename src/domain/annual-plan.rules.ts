// The annual procurement plan's life: draft → out for RHF feedback → approved (seed 001 §7.7). Pure.
// The plans are put "for beslutning i helseregionene" (§7.7): the plan is approved when every RHF has approved
// it, and only then do its initial significance and risk reach the procurements (§5.1.3). Pure.

export type AnnualPlanStatus = 'draft' | 'rhfFeedback' | 'approved';
type Level3 = 'høy' | 'medium' | 'lav';

export const annualPlanStatusLabels: Record<AnnualPlanStatus, string> = {
  draft: 'Utkast',
  rhfFeedback: 'Til innspill hos RHF-ene',
  approved: 'Godkjent',
};

const allowed: Record<AnnualPlanStatus, AnnualPlanStatus[]> = {
  draft: ['rhfFeedback'],
  // Back to draft when the feedback calls for changes; approval closes the round.
  rhfFeedback: ['draft', 'approved'],
  approved: [],
};

/**
 * Why the change is not allowed, or null when it is. `awaitingRhfNames` are the RHFs that have not approved
 * the plan: the secretariat cannot approve it on their behalf.
 */
export function checkTransition(
  from: AnnualPlanStatus,
  to: AnnualPlanStatus,
  itemCount: number,
  awaitingRhfNames: readonly string[] = [],
): string | null {
  if (!allowed[from].includes(to))
    return `Planen kan ikke gå fra «${annualPlanStatusLabels[from]}» til «${annualPlanStatusLabels[to]}».`;
  if (to === 'rhfFeedback' && itemCount === 0)
    return 'En plan uten anskaffelser kan ikke sendes til innspill.';
  if (to === 'approved' && awaitingRhfNames.length > 0)
    return `Planen godkjennes av RHF-ene, hvert for seg; venter på godkjenning fra ${awaitingRhfNames.join(', ')}.`;
  return null;
}

export const canEditItems = (status: AnnualPlanStatus) => status === 'draft';
export const canComment = (status: AnnualPlanStatus) => status === 'rhfFeedback';

/** The RHFs (ids, in the given order) that have not yet approved the plan. */
export function rhfsAwaitingApproval(
  rhfIds: readonly string[],
  approvals: ReadonlyArray<{ rhfId: string }>,
): string[] {
  const approved = new Set(approvals.map((approval) => approval.rhfId));
  return rhfIds.filter((id) => !approved.has(id));
}

/** Why this RHF's approval cannot be recorded now, or null when it can. */
export function approvalBlocker(
  status: AnnualPlanStatus,
  rhf: { id: string; name: string },
  approvals: ReadonlyArray<{ rhfId: string }>,
): string | null {
  if (status === 'approved') return 'Planen er allerede godkjent.';
  if (status !== 'rhfFeedback')
    return 'Planen kan bare godkjennes av RHF-ene mens den er ute til innspill og godkjenning.';
  if (approvals.some((approval) => approval.rhfId === rhf.id))
    return `${rhf.name} har allerede godkjent planen.`;
  return null;
}

/**
 * What an approved plan item writes to its procurement: the initial significance and the risk profile, each
 * only when it differs from what the procurement already holds (so approving twice adds no history).
 */
export function planCarryOver(
  item: { initialSignificance: Level3; riskProfile: Level3 | null },
  current: { initial: Level3 | null; riskProfile: Level3 | null },
): { initial: Level3 | null; riskProfile: Level3 | null } {
  return {
    initial: item.initialSignificance === current.initial ? null : item.initialSignificance,
    riskProfile:
      item.riskProfile === null || item.riskProfile === current.riskProfile ? null : item.riskProfile,
  };
}
