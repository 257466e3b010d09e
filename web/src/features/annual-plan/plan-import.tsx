import { FileImport } from '../../shared/file-import.js';
import { pluralise } from '../../shared/ui.js';
import { importPlan, readPlanFile } from './annual-plan-api.js';

/** XLSX/CSV import of a draft plan: checked first without saving; all rows are imported, or none. */
export function PlanImport({ year, onImported }: { year: number; onImported: () => void }) {
  return (
    <FileImport
      heading="Importer plan (XLSX eller CSV)"
      hint={
        <>
          Kolonner: <code>anskaffelse;initial_betydning;gevinstestimat;risiko;merknad</code>. Anskaffelsen
          angis med navnet slik det står i portalen; betydning og risiko er høy, medium eller lav. Filen
          kontrolleres først uten at noe lagres, og ingenting importeres hvis en rad har feil. Anskaffelser
          som alt står i planen, oppdateres.
        </>
      }
      inputId="plan-import-file"
      inputLabel="Planfil"
      accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      read={readPlanFile}
      send={(file, dryRun) => importPlan(year, file, dryRun)}
      preview={(result, fileName) => (
        <p>
          <strong>{fileName}</strong> er kontrollert uten feil:{' '}
          {pluralise(result.wouldImport, 'anskaffelse', 'anskaffelser')} kan importeres.
        </p>
      )}
      confirmLabel={(result) => `Importer ${pluralise(result.wouldImport, 'rad', 'rader')}`}
      done={(result) => <>{pluralise(result.imported, 'anskaffelse', 'anskaffelser')} er importert.</>}
      onImported={onImported}
      testId="plan-import"
      testIdPrefix="plan-"
    />
  );
}
