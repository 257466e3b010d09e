// Lederens handlinger i en sak (utenfor mandat, eskalering), RHF-enes svar og avklaring, og konsultasjon.
import { useState } from 'react';
import {
  consultationSchema,
  escalateSchema,
  outsideMandateSchema,
  resolutionSchema,
  rhfAnswerSchema,
} from '@server/features/governance/governance.schemas.js';
import { FieldError } from '../../shared/error-box.js';
import { formatTimestamp } from '../../shared/format.js';
import { escalationReasonLabels, resolutionOutcomeLabels, voteLabels } from '../../shared/labels.js';
import { Notice } from '../../shared/ui.js';
import { validate } from '../../shared/validate.js';
import {
  answerForRhf,
  escalateCase,
  markOutsideMandate,
  recordConsultation,
  resolveCase,
  type CaseDto,
} from './governance-api.js';
import { ActionForm, useAction } from './case-actions.js';
import { EscalateFurtherForm, PreviousEscalationSteps } from './case-escalation-chain.js';

export function LeaderActions({ sak, onChanged }: { sak: CaseDto; onChanged: (message: string) => void }) {
  const { viewer } = sak;
  const [reason, setReason] = useState('');
  const [brief, setBrief] = useState('');
  const [recommendation, setRecommendation] = useState('');
  const outside = useAction(onChanged);
  const escalate = useAction(onChanged);
  if (!viewer.canMarkOutsideMandate && !viewer.canEscalate) return null;
  const escalationReason: 'dissent' | 'outsideMandate' =
    sak.status === 'outsideMandate' ? 'outsideMandate' : 'dissent';
  // A body with a configured escalation target (seed 000: → Direktørmøte) escalates there, not to the RHFs.
  const target = sak.escalationTarget?.name ?? null;

  return (
    <section className="panel" aria-labelledby="leader-heading" data-testid="case-leader-actions">
      <h2 id="leader-heading">Leder og sekretariat</h2>
      {viewer.canEscalate && (
        <ActionForm
          title={`Eskaler til ${target ?? 'RHF-ene'}`}
          testId="escalate-form"
          submitLabel="Eskaler"
          problem={escalate.problem}
          isSaving={escalate.isSaving}
          onSubmit={() => {
            const body = { reason: escalationReason, brief, recommendation };
            void escalate.run(
              validate(escalateSchema, body),
              () => escalateCase(sak.id, body),
              `Saken er eskalert til ${target ?? 'RHF-ene'} med et felles notat.`,
            );
          }}
        >
          <p className="hint">
            Grunn: {escalationReasonLabels[escalationReason].toLowerCase()}.{' '}
            {target
              ? `${sak.steeringGroupName} skriver ett felles notat med anbefaling, og ${target} avklarer saken.`
              : 'Styringsgruppen skriver ett felles notat med anbefaling; hvert medlem informerer sitt RHF, og RHF-ene avklarer saken seg imellom.'}
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

export function EscalationSection({
  sak,
  rhfName,
  onChanged,
}: {
  sak: CaseDto;
  rhfName: (rhfId: string) => string;
  onChanged: (message: string) => void;
}) {
  const escalation = sak.escalation!;
  const toBody = escalation.targetBody?.name ?? null;
  const answererName = (rhfId: string) => toBody ?? rhfName(rhfId);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<'approved' | 'rejected' | ''>('');
  const [text, setText] = useState('');
  const answer = useAction(onChanged);
  const resolve = useAction(onChanged);

  return (
    <section className="panel" aria-labelledby="escalation-heading" data-testid="escalation-section">
      <h2 id="escalation-heading">Eskalering til {toBody ?? 'RHF-ene'}</h2>
      <p>
        Grunn: <strong>{escalationReasonLabels[escalation.reason]}</strong>
      </p>
      <PreviousEscalationSteps escalation={escalation} />
      <h3 className="h-small">
        {escalation.reason === 'faggruppeMatter' ? 'Orientering fra Sykehusinnkjøp' : 'Felles notat'}
      </h3>
      <div className="case-text" data-testid="escalation-brief">
        {escalation.brief}
      </div>
      <h3 className="h-small">Anbefaling</h3>
      <div className="case-text">{escalation.recommendation}</div>
      <h3 className="h-small">Svar fra {toBody ?? 'RHF-ene'}</h3>
      <ul className="plain-list" data-testid="rhf-answers">
        {escalation.rhfIds.map((rhfId) => {
          const given = escalation.answers.find((a) => a.rhfId === rhfId);
          return (
            <li key={rhfId}>
              <strong>{answererName(rhfId)}:</strong>{' '}
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
          title={`Svar for ${answererName(rhfId)}`}
          testId="rhf-answer-form"
          submitLabel="Lagre svaret"
          problem={answer.problem}
          isSaving={answer.isSaving}
          onSubmit={() =>
            void answer.run(
              validate(rhfAnswerSchema, { rhfId, answer: answers[rhfId] ?? '' }),
              () => answerForRhf(sak.id, { rhfId, answer: answers[rhfId] ?? '' }),
              `Svaret fra ${answererName(rhfId)} er registrert.`,
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
          {toBody
            ? `${toBody} avklarer saken. Avklaringen registreres når svaret fra ${toBody} er lagt inn.`
            : `RHF-ene avklarer saken seg imellom. Avklaringen registreres når alle berørte RHF har svart (venter på ${escalation.awaitingAnswerFrom.map(rhfName).join(', ')}).`}
        </p>
      )}
      <EscalateFurtherForm sak={sak} onChanged={onChanged} />
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
            <label htmlFor="resolution-text">Hva {toBody ?? 'RHF-ene'} ble enige om</label>
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

export function ConsultationForm({ sak, onChanged }: { sak: CaseDto; onChanged: (message: string) => void }) {
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
