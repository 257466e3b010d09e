import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import {
  caseKindLabels,
  escalationReasonLabels,
  caseGateLabels,
  resolutionOutcomeLabels,
  voteLabels,
} from '../../shared/labels.js';
import { pageCountOf, pageOffset, Pager } from '../../shared/pager.js';
import { Badge, EmptyRow, Loading } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { decisionsPath, type DecisionRegister as Register } from '../governance/governance-api.js';

/** Vedtaksprotokoll: every numbered decision of the group, with votes, conflicts and escalation outcome. */
const PAGE_SIZE = 50;

export function DecisionRegister({ groupId }: { groupId: string }) {
  const [page, setPage] = useState(1);
  const register = useApi<{ items: Register; total: number }>(
    decisionsPath(groupId, { limit: PAGE_SIZE, offset: pageOffset(page, PAGE_SIZE) }),
  );
  return (
    <section className="panel" aria-labelledby="decisions-heading" id="vedtak">
      <div className="panel-header">
        <h2 id="decisions-heading">Vedtaksprotokoll</h2>
        {register.data && <span className="muted">{register.data.total} vedtak</span>}
      </div>
      <ErrorBox problem={register.problem} />
      {register.isLoading && !register.data && <Loading />}
      {register.data && (
        <div className="table-wrap">
          <table className="table table-dense" data-testid="decision-register">
            <thead>
              <tr>
                <th scope="col">Vedtak</th>
                <th scope="col">Dato</th>
                <th scope="col">Anskaffelse</th>
                <th scope="col">Sak</th>
                <th scope="col">Utfall</th>
                <th scope="col">Stemmer</th>
                <th scope="col">Habilitet</th>
                <th scope="col">Eskalering</th>
              </tr>
            </thead>
            <tbody>
              {register.data.items.length === 0 && (
                <EmptyRow colSpan={8}>Gruppen har ikke fattet vedtak ennå.</EmptyRow>
              )}
              {register.data.items.map((decision) => (
                <tr
                  key={decision.decisionNumber}
                  data-testid="decision-row"
                  data-number={decision.decisionNumber}
                >
                  <th scope="row" className="nowrap">
                    {decision.decisionNumber}
                  </th>
                  <td className="nowrap">{formatDate(decision.decidedOn)}</td>
                  <td>
                    {decision.procurementId ? (
                      <Link to={`/anskaffelser/${decision.procurementId}`}>{decision.procurementName}</Link>
                    ) : (
                      <span className="muted">Uten anskaffelse</span>
                    )}
                  </td>
                  <td>
                    <Link to={`/saker/${decision.caseId}`}>{decision.title}</Link>
                    <span className="subtle">
                      {caseGateLabels[decision.gate]} · {caseKindLabels[decision.kind]}
                    </span>
                  </td>
                  <td>
                    <Badge tone={decision.outcome === 'approved' ? 'ok' : 'error'}>
                      {resolutionOutcomeLabels[decision.outcome]}
                    </Badge>
                  </td>
                  <td>
                    <ul className="plain-list">
                      {decision.votes.map((vote) => (
                        <li key={vote.personName}>
                          {vote.personName}: {voteLabels[vote.vote].toLowerCase()}
                          {vote.comment && <span className="subtle">«{vote.comment}»</span>}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <span data-testid="decision-conflicts">
                      {decision.conflicts.length > 0 ? decision.conflicts.join(', ') : 'Ingen inhabile'}
                    </span>
                    {decision.habilitet.length > 0 && (
                      <ul className="plain-list subtle" data-testid="decision-habilitet">
                        {decision.habilitet.map((h) => (
                          <li key={h.personName}>
                            {h.personName}:{' '}
                            {h.status === 'inhabil'
                              ? 'inhabil'
                              : h.status === 'ikkeInhabil'
                                ? 'ikke inhabil'
                                : 'habilitetsspørsmål ikke avgjort'}
                            {h.decidedByName &&
                              ` – avgjort av ${h.decidedByName}${h.decidedAs === 'secretariat' ? ` (sekretariatet for ${h.rhfName})` : ` (${h.rhfName})`}`}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {decision.escalation ? (
                      <>
                        {escalationReasonLabels[decision.escalation.reason] ?? decision.escalation.reason}
                        {decision.escalation.resolutionOutcome && (
                          <span className="subtle">
                            RHF-ene:{' '}
                            {resolutionOutcomeLabels[decision.escalation.resolutionOutcome] ??
                              decision.escalation.resolutionOutcome}
                            {decision.escalation.resolutionText && ` – ${decision.escalation.resolutionText}`}
                          </span>
                        )}
                      </>
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            page={page}
            pageCount={pageCountOf(register.data.total, PAGE_SIZE)}
            onPage={setPage}
            testId="decision-register-pager"
          />
        </div>
      )}
    </section>
  );
}
