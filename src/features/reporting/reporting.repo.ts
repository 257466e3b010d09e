import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  annualPlanItems,
  annualPlans,
  procurementFollowUps,
  procurementGatePlans,
  procurementGates,
  procurements,
} from '../../db/schema.js';
import { transactionTime } from '../../db/transaction-time.js';

export function listGatePlans(db: Db, procurementIds?: string[]) {
  const query = db.select().from(procurementGatePlans);
  return procurementIds ? query.where(inArray(procurementGatePlans.procurementId, procurementIds)) : query;
}

export async function replaceGatePlans(
  db: Db,
  procurementId: string,
  plans: Array<{ gate: string; plannedOn: string }>,
  setBy: string,
) {
  await db.delete(procurementGatePlans).where(eq(procurementGatePlans.procurementId, procurementId));
  if (plans.length > 0)
    await db.insert(procurementGatePlans).values(plans.map((plan) => ({ ...plan, procurementId, setBy })));
}

export function listFollowUps(db: Db) {
  return db.select().from(procurementFollowUps);
}

export async function findFollowUp(db: Db, procurementId: string) {
  const [row] = await db
    .select()
    .from(procurementFollowUps)
    .where(eq(procurementFollowUps.procurementId, procurementId));
  return row ?? null;
}

export async function upsertFollowUp(db: Db, values: typeof procurementFollowUps.$inferInsert) {
  await db
    .insert(procurementFollowUps)
    .values(values)
    .onConflictDoUpdate({
      target: procurementFollowUps.procurementId,
      set: { ...values, updatedAt: transactionTime() },
    });
}

/** The gain estimate of each procurement from the newest annual plan that holds it. */
export async function latestGainEstimates(db: Db): Promise<Map<string, string | null>> {
  const rows = await db
    .select({
      procurementId: annualPlanItems.procurementId,
      year: annualPlans.year,
      gain: annualPlanItems.gainEstimateNok,
    })
    .from(annualPlanItems)
    .innerJoin(annualPlans, eq(annualPlans.id, annualPlanItems.planId))
    .orderBy(annualPlans.year);
  return new Map(rows.map((row) => [row.procurementId, row.gain]));
}

/** Award gates with both an agreed date and an actual pass: the on-time KPI's facts. */
export function listAwardDeliveries(db: Db) {
  return db
    .select({
      procurementId: procurementGatePlans.procurementId,
      plannedOn: procurementGatePlans.plannedOn,
      passedOn: procurementGates.passedOn,
    })
    .from(procurementGatePlans)
    .innerJoin(
      procurementGates,
      and(
        eq(procurementGates.procurementId, procurementGatePlans.procurementId),
        eq(procurementGates.gate, procurementGatePlans.gate),
      ),
    )
    .where(eq(procurementGatePlans.gate, 'award'));
}

/** Completed procurements with a realised gain, dated by their award gate. */
export function listCompletedGains(db: Db) {
  return db
    .select({
      procurementId: procurements.id,
      contractValueNok: procurements.contractValueNok,
      realisedGainNok: procurementFollowUps.realisedGainNok,
      awardedOn: procurementGates.passedOn,
    })
    .from(procurements)
    .innerJoin(procurementFollowUps, eq(procurementFollowUps.procurementId, procurements.id))
    .innerJoin(
      procurementGates,
      and(eq(procurementGates.procurementId, procurements.id), eq(procurementGates.gate, 'award')),
    )
    .where(
      and(
        inArray(procurements.status, ['awarded', 'completed']),
        sql`${procurementFollowUps.realisedGainNok} is not null`,
        sql`${procurements.contractValueNok} is not null`,
      ),
    );
}

export function listInnovationFlags(db: Db) {
  return db
    .select({
      procurementId: procurements.id,
      projectStart: procurements.projectStart,
      isInnovative: procurementFollowUps.isInnovative,
    })
    .from(procurementFollowUps)
    .innerJoin(procurements, eq(procurements.id, procurementFollowUps.procurementId))
    .where(sql`${procurementFollowUps.isInnovative} is not null`);
}

/** The governance and follow-up facts of one procurement, as the report needs them. */
export interface ReportFacts {
  procurementId: string;
  riskProfile: 'høy' | 'medium' | 'lav' | null;
  initial: 'høy' | 'medium' | 'lav' | null;
  final: 'høy' | 'medium' | 'lav' | null;
  passed: Array<{
    gate: string;
    via: string;
    passedOn: string;
    involvement: 'decide' | 'consulted' | 'informed';
  }>;
  delegatedGates: string[];
  cases: Array<{
    id: string;
    gate: string;
    kind: 'decision' | 'consultation' | 'delegation' | 'faggruppeMatter';
    delegatedGate: string | null;
    status: string;
    resolutionOutcome: 'approved' | 'rejected' | null;
  }>;
  plannedOn: Record<string, string>;
  neededMeasures: string | null;
  gainEstimateNok: string | null;
}

type FactsRow = Record<string, unknown>;
/** numeric arrives as a decimal string from node-postgres; kept a string whatever the driver hands back. */
const decimalText = (value: unknown) =>
  value === null || value === undefined
    ? null
    : typeof value === 'number'
      ? String(value)
      : (value as string);
type Passed = ReportFacts['passed'][number];
type CaseFact = ReportFacts['cases'][number];
/** node-postgres parses json and arrays; PGlite may hand json back as text. */
const parsed = <T>(value: unknown, empty: T): T =>
  value === null || value === undefined
    ? empty
    : typeof value === 'string'
      ? (JSON.parse(value) as T)
      : (value as T);

/**
 * The report's facts for the given procurements (all of them when `ids` is null) in one query: each table
 * is aggregated per procurement in SQL (latest risk profile and significance, passed gates, delegations,
 * cases in submission order, agreed gate dates, the newest annual plan's gain estimate) and joined once, so
 * one row per procurement reaches Node — no per-procurement round trips, no table read whole into Node.
 * The scope is one array parameter (a hashed `= any(...)` in PostgreSQL, not an IN list of 10,000).
 */
export async function listReportFacts(db: Db, ids: readonly string[] | null): Promise<ReportFacts[]> {
  const scoped = (column: SQL) =>
    ids === null ? sql`true` : sql`${column} = any(${`{${ids.join(',')}}`}::uuid[])`;
  const result: unknown = await db.execute(sql`
    select p.id as procurement_id, r.profile as risk_profile, s.initial, s.final, g.passed, d.delegated, c.cases,
           gp.planned, f.needed_measures, i.gain
    from procurements p
    left join procurement_follow_ups f on f.procurement_id = p.id
    left join (select distinct on (procurement_id) procurement_id, profile from risk_assessments
               where ${scoped(sql`procurement_id`)} order by procurement_id, assessed_at desc, id desc) r
      on r.procurement_id = p.id
    left join (select procurement_id,
                      (array_agg(value order by decided_at desc) filter (where kind = 'initial'))[1] as initial,
                      (array_agg(value order by decided_at desc) filter (where kind = 'final'))[1] as final
               from significance_decisions where ${scoped(sql`procurement_id`)} group by procurement_id) s
      on s.procurement_id = p.id
    left join (select procurement_id, json_agg(json_build_array(gate, via, passed_on, involvement)) as passed
               from procurement_gates where ${scoped(sql`procurement_id`)} group by procurement_id) g
      on g.procurement_id = p.id
    left join (select procurement_id, json_agg(gate) as delegated
               from delegations where ${scoped(sql`procurement_id`)} group by procurement_id) d
      on d.procurement_id = p.id
    left join (select k.procurement_id,
                      json_agg(json_build_array(k.id, k.gate, k.kind, k.delegated_gate, k.status, e.resolution_outcome)
                               order by k.submitted_at, k.id) as cases
               from cases k left join escalations e on e.case_id = k.id
               where ${scoped(sql`k.procurement_id`)} group by k.procurement_id) c
      on c.procurement_id = p.id
    left join (select procurement_id, json_object_agg(gate, planned_on) as planned
               from procurement_gate_plans where ${scoped(sql`procurement_id`)} group by procurement_id) gp
      on gp.procurement_id = p.id
    left join (select distinct on (a.procurement_id) a.procurement_id, a.gain_estimate_nok as gain
               from annual_plan_items a join annual_plans y on y.id = a.plan_id
               where ${scoped(sql`a.procurement_id`)} order by a.procurement_id, y.year desc) i
      on i.procurement_id = p.id
    where ${scoped(sql`p.id`)}`);
  return (result as { rows: FactsRow[] }).rows.map((row) => ({
    procurementId: row.procurement_id as string,
    riskProfile: (row.risk_profile ?? null) as ReportFacts['riskProfile'],
    initial: (row.initial ?? null) as ReportFacts['initial'],
    final: (row.final ?? null) as ReportFacts['final'],
    // Positional arrays (json_build_array): a third cheaper to build in SQL than objects with keys.
    passed: parsed<Array<[string, string, string, Passed['involvement']]>>(row.passed, []).map(
      ([gate, via, passedOn, involvement]) => ({ gate, via, passedOn, involvement }),
    ),
    delegatedGates: parsed<string[]>(row.delegated, []),
    cases: parsed<
      Array<[string, string, CaseFact['kind'], string | null, string, CaseFact['resolutionOutcome']]>
    >(row.cases, []).map(([id, gate, kind, delegatedGate, status, resolutionOutcome]) => ({
      id,
      gate,
      kind,
      delegatedGate,
      status,
      resolutionOutcome,
    })),
    plannedOn: parsed<Record<string, string>>(row.planned, {}),
    neededMeasures: (row.needed_measures ?? null) as string | null,
    gainEstimateNok: decimalText(row.gain),
  }));
}
