// «Din stemme» on a case page: a deciding member approves or objects (an objection needs a reason). Once the
// vote is stored the focus moves to the line that shows it, so a keyboard or screen-reader user hears that it
// was recorded and goes on from there (WCAG 2.4.3), instead of being sent back to the top of the page.
import { useEffect, useRef, useState } from 'react';
import { castVoteSchema } from '@server/features/governance/governance.schemas.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { validate } from '../../shared/validate.js';
import { castVote, type CaseDto } from './governance-api.js';
import { VoteBadge } from './governance-ui.js';

export function VotePanel({ sak, onChanged }: { sak: CaseDto; onChanged: (message: string) => void }) {
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);
  const { viewer } = sak;
  const recorded = useRef<HTMLParagraphElement>(null);
  const focusRecorded = useRef<string | null>(null);
  useEffect(() => {
    if (focusRecorded.current !== null && viewer.myVote === focusRecorded.current) {
      focusRecorded.current = null;
      recorded.current?.focus();
    }
  }, [sak, viewer.myVote]);

  async function vote(choice: 'approve' | 'object') {
    const body = { vote: choice, comment: comment.trim() === '' ? null : comment.trim() };
    const invalid = validate(castVoteSchema, body);
    setProblem(invalid);
    if (invalid) return;
    setIsSaving(true);
    try {
      await castVote(sak.id, body);
      setComment('');
      setIsSaving(false);
      focusRecorded.current = choice;
      onChanged(choice === 'approve' ? 'Du har godkjent saken.' : 'Innsigelsen er registrert.');
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <section className="panel panel-accent" aria-labelledby="vote-heading" data-testid="vote-panel">
      <h2 id="vote-heading">Din stemme</h2>
      {viewer.myVote && (
        <p data-testid="my-vote" data-vote={viewer.myVote} ref={recorded} tabIndex={-1}>
          Du har svart: <VoteBadge vote={viewer.myVote} />
        </p>
      )}
      {viewer.canVote && viewer.habilitet === 'unanswered' ? (
        <p className="muted" data-testid="answer-habilitet-first">
          Svar på habilitet i saken før du stemmer.
        </p>
      ) : viewer.canVote ? (
        <>
          <ErrorBox problem={problem} fieldLabels={{ comment: 'Begrunnelse' }} testId="vote-error" />
          <div className="field">
            <label htmlFor="vote-comment">Begrunnelse / kommentar</label>
            <textarea
              id="vote-comment"
              rows={3}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              aria-describedby="vote-comment-hint vote-comment-error"
              data-testid="vote-comment"
            />
            <p className="hint" id="vote-comment-hint">
              Påkrevd ved innsigelse.
            </p>
            <FieldError problem={problem} path="comment" id="vote-comment-error" />
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={isSaving}
              onClick={() => void vote('approve')}
              data-testid="vote-approve"
            >
              Godkjenn
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={isSaving}
              onClick={() => void vote('object')}
              data-testid="vote-object"
            >
              Innsigelse
            </button>
          </div>
        </>
      ) : (
        !viewer.isConflicted &&
        viewer.cannotVoteReason && (
          <p className="muted" data-testid="cannot-vote">
            {viewer.cannotVoteReason}
          </p>
        )
      )}
    </section>
  );
}
