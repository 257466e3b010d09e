// The annual plans' tables: plans per year, their items (procurements), the RHFs' comments and approvals.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionTime } from '../../db/transaction-time.js';
import {
  annualPlanApprovals,
  annualPlanComments,
  annualPlanItems,
  annualPlans,
  categories,
  organisations,
  procurements,
} from '../../db/schema.js';

export type Level = 'høy' | 'medium' | 'lav';
export type AnnualPlanRow = typeof annualPlans.$inferSelect;

export interface ItemValues {
  procurementId: string;
  initialSignificance: Level;
  gainEstimateNok: string | null;
  riskProfile: Level | null;
  note: string | null;
}

export async function findPlan(db: Db, year: number, { lock = false } = {}) {
  const query = db.select().from(annualPlans).where(eq(annualPlans.year, year));
  const [plan] = lock ? await query.for('update') : await query;
  return plan ?? null;
}

export async function insertPlan(db: Db, year: number, createdBy: string) {
  const [row] = await db.insert(annualPlans).values({ year, statusChangedBy: createdBy }).returning();
  return row!;
}

export async function setPlanStatus(
  db: Db,
  planId: string,
  status: AnnualPlanRow['status'],
  changedBy: string,
) {
  await db
    .update(annualPlans)
    .set({ status, statusChangedBy: changedBy, statusChangedAt: transactionTime() })
    .where(eq(annualPlans.id, planId));
}

export function listPlanYears(db: Db) {
  return db
    .select({ year: annualPlans.year, status: annualPlans.status })
    .from(annualPlans)
    .orderBy(asc(annualPlans.year));
}

export function listApprovals(db: Db, planId: string) {
  return db
    .select()
    .from(annualPlanApprovals)
    .where(eq(annualPlanApprovals.planId, planId))
    .orderBy(asc(annualPlanApprovals.approvedAt));
}

export async function insertApproval(
  db: Db,
  values: { planId: string; rhfId: string; note: string | null; approvedBy: string },
) {
  await db.insert(annualPlanApprovals).values(values);
}

export async function deleteApprovals(db: Db, planId: string) {
  await db.delete(annualPlanApprovals).where(eq(annualPlanApprovals.planId, planId));
}

/** The plan's items with their procurement and category, by procurement name. */
export function listItems(db: Db, planId: string) {
  return db
    .select({
      id: annualPlanItems.id,
      procurementId: annualPlanItems.procurementId,
      procurementName: procurements.name,
      categoryCode: categories.code,
      initialSignificance: annualPlanItems.initialSignificance,
      gainEstimateNok: annualPlanItems.gainEstimateNok,
      riskProfile: annualPlanItems.riskProfile,
      note: annualPlanItems.note,
    })
    .from(annualPlanItems)
    .innerJoin(procurements, eq(procurements.id, annualPlanItems.procurementId))
    .innerJoin(categories, eq(categories.id, procurements.categoryId))
    .where(eq(annualPlanItems.planId, planId))
    .orderBy(asc(procurements.name));
}

export async function findItem(db: Db, planId: string, itemId: string) {
  const [item] = await db
    .select()
    .from(annualPlanItems)
    .where(and(eq(annualPlanItems.id, itemId), eq(annualPlanItems.planId, planId)));
  return item ?? null;
}

export async function upsertItem(db: Db, planId: string, values: ItemValues) {
  await db
    .insert(annualPlanItems)
    .values({ planId, ...values })
    .onConflictDoUpdate({
      target: [annualPlanItems.planId, annualPlanItems.procurementId],
      set: {
        initialSignificance: values.initialSignificance,
        gainEstimateNok: values.gainEstimateNok,
        riskProfile: values.riskProfile,
        note: values.note,
      },
    });
}

/** What an approved plan carries over to its procurements (initial significance, risk). */
export function listCarryOverItems(db: Db, planId: string) {
  return db
    .select({
      procurementId: annualPlanItems.procurementId,
      procurementName: procurements.name,
      initialSignificance: annualPlanItems.initialSignificance,
      riskProfile: annualPlanItems.riskProfile,
    })
    .from(annualPlanItems)
    .innerJoin(procurements, eq(procurements.id, annualPlanItems.procurementId))
    .where(eq(annualPlanItems.planId, planId));
}

/** The RHFs' comments on the plan's items, with the RHF's name. */
export function listComments(db: Db, planId: string) {
  return db
    .select({
      itemId: annualPlanComments.itemId,
      rhfId: annualPlanComments.rhfId,
      rhfName: organisations.name,
      agreesWithSignificance: annualPlanComments.agreesWithSignificance,
      proposedSignificance: annualPlanComments.proposedSignificance,
      comment: annualPlanComments.comment,
      commentedBy: annualPlanComments.commentedBy,
      commentedAt: annualPlanComments.commentedAt,
    })
    .from(annualPlanComments)
    .innerJoin(organisations, eq(organisations.id, annualPlanComments.rhfId))
    .innerJoin(annualPlanItems, eq(annualPlanItems.id, annualPlanComments.itemId))
    .where(eq(annualPlanItems.planId, planId));
}

export async function upsertComment(
  db: Db,
  values: {
    itemId: string;
    rhfId: string;
    agreesWithSignificance: 'ja' | 'nei';
    proposedSignificance: Level | null;
    comment: string | null;
    commentedBy: string;
  },
) {
  await db
    .insert(annualPlanComments)
    .values(values)
    .onConflictDoUpdate({
      target: [annualPlanComments.itemId, annualPlanComments.rhfId],
      set: {
        agreesWithSignificance: values.agreesWithSignificance,
        proposedSignificance: values.proposedSignificance,
        comment: values.comment,
        commentedBy: values.commentedBy,
        commentedAt: transactionTime(),
      },
    });
}

/** Procurements by id and name, for matching plan rows to procurements. */
export function listProcurementNames(db: Db) {
  return db.select({ id: procurements.id, name: procurements.name }).from(procurements);
}

export async function findProcurementName(db: Db, id: string) {
  const [row] = await db
    .select({ id: procurements.id, name: procurements.name })
    .from(procurements)
    .where(eq(procurements.id, id));
  return row ?? null;
}
