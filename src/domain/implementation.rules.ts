// Implementation of awarded agreements in the HFs (seed 000 «Implementeringsforum»: hand-over of the supplier
// agreements from the procurement organisation to the HFs' operations). Pure: the default checklist, late items,
// a plan's status and the figures the portfolio report and Implementeringsforum show.

export const implementationStatusIds = ['notStarted', 'inProgress', 'done'] as const;
export type ImplementationStatus = (typeof implementationStatusIds)[number];

/** Every HF's plan starts with these steps (seed 000 §6 Implementeringsforum and §8 Operativ drift). */
export const defaultChecklist = [
  'Avtalen er presentert i Implementeringsforum',
  'Avtale, priser og artikler er lagt inn i Clockwork (ERP)',
  'Bestillere og fagmiljø er informert',
  'Sortiment og lager er tilpasset',
  'Gammel avtale er avsluttet i Clockwork',
] as const;

export interface ItemState {
  status: ImplementationStatus;
  dueDate: string | null;
}

export function isItemLate(item: ItemState, today: string): boolean {
  return item.status !== 'done' && item.dueDate !== null && item.dueDate < today;
}

export interface PlanSummary {
  items: number;
  done: number;
  late: number;
  /** Done when every item is; not started while none has begun. */
  status: ImplementationStatus;
}

export function summarisePlan(items: readonly ItemState[], today: string): PlanSummary {
  const done = items.filter((item) => item.status === 'done').length;
  const begun = items.some((item) => item.status !== 'notStarted');
  return {
    items: items.length,
    done,
    late: items.filter((item) => isItemLate(item, today)).length,
    status: items.length > 0 && done === items.length ? 'done' : begun ? 'inProgress' : 'notStarted',
  };
}

export interface ImplementationFigures {
  agreements: number;
  plans: number;
  plansDone: number;
  plansWithLateItems: number;
  lateItems: number;
}

/** The portfolio report's figures over all plans. */
export function summariseImplementation(
  plans: ReadonlyArray<{ agreementId: string; summary: PlanSummary }>,
): ImplementationFigures {
  return {
    agreements: new Set(plans.map((plan) => plan.agreementId)).size,
    plans: plans.length,
    plansDone: plans.filter((plan) => plan.summary.status === 'done').length,
    plansWithLateItems: plans.filter((plan) => plan.summary.late > 0).length,
    lateItems: plans.reduce((sum, plan) => sum + plan.summary.late, 0),
  };
}
