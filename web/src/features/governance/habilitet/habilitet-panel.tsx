// The habilitet parts of a case page: the deciding member's answer (before exempt documents and the vote),
// and the habilitet questions with the RHF contact's decision form (seed 001 §5.3, §7.2).
import { useEffect, useRef, useState } from 'react';
import { toDisplayProblem, type Problem } from '../../../shared/api-client.js';
import { ErrorBox } from '../../../shared/error-box.js';
import { formatDate, formatTimestamp } from '../../../shared/format.js';
import { Badge, Notice } from '../../../shared/ui.js';
import { useCurrentUser } from '../../auth/session.js';
import type { CaseDto } from '../governance-api.js';
import {
  answerNoConflict,
  decidedByText,
  decideQuestion,
  habilitetStateLabels,
  questionSourceLabels,
  questionStatusLabels,
  reportPossibleConflict,
} from './habilitet-api.js';
import { SubstituteForm } from './substitute-form.js';

type Changed = (message: string) => void;

function useAction(onChanged: Changed) {
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);
  async function run(action: () => Promise<unknown>, message: string) {
    setIsSaving(true);
    setProblem(undefined);
    try {
      await action();
      setIsSaving(false);
      onChanged(message);
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }
  return { problem, isSaving, run };
}

/** For a member who decides the case: answer "ingen kjent konflikt" or report a possible conflict. */
export function HabilitetAnswerPanel({ sak, onChanged }: { sak: CaseDto; onChanged: Changed }) {
  const state = sak.viewer.habilitet;
  const user = useCurrentUser();
  const [reason, setReason] = useState('');
  // The buttons answered with disappear once the answer is stored: the focus moves to the new status, not to
  // the top of the page (WCAG 2.4.3), and the next Tab leads on to the vote.
  const status = useRef<HTMLParagraphElement>(null);
  const focusStatus = useRef(false);
  const action = useAction((message) => {
    focusStatus.current = true;
    onChanged(message);
  });
  useEffect(() => {
    if (focusStatus.current && state !== 'unanswered') {
      focusStatus.current = false;
      status.current?.focus();
    }
  }, [state]);
  if (state === null) return null;
  const open = ['open', 'dissent', 'outsideMandate', 'lineEscalated', 'escalated'].includes(sak.status);
  const me = sak.habilitet.members.find((m) => m.personId === user.personId);
  const rhfName = me?.rhfName ?? 'RHF-et';

  return (
    <section
      className="panel panel-accent"
      aria-labelledby="habilitet-heading"
      data-testid="habilitet-panel"
      data-state={state}
    >
      <h2 id="habilitet-heading">Din habilitet</h2>
      <p ref={status} tabIndex={-1}>
        Status: <strong data-testid="my-habilitet">{habilitetStateLabels[state]}</strong>
      </p>
      {state === 'reported' && (
        <Notice tone="info" testId="conflicted-notice">
          Habilitetsspørsmålet ditt er sendt til {rhfName}, som avgjør om du er inhabil. Til da deltar du ikke
          i behandlingen og har ikke tilgang til dokumenter som er unntatt offentlighet. Du kan ikke trekke
          spørsmålet selv.
        </Notice>
      )}
      {state === 'inhabil' && (
        <Notice tone="info" testId="conflicted-notice">
          {rhfName} har avgjort at du er inhabil. Du deltar ikke i behandlingen av saken.
        </Notice>
      )}
      {state === 'unanswered' && open && (
        <p className="hint">
          Før du leser unntatte dokumenter eller stemmer: bekreft at du ikke kjenner til forhold som kan gjøre
          deg inhabil, eller meld fra om et mulig habilitetsspørsmål. Ditt RHF avgjør det.
        </p>
      )}
      <ErrorBox problem={action.problem} fieldLabels={{ reason: 'Begrunnelse' }} testId="habilitet-error" />
      {open && (state === 'unanswered' || state === 'noKnownConflict' || state === 'ikkeInhabil') && (
        <>
          {state === 'unanswered' && (
            <div className="form-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={action.isSaving}
                data-testid="habilitet-no-conflict"
                onClick={() =>
                  void action.run(() => answerNoConflict(sak.id), 'Du har svart: ingen kjent konflikt.')
                }
              >
                Ingen kjent konflikt
              </button>
            </div>
          )}
          <details data-testid="habilitet-report-form">
            <summary>Meld mulig inhabilitet</summary>
            <div className="field">
              <label htmlFor="habilitet-reason">Hva kan utfordre habiliteten din?</label>
              <textarea
                id="habilitet-reason"
                rows={3}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                data-testid="habilitet-reason"
              />
              <p className="hint">
                Meldingen går til ditt RHF. Den kan ikke trekkes; bare RHF-ets avgjørelse avslutter den.
              </p>
            </div>
            <button
              type="button"
              className="button"
              disabled={action.isSaving}
              data-testid="habilitet-report"
              onClick={() =>
                void action.run(
                  () => reportPossibleConflict(sak.id, reason.trim()),
                  'Habilitetsspørsmålet er sendt til ditt RHF.',
                )
              }
            >
              Send til RHF-et
            </button>
          </details>
        </>
      )}
    </section>
  );
}

/** The case's habilitet questions: who, from where, status, by whose decision; the decision form. */
export function HabilitetQuestionsSection({ sak, onChanged }: { sak: CaseDto; onChanged: Changed }) {
  const { questions, quorate, quorumReason } = sak.habilitet;
  // The decision form goes once the decision is stored: the focus moves to the decision it shows (WCAG 2.4.3).
  const decided = useRef<string | null>(null);
  useEffect(() => {
    const id = decided.current;
    if (id && questions.some((q) => q.id === id && q.status !== 'pending')) {
      decided.current = null;
      document.getElementById(`habilitet-decided-${id}`)?.focus();
    }
  }, [questions]);
  if (questions.length === 0 && quorate) return null;
  return (
    <section
      className="panel"
      aria-labelledby="habilitet-questions-heading"
      data-testid="habilitet-questions"
    >
      <h2 id="habilitet-questions-heading">Habilitet og beslutningsdyktighet</h2>
      {!quorate && (
        <Notice tone="warning" testId="not-quorate">
          <strong>Ikke beslutningsdyktig.</strong> {quorumReason}
        </Notice>
      )}
      <SubstituteForm sak={sak} onChanged={onChanged} />
      {questions.length > 0 && (
        <ul className="plain-list">
          {questions.map((question) => (
            <li
              key={question.id}
              data-testid="habilitet-question"
              data-status={question.status}
              data-person-name={question.personName}
            >
              <strong>{question.personName}</strong> ({question.rhfName}):{' '}
              <Badge tone={question.status === 'ikkeInhabil' ? 'ok' : 'warning'}>
                {questionStatusLabels[question.status]}
              </Badge>{' '}
              <span className="subtle">
                {questionSourceLabels[question.source]} {formatTimestamp(question.raisedAt)}
              </span>
              {question.reason && <p className="subtle">«{question.reason}»</p>}
              {question.decidedByName && (
                <p data-testid="habilitet-decided-by" id={`habilitet-decided-${question.id}`} tabIndex={-1}>
                  Avgjort av {decidedByText(question)}
                  {question.decidedOn && <> {formatDate(question.decidedOn)}</>}
                  {question.decisionReason && <>: «{question.decisionReason}»</>}
                </p>
              )}
              {sak.viewer.canDecideHabilitetQuestionIds.includes(question.id) && (
                <DecideForm
                  questionId={question.id}
                  onChanged={(message) => {
                    decided.current = question.id;
                    onChanged(message);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DecideForm({ questionId, onChanged }: { questionId: string; onChanged: Changed }) {
  const [outcome, setOutcome] = useState<'inhabil' | 'ikkeInhabil' | ''>('');
  const [reason, setReason] = useState('');
  const action = useAction(onChanged);
  return (
    <form
      className="subform"
      data-testid="habilitet-decide-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!outcome) return;
        void action.run(
          () => decideQuestion(questionId, { outcome, reason: reason.trim() }),
          outcome === 'inhabil' ? 'Avgjort: inhabil.' : 'Avgjort: ikke inhabil.',
        );
      }}
    >
      <ErrorBox problem={action.problem} fieldLabels={{ reason: 'Begrunnelse' }} />
      <fieldset>
        <legend>RHF-ets avgjørelse</legend>
        <label className="check-label">
          <input
            type="radio"
            name={`outcome-${questionId}`}
            checked={outcome === 'inhabil'}
            onChange={() => setOutcome('inhabil')}
            data-testid="habilitet-outcome-inhabil"
          />{' '}
          Inhabil – deltar ikke i saken
        </label>
        <label className="check-label">
          <input
            type="radio"
            name={`outcome-${questionId}`}
            checked={outcome === 'ikkeInhabil'}
            onChange={() => setOutcome('ikkeInhabil')}
            data-testid="habilitet-outcome-ikke-inhabil"
          />{' '}
          Ikke inhabil – deltar i saken
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`decision-reason-${questionId}`}>Begrunnelse</label>
        <textarea
          id={`decision-reason-${questionId}`}
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          data-testid="habilitet-decision-reason"
        />
      </div>
      <button
        type="submit"
        className="button button-primary"
        disabled={action.isSaving || !outcome}
        data-testid="habilitet-decide"
      >
        Registrer avgjørelsen
      </button>
    </form>
  );
}
