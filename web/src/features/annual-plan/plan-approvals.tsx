// Godkjenning i RHF-ene (seed 001 §7.7: the plans are put for decision in each health region): each RHF
// approves for itself; the last approval approves the plan and carries initial significance and risk over.
import { useState, type FormEvent } from 'react';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { formatTimestamp } from '../../shared/format.js';
import { Badge } from '../../shared/ui.js';
import type { Organisation } from '../organisations/organisations-api.js';
import { approvePlan, type AnnualPlan } from './annual-plan-api.js';

const fieldLabels = { rhfId: 'RHF', note: 'Hvor RHF-et vedtok planen' };

export function PlanApprovals({
  plan,
  rhfs,
  ownRhfIds,
  onApproved,
}: {
  plan: AnnualPlan;
  /** The RHFs the user may speak for (own RHF for a contact person, all for the secretariat). */
  rhfs: readonly Organisation[];
  /** The RHFs the user is contact person for; for the others the secretariat registers the decision. */
  ownRhfIds: readonly string[];
  onApproved: (plan: AnnualPlan) => void;
}) {
  const mayApprove = plan.status === 'rhfFeedback';
  return (
    <section className="panel" aria-labelledby="plan-approvals-heading" data-testid="plan-approvals">
      <h2 id="plan-approvals-heading">Godkjenning i RHF-ene</h2>
      <p className="hint">
        Planen legges fram for beslutning i hver helseregion. Den er godkjent når alle RHF-ene har godkjent
        den; da overføres initial strategisk betydning og risiko til anskaffelsene. Sendes planen tilbake til
        utkast, faller godkjenningene bort.
      </p>
      <ul className="plain-list">
        {plan.approvals.map((approval) => (
          <li key={approval.rhfId} data-testid="plan-approval" data-rhf={approval.rhfName}>
            <strong>{approval.rhfName}:</strong> <Badge tone="ok">godkjent</Badge>{' '}
            <span className="muted">
              ({approval.approvedBy}, {formatTimestamp(approval.approvedAt)})
            </span>
            {approval.note && <> – {approval.note}</>}
          </li>
        ))}
        {plan.awaitingApprovalFrom.map((awaited) => {
          const speaksFor = rhfs.some((rhf) => rhf.id === awaited.rhfId);
          return (
            <li key={awaited.rhfId} data-testid="plan-approval-awaited" data-rhf={awaited.rhfName}>
              <strong>{awaited.rhfName}:</strong> <Badge tone="warning">venter</Badge>
              {mayApprove && speaksFor && (
                <ApproveForm
                  year={plan.year}
                  rhf={awaited}
                  needsNote={!ownRhfIds.includes(awaited.rhfId)}
                  onApproved={onApproved}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ApproveForm({
  year,
  rhf,
  needsNote,
  onApproved,
}: {
  year: number;
  rhf: { rhfId: string; rhfName: string };
  /** The secretariat registers an RHF's decision and says where it was made. */
  needsNote: boolean;
  onApproved: (plan: AnnualPlan) => void;
}) {
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);
  const noteId = `plan-approval-note-${rhf.rhfId}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    try {
      onApproved(
        await approvePlan(year, { rhfId: rhf.rhfId, note: note.trim() === '' ? null : note.trim() }),
      );
    } catch (error) {
      setProblem(toDisplayProblem(error));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form className="filters" onSubmit={submit} noValidate>
      <ErrorBox problem={problem} fieldLabels={fieldLabels} testId="plan-approval-error" />
      <label htmlFor={noteId}>
        {needsNote ? 'Vedtatt i (påkrevd)' : 'Merknad (valgfritt)'}{' '}
        <input
          id={noteId}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          placeholder={needsNote ? 'F.eks. styresak 12/2027' : undefined}
          aria-describedby={`${noteId}-error`}
          data-testid="plan-approval-note"
        />
      </label>
      <FieldError problem={problem} path="note" id={`${noteId}-error`} />
      <button
        type="submit"
        className="button button-primary"
        disabled={isSaving}
        data-testid="plan-approve-rhf"
      >
        Godkjenn for {rhf.rhfName}
      </button>
    </form>
  );
}
