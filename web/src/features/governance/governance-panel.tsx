// The procurement page's governance section: level, steering group, risk, strategic significance with
// reasons, the gate table, the current phase, cases and what the viewer can do next (issue 3 §9).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { riskParameters } from '@server/domain/risk.rules.js';
import { formatDate, formatTimestamp } from '../../shared/format.js';
import {
  caseKindLabels,
  caseGateLabels,
  level3Labels,
  levelLabels,
  phaseLabel,
} from '../../shared/labels.js';
import { EmptyRow, Notice } from '../../shared/ui.js';
import type { CurrentUser } from '../auth/auth-api.js';
import { hasRole } from '../auth/permissions.js';
import type { Organisation } from '../organisations/organisations-api.js';
import { CaseForm } from './case-form.js';
import { GateTable } from './gate-table.js';
import { RaiseFaggruppeMatterButton } from './faggruppe-matter-form.js';
import type { Gate, GateView, ProcurementDetail } from './governance-api.js';
import { CaseStatusBadge, Level3Badge } from './governance-ui.js';
import { FaggruppeForm, InitialSignificanceForm, PassGateForm } from './procurement-governance-forms.js';
import { RiskForm } from './risk-form.js';

type Editing =
  | { kind: 'risk' }
  | { kind: 'initial' }
  | { kind: 'faggruppe' }
  | { kind: 'case'; gate?: Gate }
  | { kind: 'pass'; gate: GateView }
  | null;

interface GovernancePanelProps {
  procurement: ProcurementDetail;
  user: CurrentUser;
  organisations: readonly Organisation[];
  isBusy: boolean;
  onChanged: (message: string) => void;
}

export function GovernancePanel({
  procurement,
  user,
  organisations,
  isBusy,
  onChanged,
}: GovernancePanelProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const canManage = procurement.viewer.canManage;
  const isSecretariat = hasRole(user, 'secretariat');
  const regionNames = procurement.participatingRhfIds
    .map((id) => organisations.find((org) => org.id === id)?.name ?? id)
    .join(', ');
  const openCases = procurement.cases.filter((c) =>
    ['open', 'dissent', 'outsideMandate', 'lineEscalated', 'escalated'].includes(c.status),
  );
  const canSubmitCase =
    canManage &&
    procurement.inNationalModel &&
    procurement.steeringGroup !== null &&
    procurement.gates.some((gate) => gate.status !== 'passed' && gate.involvement !== 'informed');

  function saved(message: string) {
    setEditing(null);
    onChanged(message);
  }

  return (
    <div
      className="governance"
      data-testid="governance-panel"
      data-busy={isBusy ? 'true' : 'false'}
      data-phase={procurement.phase ?? ''}
    >
      <section className="panel" aria-labelledby="governance-heading">
        <div className="panel-header">
          <h2 id="governance-heading">Styring</h2>
          {canSubmitCase && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setEditing({ kind: 'case' })}
              data-testid="new-case"
            >
              Fremme sak
            </button>
          )}
          {canManage && procurement.inNationalModel && procurement.steeringGroup !== null && (
            <RaiseFaggruppeMatterButton procurementId={procurement.id} governance={procurement} />
          )}
        </div>
        <dl className="facts">
          <div>
            <dt>Nivå</dt>
            <dd data-testid="gov-level" data-level={procurement.level ?? ''}>
              {procurement.level ? (
                levelLabels[procurement.level]
              ) : (
                <span className="muted">Ikke avgjort</span>
              )}
              {regionNames && <span className="subtle">Deltakende regioner: {regionNames}</span>}
            </dd>
          </div>
          <div>
            <dt>Styringsgruppe</dt>
            <dd data-testid="procurement-routing">
              {procurement.steeringGroup ? (
                <Link to={`/styringsgrupper/${procurement.steeringGroup.id}`}>
                  {procurement.steeringGroup.name}
                </Link>
              ) : (
                <span className="muted">Ingen</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Nåværende fase</dt>
            <dd data-testid="gov-phase" data-phase={procurement.phase ?? ''}>
              <strong>{phaseLabel(procurement.phase)}</strong>
            </dd>
          </div>
          <div>
            <dt>Strategisk betydning</dt>
            <dd>
              <Level3Badge value={procurement.significance.final} testId="gov-significance-final" />{' '}
              {!procurement.significance.final && procurement.inNationalModel && (
                <span className="subtle">
                  Fasene følger {level3Labels[procurement.significance.appliedForGates].toLowerCase()} til
                  styringsgruppen har vedtatt endelig betydning.
                </span>
              )}
            </dd>
          </div>
        </dl>

        {procurement.significance.reassess && (
          <Notice tone="warning" testId="reassess-significance">
            {procurement.significance.reassess}
          </Notice>
        )}
        {procurement.outsideModelReason && (
          <Notice tone="info" testId="outside-model">
            <strong>Utenfor den nasjonale styringsmodellen.</strong> {procurement.outsideModelReason}
          </Notice>
        )}
        {procurement.routingError && (
          <div
            className={`alert ${isSecretariat || canManage ? 'alert-error' : 'alert-warning'}`}
            role="alert"
            data-testid="routing-error"
          >
            <p className="alert-title">Anskaffelsen mangler entydig styringsgruppe</p>
            <p>{procurement.routingError}</p>
            {isSecretariat && (
              <p>
                Rett opp dekningen under <Link to="/styringsgrupper">Styringsgrupper</Link>, eller velg en
                annen kategori eller innkjøpsgruppe.
              </p>
            )}
          </div>
        )}

        {procurement.viewer.nextActions.length > 0 && (
          <div className="next-actions" data-testid="next-actions">
            <h3>Hva nå?</h3>
            <ul>
              {procurement.viewer.nextActions.map((action) => (
                <li key={action}>{action}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      {procurement.inNationalModel && (
        <>
          <div className="governance-columns">
            <section className="panel" aria-labelledby="risk-heading" data-testid="risk-section">
              <div className="panel-header">
                <h2 id="risk-heading">Risikoprofil</h2>
                {canManage && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setEditing({ kind: 'risk' })}
                    data-testid="assess-risk"
                  >
                    {procurement.risk ? 'Ny risikovurdering' : 'Vurder risiko'}
                  </button>
                )}
              </div>
              <p>
                <Level3Badge value={procurement.riskProfile} testId="gov-risk-profile" />
                {procurement.risk && (
                  <span className="muted">
                    {' '}
                    {procurement.risk.method === 'scored'
                      ? `Scoret på 15 parametere, gjennomsnitt ${procurement.risk.meanScore?.toLocaleString('nb-NO') ?? '–'}`
                      : 'Lagt inn direkte fra eget verktøy'}
                    , av {procurement.risk.assessedBy} {formatTimestamp(procurement.risk.assessedAt)}
                  </span>
                )}
              </p>
              {procurement.risk && (
                <ul className="reasons" data-testid="risk-reasons">
                  {procurement.risk.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              )}
              {procurement.risk?.note && <p className="muted">Merknad: {procurement.risk.note}</p>}
              {procurement.risk?.scores && (
                <details>
                  <summary>Vis scorene</summary>
                  <table className="table table-compact">
                    <tbody>
                      {riskParameters.map((parameter) => (
                        <tr key={parameter.key}>
                          <th scope="row">{parameter.label}</th>
                          <td className="numeric">{procurement.risk?.scores?.[parameter.key] ?? '–'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              )}
            </section>

            <section
              className="panel"
              aria-labelledby="significance-heading"
              data-testid="significance-section"
            >
              <div className="panel-header">
                <h2 id="significance-heading">Strategisk betydning</h2>
                {canManage && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setEditing({ kind: 'initial' })}
                    data-testid="set-initial-significance"
                  >
                    Sett initial betydning
                  </button>
                )}
              </div>
              <dl className="facts facts-compact">
                <div>
                  <dt>Anbefalt</dt>
                  <dd>
                    <Level3Badge
                      value={procurement.significance.recommended}
                      testId="gov-significance-recommended"
                    />
                  </dd>
                </div>
                <div>
                  <dt>Initial (årlig plan)</dt>
                  <dd>
                    <Level3Badge value={procurement.significance.initial} testId="gov-significance-initial" />
                    {procurement.significance.initialFromPlanYear !== null && (
                      <span className="muted" data-testid="gov-significance-initial-plan">
                        {' '}
                        fra anskaffelsesplan {procurement.significance.initialFromPlanYear}
                      </span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Endelig (vedtak)</dt>
                  <dd>
                    <Level3Badge value={procurement.significance.final} />
                  </dd>
                </div>
              </dl>
              <h3 className="h-small">Hvorfor anbefalingen</h3>
              <ul className="reasons" data-testid="significance-reasons">
                {procurement.significance.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              {procurement.significance.history.length > 0 && (
                <details>
                  <summary>Historikk ({procurement.significance.history.length})</summary>
                  <table className="table table-compact" data-testid="significance-history">
                    <thead>
                      <tr>
                        <th scope="col">Når</th>
                        <th scope="col">Hva</th>
                        <th scope="col">Verdi</th>
                        <th scope="col">Av</th>
                        <th scope="col">Merknad</th>
                      </tr>
                    </thead>
                    <tbody>
                      {procurement.significance.history.map((row, index) => (
                        <tr key={index}>
                          <td className="nowrap">{formatTimestamp(row.decidedAt)}</td>
                          <td>{row.kind === 'initial' ? 'Initial' : 'Endelig'}</td>
                          <td>{level3Labels[row.value]}</td>
                          <td>{row.decidedBy}</td>
                          <td>
                            {row.caseId ? (
                              <Link to={`/saker/${row.caseId}`}>{row.note ?? 'Sak'}</Link>
                            ) : (
                              row.note
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              )}
            </section>
          </div>

          <GateTable
            procurement={procurement}
            canManage={canManage}
            onPass={(gate) => setEditing({ kind: 'pass', gate })}
            onNewCase={(gate) => setEditing({ kind: 'case', gate })}
          />

          <div className="governance-columns">
            <section className="panel" aria-labelledby="cases-heading">
              <h2 id="cases-heading">
                Saker{openCases.length > 0 && <span className="muted"> ({openCases.length} åpne)</span>}
              </h2>
              <div className="table-wrap">
                <table className="table table-dense" data-testid="case-list">
                  <thead>
                    <tr>
                      <th scope="col">Sak</th>
                      <th scope="col">Fase</th>
                      <th scope="col">Status</th>
                      <th scope="col">Vedtak</th>
                      <th scope="col">Fremmet</th>
                    </tr>
                  </thead>
                  <tbody>
                    {procurement.cases.length === 0 && <EmptyRow colSpan={5}>Ingen saker ennå.</EmptyRow>}
                    {[...procurement.cases].reverse().map((c) => (
                      <tr key={c.id} data-testid="case-row" data-status={c.status}>
                        <th scope="row">
                          <Link to={`/saker/${c.id}`}>{c.title}</Link>
                          <span className="subtle">{caseKindLabels[c.kind]}</span>
                        </th>
                        <td>{caseGateLabels[c.gate]}</td>
                        <td>
                          <CaseStatusBadge status={c.status} />
                        </td>
                        <td className="nowrap">{c.decisionNumber}</td>
                        <td className="nowrap">{formatDate(c.submittedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>

            <section className="panel" aria-labelledby="faggruppe-heading">
              <div className="panel-header">
                <h2 id="faggruppe-heading">Faggruppe</h2>
                {canManage && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setEditing({ kind: 'faggruppe' })}
                    data-testid="edit-faggruppe"
                  >
                    Endre faggruppe
                  </button>
                )}
              </div>
              {procurement.faggruppe.length === 0 ? (
                <p className="muted">Ingen er registrert i faggruppen.</p>
              ) : (
                <ul className="chip-list" data-testid="faggruppe-list">
                  {procurement.faggruppe.map((member) => (
                    <li key={member.personId} className="chip">
                      {member.name}
                    </li>
                  ))}
                </ul>
              )}
              <p className="hint">
                Medlemmer av faggruppen kan ikke beslutte anskaffelsen i styringsgruppen.
              </p>
            </section>
          </div>
        </>
      )}

      {editing?.kind === 'risk' && (
        <RiskForm
          procurementId={procurement.id}
          current={procurement.risk}
          onClose={() => setEditing(null)}
          onSaved={() => saved('Risikovurderingen er lagret.')}
        />
      )}
      {editing?.kind === 'initial' && (
        <InitialSignificanceForm
          procurementId={procurement.id}
          significance={procurement.significance}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
      {editing?.kind === 'faggruppe' && (
        <FaggruppeForm
          procurementId={procurement.id}
          faggruppe={procurement.faggruppe}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
      {editing?.kind === 'pass' && (
        <PassGateForm
          procurementId={procurement.id}
          gate={editing.gate}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
      {editing?.kind === 'case' && (
        <CaseForm
          procurementId={procurement.id}
          governance={procurement}
          initialGate={editing.gate}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
