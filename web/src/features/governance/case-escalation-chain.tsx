// An escalation chain on the case page (seed 000 §4): the earlier steps (each body's joint brief,
// recommendation and answers) and, for the leader of the body the case is with, taking it on to that body's
// own escalation target (e.g. Strategisk innkjøpsforum → Direktørmøte).
import { useState } from 'react';
import { escalateFurtherSchema } from '@server/features/governance/governance.schemas.js';
import { formatDate, formatTimestamp } from '../../shared/format.js';
import { TextAreaField } from '../../shared/fields.js';
import { validate } from '../../shared/validate.js';
import { ActionForm, useAction } from './case-actions.js';
import { escalateFurther, type CaseDto } from './governance-api.js';

type Escalation = NonNullable<CaseDto['escalation']>;

export function PreviousEscalationSteps({ escalation }: { escalation: Escalation }) {
  if (escalation.previousSteps.length === 0) return null;
  return (
    <ol className="plain-list" data-testid="escalation-steps">
      {escalation.previousSteps.map((step, index) => (
        <li key={index} data-testid="escalation-step" data-body={step.targetBodyName}>
          <h3 className="h-small">
            Først eskalert til {step.targetBodyName}{' '}
            <span className="muted">
              ({step.escalatedBy}, {formatTimestamp(step.escalatedAt)})
            </span>
          </h3>
          <div className="case-text">{step.brief}</div>
          <p>Anbefaling: {step.recommendation}</p>
          {step.answers.map((answer, i) => (
            <p key={i}>
              <strong>Svar fra {step.targetBodyName}:</strong> {answer.answer}{' '}
              <span className="muted">({answer.answeredBy})</span>
            </p>
          ))}
          <p className="muted">
            Eskalert videre av {step.forwardedBy} {formatDate(step.forwardedOn)}.
          </p>
        </li>
      ))}
    </ol>
  );
}

export function EscalateFurtherForm({
  sak,
  onChanged,
}: {
  sak: CaseDto;
  onChanged: (message: string) => void;
}) {
  const [brief, setBrief] = useState('');
  const [recommendation, setRecommendation] = useState('');
  const action = useAction(onChanged);
  const escalation = sak.escalation!;
  if (!sak.viewer.canEscalateFurther || !escalation.nextTarget) return null;
  const next = escalation.nextTarget.name;
  return (
    <ActionForm
      title={`Eskaler videre til ${next}`}
      testId="escalate-further-form"
      submitLabel="Eskaler videre"
      problem={action.problem}
      isSaving={action.isSaving}
      onSubmit={() => {
        const body = { brief, recommendation };
        void action.run(
          validate(escalateFurtherSchema, body),
          () => escalateFurther(sak.id, body),
          `Saken er eskalert videre til ${next}.`,
        );
      }}
    >
      <p className="hint">
        Kommer {escalation.targetBody?.name} heller ikke til enighet, skriver organet et felles notat med
        anbefaling, og {next} avklarer saken.
      </p>
      <TextAreaField
        id="escalate-further-brief"
        label="Felles notat"
        rows={4}
        value={brief}
        onChange={setBrief}
        problem={action.problem}
        path="brief"
      />
      <TextAreaField
        id="escalate-further-recommendation"
        label="Anbefaling"
        rows={2}
        value={recommendation}
        onChange={setRecommendation}
        problem={action.problem}
        path="recommendation"
      />
    </ActionForm>
  );
}
