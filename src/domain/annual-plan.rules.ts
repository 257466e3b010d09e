// The annual procurement plan's life: draft → out for RHF feedback → approved (seed 001 §7.7). Pure.

export type AnnualPlanStatus = 'draft' | 'rhfFeedback' | 'approved';

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

/** Why the change is not allowed, or null when it is. */
export function checkTransition(
  from: AnnualPlanStatus,
  to: AnnualPlanStatus,
  itemCount: number,
): string | null {
  if (!allowed[from].includes(to))
    return `Planen kan ikke gå fra «${annualPlanStatusLabels[from]}» til «${annualPlanStatusLabels[to]}».`;
  if (to === 'rhfFeedback' && itemCount === 0)
    return 'En plan uten anskaffelser kan ikke sendes til innspill.';
  return null;
}

export const canEditItems = (status: AnnualPlanStatus) => status === 'draft';
export const canComment = (status: AnnualPlanStatus) => status === 'rhfFeedback';
