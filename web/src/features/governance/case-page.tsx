// `/saker/:id`: a case (sak) with its text and documents, who decides and why, votes and tally, and the
// actions open to the viewer: vote, mark outside the mandate, escalate, answer for an RHF, resolve, consult.
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate, formatTimestamp } from '../../shared/format.js';
import {
  caseKindLabels,
  excludedReasonLabels,
  caseGateLabels,
  gateLabels,
  level3Labels,
} from '../../shared/labels.js';
import { Badge, EmptyRow, Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { hasRole } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { organisationsPath, type Organisation } from '../organisations/organisations-api.js';
import { casePath, type CaseDto } from './governance-api.js';
import { FaggruppeMatterSection } from './faggruppe-matter-panel.js';
import { CaseStatusBadge, VoteBadge } from './governance-ui.js';
import { habilitetStateLabels } from './habilitet/habilitet-api.js';
import { HabilitetAnswerPanel, HabilitetQuestionsSection } from './habilitet/habilitet-panel.js';
import { RhfDiscussionSection } from './habilitet/rhf-discussion-panel.js';
import { VotePanel } from './vote-panel.js';
import { DocumentsSection } from './case-documents-section.js';
import { ConsultationForm, EscalationSection, LeaderActions } from './case-escalation.js';

export function CasePage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const location = useLocation();
  const loaded = useApi<CaseDto>(casePath(id));
  const organisations = useApi<Organisation[]>(organisationsPath);
  const [saved, setSaved] = useState<{ locationKey: string; text: string }>();
  const message =
    saved?.locationKey === location.key
      ? saved.text
      : ((location.state as { message?: string } | null)?.message ?? '');

  if (loaded.problem && loaded.data?.id !== id) return <ErrorBox problem={loaded.problem} />;
  if (!loaded.data || loaded.data.id !== id) return <Loading />;
  const sak = loaded.data;
  const rhfName = (rhfId: string) => organisations.data?.find((org) => org.id === rhfId)?.name ?? 'RHF';
  const votesByPerson = new Map(sak.votes.map((vote) => [vote.personId, vote]));
  const waitingNames = sak.tally.waitingFor
    .map((personId) => sak.eligibleMembers.find((member) => member.personId === personId)?.name)
    .filter(Boolean);
  const isMember = hasRole(user, 'steeringGroupMember');

  function changed(text: string) {
    setSaved({ locationKey: location.key, text });
    loaded.reload();
  }

  return (
    <div data-testid="case-page" data-busy={loaded.isLoading ? 'true' : 'false'} data-status={sak.status}>
      <nav className="breadcrumbs" aria-label="Brødsmuler">
        {sak.procurementId ? (
          <>
            <Link to="/anskaffelser">Anskaffelser</Link> <span aria-hidden="true">›</span>{' '}
            <Link to={`/anskaffelser/${sak.procurementId}`}>{sak.procurementName}</Link>{' '}
          </>
        ) : (
          <>
            <Link to="/styringsgrupper">Styringsgrupper</Link> <span aria-hidden="true">›</span>{' '}
            <Link to={`/styringsgrupper/${sak.steeringGroupId}`}>{sak.steeringGroupName}</Link>{' '}
          </>
        )}
        <span aria-hidden="true">›</span> Sak
      </nav>
      <PageHeader
        title={sak.title}
        lead={
          <>
            <CaseStatusBadge status={sak.status} testId="case-status" />
            <Badge tone="neutral">{caseKindLabels[sak.kind]}</Badge>
            <span>{caseGateLabels[sak.gate]}</span>
            <span>
              · <Link to={`/styringsgrupper/${sak.steeringGroupId}`}>{sak.steeringGroupName}</Link>
            </span>
            {sak.decisionNumber && (
              <strong className="decision-number" data-testid="decision-number">
                Vedtak {sak.decisionNumber}
              </strong>
            )}
          </>
        }
      />
      {message && (
        <Notice tone="success" testId="save-message">
          {message}
        </Notice>
      )}
      <ErrorBox problem={loaded.problem} />

      <div className="case-layout">
        <div>
          <section className="panel" aria-labelledby="case-text-heading">
            <h2 id="case-text-heading">Saksframstilling</h2>
            <p className="muted">
              Fremmet {formatTimestamp(sak.submittedAt)}
              {sak.decidedOn && <> · avsluttet {formatDate(sak.decidedOn)}</>}
            </p>
            <div className="case-text" data-testid="case-text">
              {sak.text}
            </div>
            {sak.proposedSignificance && (
              <p>
                Foreslått endelig strategisk betydning:{' '}
                <strong data-testid="case-proposed">{level3Labels[sak.proposedSignificance]}</strong>
              </p>
            )}
            {sak.delegatedGate && (
              <p>Saken gjelder delegering av «{gateLabels[sak.delegatedGate]}» til faggruppen.</p>
            )}
            {sak.outcomeNote && (
              <div className="outcome-note" data-testid="case-outcome-note">
                <h3>{sak.kind === 'consultation' ? 'Innspill fra styringsgruppen' : 'Utfall'}</h3>
                <p>{sak.outcomeNote}</p>
              </div>
            )}
          </section>

          <DocumentsSection sak={sak} onChanged={changed} />

          <FaggruppeMatterSection sak={sak} onChanged={changed} />
          {sak.escalation && <EscalationSection sak={sak} rhfName={rhfName} onChanged={changed} />}
        </div>

        <div>
          <RhfDiscussionSection sak={sak} onChanged={changed} />
          <HabilitetAnswerPanel sak={sak} onChanged={changed} />
          {isMember && <VotePanel sak={sak} onChanged={changed} />}
          <HabilitetQuestionsSection sak={sak} onChanged={changed} />

          <section className="panel" aria-labelledby="electorate-heading">
            <h2 id="electorate-heading">Hvem beslutter</h2>
            <p className="hint">
              {sak.kind === 'consultation'
                ? 'Styringsgruppen konsulteres: medlemmene gir innspill, og innspillene registreres.'
                : 'Vedtak krever konsensus blant de stemmeberettigede medlemmene som ikke er inhabile.'}
            </p>
            <table className="table table-compact" data-testid="eligible-members">
              <thead>
                <tr>
                  <th scope="col">Medlem</th>
                  <th scope="col">RHF</th>
                  <th scope="col">Habilitet</th>
                  <th scope="col">Svar</th>
                </tr>
              </thead>
              <tbody>
                {sak.eligibleMembers.length === 0 && (
                  <EmptyRow colSpan={4}>Ingen stemmeberettigede.</EmptyRow>
                )}
                {sak.eligibleMembers.map((member) => {
                  const vote = votesByPerson.get(member.personId);
                  const habilitet = sak.habilitet.members.find((m) => m.personId === member.personId);
                  return (
                    <tr
                      key={member.personId}
                      data-testid="eligible-member"
                      data-person-name={member.name}
                      data-vote={vote?.vote ?? ''}
                      data-habilitet={habilitet?.state ?? ''}
                    >
                      <th scope="row">{member.name}</th>
                      <td>{member.rhfName}</td>
                      <td>
                        {habilitet
                          ? habilitet.appointmentCleared
                            ? habilitetStateLabels[habilitet.state]
                            : 'Mangler habilitetssjekk ved oppnevning'
                          : 'Ikke aktivt medlem'}
                      </td>
                      <td>
                        <VoteBadge vote={vote?.vote ?? null} />
                        {vote?.comment && <span className="subtle">«{vote.comment}»</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {sak.excludedMembers.length > 0 && (
              <>
                <h3 className="h-small">Deltar ikke i beslutningen</h3>
                <ul className="plain-list" data-testid="excluded-members">
                  {sak.excludedMembers.map((member) => (
                    <li key={member.personId} data-testid="excluded-member" data-reason={member.reason}>
                      <strong>{member.name}</strong> ({member.rhfName}): {excludedReasonLabels[member.reason]}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <div className="tally" data-testid="case-tally" data-tally={sak.tally.status}>
              {sak.tally.reason ? (
                <Notice tone="warning">{sak.tally.reason}</Notice>
              ) : sak.status === 'open' && waitingNames.length > 0 ? (
                <p>Venter på svar fra: {waitingNames.join(', ')}.</p>
              ) : null}
            </div>
          </section>

          <LeaderActions sak={sak} onChanged={changed} />
          {sak.viewer.canRecordConsultation && <ConsultationForm sak={sak} onChanged={changed} />}
        </div>
      </div>
    </div>
  );
}
