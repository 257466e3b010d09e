import { FileImport } from '../../shared/file-import.js';
import { importCategories, type ImportSummary } from './categories-api.js';

/** CSV import of the category structure: a dry run first, then the real import after confirmation. */
export function CategoryImport({ onImported }: { onImported: () => void }) {
  return (
    <FileImport
      heading="Importer kategoristruktur (CSV)"
      hint={
        <>
          Kolonner: <code>code,name,parentCode,medical,runBy</code>. Innkjøpsgrupper har kategoriens kode i{' '}
          <code>parentCode</code>. Filen kontrolleres først uten at noe lagres; ingenting importeres hvis en
          rad har feil.
        </>
      }
      inputId="category-csv"
      inputLabel="CSV-fil"
      accept=".csv,text/csv"
      read={(file) => file.text()}
      send={importCategories}
      preview={(summary, fileName) => (
        <>
          <p>
            <strong>{fileName}</strong> er kontrollert. Importen vil gi:
          </p>
          <SummaryList summary={summary} />
        </>
      )}
      confirmLabel={(summary) => `Importer ${summary.rows} rader`}
      done={(summary) => (
        <>
          Importen er fullført.
          <SummaryList summary={summary} />
        </>
      )}
      onImported={onImported}
      testId="category-import"
    />
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
