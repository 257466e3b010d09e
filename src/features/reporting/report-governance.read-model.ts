// The governance facts of the portfolio report for a whole scope at once: one set-based query
// (reporting.repo.ts `listReportFacts`: risk, significance, passed gates, delegations, cases, agreed dates,
// follow-up and gain aggregated per procurement in SQL), then the same domain rules `loadGovernanceContext`
// applies to one procurement (significance recommendation, applied level, gate evaluation). A read model
// only: the figures are those of the per-procurement context, which reporting.db.test.ts checks procurement
// by procurement.
import type { Db } from '../../db/client.js';
import { categories } from '../../db/schema.js';
import { evaluateGates, type GateView } from '../../domain/gates.rules.js';
import { gatesFor } from '../../domain/involvement.rules.js';
import type { Level3 } from '../../domain/risk.rules.js';
import { recommendSignificance, significanceInForce } from '../../domain/significance.rules.js';
import { loadRules } from '../governance/index.js';
import type { ProcurementDto } from '../procurements/index.js';
import { listReportFacts } from './reporting.repo.js';

export interface ReportGovernance {
  categoryName: string;
  gates: GateView[];
  initial: Level3 | null;
  final: Level3 | null;
  recommended: Level3 | null;
  riskProfile: Level3 | null;
  caseStatuses: string[];
}

export interface ReportScopeFacts extends ReportGovernance {
  plannedOn: ReadonlyMap<string, string>;
  neededMeasures: string | null;
  gainEstimateNok: string | null;
}

/**
 * `wholePortfolio`: the scope is every procurement, so the query needs no scope filter at all.
 */
export async function loadReportGovernance(
  db: Db,
  scope: readonly ProcurementDto[],
  options: { wholePortfolio?: boolean } = {},
): Promise<Map<string, ReportScopeFacts>> {
  const [categoryRows, rules, facts] = await Promise.all([
    db
      .select({
        code: categories.code,
        name: categories.name,
        isMedicalMainArea: categories.isMedicalMainArea,
      })
      .from(categories),
    loadRules(db),
    scope.length === 0
      ? Promise.resolve([])
      : listReportFacts(db, options.wholePortfolio ? null : scope.map((procurement) => procurement.id)),
  ]);
  const factsBy = new Map(facts.map((row) => [row.procurementId, row]));
  const categoryByCode = new Map(categoryRows.map((row) => [row.code, row]));
  const result = new Map<string, ReportScopeFacts>();
  for (const procurement of scope) {
    const category = categoryByCode.get(procurement.categoryCode)!;
    const purchaseGroup = procurement.purchaseGroupCode
      ? categoryByCode.get(procurement.purchaseGroupCode)
      : undefined;
    const fact = factsBy.get(procurement.id);
    const initial = fact?.initial ?? null;
    const final = fact?.final ?? null;
    const riskProfile = fact?.riskProfile ?? null;
    const categoryName = purchaseGroup?.name ?? category.name;
    const recommended = recommendSignificance(
      {
        riskProfile,
        contractValueNok: procurement.contractValueNok,
        isMedicalMainArea: purchaseGroup?.isMedicalMainArea ?? category.isMedicalMainArea,
        categoryName,
      },
      rules.significanceRule.value,
    ).recommended;
    // One precedence rule (domain); with no value at all the gates take the strictest involvement.
    const applied: Level3 = significanceInForce({ final, initial, recommended }) ?? 'høy';
    const procurementCases = fact?.cases ?? [];
    const gates = evaluateGates({
      gates: gatesFor(applied, rules.involvementMatrix.value),
      passed: new Map(
        (fact?.passed ?? []).map((row) => [
          row.gate,
          { via: row.via, passedOn: row.passedOn, involvement: row.involvement },
        ]),
      ),
      delegatedGates: new Set(fact?.delegatedGates ?? []),
      cases: procurementCases,
    });
    result.set(procurement.id, {
      categoryName,
      gates,
      initial,
      final,
      recommended,
      riskProfile,
      caseStatuses: procurementCases.map((row) => row.status),
      plannedOn: new Map(Object.entries(fact?.plannedOn ?? {})),
      neededMeasures: fact?.neededMeasures ?? null,
      gainEstimateNok: fact?.gainEstimateNok ?? null,
    });
  }
  return result;
}
