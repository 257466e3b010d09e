// The portal's one import flow: choose a file → the server checks it without saving (dry run) → the user sees
// what would happen and confirms → the import runs, all rows or none. Every import page uses it.
import { useState, type ChangeEvent, type ReactNode } from 'react';
import { toDisplayProblem, type Problem } from './api-client.js';
import { ErrorBox } from './error-box.js';
import { Notice } from './ui.js';

type Step<Payload, Result> =
  | { name: 'choose' }
  | { name: 'checking'; fileName: string }
  | { name: 'preview'; fileName: string; payload: Payload; result: Result }
  | { name: 'rejected'; fileName: string; problem: Problem }
  | { name: 'importing'; fileName: string }
  | { name: 'done'; result: Result };

export interface FileImportProps<Payload, Result> {
  /** The section's heading, e.g. "Importer kategoristruktur (CSV)". */
  heading: string;
  /** What the columns are and what happens on an error. */
  hint: ReactNode;
  inputId: string;
  inputLabel: string;
  accept: string;
  /** Reads the chosen file into what the server takes (text, or parsed rows). */
  read: (file: File) => Promise<Payload>;
  /** Sends it; `dryRun` checks without saving. */
  send: (payload: Payload, dryRun: boolean) => Promise<Result>;
  /** What the checked file would give. */
  preview: (result: Result, fileName: string) => ReactNode;
  confirmLabel: (result: Result) => string;
  /** What the finished import gave. */
  done: (result: Result) => ReactNode;
  onImported: () => void;
  /** The section's test id. */
  testId: string;
  /** Prefix of the inner test ids (`${prefix}import-errors`, -preview, -done, -file, -confirm). */
  testIdPrefix?: string;
}

export function FileImport<Payload, Result>(props: FileImportProps<Payload, Result>) {
  const [step, setStep] = useState<Step<Payload, Result>>({ name: 'choose' });
  const [inputKey, setInputKey] = useState(0);
  const prefix = props.testIdPrefix ?? '';
  const headingId = `${props.inputId}-heading`;

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setStep({ name: 'checking', fileName: file.name });
    try {
      const payload = await props.read(file);
      const result = await props.send(payload, true);
      setStep({ name: 'preview', fileName: file.name, payload, result });
    } catch (error) {
      setStep({ name: 'rejected', fileName: file.name, problem: toDisplayProblem(error) });
    }
  }

  async function confirm(fileName: string, payload: Payload) {
    setStep({ name: 'importing', fileName });
    try {
      const result = await props.send(payload, false);
      setStep({ name: 'done', result });
      setInputKey((key) => key + 1);
      props.onImported();
    } catch (error) {
      setStep({ name: 'rejected', fileName, problem: toDisplayProblem(error) });
    }
  }

  function reset() {
    setStep({ name: 'choose' });
    setInputKey((key) => key + 1);
  }

  return (
    <section className="panel" aria-labelledby={headingId} data-testid={props.testId}>
      <h2 id={headingId}>{props.heading}</h2>
      <p className="hint">{props.hint}</p>
      <div className="field">
        <label htmlFor={props.inputId}>{props.inputLabel}</label>
        <input
          key={inputKey}
          id={props.inputId}
          type="file"
          accept={props.accept}
          onChange={chooseFile}
          disabled={step.name === 'checking' || step.name === 'importing'}
          data-testid={`${prefix}import-file`}
        />
      </div>
      {step.name === 'checking' && <p role="status">Kontrollerer {step.fileName} …</p>}
      {step.name === 'importing' && <p role="status">Importerer {step.fileName} …</p>}
      {step.name === 'rejected' && (
        <>
          <ErrorBox problem={step.problem} testId={`${prefix}import-errors`} />
          <button type="button" className="button" onClick={reset}>
            Velg en annen fil
          </button>
        </>
      )}
      {step.name === 'preview' && (
        <div className="import-preview" data-testid={`${prefix}import-preview`}>
          {props.preview(step.result, step.fileName)}
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => confirm(step.fileName, step.payload)}
              data-testid={`${prefix}import-confirm`}
            >
              {props.confirmLabel(step.result)}
            </button>
            <button type="button" className="button" onClick={reset}>
              Avbryt
            </button>
          </div>
        </div>
      )}
      {step.name === 'done' && (
        <Notice tone="success" testId={`${prefix}import-done`}>
          {props.done(step.result)}
        </Notice>
      )}
    </section>
  );
}
