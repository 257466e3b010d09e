// The governance facts of the portfolio report for a whole scope at once: one query per table (risk
// assessments, significance decisions, passed gates, delegations, cases) for all the scope's procurements,
// then the same domain rules `loadGovernanceContext` applies to one procurement (significance
// recommendation, applied level, gate evaluation). A read model only: the figures are those of the
// per-procurement context, which reporting.db.test.ts checks procurement by procurement.
import { asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  cases,
  categories,
  delegations,
  escalations,
  procurementGates,
  riskAssessments,
  significanceDecisions,
} from '../../db/schema.js';
import { evaluateGates, type GateView } from '../../domain/gates.rules.js';
import { gatesFor } from '../../domain/involvement.rules.js';
import type { Level3 } from '../../domain/risk.rules.js';
import { recommendSignificance, significanceInForce } from '../../domain/significance.rules.js';
import { loadRules } from '../governance/index.js';
import type { ProcurementDto } from '../procurements/index.js';

export interface ReportGovernance {
  categoryName: string;
  gates: GateView[];
  initial: Level3 | null;
  final: Level3 | null;
  recommended: Level3 | null;
  riskProfile: Level3 | null;
  caseStatuses: string[];
}

/** Above this many procurements the tables are read whole (one scan beats a very long IN list). */
const MAX_ID_LIST = 1000;

function groupBy<T>(rows: readonly T[], key: (row: T) => string) {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

export async function loadReportGovernance(
  db: Db,
  scope: readonly ProcurementDto[],
): Promise<Map<string, ReportGovernance>> {
  const ids = scope.map((procurement) => procurement.id);
  const forScope = (column: PgColumn): SQL | undefined =>
    ids.length > MAX_ID_LIST ? undefined : inArray(column, ids.length > 0 ? ids : [NIL]);
  const [categoryRows, rules, risks, decisions, passed, delegated, caseRows] = await Promise.all([
    db
      .select({
        code: categories.code,
        name: categories.name,
        isMedicalMainArea: categories.isMedicalMainArea,
      })
      .from(categories),
    loadRules(db),
    db
      .select({ procurementId: riskAssessments.procurementId, profile: riskAssessments.profile })
      .from(riskAssessments)
      .where(forScope(riskAssessments.procurementId))
      .orderBy(asc(riskAssessments.assessedAt), asc(riskAssessments.id)),
    db
      .select({
        procurementId: significanceDecisions.procurementId,
        kind: significanceDecisions.kind,
        value: significanceDecisions.value,
      })
      .from(significanceDecisions)
      .where(forScope(significanceDecisions.procurementId))
      .orderBy(asc(significanceDecisions.decidedAt)),
    db.select().from(procurementGates).where(forScope(procurementGates.procurementId)),
    db
      .select({ procurementId: delegations.procurementId, gate: delegations.gate })
      .from(delegations)
      .where(forScope(delegations.procurementId)),
    db
      .select({
        procurementId: cases.procurementId,
        id: cases.id,
        gate: cases.gate,
        kind: cases.kind,
        delegatedGate: cases.delegatedGate,
        status: cases.status,
        resolutionOutcome: escalations.resolutionOutcome,
      })
      .from(cases)
      .leftJoin(escalations, eq(escalations.caseId, cases.id))
      .where(forScope(cases.procurementId))
      .orderBy(asc(cases.submittedAt), asc(cases.id)),
  ]);
  const categoryByCode = new Map(categoryRows.map((row) => [row.code, row]));
  const risksBy = groupBy(risks, (row) => row.procurementId);
  const decisionsBy = groupBy(decisions, (row) => row.procurementId);
  const passedBy = groupBy(passed, (row) => row.procurementId);
  const delegatedBy = groupBy(delegated, (row) => row.procurementId);
  const casesBy = groupBy(caseRows, (row) => row.procurementId);
  const result = new Map<string, ReportGovernance>();
  for (const procurement of scope) {
    const category = categoryByCode.get(procurement.categoryCode)!;
    const purchaseGroup = procurement.purchaseGroupCode
      ? categoryByCode.get(procurement.purchaseGroupCode)
      : undefined;
    const history = decisionsBy.get(procurement.id) ?? [];
    const initial = history.filter((row) => row.kind === 'initial').at(-1)?.value ?? null;
    const final = history.filter((row) => row.kind === 'final').at(-1)?.value ?? null;
    const riskProfile = risksBy.get(procurement.id)?.at(-1)?.profile ?? null;
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
    const procurementCases = casesBy.get(procurement.id) ?? [];
    const gates = evaluateGates({
      gates: gatesFor(applied, rules.involvementMatrix.value),
      passed: new Map(
        (passedBy.get(procurement.id) ?? []).map((row) => [
          row.gate,
          { via: row.via, passedOn: row.passedOn, involvement: row.involvement },
        ]),
      ),
      delegatedGates: new Set((delegatedBy.get(procurement.id) ?? []).map((row) => row.gate)),
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
    });
  }
  return result;
}

const NIL = '00000000-0000-0000-0000-000000000000';
