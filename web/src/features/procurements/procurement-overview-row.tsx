// One procurement in the list at a glance.
import { Link } from 'react-router-dom';
import { gateNumbers } from '@server/domain/gate-timeline.rules.js';
import { formatDate, formatNok } from '../../shared/format.js';
import {
  gateLabels,
  level3Labels,
  levelLabels,
  routingLabels,
  statusLabels,
  type ProcurementStatus,
} from '../../shared/labels.js';
import { Badge } from '../../shared/ui.js';
import { SignificanceCell } from '../reporting/significance-cell.js';
import type { ProcurementOverviewRow } from './procurements-api.js';

function Schedule({ row }: { row: ProcurementOverviewRow }) {
  if (row.phaseId === 'outsideModel') return <span className="muted">–</span>;
  if (row.daysLate > 0)
    return (
      <Badge tone="error" title="Største forsinkelse blant faseportene (passert for sent eller ikke passert)">
        Forsinket {row.daysLate} d
      </Badge>
    );
  if (!row.gates.some((gate) => gate.plannedOn)) return <Badge tone="neutral">Ingen plan</Badge>;
  return <Badge tone="ok">I rute</Badge>;
}

function NextGate({ row }: { row: ProcurementOverviewRow }) {
  const next = row.nextGate;
  if (!next) return <span className="muted">{row.phaseId === 'implementation' ? 'Alle passert' : '–'}</span>;
  return (
    <span title={gateLabels[next.gate]}>
      {gateNumbers[next.gate]}. {shortGateLabels[next.gate]}
      <span className="subtle">
        {next.plannedOn ? (
          <>
            {formatDate(next.plannedOn)}
            {next.timeliness === 'overdue' && <span className="text-error"> – {next.daysLate} d over</span>}
          </>
        ) : (
          'Ingen planlagt dato'
        )}
      </span>
    </span>
  );
}

const shortGateLabels: Record<keyof typeof gateLabels, string> = {
  significance: 'Endelig betydning',
  plan: 'Plan anskaffelse',
  tenderPreparation: 'Konkurransegrunnlag',
  tenderApproval: 'Godkj. konk.grunnlag',
  award: 'Tildeling',
};

export function ProcurementOverviewRowView({ row }: { row: ProcurementOverviewRow }) {
  const hasRoutingProblem = row.routing !== 'resolved';
  return (
    <tr
      data-testid="procurement-row"
      data-routing={row.routing}
      data-name={row.name}
      className={hasRoutingProblem ? 'row-warning' : undefined}
    >
      <th scope="row">
        <Link to={`/anskaffelser/${row.procurementId}`}>{row.name}</Link>
        <span className="subtle">
          <span className="code">{row.categoryCode}</span> {row.categoryName} ·{' '}
          {statusLabels[row.status as ProcurementStatus] ?? row.status}
        </span>
      </th>
      <td data-testid="procurement-level">
        {row.level ? levelLabels[row.level as keyof typeof levelLabels] : '–'}
      </td>
      <td data-testid="procurement-steering-group">
        {row.steeringGroupId && row.steeringGroupName && !hasRoutingProblem ? (
          <Link to={`/styringsgrupper/${row.steeringGroupId}`}>{row.steeringGroupName}</Link>
        ) : (
          <span className="routing-warning" role="note" title={row.routingMessage ?? undefined}>
            <span aria-hidden="true">! </span>
            {routingLabels[row.routing]}
          </span>
        )}
      </td>
      <td data-testid="procurement-significance">
        <SignificanceCell row={row} />
      </td>
      <td data-testid="procurement-phase">{row.phase}</td>
      <td data-testid="procurement-next-gate">
        <NextGate row={row} />
      </td>
      <td data-testid="procurement-risk">{row.riskProfile ? level3Labels[row.riskProfile] : '–'}</td>
      <td className="numeric nowrap" data-testid="procurement-value">
        {formatNok(row.contractValueNok)}
      </td>
      <td className="nowrap" data-testid="procurement-schedule" data-days-late={row.daysLate}>
        <Schedule row={row} />
      </td>
    </tr>
  );
}
