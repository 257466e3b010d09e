// Faseportene i en anskaffelse: styringsgruppens rolle, status, hva som hindrer, delegering og passering,
// med handlingene den som styrer anskaffelsen kan ta (passere fasen, fremme sak).
import { ActionsHeader } from '../../shared/ui.js';
import { Link } from 'react-router-dom';
import { formatDate } from '../../shared/format.js';
import { gateLabels, involvementLabels, passedViaLabels } from '../../shared/labels.js';
import type { Gate, GateView, ProcurementDetail } from './governance-api.js';
import { GateStatusBadge } from './governance-ui.js';

export function GateTable({
  procurement,
  canManage,
  onPass,
  onNewCase,
}: {
  procurement: ProcurementDetail;
  canManage: boolean;
  onPass: (gate: GateView) => void;
  onNewCase: (gate: Gate) => void;
}) {
  return (
    <section className="panel" aria-labelledby="gates-heading">
      <div className="panel-header">
        <h2 id="gates-heading">Faseporter</h2>
        <span className="muted">
          Etter involveringsmatrisen, <Link to="/styringsmodell">versjon {procurement.matrixVersion}</Link>
        </span>
      </div>
      <div className="table-wrap">
        <table className="table table-dense" data-testid="gate-table">
          <thead>
            <tr>
              <th scope="col">Fase</th>
              <th scope="col">Styringsgruppens rolle</th>
              <th scope="col">Status</th>
              <th scope="col">Hva hindrer</th>
              <th scope="col">Delegert</th>
              <th scope="col">Passert</th>
              {canManage && <ActionsHeader />}
            </tr>
          </thead>
          <tbody>
            {procurement.gates.map((gate) => (
              <tr
                key={gate.gate}
                data-testid="gate-row"
                data-gate={gate.gate}
                data-status={gate.status}
                className={gate.gate === procurement.phase ? 'row-current' : undefined}
              >
                <th scope="row">
                  {gateLabels[gate.gate]}
                  {gate.gate === procurement.phase && <span className="subtle">Nåværende fase</span>}
                </th>
                <td>
                  <span className={`involvement involvement-${gate.involvement}`}>
                    {involvementLabels[gate.involvement]}
                  </span>
                </td>
                <td>
                  <GateStatusBadge status={gate.status} />
                </td>
                <td data-testid="gate-blocking">
                  {gate.blockingReason}
                  {gate.caseId && (
                    <span className="subtle">
                      <Link to={`/saker/${gate.caseId}`}>Gå til saken</Link>
                    </span>
                  )}
                </td>
                <td>{gate.delegated ? 'Delegert til faggruppen' : ''}</td>
                <td className="nowrap">
                  {gate.passedOn ? formatDate(gate.passedOn) : ''}
                  {gate.passedVia && (
                    <span className="subtle">{passedViaLabels[gate.passedVia] ?? gate.passedVia}</span>
                  )}
                </td>
                {canManage && (
                  <td className="actions">
                    {gate.canPass && (
                      <button
                        type="button"
                        className="button button-small button-primary"
                        onClick={() => onPass(gate)}
                        data-testid="pass-gate"
                        aria-label={`Passer fasen ${gateLabels[gate.gate]}`}
                      >
                        Passer fasen
                      </button>
                    )}
                    {gate.status === 'awaitingCase' && gate.involvement !== 'informed' && (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => onNewCase(gate.gate)}
                        data-testid="gate-new-case"
                        aria-label={`Fremme sak for ${gateLabels[gate.gate]}`}
                      >
                        Fremme sak
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
