// Demo and reference content for the management view (issue 5): KPI definitions (seeds 002, 003), action
// plans (seeds 004, 002), the implementation programme (seed 001 Vedlegg 02–05) and planned gate dates
// for the Vedlegg 04 procurements. Idempotent: each part is skipped when it is already there.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { systemActor, writeAudited, type Actor } from '../../db/unit-of-work.js';
import {
  actionPlanAreas,
  actionPlanMeasures,
  actionPlans,
  kpiDefinitions,
  procurementGatePlans,
  procurements,
  programmeActivities,
  programmeRisks,
  programmeStakeholders,
  programmeTransitions,
} from '../../db/schema.js';
import { demoActionPlans } from '../action-plans/index.js';
import { demoKpis } from '../kpis/index.js';
import { isoFromNorwegian, risks, stakeholders, timeline, transitions } from '../programme/index.js';
import { addDays, daysBetween } from '../../shared/calendar-date.js';

const normalise = (name: string) => name.toLocaleLowerCase('nb').replace(/[^a-zæøå0-9]/g, '');

/**
 * The day the demo's agreed gate dates are drawn for. The dates are moved as a whole by the days from this day
 * to the clock's today, so the portfolio has the same shape on every day (which gates are late, which are
 * coming) while its dates stay near today.
 */
export const PORTFOLIO_DEMO_REFERENCE_DAY = '2024-06-01';

/** How late the demo lets a Vedlegg 04 procurement's first gate be, at most (about eight weeks). */
const MOST_DAYS_LATE = 56;
/** How far ahead the demo lets a Vedlegg 04 procurement's first gate lie, at most (about four months). */
const MOST_DAYS_AHEAD = 120;

/**
 * Where the demo puts a procurement's first gate, in days from the reference day, given where its Vedlegg 04
 * project start would put it. Seed 001 lists starts from 2022, so taken as they are the first gates would be
 * late by years: a portfolio nobody follows up. The demo keeps their order (an older start stays later) but
 * compresses the lateness tenfold into days and weeks, and brings far-off gates within months.
 */
export function demoFirstGateOffset(daysFromReference: number): number {
  if (daysFromReference < 0) return -Math.min(MOST_DAYS_LATE, Math.max(1, Math.round(-daysFromReference / 10)));
  return Math.min(MOST_DAYS_AHEAD, daysFromReference);
}

/**
 * The demo's agreed gate dates of a procurement, moved to today (see PORTFOLIO_DEMO_REFERENCE_DAY). The gaps
 * between the gates come from the project start and announcement; the plan as a whole is placed by
 * demoFirstGateOffset.
 */
export function demoGatePlan(
  procurement: { projectStart: string | null; announcementDate: string | null },
  today: string,
): Array<[gate: string, plannedOn: string]> {
  if (!procurement.projectStart) return [];
  const firstGate = addDays(procurement.projectStart, 30);
  const fromReference = daysBetween(PORTFOLIO_DEMO_REFERENCE_DAY, firstGate);
  const placed = demoFirstGateOffset(fromReference) - fromReference;
  const shift = daysBetween(PORTFOLIO_DEMO_REFERENCE_DAY, today) + placed;
  const dates: Array<[string, string]> = [
    ['significance', addDays(procurement.projectStart, 30 + shift)],
    ['plan', addDays(procurement.projectStart, 60 + shift)],
  ];
  if (procurement.announcementDate)
    dates.push(
      ['tenderPreparation', addDays(procurement.announcementDate, -30 + shift)],
      ['tenderApproval', addDays(procurement.announcementDate, -7 + shift)],
      ['award', addDays(procurement.announcementDate, 120 + shift)],
    );
  return dates;
}

export async function seedPortfolioDemo(db: Db, today: string, actor: Actor = systemActor('seed')) {
  const [{ count }] = (await db.select({ count: sql<number>`count(*)::int` }).from(kpiDefinitions)) as [
    { count: number },
  ];
  const [planned] = await db
    .select({ id: procurementGatePlans.procurementId })
    .from(procurementGatePlans)
    .limit(1);
  if (count > 0 && planned) return { seeded: false };
  return writeAudited(db, actor, async (tx, recordAudit) => {
    if (count === 0) {
      for (const [index, kpi] of demoKpis.entries())
        await tx
          .insert(kpiDefinitions)
          .values({
            ...kpi,
            target: String(kpi.target),
            targetMax: kpi.targetMax === null ? null : String(kpi.targetMax),
            amberTolerance: String(kpi.amberTolerance),
            sortOrder: index,
          })
          .onConflictDoNothing();
      for (const plan of demoActionPlans) {
        const [row] = await tx
          .insert(actionPlans)
          .values({
            code: plan.code,
            name: plan.name,
            owner: plan.owner,
            period: plan.period,
            statusDate: plan.statusDate,
            source: plan.source,
          })
          .onConflictDoNothing()
          .returning();
        if (!row) continue;
        for (const [areaIndex, area] of plan.areas.entries()) {
          const [areaRow] = await tx
            .insert(actionPlanAreas)
            .values({ planId: row.id, name: area.name, focusAreas: area.focusAreas, sortOrder: areaIndex })
            .returning();
          await tx.insert(actionPlanMeasures).values(
            area.measures.map((m, i) => ({
              areaId: areaRow!.id,
              title: m.title,
              priority: m.priority,
              details: m.details ?? null,
              benefit: m.benefit ?? null,
              latestStatus: m.latestStatus ?? null,
              status: m.status,
              responsible: m.responsible ?? null,
              year: m.year ?? plan.period,
              kpiCodes: m.kpiCodes ?? [],
              sortOrder: i,
            })),
          );
        }
      }
      await tx.insert(programmeActivities).values(
        timeline.map(([depth, name, responsible, start, end, status], i) => ({
          sortOrder: i,
          depth,
          name,
          responsible,
          startOn: isoFromNorwegian(start),
          endOn: isoFromNorwegian(end),
          status,
        })),
      );
      await tx
        .insert(programmeRisks)
        .values(risks.map((r) => ({ ...r, levelAtStart: null })))
        .onConflictDoNothing();
      await tx.insert(programmeStakeholders).values(
        stakeholders.map(([stakeholderGroup, stakeholder, roleStatus, measures, responsibleWhen], i) => ({
          sortOrder: i,
          stakeholderGroup,
          stakeholder,
          roleStatus,
          measures,
          responsibleWhen,
        })),
      );
      const all = await tx.select({ id: procurements.id, name: procurements.name }).from(procurements);
      await tx.insert(programmeTransitions).values(
        transitions.map(([categoryHeading, name, start, announcement, transferToNewModel], i) => ({
          sortOrder: i,
          categoryHeading,
          name,
          projectStart: isoFromNorwegian(start),
          announcement,
          transferToNewModel,
          procurementId: all.find((p) => normalise(p.name) === normalise(name))?.id ?? null,
        })),
      );
    }
    // Demo assumption, not seed fact: agreed gate dates derived from project start and announcement.
    let plannedCount = 0;
    if (!planned) {
      const rows = await tx.select().from(procurements).where(eq(procurements.transferToNewModel, true));
      for (const p of rows) {
        const dates = demoGatePlan(p, today);
        if (dates.length === 0) continue;
        await tx
          .insert(procurementGatePlans)
          .values(
            dates.map(([gate, plannedOn]) => ({
              procurementId: p.id,
              gate,
              plannedOn,
              setBy: actor.username,
            })),
          )
          .onConflictDoNothing();
        plannedCount += 1;
      }
    }
    await recordAudit({
      action: 'seed',
      entityType: 'portfolioDemo',
      entityId: null,
      summary: `Lastet nøkkelindikatorer, handlingsplaner, implementeringsprogram og planlagte fasedatoer (${plannedCount} anskaffelser)`,
    });
    return { seeded: true };
  });
}
