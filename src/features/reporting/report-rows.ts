// The rows of the portfolio report (and of the procurement list at a glance) for a set of procurements:
// governance facts from the set-based read model, planned gate dates, follow-up and gain estimates. A few
// queries for the whole set, never one round trip per procurement.
import type { Db } from '../../db/client.js';
import { gateLabels } from '../../domain/involvement.rules.js';
import { assessGate, type ReportRow } from '../../domain/portfolio-report.rules.js';
import { significanceInForce } from '../../domain/significance.rules.js';
import type { ProcurementDto } from '../procurements/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import { loadReportGovernance } from './report-governance.read-model.js';

export const phaseLabels: Record<ReportRow['phaseId'], string> = {
  ...gateLabels,
  implementation: 'Implementering',
  outsideModel: 'Utenfor modellen',
};

const openCaseStatuses = new Set(['open', 'dissent', 'outsideMandate']);

/** The report rows in the order given. */
export async function buildReportRows(
  db: Db,
  procurements: readonly ProcurementDto[],
  today: string,
  options: { wholePortfolio?: boolean } = {},
): Promise<ReportRow[]> {
  // Set-based: one facts query for the whole scope (report-governance.read-model.ts), never one round trip
  // per procurement.
  const [groups, governance] = await Promise.all([
    steeringGroupsRepo.listGroups(db),
    loadReportGovernance(db, procurements, options),
  ]);
  const groupCode = new Map(groups.map((group) => [group.id, group.code]));
  const rows: ReportRow[] = [];
  for (const procurement of procurements) {
    const context = governance.get(procurement.id)!;
    const inModel = procurement.level !== null && procurement.outsideModel === null;
    const planned = context.plannedOn;
    const gates = inModel
      ? context.gates.map((gate) => {
          const plannedOn = planned.get(gate.gate) ?? null;
          const passedOn = gate.passedOn;
          return { gate: gate.gate, plannedOn, passedOn, ...assessGate(plannedOn, passedOn, today) };
        })
      : [];
    const phaseId: ReportRow['phaseId'] = inModel
      ? (context.gates.find((gate) => gate.status !== 'passed')?.gate ?? 'implementation')
      : 'outsideModel';
    const significance = significanceInForce({
      final: context.final,
      initial: context.initial,
      recommended: context.recommended,
    });
    rows.push({
      procurementId: procurement.id,
      name: procurement.name,
      level: procurement.level,
      categoryCode: procurement.purchaseGroupCode ?? procurement.categoryCode,
      categoryName: context.categoryName,
      steeringGroupCode: procurement.steeringGroupId
        ? (groupCode.get(procurement.steeringGroupId) ?? null)
        : null,
      steeringGroupName: procurement.steeringGroupName,
      significance,
      significanceKind: context.final
        ? 'final'
        : context.initial
          ? 'initial'
          : context.recommended
            ? 'recommended'
            : null,
      initialSignificance: context.initial,
      finalSignificance: context.final,
      phaseId,
      phase: phaseLabels[phaseId],
      status: procurement.status,
      riskProfile: context.riskProfile,
      contractValueNok: procurement.contractValueNok,
      gainEstimateNok: context.gainEstimateNok,
      // Titles and counts only: case documents never enter a report (offentleglova exemptions stay out).
      openCases: context.caseStatuses.filter((status) => openCaseStatuses.has(status)).length,
      escalations: context.caseStatuses.filter((status) => status === 'escalated').length,
      neededMeasures: context.neededMeasures,
      gates,
      daysLate: Math.max(0, ...gates.map((gate) => gate.daysLate)),
    });
  }
  return rows;
}
