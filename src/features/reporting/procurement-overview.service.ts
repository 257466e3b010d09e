// The procurement list at a glance (issue 11 item 3): level, significance (initial / final), phase, next gate
// with its date, risk profile, contract value, on time / late — the portfolio report's rows, filtered, sorted
// and paged on the server. Table filters and the name / value sorts run in SQL and page there, so only one
// page's governance is computed; a derived filter or sort computes the rows for the whole filtered set (set-
// based, as the report) and pages that.
import type { Db } from '../../db/client.js';
import { procurementStatusIds } from '../../shared/enums.js';
import {
  hasDerivedFilter,
  matchesOverviewFilter,
  nextGate,
  sortOverviewRows,
  tableSorts,
} from '../../domain/procurement-overview.rules.js';
import type { ReportRow } from '../../domain/portfolio-report.rules.js';
import { listProcurementPage, listProcurements, type ProcurementDto } from '../procurements/index.js';
import type { ProcurementOverviewPage, ProcurementOverviewQuery } from './procurement-overview.schemas.js';
import { buildReportRows } from './report-rows.js';

/** The row with its next gate and the routing facts of its procurement (the list flags routing problems). */
function overviewRow(row: ReportRow, procurement: ProcurementDto) {
  return {
    ...row,
    nextGate: nextGate(row),
    steeringGroupId: procurement.steeringGroupId,
    routing: procurement.routing,
    routingMessage: procurement.routingMessage,
  };
}

export async function listProcurementOverview(
  db: Db,
  query: ProcurementOverviewQuery,
  today: string,
): Promise<ProcurementOverviewPage> {
  const { sort, order, limit, offset, level, significance, riskProfile, schedule, ...tableFilter } = query;
  const derived = { level, significance, riskProfile, schedule };
  const descending = order === 'desc';
  if (!hasDerivedFilter(derived) && tableSorts.has(sort)) {
    const page = await listProcurementPage(db, {
      ...tableFilter,
      sort: sort === 'name' ? 'name' : 'contractValueNok',
      order,
      limit,
      offset,
    });
    const rows = await buildReportRows(db, page.items, today);
    return {
      items: rows.map((row, index) => overviewRow(row, page.items[index]!)),
      total: page.total,
      limit,
      offset,
      today,
    };
  }
  const procurements = await listProcurements(db, tableFilter);
  const byId = new Map(procurements.map((procurement) => [procurement.id, procurement]));
  const all = await buildReportRows(db, procurements, today);
  const matching = sortOverviewRows(
    all.filter((row) => matchesOverviewFilter(row, derived)),
    sort,
    descending,
    procurementStatusIds,
  );
  return {
    items: matching
      .slice(offset, offset + limit)
      .map((row) => overviewRow(row, byId.get(row.procurementId)!)),
    total: matching.length,
    limit,
    offset,
    today,
  };
}
