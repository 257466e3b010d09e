// Spend import (/forbruk/import, secretariat): EHF invoices with a result per file, exchange rates as CSV, and the
// mapping from UNSPSC / CPV code prefixes to the national categories.
import { useState, type ChangeEvent } from 'react';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import {
  classificationMappingSchema,
  type ClassificationMapping,
  type ingestReportSchema,
} from '@server/features/spend/spend.schemas.js';
import { api, toDisplayProblem, withQuery, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { EmptyRow, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { validate } from '../../shared/validate.js';
import { can } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { buildCategoryTree, categoriesPath, type Category } from '../categories/categories-api.js';

type IngestReport = z.infer<typeof ingestReportSchema>;
interface FileResult {
  file: string;
  report?: IngestReport;
  problem?: Problem;
}

const mappingsPath = '/api/spend/classification-mappings';

export function SpendImportPage() {
  return (
    <div data-testid="spend-import-page">
      <PageHeader
        title="Import av forbruksdata"
        lead={
          <>
            EHF-fakturaer, valutakurser og klassifiseringsnøkkel.{' '}
            <Link to="/forbruk">Til forbruksanalysen</Link>
          </>
        }
      />
      <EhfUpload />
      <RatesImport />
      <MappingEditor />
    </div>
  );
}

function EhfUpload() {
  const [isDryRun, setIsDryRun] = useState(false);
  const [results, setResults] = useState<FileResult[]>([]);
  const [isBusy, setIsBusy] = useState(false);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    setIsBusy(true);
    setResults([]);
    const collected: FileResult[] = [];
    for (const file of files) {
      try {
        const report = await api.post<IngestReport>(
          withQuery('/api/spend/import/ehf', { fileName: file.name, dryRun: String(isDryRun) }),
          undefined,
          { text: { body: await file.text(), contentType: 'application/xml' } },
        );
        collected.push({ file: file.name, report });
      } catch (error) {
        collected.push({ file: file.name, problem: toDisplayProblem(error) });
      }
      setResults([...collected]);
    }
    setIsBusy(false);
  }

  return (
    <section className="panel" data-testid="ehf-upload">
      <h2>EHF-fakturaer og kreditnotaer</h2>
      <p className="hint">
        Velg én eller flere XML-filer (Peppol BIS Billing 3.0). En fil med feil lagrer ingen av sine linjer;
        samme faktura (leverandør og fakturanummer) telles bare én gang.
      </p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="ehf-files">EHF-filer</label>
          <input
            id="ehf-files"
            type="file"
            multiple
            accept=".xml,application/xml,text/xml"
            disabled={isBusy}
            onChange={(event) => void choose(event)}
            data-testid="ehf-files"
          />
        </div>
        <label className="check-label">
          <input type="checkbox" checked={isDryRun} onChange={(event) => setIsDryRun(event.target.checked)} />{' '}
          Bare kontroller (lagre ingenting)
        </label>
      </div>
      {isBusy && (
        <p className="loading" role="status">
          Leser inn …
        </p>
      )}
      {results.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="ehf-results">
            <thead>
              <tr>
                <th scope="col">Fil</th>
                <th scope="col">Resultat</th>
                <th scope="col" className="numeric">
                  Linjer lagret
                </th>
                <th scope="col">Duplikater</th>
                <th scope="col">Avvist</th>
              </tr>
            </thead>
            <tbody>
              {results.map((result, index) => (
                <EhfResultRow key={`${result.file}-${index}`} result={result} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function EhfResultRow({ result }: { result: FileResult }) {
  const { report, problem } = result;
  const status = problem
    ? 'Avvist'
    : report!.rejected.length > 0
      ? 'Avvist'
      : report!.duplicates.length > 0
        ? 'Duplikat'
        : report!.dryRun
          ? 'Kontrollert'
          : 'Lagret';
  return (
    <tr data-testid="ehf-result" data-status={status}>
      <th scope="row">{result.file}</th>
      <td>
        {status}
        {report && report.invoices + report.creditNotes > 0 && (
          <span className="muted">
            {' '}
            ({report.invoices} faktura, {report.creditNotes} kreditnota)
          </span>
        )}
        {report && report.linesWithoutRate > 0 && (
          <div className="muted">{report.linesWithoutRate} linjer mangler valutakurs</div>
        )}
      </td>
      <td className="numeric">{report && !report.dryRun ? report.lines : '–'}</td>
      <td>
        {report?.duplicates.map((duplicate) => (
          <div key={`${duplicate.supplier}-${duplicate.invoiceNumber}`}>
            Faktura {duplicate.invoiceNumber} fra {duplicate.supplier} er allerede lest inn (
            {duplicate.firstSeenIn})
          </div>
        ))}
      </td>
      <td data-testid="ehf-rejected">
        {problem && (problem.detail || problem.title)}
        {report?.rejected.map((rejection, index) => (
          <div key={index}>{rejection.reason}</div>
        ))}
      </td>
    </tr>
  );
}

function RatesImport() {
  const [isDryRun, setIsDryRun] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [message, setMessage] = useState<string>();

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblem(undefined);
    setMessage(undefined);
    try {
      const summary = await api.post<{ dryRun: boolean; rates: number; currencies: string[] }>(
        withQuery('/api/spend/rates', { dryRun: String(isDryRun) }),
        undefined,
        { text: { body: await file.text(), contentType: 'text/csv' } },
      );
      setMessage(
        `${summary.dryRun ? 'Kontrollert' : 'Importert'} ${summary.rates} kurser for ${summary.currencies.join(', ') || 'ingen valutaer'}.`,
      );
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  }

  return (
    <section className="panel" data-testid="rates-import">
      <h2>Valutakurser (CSV)</h2>
      <p className="hint">
        Kolonnene <code>valuta;dato;kurs</code> (NOK per enhet), eller Norges Banks CSV med daglige
        valutakurser. Linjer i annen valuta uten kurs flagges og regnes ikke som NOK.
      </p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="rates-file">Kursfil</label>
          <input
            id="rates-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => void choose(event)}
          />
        </div>
        <label className="check-label">
          <input type="checkbox" checked={isDryRun} onChange={(event) => setIsDryRun(event.target.checked)} />{' '}
          Bare kontroller
        </label>
      </div>
      <ErrorBox problem={problem} testId="rates-error" />
      {message && (
        <Notice tone="success" testId="rates-result">
          {message}
        </Notice>
      )}
    </section>
  );
}

function MappingEditor() {
  const mappings = useApi<ClassificationMapping[]>(mappingsPath);
  const categories = useApi<Category[]>(categoriesPath);
  const [draft, setDraft] = useState<ClassificationMapping[] | null>(null);
  const [problem, setProblem] = useState<Problem>();
  const [message, setMessage] = useState<string>();
  const rows = draft ?? mappings.data ?? [];
  const tree = buildCategoryTree(categories.data ?? []);

  function change(index: number, patch: Partial<ClassificationMapping>) {
    setMessage(undefined);
    setDraft(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  }

  async function save() {
    const invalid = validate(classificationMappingSchema.array(), rows);
    if (invalid) {
      setProblem(invalid);
      return;
    }
    setProblem(undefined);
    try {
      const saved = await api.put<ClassificationMapping[]>(mappingsPath, rows);
      setDraft(null);
      mappings.reload();
      setMessage(`Lagret ${saved.length} koblinger.`);
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  }

  return (
    <section className="panel" data-testid="mapping-editor">
      <h2>Klassifiseringsnøkkel (UNSPSC / CPV → kategori)</h2>
      <p className="hint">
        Fakturalinjer uten avtaleartikkel eller avtalereferanse kategoriseres med varekoden (UNSPSC med listID
        TST, CPV med STI). Lengste kodeprefiks som passer vinner.
      </p>
      <ErrorBox problem={problem ?? mappings.problem} testId="mapping-error" />
      {message && <Notice tone="success">{message}</Notice>}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Kodeverk</th>
              <th scope="col">Kodeprefiks</th>
              <th scope="col">Kategori</th>
              <th scope="col">
                <span className="visually-hidden">Handlinger</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && <EmptyRow colSpan={4}>Ingen koblinger.</EmptyRow>}
            {rows.map((row, index) => (
              <tr key={index} data-testid="mapping-row">
                <td>
                  <select
                    aria-label="Kodeverk"
                    value={row.scheme}
                    onChange={(event) => change(index, { scheme: event.target.value as 'UNSPSC' | 'CPV' })}
                  >
                    <option value="UNSPSC">UNSPSC</option>
                    <option value="CPV">CPV</option>
                  </select>
                </td>
                <td>
                  <input
                    aria-label="Kodeprefiks"
                    inputMode="numeric"
                    value={row.codePrefix}
                    onChange={(event) => change(index, { codePrefix: event.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label="Kategori"
                    value={row.categoryCode}
                    onChange={(event) => change(index, { categoryCode: event.target.value })}
                  >
                    <option value="">Velg kategori</option>
                    {tree.flatMap(({ category, purchaseGroups }) => [
                      <option key={category.id} value={category.code}>
                        {category.code} {category.name}
                      </option>,
                      ...purchaseGroups.map((group) => (
                        <option key={group.id} value={group.code}>
                          {'  '}
                          {group.code} {group.name}
                        </option>
                      )),
                    ])}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => setDraft(rows.filter((_row, at) => at !== index))}
                  >
                    Fjern
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => setDraft([...rows, { scheme: 'UNSPSC', codePrefix: '', categoryCode: '' }])}
        >
          Ny kobling
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={draft === null}
          onClick={() => void save()}
        >
          Lagre nøkkelen
        </button>
        {draft !== null && (
          <button type="button" className="button" onClick={() => setDraft(null)}>
            Forkast endringer
          </button>
        )}
      </div>
    </section>
  );
}

/** The link from the spend page, for those who may import. */
export function SpendImportLink() {
  const user = useCurrentUser();
  if (!can.editAgreements(user)) return null;
  return (
    <Link to="/forbruk/import" className="button" data-testid="spend-import-link">
      Importer data
    </Link>
  );
}
