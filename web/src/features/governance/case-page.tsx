// `/saker/:id`: a case (sak) with its text and documents, who decides and why, votes and tally, and the
// actions open to the viewer: vote, mark outside the mandate, escalate, answer for an RHF, resolve, consult.
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import {
  consultationSchema,
  escalateSchema,
  outsideMandateSchema,
  resolutionSchema,
  rhfAnswerSchema,
} from '@server/features/governance/governance.schemas.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { formatDate, formatTimestamp } from '../../shared/format.js';
import {
  caseKindLabels,
  escalationReasonLabels,
  excludedReasonLabels,
  gateLabels,
  level3Labels,
  resolutionOutcomeLabels,
  voteLabels,
} from '../../shared/labels.js';
import { Badge, EmptyRow, Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { validate } from '../../shared/validate.js';
import { hasRole } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { organisationsPath, type Organisation } from '../organisations/organisations-api.js';
import { accessStatusLabels, legalBasisText } from '../documents/access-labels.js';
import { DocumentPicker, readDocuments, type PickedDocument } from './document-picker.js';
import {
  addDocument,
  answerForRhf,
  caseDocumentPath,
  casePath,
  escalateCase,
  formatBytes,
  markOutsideMandate,
  recordConsultation,
  resolveCase,
  type CaseDto,
} from './governance-api.js';
import { ActionForm, useAction } from './case-actions.js';
import { FaggruppeMatterSection } from './faggruppe-matter-panel.js';
import { CaseStatusBadge, VoteBadge } from './governance-ui.js';
import { habilitetStateLabels } from './habilitet/habilitet-api.js';
import { HabilitetAnswerPanel, HabilitetQuestionsSection } from './habilitet/habilitet-panel.js';
import { RhfDiscussionSection } from './habilitet/rhf-discussion-panel.js';
import { VotePanel } from './vote-panel.js';

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
        <Link to="/anskaffelser">Anskaffelser</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={`/anskaffelser/${sak.procurementId}`}>{sak.procurementName}</Link>{' '}
        <span aria-hidden="true">›</span> Sak
      </nav>
      <PageHeader
        title={sak.title}
        lead={
          <>
            <CaseStatusBadge status={sak.status} testId="case-status" />
            <Badge tone="neutral">{caseKindLabels[sak.kind]}</Badge>
            <span>{gateLabels[sak.gate]}</span>
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

function DocumentsSection({ sak, onChanged }: { sak: CaseDto; onChanged: (message: string) => void }) {
  const [picked, setPicked] = useState<PickedDocument[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  async function upload() {
    setIsSaving(true);
    setProblem(undefined);
    try {
      for (const document of await readDocuments(picked)) await addDocument(sak.id, document);
      setPicked([]);
      onChanged('Dokumentene er lagt ved saken.');
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
    setIsSaving(false);
  }

  return (
    <section className="panel" aria-labelledby="documents-heading">
      <h2 id="documents-heading">Dokumenter</h2>
      <table className="table table-compact" data-testid="case-documents">
        <thead>
          <tr>
            <th scope="col">Dokument</th>
            <th scope="col">Offentlighet</th>
            <th scope="col" className="numeric">
              Størrelse
            </th>
          </tr>
        </thead>
        <tbody>
          {sak.documents.length === 0 && <EmptyRow colSpan={3}>Ingen dokumenter.</EmptyRow>}
          {sak.documents.map((document) => (
            <tr
              key={document.id}
              data-testid="case-document"
              data-file-name={document.fileName}
              data-restricted={document.restricted ? 'true' : 'false'}
            >
              <th scope="row">
                {document.canRead ? (
                  <a
                    href={caseDocumentPath(sak.id, document.id)}
                    download={document.fileName}
                    data-testid="document-link"
                  >
                    {document.fileName}
                  </a>
                ) : (
                  <>
                    {document.fileName}
                    <span className="subtle text-warning" data-testid="document-no-access">
                      Du har ikke tilgang
                      {sak.viewer.exemptBlockedReason ? ` – ${sak.viewer.exemptBlockedReason}` : ''}
                    </span>
                  </>
                )}
              </th>
              <td>
                {document.restricted ? (
                  <>
                    <Badge tone="warning">{accessStatusLabels[document.accessStatus]}</Badge>{' '}
                    <span className="muted" data-testid="case-document-basis">
                      {legalBasisText(document.legalBasis)}
                    </span>
                  </>
                ) : (
                  <span className="muted">Offentlig</span>
                )}
              </td>
              <td className="numeric nowrap">{formatBytes(document.sizeBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sak.viewer.canAddDocuments && (
        <div className="subform">
          <ErrorBox problem={problem} />
          <DocumentPicker documents={picked} onChange={setPicked} label="Legg ved flere dokumenter" />
          {picked.length > 0 && (
            <button type="button" className="button" onClick={upload} disabled={isSaving}>
              {isSaving ? 'Laster opp …' : 'Last opp'}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function LeaderActions({ sak, onChanged }: { sak: CaseDto; onChanged: (message: string) => void }) {
  const { viewer } = sak;
  const [reason, setReason] = useState('');
  const [brief, setBrief] = useState('');
  const [recommendation, setRecommendation] = useState('');
  const outside = useAction(onChanged);
  const escalate = useAction(onChanged);
  if (!viewer.canMarkOutsideMandate && !viewer.canEscalate) return null;
  const escalationReason: 'dissent' | 'outsideMandate' =
    sak.status === 'outsideMandate' ? 'outsideMandate' : 'dissent';

  return (
    <section className="panel" aria-labelledby="leader-heading" data-testid="case-leader-actions">
      <h2 id="leader-heading">Leder og sekretariat</h2>
      {viewer.canEscalate && (
        <ActionForm
          title="Eskaler til RHF-ene"
          testId="escalate-form"
          submitLabel="Eskaler"
          problem={escalate.problem}
          isSaving={escalate.isSaving}
          onSubmit={() => {
            const body = { reason: escalationReason, brief, recommendation };
            void escalate.run(
              validate(escalateSchema, body),
              () => escalateCase(sak.id, body),
              'Saken er eskalert til RHF-ene med et felles notat.',
            );
          }}
        >
          <p className="hint">
            Grunn: {escalationReasonLabels[escalationReason].toLowerCase()}. Styringsgruppen skriver ett
            felles notat med anbefaling; hvert medlem informerer sitt RHF, og RHF-ene avklarer saken seg
            imellom.
          </p>
          <div className="field">
            <label htmlFor="escalate-brief">Felles notat</label>
            <textarea
              id="escalate-brief"
              rows={5}
              value={brief}
              onChange={(event) => setBrief(event.target.value)}
              data-testid="escalate-brief"
            />
            <FieldError problem={escalate.problem} path="brief" id="escalate-brief-error" />
          </div>
          <div className="field">
            <label htmlFor="escalate-recommendation">Anbefaling</label>
            <textarea
              id="escalate-recommendation"
              rows={3}
              value={recommendation}
              onChange={(event) => setRecommendation(event.target.value)}
              data-testid="escalate-recommendation"
            />
            <FieldError problem={escalate.problem} path="recommendation" id="escalate-recommendation-error" />
          </div>
        </ActionForm>
      )}
      {viewer.canMarkOutsideMandate && (
        <ActionForm
          title="Utenfor mandatet"
          testId="outside-mandate-form"
          submitLabel="Merk som utenfor mandatet"
          tone="danger"
          problem={outside.problem}
          isSaving={outside.isSaving}
          onSubmit={() =>
            void outside.run(
              validate(outsideMandateSchema, { reason }),
              () => markOutsideMandate(sak.id, reason),
              'Saken er merket som utenfor styringsgruppens mandat.',
            )
          }
        >
          <div className="field">
            <label htmlFor="outside-reason">Hvorfor ligger saken utenfor mandatet?</label>
            <textarea
              id="outside-reason"
              rows={2}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              data-testid="outside-mandate-reason"
            />
          </div>
        </ActionForm>
      )}
    </section>
  );
}

function EscalationSection({
  sak,
  rhfName,
  onChanged,
}: {
  sak: CaseDto;
  rhfName: (rhfId: string) => string;
  onChanged: (message: string) => void;
}) {
  const escalation = sak.escalation!;
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<'approved' | 'rejected' | ''>('');
  const [text, setText] = useState('');
  const answer = useAction(onChanged);
  const resolve = useAction(onChanged);

  return (
    <section className="panel" aria-labelledby="escalation-heading" data-testid="escalation-section">
      <h2 id="escalation-heading">Eskalering til RHF-ene</h2>
      <p>
        Grunn: <strong>{escalationReasonLabels[escalation.reason]}</strong>
      </p>
      <h3 className="h-small">
        {escalation.reason === 'faggruppeMatter' ? 'Orientering fra Sykehusinnkjøp' : 'Felles notat'}
      </h3>
      <div className="case-text" data-testid="escalation-brief">
        {escalation.brief}
      </div>
      <h3 className="h-small">Anbefaling</h3>
      <div className="case-text">{escalation.recommendation}</div>
      <h3 className="h-small">Svar fra RHF-ene</h3>
      <ul className="plain-list" data-testid="rhf-answers">
        {escalation.rhfIds.map((rhfId) => {
          const given = escalation.answers.find((a) => a.rhfId === rhfId);
          return (
            <li key={rhfId}>
              <strong>{rhfName(rhfId)}:</strong>{' '}
              {given ? (
                <>
                  {given.answer}{' '}
                  <span className="muted">
                    ({given.answeredBy}, {formatTimestamp(given.answeredAt)})
                  </span>
                </>
              ) : (
                <span className="muted">Har ikke svart</span>
              )}
            </li>
          );
        })}
      </ul>
      {escalation.resolutionOutcome && (
        <Notice
          tone={escalation.resolutionOutcome === 'approved' ? 'success' : 'warning'}
          testId="resolution"
        >
          <strong>Avklaring: {resolutionOutcomeLabels[escalation.resolutionOutcome]}.</strong>{' '}
          {escalation.resolutionText}
          {escalation.resolvedAt && (
            <span className="muted"> ({formatTimestamp(escalation.resolvedAt)})</span>
          )}
        </Notice>
      )}
      {sak.viewer.canAnswerForRhfIds.map((rhfId) => (
        <ActionForm
          key={rhfId}
          title={`Svar for ${rhfName(rhfId)}`}
          testId="rhf-answer-form"
          submitLabel="Lagre svaret"
          problem={answer.problem}
          isSaving={answer.isSaving}
          onSubmit={() =>
            void answer.run(
              validate(rhfAnswerSchema, { rhfId, answer: answers[rhfId] ?? '' }),
              () => answerForRhf(sak.id, { rhfId, answer: answers[rhfId] ?? '' }),
              `Svaret fra ${rhfName(rhfId)} er registrert.`,
            )
          }
        >
          <div className="field">
            <label htmlFor={`rhf-answer-${rhfId}`}>Svar</label>
            <textarea
              id={`rhf-answer-${rhfId}`}
              rows={2}
              value={answers[rhfId] ?? ''}
              onChange={(event) => setAnswers((previous) => ({ ...previous, [rhfId]: event.target.value }))}
            />
          </div>
        </ActionForm>
      ))}
      {sak.status === 'escalated' && escalation.awaitingAnswerFrom.length > 0 && (
        <p className="muted" data-testid="settlement-waiting">
          RHF-ene avklarer saken seg imellom. Avklaringen registreres når alle berørte RHF har svart (venter
          på {escalation.awaitingAnswerFrom.map(rhfName).join(', ')}).
        </p>
      )}
      {sak.viewer.canResolve && (
        <ActionForm
          title="Endelig avklaring"
          testId="resolution-form"
          submitLabel="Registrer avklaringen"
          problem={resolve.problem}
          isSaving={resolve.isSaving}
          onSubmit={() => {
            const body = { outcome: outcome === '' ? undefined : outcome, text };
            void resolve.run(
              validate(resolutionSchema, body),
              () => resolveCase(sak.id, body as { outcome: 'approved' | 'rejected'; text: string }),
              'Avklaringen er registrert; medlemmene får beskjed.',
            );
          }}
        >
          <fieldset className="field">
            <legend>Utfall</legend>
            <div className="inline-options">
              {(['approved', 'rejected'] as const).map((value) => (
                <label key={value} className="check-label">
                  <input
                    type="radio"
                    name="resolution-outcome"
                    checked={outcome === value}
                    onChange={() => setOutcome(value)}
                  />{' '}
                  {resolutionOutcomeLabels[value]}
                </label>
              ))}
            </div>
            <FieldError problem={resolve.problem} path="outcome" id="resolution-outcome-error" />
          </fieldset>
          <div className="field">
            <label htmlFor="resolution-text">Hva RHF-ene ble enige om</label>
            <textarea
              id="resolution-text"
              rows={3}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
            <FieldError problem={resolve.problem} path="text" id="resolution-text-error" />
          </div>
        </ActionForm>
      )}
    </section>
  );
}

function ConsultationForm({ sak, onChanged }: { sak: CaseDto; onChanged: (message: string) => void }) {
  const [summary, setSummary] = useState('');
  const action = useAction(onChanged);
  const advice = sak.votes.filter((vote) => vote.comment);
  return (
    <section className="panel" aria-labelledby="consultation-heading">
      <h2 id="consultation-heading">Registrer konsultasjonen</h2>
      {advice.length > 0 && (
        <ul className="plain-list">
          {advice.map((vote) => (
            <li key={vote.personId}>
              <strong>{vote.personName}</strong> ({voteLabels[vote.vote].toLowerCase()}): {vote.comment}
            </li>
          ))}
        </ul>
      )}
      <ActionForm
        title="Oppsummering av innspillene"
        testId="consultation-form"
        submitLabel="Registrer konsultasjonen"
        problem={action.problem}
        isSaving={action.isSaving}
        onSubmit={() =>
          void action.run(
            validate(consultationSchema, { summary }),
            () => recordConsultation(sak.id, summary),
            'Konsultasjonen er registrert; fasen kan passeres.',
          )
        }
      >
        <div className="field">
          <label htmlFor="consultation-summary" className="visually-hidden">
            Oppsummering
          </label>
          <textarea
            id="consultation-summary"
            rows={4}
            value={summary}
            onChange={(event) => setSummary(event.target.value)}
            data-testid="consultation-summary"
          />
          <FieldError problem={action.problem} path="summary" id="consultation-summary-error" />
        </div>
      </ActionForm>
    </section>
  );
}
