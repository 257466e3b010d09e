import { useState, type ChangeEvent } from 'react';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { Notice } from '../../shared/ui.js';
import { importCategories, type ImportSummary } from './categories-api.js';

type Step =
  | { name: 'choose' }
  | { name: 'checking'; fileName: string }
  | { name: 'preview'; fileName: string; csv: string; summary: ImportSummary }
  | { name: 'rejected'; fileName: string; problem: Problem }
  | { name: 'importing'; fileName: string }
  | { name: 'done'; summary: ImportSummary };

/** CSV import of the category structure: a dry run first, then the real import after confirmation. */
export function CategoryImport({ onImported }: { onImported: () => void }) {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [inputKey, setInputKey] = useState(0);

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setStep({ name: 'checking', fileName: file.name });
    try {
      const csv = await file.text();
      const summary = await importCategories(csv, true);
      setStep({ name: 'preview', fileName: file.name, csv, summary });
    } catch (error) {
      setStep({ name: 'rejected', fileName: file.name, problem: toDisplayProblem(error) });
    }
  }

  async function confirm(fileName: string, csv: string) {
    setStep({ name: 'importing', fileName });
    try {
      const summary = await importCategories(csv, false);
      setStep({ name: 'done', summary });
      onImported();
    } catch (error) {
      setStep({ name: 'rejected', fileName, problem: toDisplayProblem(error) });
    }
  }

  function reset() {
    setStep({ name: 'choose' });
    setInputKey((key) => key + 1);
  }

  return (
    <section className="panel" aria-labelledby="import-heading" data-testid="category-import">
      <h2 id="import-heading">Importer kategoristruktur (CSV)</h2>
      <p className="hint">
        Kolonner: <code>code,name,parentCode,medical,runBy</code>. Innkjøpsgrupper har kategoriens kode i{' '}
        <code>parentCode</code>. Filen kontrolleres først uten at noe lagres; ingenting importeres hvis en rad
        har feil.
      </p>
      <div className="field">
        <label htmlFor="category-csv">CSV-fil</label>
        <input
          key={inputKey}
          id="category-csv"
          type="file"
          accept=".csv,text/csv"
          onChange={chooseFile}
          disabled={step.name === 'checking' || step.name === 'importing'}
        />
      </div>
      {step.name === 'checking' && <p role="status">Kontrollerer {step.fileName} …</p>}
      {step.name === 'importing' && <p role="status">Importerer {step.fileName} …</p>}
      {step.name === 'rejected' && (
        <>
          <ErrorBox problem={step.problem} testId="import-errors" />
          <button type="button" className="button" onClick={reset}>
            Velg en annen fil
          </button>
        </>
      )}
      {step.name === 'preview' && (
        <div className="import-preview" data-testid="import-preview">
          <p>
            <strong>{step.fileName}</strong> er kontrollert. Importen vil gi:
          </p>
          <SummaryList summary={step.summary} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => confirm(step.fileName, step.csv)}
            >
              Importer {step.summary.rows} rader
            </button>
            <button type="button" className="button" onClick={reset}>
              Avbryt
            </button>
          </div>
        </div>
      )}
      {step.name === 'done' && (
        <Notice tone="success" testId="import-done">
          Importen er fullført.
          <SummaryList summary={step.summary} />
        </Notice>
      )}
    </section>
  );
}

function SummaryList({ summary }: { summary: ImportSummary }) {
  return (
    <ul className="summary-list">
      <li>
        <strong>{summary.rows}</strong> rader lest
      </li>
      <li>
        <strong>{summary.created}</strong> nye
      </li>
      <li>
        <strong>{summary.updated}</strong> endret
      </li>
      <li>
        <strong>{summary.unchanged}</strong> uendret
      </li>
    </ul>
  );
}
