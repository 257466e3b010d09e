// Queries of the RHF contacts' weekly digest: the year's planned procurements, risk and significance history,
// memberships lacking the appointment check, the contacts, and the digests already sent.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import {
  annualPlanItems,
  annualPlans,
  appointmentChecks,
  memberships,
  people,
  rhfDigests,
  riskAssessments,
  significanceDecisions,
  steeringGroups,
  userAccounts,
  userRoles,
} from '../../../db/schema.js';
import type { RhfDigest } from '../../../domain/rhf-information.rules.js';

const none = ['00000000-0000-0000-0000-000000000000'];
const ids = (list: readonly string[]) => (list.length > 0 ? [...list] : none);

/** Procurements in the year's anskaffelsesplan (any status of the plan): "planlagte"; the rest are ad hoc. */
export async function plannedProcurementIds(db: Db, year: number) {
  const rows = await db
    .selectDistinct({ procurementId: annualPlanItems.procurementId })
    .from(annualPlanItems)
    .innerJoin(annualPlans, eq(annualPlans.id, annualPlanItems.planId))
    .where(eq(annualPlans.year, year));
  return new Set(rows.map((row) => row.procurementId));
}

/** Risk assessments in the order they were made (the latest is in force). */
export function listRiskHistory(db: Db, procurementIds: readonly string[]) {
  return db
    .select({ procurementId: riskAssessments.procurementId, profile: riskAssessments.profile })
    .from(riskAssessments)
    .where(inArray(riskAssessments.procurementId, ids(procurementIds)))
    .orderBy(asc(riskAssessments.assessedAt), asc(riskAssessments.id));
}

export function listSignificanceHistory(db: Db, procurementIds: readonly string[]) {
  return db
    .select({
      procurementId: significanceDecisions.procurementId,
      kind: significanceDecisions.kind,
      value: significanceDecisions.value,
    })
    .from(significanceDecisions)
    .where(inArray(significanceDecisions.procurementId, ids(procurementIds)))
    .orderBy(asc(significanceDecisions.decidedAt), asc(significanceDecisions.id));
}

/** Memberships in force representing the RHF whose appointment check is not recorded. */
export function listMembershipsWithoutCheck(db: Db, rhfId: string, today: string) {
  return db
    .select({
      membershipId: memberships.id,
      personName: people.name,
      steeringGroupId: memberships.steeringGroupId,
      steeringGroupName: steeringGroups.name,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, memberships.steeringGroupId))
    .leftJoin(appointmentChecks, eq(appointmentChecks.membershipId, memberships.id))
    .where(
      and(
        eq(memberships.rhfId, rhfId),
        isNull(appointmentChecks.membershipId),
        eq(steeringGroups.active, true),
        sql`${memberships.termStart} <= ${today}`,
        sql`(${memberships.termEnd} is null or ${memberships.termEnd} >= ${today})`,
        sql`(${memberships.endedOn} is null or ${memberships.endedOn} > ${today})`,
      ),
    )
    .orderBy(asc(steeringGroups.name), asc(people.name));
}

/** Every person holding the RHF-contact role, with the RHFs they speak for. */
export async function listRhfContacts(db: Db) {
  const rows = await db
    .selectDistinct({ personId: userAccounts.personId, rhfId: userRoles.organisationId })
    .from(userRoles)
    .innerJoin(userAccounts, eq(userAccounts.id, userRoles.userId))
    .where(eq(userRoles.role, 'rhfContact'))
    .orderBy(asc(userAccounts.personId), asc(userRoles.organisationId));
  const byPerson = new Map<string, string[]>();
  for (const row of rows) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row.rhfId]);
  return [...byPerson].map(([personId, rhfIds]) => ({ personId, rhfIds }));
}

export async function personsWithDigest(db: Db, isoWeek: string) {
  const rows = await db
    .select({ personId: rhfDigests.personId })
    .from(rhfDigests)
    .where(eq(rhfDigests.isoWeek, isoWeek));
  return new Set(rows.map((row) => row.personId));
}

/** False when the person already has this week's digest (another run or server got there first). */
export async function insertDigest(db: Db, values: typeof rhfDigests.$inferInsert) {
  const rows = await db
    .insert(rhfDigests)
    .values(values)
    .onConflictDoNothing()
    .returning({ personId: rhfDigests.personId });
  return rows.length > 0;
}

export async function latestDigestOf(db: Db, personId: string) {
  const [row] = await db
    .select({ isoWeek: rhfDigests.isoWeek, sentOn: rhfDigests.sentOn })
    .from(rhfDigests)
    .where(eq(rhfDigests.personId, personId))
    .orderBy(sql`${rhfDigests.isoWeek} desc`)
    .limit(1);
  return row ?? null;
}

/** The RHF's digest of the latest week before this one (sent to any of its contacts): the risk baseline. */
export async function previousDigestOf(db: Db, rhfId: string, beforeWeek: string) {
  const [row] = await db
    .select({ content: rhfDigests.content })
    .from(rhfDigests)
    .where(and(sql`${rhfId}::uuid = any(${rhfDigests.rhfIds})`, sql`${rhfDigests.isoWeek} < ${beforeWeek}`))
    .orderBy(sql`${rhfDigests.isoWeek} desc`)
    .limit(1);
  return row ? ((row.content as RhfDigest[]).find((digest) => digest.rhfId === rhfId) ?? null) : null;
}
