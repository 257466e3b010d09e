// Avtaleregister: agreements with scope, categories and validity; the ones ending within 12 months without a
// replacing procurement; import from CSV or XLSX (all rows or none).
import { useState, type ChangeEvent } from 'react';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import type {
  agreementPageSchema,
  agreementSchema,
  expiringAgreementSchema,
} from '@server/features/agreements/agreements.schemas.js';
import { ApiError, toDisplayProblem, withQuery, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import { pageCountOf, pageOffset, Pager } from '../../shared/pager.js';
import { EmptyRow, Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { can } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';

type Agreement = z.infer<typeof agreementSchema>;
type ExpiringAgreement = z.infer<typeof expiringAgreementSchema>;
type AgreementPage = z.infer<typeof agreementPageSchema>;

/** The register grows with every local agreement: it is paged on the server. */
const PAGE_SIZE = 50;

const scopeLabels: Record<Agreement['scope'], string> = {
  national: 'Nasjonal',
  regional: 'Regional',
  local: 'Lokal',
};
const statusLabels: Record<Agreement['status'], string> = {
  draft: 'Utkast',
  active: 'Aktiv',
  expired: 'Utløpt',
  terminated: 'Avsluttet',
};

async function uploadAgreements(
  file: File,
): Promise<{ agreements: number; created: number; updated: number; articles: number }> {
  const isXlsx = file.name.toLowerCase().endsWith('.xlsx');
  const response = await fetch('/api/agreements/import', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': isXlsx
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv',
      Accept: 'application/json, application/problem+json',
    },
    body: isXlsx ? await file.arrayBuffer() : await file.text(),
  });
  const body = (await response.json()) as unknown;
  if (!response.ok) throw new ApiError(body as Problem);
  return body as { agreements: number; created: number; updated: number; articles: number };
}

export function AgreementsPage() {
  const user = useCurrentUser();
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const agreements = useApi<AgreementPage>(
    withQuery('/api/agreements', { q: text.trim(), limit: PAGE_SIZE, offset: pageOffset(page, PAGE_SIZE) }),
  );
  const rows = agreements.data?.items ?? [];
  const total = agreements.data?.total ?? 0;
  const first = pageOffset(page, PAGE_SIZE) + 1;
  const expiring = useApi<ExpiringAgreement[]>('/api/agreements/expiring');
  const [importProblem, setImportProblem] = useState<Problem>();
  const [imported, setImported] = useState<string>();

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setImportProblem(undefined);
    setImported(undefined);
    try {
      const summary = await uploadAgreements(file);
      setImported(
        `Importert ${summary.agreements} avtaler: ${summary.created} nye, ${summary.updated} endret, ${summary.articles} artikler.`,
      );
      agreements.reload();
      expiring.reload();
    } catch (error) {
      setImportProblem(toDisplayProblem(error));
    }
    event.target.value = '';
  }

  return (
    <div data-testid="agreements-page">
      <PageHeader
        title="Avtaler"
        lead="Avtaleregisteret: nasjonale, regionale og lokale avtaler med leverandør, kategorier og gyldighet."
        actions={
          can.editAgreements(user) && (
            <Link to="/avtaler/ny" className="button button-primary" data-testid="agreement-new">
              Ny avtale
            </Link>
          )
        }
      />
      <section className="panel" data-testid="expiring-agreements">
        <h2>Avtaler som utløper innen 12 måneder uten planlagt erstatning</h2>
        <ErrorBox problem={expiring.problem} />
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Avtale</th>
              <th scope="col">Leverandør</th>
              <th scope="col">Kategorier</th>
              <th scope="col">Gyldig til</th>
              <th scope="col" className="numeric">
                Dager igjen
              </th>
            </tr>
          </thead>
          <tbody>
            {(expiring.data ?? []).length === 0 && <EmptyRow colSpan={5}>Ingen.</EmptyRow>}
            {(expiring.data ?? []).map((agreement) => (
              <tr key={agreement.id}>
                <th scope="row">
                  {agreement.agreementNumber} {agreement.name}
                </th>
                <td>{agreement.supplierName}</td>
                <td>{agreement.categoryCodes.join(', ')}</td>
                <td>{formatDate(agreement.validTo)}</td>
                <td className="numeric">{agreement.daysLeft}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {can.editReferenceData(user) && (
        <section className="panel">
          <h2>Importer avtaler (CSV eller XLSX)</h2>
          <p className="hint">
            Kolonner:{' '}
            <code>
              avtalenummer, navn, leverandør, orgnr, omfang, rhf, hf, kategorier, gyldig_fra, gyldig_til,
              opsjoner, status
            </code>
            ; i XLSX kan arket «Artikler» ha{' '}
            <code>
              avtalenummer, artikkelnummer, gtin, beskrivelse, enhet, pris, produksjonsland, kritikalitet
            </code>
            . Ingenting importeres hvis en rad har feil.
          </p>
          <div className="field">
            <label htmlFor="agreement-file">Fil</label>
            <input
              id="agreement-file"
              type="file"
              accept=".csv,.xlsx,text/csv"
              onChange={(event) => void chooseFile(event)}
            />
          </div>
          <ErrorBox problem={importProblem} />
          {imported && <Notice tone="success">{imported}</Notice>}
        </section>
      )}

      <form
        className="filters"
        role="search"
        aria-label="Søk i avtaler"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field field-grow">
          <label htmlFor="agreement-search">Søk</label>
          <input
            id="agreement-search"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setPage(1);
            }}
            placeholder="Avtalenummer, navn eller leverandør"
          />
        </div>
      </form>
      <ErrorBox problem={agreements.problem} />
      {!agreements.data && !agreements.problem && <Loading />}
      {agreements.data && (
        <p className="muted" data-testid="agreement-count">
          {total > rows.length
            ? `${total} avtaler – viser ${first}–${first + rows.length - 1}`
            : `${total} avtaler`}
        </p>
      )}
      <div className="table-wrap">
        <table className="table" data-testid="agreement-list">
          <thead>
            <tr>
              <th scope="col">Avtale</th>
              <th scope="col">Leverandør</th>
              <th scope="col">Omfang</th>
              <th scope="col">Kategorier</th>
              <th scope="col">Gyldig</th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Artikler
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && agreements.data && <EmptyRow colSpan={7}>Ingen avtaler.</EmptyRow>}
            {rows.map((agreement) => (
              <tr key={agreement.id} data-testid="agreement-row">
                <th scope="row">
                  <Link to={`/avtaler/${agreement.id}`}>
                    {agreement.agreementNumber} {agreement.name}
                  </Link>
                </th>
                <td>
                  {agreement.supplierName} <span className="muted">({agreement.supplierOrgNumber})</span>
                </td>
                <td>{scopeLabels[agreement.scope]}</td>
                <td>{agreement.categoryCodes.join(', ')}</td>
                <td className="nowrap">
                  {formatDate(agreement.validFrom)}–{formatDate(agreement.validTo)}
                </td>
                <td>{statusLabels[agreement.status]}</td>
                <td className="numeric">{agreement.articleCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        page={page}
        pageCount={pageCountOf(total, PAGE_SIZE)}
        onPage={setPage}
        testId="agreement-pager"
      />
    </div>
  );
}
