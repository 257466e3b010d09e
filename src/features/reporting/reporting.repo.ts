import { and, eq, inArray, sql } from 'drizzle-orm';
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
