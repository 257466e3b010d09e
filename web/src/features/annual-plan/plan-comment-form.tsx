import { useState, type FormEvent } from 'react';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import type { Organisation } from '../organisations/organisations-api.js';
import { levels, putComment, type AnnualPlan, type AnnualPlanItem, type Level } from './annual-plan-api.js';
import { FormActions } from '../../shared/ui.js';
import { TextAreaField } from '../../shared/fields.js';

const fieldLabels = {
  rhfId: 'RHF',
  agreesWithSignificance: 'Enig i initial betydning',
  proposedSignificance: 'Foreslått betydning',
  comment: 'Kommentar',
};

/** An RHF's feedback on one procurement's initial significance (the contact person speaks for own RHF). */
export function PlanCommentForm({
  year,
  item,
  rhfs,
  onClose,
  onSaved,
}: {
  year: number;
  item: AnnualPlanItem;
  /** The RHFs the user may speak for (own RHF for a contact person, all for the secretariat). */
  rhfs: readonly Organisation[];
  onClose: () => void;
  onSaved: (plan: AnnualPlan) => void;
}) {
  const [rhfId, setRhfId] = useState(rhfs.length === 1 ? rhfs[0]!.id : '');
  const existing = item.comments.find((c) => c.rhfId === rhfId);
  const [agrees, setAgrees] = useState<'ja' | 'nei'>(existing?.agreesWithSignificance ?? 'ja');
  const [proposed, setProposed] = useState<Level | ''>(existing?.proposedSignificance ?? '');
  const [comment, setComment] = useState(existing?.comment ?? '');
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  function chooseRhf(id: string) {
    setRhfId(id);
    const previous = item.comments.find((c) => c.rhfId === id);
    setAgrees(previous?.agreesWithSignificance ?? 'ja');
    setProposed(previous?.proposedSignificance ?? '');
    setComment(previous?.comment ?? '');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    try {
      onSaved(
        await putComment(year, item.id, {
          rhfId,
          agreesWithSignificance: agrees,
          proposedSignificance: agrees === 'nei' && proposed !== '' ? proposed : null,
          comment: comment.trim() === '' ? null : comment.trim(),
        }),
      );
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <Dialog title={`Innspill til «${item.procurementName}»`} onClose={onClose} testId="plan-comment-form">
      <form onSubmit={submit} noValidate>
        <ErrorBox problem={problem} fieldLabels={fieldLabels} isFocusedOnShow testId="plan-comment-error" />
        <p>
          Initial strategisk betydning: <strong>{item.initialSignificance}</strong>
        </p>
        <div className="field">
          <label htmlFor="plan-comment-rhf">På vegne av</label>
          {rhfs.length === 1 ? (
            <p className="readonly-value">{rhfs[0]!.name}</p>
          ) : (
            <select
              id="plan-comment-rhf"
              value={rhfId}
              onChange={(event) => chooseRhf(event.target.value)}
              aria-describedby="plan-comment-rhf-error"
              data-testid="plan-comment-rhf"
            >
              <option value="">Velg RHF</option>
              {rhfs.map((rhf) => (
                <option key={rhf.id} value={rhf.id}>
                  {rhf.name}
                </option>
              ))}
            </select>
          )}
          <FieldError problem={problem} path="rhfId" id="plan-comment-rhf-error" />
        </div>
        <fieldset className="field">
          <legend>Enig i initial strategisk betydning?</legend>
          <div className="inline-options">
            {(['ja', 'nei'] as const).map((value) => (
              <label key={value} className="check-label">
                <input
                  type="radio"
                  name="plan-comment-agrees"
                  value={value}
                  checked={agrees === value}
                  onChange={() => setAgrees(value)}
                  data-testid={`plan-comment-agrees-${value}`}
                />{' '}
                {value === 'ja' ? 'Ja' : 'Nei'}
              </label>
            ))}
          </div>
        </fieldset>
        {agrees === 'nei' && (
          <div className="field field-narrow">
            <label htmlFor="plan-comment-proposed">Foreslått betydning</label>
            <select
              id="plan-comment-proposed"
              value={proposed}
              onChange={(event) => setProposed(event.target.value as Level | '')}
              data-testid="plan-comment-proposed"
            >
              <option value="">Ikke oppgitt</option>
              {levels.map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
          </div>
        )}
        <TextAreaField
          id="plan-comment-text"
          label="Kommentar"
          rows={3}
          value={comment}
          onChange={setComment}
          data-testid="plan-comment-text"
          problem={problem}
          path="comment"
        />
        <FormActions
          isSaving={isSaving}
          onCancel={onClose}
          saveLabel="Lagre innspill"
          disabled={rhfId === ''}
          saveTestId="plan-comment-save"
        />
      </form>
    </Dialog>
  );
}
