// The portfolio report in one format for a steering group, a category, an RHF or the whole portfolio
// (seed 001 §7.4, §7.7). Reads governance through its service; adds planned gate dates and follow-up.
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import { gateIds, type Gate } from '../../domain/involvement.rules.js';
import { rollUp, sortReportRows } from '../../domain/portfolio-report.rules.js';
import { forbidden, notFound } from '../../shared/app-error.js';
import { canEditProcurement, type CurrentUser } from '../auth/index.js';
import { getImplementationOverview } from '../implementation/index.js';
import { organisationsRepo } from '../organisations/index.js';
import { getProcurement, listProcurements } from '../procurements/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import { cachedPortfolioReport } from './report-cache.js';
import { buildReportRows } from './report-rows.js';
import * as repo from './reporting.repo.js';
import type { PortfolioReport, ReportQuery, SetGatePlan } from './reporting.schemas.js';

async function resolveScope(db: Db, query: ReportQuery) {
  if (query.scope === 'all')
    return { title: 'Porteføljerapport – hele porteføljen', rows: await listProcurements(db, {}) };
  const code = query.code!.toUpperCase();
  if (query.scope === 'steeringGroup') {
    const group = (await steeringGroupsRepo.listGroups(db)).find((g) => g.code.toUpperCase() === code);
    if (!group) throw notFound(`Styringsgruppen ${query.code} finnes ikke.`);
    // Routed to the group in SQL (procurements.repo.ts), by the same rules as each row's routing.
    return {
      title: `Porteføljerapport – ${group.name}`,
      rows: await listProcurements(db, { steeringGroupId: group.id }),
    };
  }
  const all = await listProcurements(db, {});
  if (query.scope === 'category') {
    const rows = all.filter(
      (row) => row.categoryCode.toUpperCase() === code || row.purchaseGroupCode?.toUpperCase() === code,
    );
    const name =
      rows[0]?.purchaseGroupCode?.toUpperCase() === code ? rows[0]?.purchaseGroupName : rows[0]?.categoryName;
    return { title: `Porteføljerapport – kategori ${name ?? query.code}`, rows };
  }
  const organisations = await organisationsRepo.listOrganisations(db);
  const rhf = organisations.find((org) => org.kind === 'RHF' && org.code.toUpperCase() === code);
  if (!rhf) throw notFound(`RHF-et ${query.code} finnes ikke.`);
  const hfIds = new Set(organisations.filter((org) => org.rhfId === rhf.id).map((org) => org.id));
  return {
    title: `Porteføljerapport – ${rhf.name}`,
    rows: all.filter((row) => row.participatingHfIds.some((id) => hfIds.has(id))),
  };
}

export async function buildPortfolioReport(
  db: Db,
  query: ReportQuery,
  today: string,
): Promise<PortfolioReport> {
  const scope = await resolveScope(db, query);
  const rows = await buildReportRows(db, scope.rows, today, { wholePortfolio: query.scope === 'all' });
  const sorted = sortReportRows(rows);
  return {
    title: scope.title,
    scope: query.scope,
    code: query.code ?? null,
    generatedOn: today,
    rollup: rollUp(sorted),
    rows: sorted,
    implementation: query.scope === 'all' ? (await getImplementationOverview(db, today)).figures : null,
  };
}

/**
 * The report as served: from the read model kept per procurement against the version of what it reads
 * (report-cache.ts: only the changed procurements' rows are recomputed after a write). buildPortfolioReport
 * is the same report computed whole (the CLI, and the tests' reference).
 */
export function getPortfolioReport(db: Db, query: ReportQuery, today: string) {
  return cachedPortfolioReport(db, query, today);
}

export async function getGatePlan(db: Db, user: CurrentUser, procurementId: string) {
  const procurement = await getProcurement(db, procurementId);
  const [plans, followUp] = await Promise.all([
    repo.listGatePlans(db, [procurementId]),
    repo.findFollowUp(db, procurementId),
  ]);
  return {
    procurementId,
    gates: gateIds
      .map((gate) => ({ gate, plannedOn: plans.find((plan) => plan.gate === gate)?.plannedOn ?? '' }))
      .filter((gate) => gate.plannedOn !== ''),
    isInnovative: followUp?.isInnovative ?? null,
    realisedGainNok: followUp?.realisedGainNok ?? null,
    neededMeasures: followUp?.neededMeasures ?? null,
    canEdit: canEditProcurement(user, procurement.procurementLeadId),
  };
}

/** The secretariat, or the procurement's own lead, sets the agreed gate dates and the follow-up facts. */
export async function setGatePlan(db: Db, user: CurrentUser, procurementId: string, input: SetGatePlan) {
  const procurement = await getProcurement(db, procurementId);
  if (!canEditProcurement(user, procurement.procurementLeadId))
    throw forbidden('Bare porteføljesekretariatet eller anskaffelsens leder kan sette planlagte datoer.');
  await writeGatePlan(db, user, procurementId, procurement.name, input);
  return getGatePlan(db, user, procurementId);
}

export async function writeGatePlan(
  db: Db,
  actor: Actor,
  procurementId: string,
  procurementName: string,
  input: SetGatePlan,
) {
  const unique = new Map<Gate, string>(input.gates.map((gate) => [gate.gate, gate.plannedOn]));
  await writeAudited(db, actor, async (tx, recordAudit) => {
    const before = {
      gates: await repo.listGatePlans(tx, [procurementId]),
      followUp: await repo.findFollowUp(tx, procurementId),
    };
    const gates = [...unique].map(([gate, plannedOn]) => ({ gate, plannedOn }));
    await repo.replaceGatePlans(tx, procurementId, gates, actor.username);
    await repo.upsertFollowUp(tx, {
      procurementId,
      isInnovative: input.isInnovative,
      realisedGainNok: input.realisedGainNok,
      neededMeasures: input.neededMeasures,
      updatedBy: actor.username,
    });
    await recordAudit({
      action: 'update',
      entityType: 'gatePlan',
      entityId: procurementId,
      summary: `Planlagte fasedatoer og oppfølging for «${procurementName}»`,
      before: {
        gates: before.gates.map((g) => ({ gate: g.gate, plannedOn: g.plannedOn })),
        followUp: before.followUp,
      },
      after: { ...input, gates },
    });
  });
}
