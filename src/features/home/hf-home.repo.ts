// Read queries for the HF purchasing manager's home and the read-only home: the agreements an HF buys on that
// are ending, the year's anskaffelsesplan items the HF takes part in, and the groups' recent decisions.
import { and, asc, desc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  agreementOrganisations,
  agreements,
  annualPlanItems,
  annualPlans,
  cases,
  procurementParticipants,
  procurements,
} from '../../db/schema.js';
import { caseQuery } from './home.repo.js';

/**
 * Agreements in force (active or draft) that cover the HF — national ones, regional ones of its RHF and
 * local ones naming it — ending between `today` and `until`, soonest first.
 */
export function listAgreementsEndingFor(
  db: Db,
  hf: { id: string; rhfId: string | null },
  today: string,
  until: string,
) {
  return db
    .select({
      id: agreements.id,
      agreementNumber: agreements.agreementNumber,
      name: agreements.name,
      supplierName: agreements.supplierName,
      scope: agreements.scope,
      validTo: agreements.validTo,
    })
    .from(agreements)
    .where(
      and(
        sql`${agreements.status} in ('active', 'draft')`,
        gte(agreements.validTo, today),
        lte(agreements.validTo, until),
        sql`(${agreements.scope} = 'national'
          or (${agreements.scope} = 'regional' and ${agreements.rhfId} = ${hf.rhfId})
          or (${agreements.scope} = 'local' and exists (select 1 from ${agreementOrganisations}
                where ${agreementOrganisations.agreementId} = ${agreements.id}
                  and ${agreementOrganisations.organisationId} = ${hf.id})))`,
      ),
    )
    .orderBy(asc(agreements.validTo), asc(agreements.agreementNumber));
}

/** Items of the anskaffelsesplan of the year (or a later one) whose procurement the HF takes part in. */
export function listAnnualPlanItemsOfHf(db: Db, hfId: string, year: number) {
  return db
    .select({
      planId: annualPlans.id,
      year: annualPlans.year,
      planStatus: annualPlans.status,
      itemId: annualPlanItems.id,
      procurementId: annualPlanItems.procurementId,
      procurementName: procurements.name,
      initialSignificance: annualPlanItems.initialSignificance,
      gainEstimateNok: annualPlanItems.gainEstimateNok,
    })
    .from(annualPlanItems)
    .innerJoin(annualPlans, eq(annualPlans.id, annualPlanItems.planId))
    .innerJoin(procurements, eq(procurements.id, annualPlanItems.procurementId))
    .where(
      and(
        gte(annualPlans.year, year),
        sql`exists (select 1 from ${procurementParticipants}
              where ${procurementParticipants.procurementId} = ${annualPlanItems.procurementId}
                and ${procurementParticipants.organisationId} = ${hfId})`,
      ),
    )
    .orderBy(asc(procurements.name));
}

/** Numbered decisions of every steering group made on or after the day, newest first. */
export function listAllDecisionsSince(db: Db, sinceDay: string) {
  return caseQuery(db)
    .where(and(isNotNull(cases.decisionNumber), gte(cases.decidedOn, sinceDay)))
    .orderBy(desc(cases.decidedOn), desc(cases.closedAt));
}
