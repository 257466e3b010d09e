// Category responsibility per HF (seed 000 §7): Innkjøpsforum distributes the categories among the HFs of the
// region, and every HF holds at least one. Pure: which HFs and categories are left out, and the duty checklist.

/** The duties an HF holds for its categories on behalf of every HF in the region (seed 000 §7, in its order). */
export const categoryDutyIds = [
  'planOverview',
  'nominateParticipants',
  'assistReferenceGroup',
  'followUpInvolvement',
  'communicate',
  'followUpImplementation',
  'bringCases',
] as const;
export type CategoryDuty = (typeof categoryDutyIds)[number];

export const dutyStatusIds = ['notStarted', 'inProgress', 'done'] as const;
export type DutyStatus = (typeof dutyStatusIds)[number];

export interface HfRef {
  id: string;
  name: string;
}

export interface CategoryRef {
  id: string;
  code: string;
  name: string;
}

export interface Assignment {
  categoryId: string;
  hfId: string;
}

export interface ResponsibilityCheck {
  /** True when every HF holds at least one category (the rule of seed 000 §7). */
  isEveryHfResponsible: boolean;
  hfsWithoutCategory: HfRef[];
  /** Categories no HF holds yet: not a breach of the rule, but work left for Innkjøpsforum. */
  categoriesWithoutHf: CategoryRef[];
  categoryCountByHf: Record<string, number>;
}

/** Checks a region's distribution; assignments to HFs outside the region or unknown categories are ignored. */
export function checkCategoryResponsibility(
  hfs: readonly HfRef[],
  categories: readonly CategoryRef[],
  assignments: readonly Assignment[],
): ResponsibilityCheck {
  const hfIds = new Set(hfs.map((hf) => hf.id));
  const categoryIds = new Set(categories.map((category) => category.id));
  const categoryCountByHf: Record<string, number> = Object.fromEntries(hfs.map((hf) => [hf.id, 0]));
  const assigned = new Set<string>();
  for (const assignment of assignments) {
    if (!hfIds.has(assignment.hfId) || !categoryIds.has(assignment.categoryId)) continue;
    if (assigned.has(assignment.categoryId)) continue; // one responsible HF per category
    assigned.add(assignment.categoryId);
    categoryCountByHf[assignment.hfId] = (categoryCountByHf[assignment.hfId] ?? 0) + 1;
  }
  const hfsWithoutCategory = hfs.filter((hf) => categoryCountByHf[hf.id] === 0);
  return {
    isEveryHfResponsible: hfs.length > 0 && hfsWithoutCategory.length === 0,
    hfsWithoutCategory,
    categoriesWithoutHf: categories.filter((category) => !assigned.has(category.id)),
    categoryCountByHf,
  };
}

/** Progress of one category's checklist: done duties of all seven. */
export function summariseDuties(statuses: ReadonlyArray<{ duty: CategoryDuty; status: DutyStatus }>) {
  const byDuty = new Map(statuses.map((entry) => [entry.duty, entry.status]));
  const counts: Record<DutyStatus, number> = { notStarted: 0, inProgress: 0, done: 0 };
  for (const duty of categoryDutyIds) counts[byDuty.get(duty) ?? 'notStarted'] += 1;
  return { ...counts, total: categoryDutyIds.length };
}
