// An approved plan feeds governance (seed 001 §5.1.3): each item's initial significance and risk reach its
// procurement, marked as the plan's, so the significance gate starts from Sykehusinnkjøp's initial value.
import type { Db } from '../../db/client.js';
import type { RecordAudit } from '../../db/unit-of-work.js';
import { planCarryOver } from '../../domain/annual-plan.rules.js';
import type { Actor } from '../../db/unit-of-work.js';
import { governanceRepo } from '../governance/index.js';
import * as repo from './annual-plan.repo.js';

/** Writes each item's initial significance and risk to its procurement, as the plan's, audited per change. */
export async function carryOverToProcurements(
  tx: Db,
  recordAudit: RecordAudit,
  user: Actor,
  planId: string,
  year: number,
) {
  const items = await repo.listCarryOverItems(tx, planId);
  const note = `Fra anskaffelsesplan ${year}, godkjent av RHF-ene`;
  for (const item of items) {
    // One query at a time: a transaction holds one connection.
    const significance = await governanceRepo.listSignificanceDecisions(tx, item.procurementId);
    const risks = await governanceRepo.listRiskAssessments(tx, item.procurementId);
    const current = {
      initial: significance.filter((row) => row.kind === 'initial').at(-1)?.value ?? null,
      riskProfile: risks.at(-1)?.profile ?? null,
    };
    const carried = planCarryOver(item, current);
    if (carried.riskProfile) {
      await governanceRepo.insertRiskAssessment(tx, {
        procurementId: item.procurementId,
        method: 'direct',
        scores: null,
        profile: carried.riskProfile,
        meanScore: null,
        ruleVersion: null,
        note,
        assessedBy: user.username,
      });
      await recordAudit({
        action: 'assessRisk',
        entityType: 'procurement',
        entityId: item.procurementId,
        summary: `Risikoprofil ${carried.riskProfile} for ${item.procurementName} (anskaffelsesplan ${year})`,
        before: { profile: current.riskProfile },
        after: { profile: carried.riskProfile, method: 'direct', annualPlanYear: year },
      });
    }
    if (carried.initial) {
      await governanceRepo.insertSignificanceDecision(tx, {
        procurementId: item.procurementId,
        kind: 'initial',
        value: carried.initial,
        annualPlanYear: year,
        note,
        decidedBy: user.username,
      });
      await recordAudit({
        action: 'setInitialSignificance',
        entityType: 'procurement',
        entityId: item.procurementId,
        summary: `Initiell strategisk betydning ${carried.initial} for ${item.procurementName} (anskaffelsesplan ${year})`,
        before: { initial: current.initial },
        after: { initial: carried.initial, annualPlanYear: year },
      });
    }
  }
}
