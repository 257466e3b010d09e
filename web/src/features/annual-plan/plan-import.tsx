import { useState, type ChangeEvent } from 'react';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { Notice, pluralise } from '../../shared/ui.js';
import { importPlan, readPlanFile } from './annual-plan-api.js';

type PlanFile = Awaited<ReturnType<typeof readPlanFile>>;
type Step =
  | { name: 'choose' }
  | { name: 'checking'; fileName: string }
  | { name: 'preview'; fileName: string; file: PlanFile; rows: number }
  | { name: 'rejected'; fileName: string; problem: Problem }
  | { name: 'importing'; fileName: string }
  | { name: 'done'; rows: number };

/** XLSX/CSV import of a draft plan: checked first without saving; all rows are imported, or none. */
export function PlanImport({ year, onImported }: { year: number; onImported: () => void }) {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [inputKey, setInputKey] = useState(0);

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    setStep({ name: 'checking', fileName: chosen.name });
    try {
      const file = await readPlanFile(chosen);
      const result = await importPlan(year, file, true);
      setStep({ name: 'preview', fileName: chosen.name, file, rows: result.wouldImport });
    } catch (error) {
      setStep({ name: 'rejected', fileName: chosen.name, problem: toDisplayProblem(error) });
    }
  }

  async function confirm(fileName: string, file: PlanFile) {
    setStep({ name: 'importing', fileName });
    try {
      const result = await importPlan(year, file, false);
      setStep({ name: 'done', rows: result.imported });
      setInputKey((key) => key + 1);
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
    <section className="panel" aria-labelledby="plan-import-heading" data-testid="plan-import">
      <h2 id="plan-import-heading">Importer plan (XLSX eller CSV)</h2>
      <p className="hint">
        Kolonner: <code>anskaffelse;initial_betydning;gevinstestimat;risiko;merknad</code>. Anskaffelsen angis
        med navnet slik det står i portalen; betydning og risiko er høy, medium eller lav. Filen kontrolleres
        først uten at noe lagres, og ingenting importeres hvis en rad har feil. Anskaffelser som alt står i
        planen, oppdateres.
      </p>
      <div className="field">
        <label htmlFor="plan-import-file">Planfil</label>
        <input
          key={inputKey}
          id="plan-import-file"
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={chooseFile}
          disabled={step.name === 'checking' || step.name === 'importing'}
          data-testid="plan-import-file"
        />
      </div>
      {step.name === 'checking' && <p role="status">Kontrollerer {step.fileName} …</p>}
      {step.name === 'importing' && <p role="status">Importerer {step.fileName} …</p>}
      {step.name === 'rejected' && (
        <>
          <ErrorBox problem={step.problem} testId="plan-import-errors" />
          <button type="button" className="button" onClick={reset}>
            Velg en annen fil
          </button>
        </>
      )}
      {step.name === 'preview' && (
        <div className="import-preview" data-testid="plan-import-preview">
          <p>
            <strong>{step.fileName}</strong> er kontrollert uten feil:{' '}
            {pluralise(step.rows, 'anskaffelse', 'anskaffelser')} kan importeres.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => confirm(step.fileName, step.file)}
              data-testid="plan-import-confirm"
            >
              Importer {pluralise(step.rows, 'rad', 'rader')}
            </button>
            <button type="button" className="button" onClick={reset}>
              Avbryt
            </button>
          </div>
        </div>
      )}
      {step.name === 'done' && (
        <Notice tone="success" testId="plan-import-done">
          {pluralise(step.rows, 'anskaffelse', 'anskaffelser')} er importert.
        </Notice>
      )}
    </section>
  );
}
