// The HF purchasing manager's home (one section per HF the user buys for) and the read-only home: what to
// do next — the HF's agreements ending within a year (and whether a procurement replaces them), its
// implementation plans, the anskaffelsesplan items it takes part in — and, to read, the recent decisions.
import type { Db } from '../../db/client.js';
import { addDays, addMonths, daysBetween } from '../../shared/calendar-date.js';
import { osloDay } from '../../shared/clock.js';
import { listExpiringAgreements } from '../agreements/index.js';
import type { CurrentUser } from '../auth/index.js';
import { getImplementationOverview } from '../implementation/index.js';
import { organisationsRepo } from '../organisations/index.js';
import * as hfRepo from './hf-home.repo.js';
import * as repo from './home.repo.js';

/** Agreements ending within this many months count as ending (the agreement register's horizon). */
const endingMonths = 12;
/** Without an earlier visit, the read-only home shows the decisions of the last 30 days. */
const firstVisitLookbackDays = 30;

export async function hfPurchasingHome(db: Db, hfId: string, today: string) {
  const hf = await organisationsRepo.findOrganisation(db, hfId);
  if (!hf) return null;
  const [ending, withoutReplacement, implementation, planItems] = await Promise.all([
    hfRepo.listAgreementsEndingFor(db, hf, today, addMonths(today, endingMonths)),
    listExpiringAgreements(db, today),
    getImplementationOverview(db, today),
    hfRepo.listAnnualPlanItemsOfHf(db, hf.id, Number(today.slice(0, 4))),
  ]);
  const unreplaced = new Set(withoutReplacement.map((agreement) => agreement.id));
  return {
    hfId: hf.id,
    hfCode: hf.code,
    hfName: hf.name,
    agreementsEnding: ending.map((agreement) => ({
      ...agreement,
      daysLeft: daysBetween(today, agreement.validTo),
      replacementPlanned: !unreplaced.has(agreement.id),
    })),
    implementationPlans: implementation.plans
      .filter((plan) => plan.hf.id === hf.id)
      .map((plan) => ({
        id: plan.id,
        agreementId: plan.agreement.id,
        agreementNumber: plan.agreement.agreementNumber,
        agreementName: plan.agreement.name,
        dueDate: plan.dueDate,
        responsibleName: plan.responsibleName,
        items: plan.summary.items,
        done: plan.summary.done,
        late: plan.summary.late,
      })),
    annualPlanItems: planItems,
  };
}

export async function readerHome(db: Db, user: CurrentUser, today: string) {
  const previous = await repo.previousVisit(db, user.personId);
  const since = previous ? osloDay(previous) : addDays(today, -firstVisitLookbackDays);
  const decisions = await hfRepo.listAllDecisionsSince(db, since);
  return {
    since,
    recentDecisions: decisions.map((row) => ({
      caseId: row.id,
      decisionNumber: row.decisionNumber!,
      title: row.title,
      status: row.status,
      procurementName: row.procurementName,
      steeringGroupName: row.steeringGroupName,
      decidedOn: row.decidedOn!,
    })),
  };
}
