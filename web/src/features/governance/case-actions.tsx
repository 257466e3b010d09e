// The case page's small action forms: one or more fields validated by the shared schema, one submit button,
// and the hook that runs the action and reports the outcome.
import { useState, type FormEvent, type ReactNode } from 'react';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';

/** A small inline form: one or more fields, validated by the shared schema, one submit button. */
export function ActionForm({
  title,
  testId,
  submitLabel,
  onSubmit,
  children,
  problem,
  isSaving,
  tone = 'default',
}: {
  title: string;
  testId: string;
  submitLabel: string;
  onSubmit: () => void;
  children: ReactNode;
  problem: Problem | undefined;
  isSaving: boolean;
  tone?: 'default' | 'danger';
}) {
  return (
    <form
      className="action-form"
      data-testid={testId}
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3>{title}</h3>
      <ErrorBox problem={problem} testId={`${testId}-error`} />
      {children}
      <button
        type="submit"
        className={`button ${tone === 'danger' ? 'button-danger' : 'button-primary'}`}
        disabled={isSaving}
        data-testid={`${testId}-submit`}
      >
        {isSaving ? 'Lagrer …' : submitLabel}
      </button>
    </form>
  );
}

export function useAction(onChanged: (message: string) => void) {
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);
  async function run(invalid: Problem | undefined, action: () => Promise<unknown>, message: string) {
    setProblem(invalid);
    if (invalid) return;
    setIsSaving(true);
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
