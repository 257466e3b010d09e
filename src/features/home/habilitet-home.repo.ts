// Read queries for the habilitet parts of the role homes (issue 9 in issue 11's homes): what the member has to
// answer or renew, and which of the RHF's members still lack the RHF's check at appointment.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  appointmentChecks,
  cases,
  habilitetQuestions,
  habilitetStatements,
  interestDeclarations,
  memberships,
  organisations,
  people,
  procurements,
  steeringGroups,
} from '../../db/schema.js';

/** The day the person last confirmed their interest declaration, or null when they never have. */
export async function lastDeclarationOf(db: Db, personId: string): Promise<string | null> {
  const [row] = await db
    .select({ confirmedOn: interestDeclarations.confirmedOn })
    .from(interestDeclarations)
    .where(eq(interestDeclarations.personId, personId))
    .orderBy(desc(interestDeclarations.confirmedOn), desc(interestDeclarations.createdAt))
    .limit(1);
  return row?.confirmedOn ?? null;
}

/** Habilitet questions raised about the person that their RHF has not decided yet, oldest first. */
export function listPendingQuestionsAbout(db: Db, personId: string) {
  return db
    .select({
      id: habilitetQuestions.id,
      caseId: cases.id,
      caseTitle: cases.title,
      procurementName: procurements.name,
      steeringGroupName: steeringGroups.name,
      rhfName: organisations.name,
      reason: habilitetQuestions.reason,
      raisedAt: habilitetQuestions.raisedAt,
    })
    .from(habilitetQuestions)
    .innerJoin(cases, eq(cases.id, habilitetQuestions.caseId))
    .leftJoin(procurements, eq(procurements.id, cases.procurementId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, cases.steeringGroupId))
    .innerJoin(organisations, eq(organisations.id, habilitetQuestions.rhfId))
    .where(and(eq(habilitetQuestions.personId, personId), eq(habilitetQuestions.status, 'pending')))
    .orderBy(asc(habilitetQuestions.raisedAt));
}

/** Of the given cases, those where the person has neither answered on habilitet nor had a question raised. */
export async function casesWithoutHabilitetAnswer(db: Db, personId: string, caseIds: string[]) {
  if (caseIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        inArray(cases.id, caseIds),
        sql`not exists (select 1 from ${habilitetStatements} where ${habilitetStatements.caseId} = ${cases.id} and ${habilitetStatements.personId} = ${personId})`,
        sql`not exists (select 1 from ${habilitetQuestions} where ${habilitetQuestions.caseId} = ${cases.id} and ${habilitetQuestions.personId} = ${personId})`,
      ),
    );
  return new Set(rows.map((row) => row.id));
}

/**
 * Deciding memberships representing the RHF, in force today or starting later (the check comes before the
 * appointment, seed 001 §7.2), without a cleared check: none recorded, or recorded as not cleared.
 */
export function listMembershipsWithoutCheck(db: Db, rhfId: string, today: string) {
  return db
    .select({
      membershipId: memberships.id,
      personId: memberships.personId,
      personName: people.name,
      steeringGroupId: memberships.steeringGroupId,
      steeringGroupName: steeringGroups.name,
      termStart: memberships.termStart,
      outcome: appointmentChecks.outcome,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(steeringGroups, eq(steeringGroups.id, memberships.steeringGroupId))
    .leftJoin(appointmentChecks, eq(appointmentChecks.membershipId, memberships.id))
    .where(
      and(
        eq(memberships.rhfId, rhfId),
        eq(memberships.isObserver, false),
        eq(steeringGroups.active, true),
        sql`(${memberships.termEnd} is null or ${memberships.termEnd} >= ${today})`,
        sql`(${memberships.endedOn} is null or ${memberships.endedOn} > ${today})`,
        sql`(${appointmentChecks.outcome} is null or ${appointmentChecks.outcome} = 'notCleared')`,
      ),
    )
    .orderBy(asc(memberships.termStart), asc(people.name));
}
