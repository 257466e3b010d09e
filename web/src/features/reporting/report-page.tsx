// Porteføljerapport: one format for a steering group, a category, an RHF or the whole portfolio.
import { useState } from 'react';
import type { PortfolioReportAnswer } from '@server/features/reporting/reporting.schemas.js';
import { withQuery } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate, formatNok } from '../../shared/format.js';
import { pageCountOf, pageOffset, Pager } from '../../shared/pager.js';
import { EmptyRow, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { GateTimeline, GateTimelineLegend } from './gate-timeline.js';
import { SignificanceCell } from './significance-cell.js';

const scopeLabels = {
  all: 'Hele porteføljen',
  steeringGroup: 'Styringsgruppe',
  category: 'Kategori',
  rhf: 'RHF',
} as const;
type Scope = keyof typeof scopeLabels;
/** Rows per page; the roll-up and the exports always cover the whole scope. */
const PAGE_SIZE = 100;

export function ReportPage() {
  const params = new URLSearchParams(window.location.search);
  const [scope, setScope] = useState<Scope>((params.get('scope') as Scope | null) ?? 'all');
  const [code, setCode] = useState(params.get('code') ?? '');
  const [applied, setApplied] = useState({ scope, code });
  const [page, setPage] = useState(1);
  const query = { scope: applied.scope, code: applied.scope === 'all' ? undefined : applied.code };
  const report = useApi<PortfolioReportAnswer>(
    applied.scope !== 'all' && !applied.code
      ? null
      : withQuery('/api/reports/portfolio', {
          ...query,
          limit: PAGE_SIZE,
          offset: pageOffset(page, PAGE_SIZE),
        }),
  );
  const exportUrl = (format: string) => withQuery('/api/reports/portfolio/export', { ...query, format });
  const data = report.data;
  const r = data?.rollup;
  // One axis for the whole report (all pages, from the server): today's line stands in the same place on every row.
  const axis = data?.axis ?? null;

  return (
    <>
      <PageHeader
        title={data?.title ?? 'Porteføljerapport'}
        lead="Status på anskaffelsesplanen, planlagte og faktiske faseporter, risiko, gevinstestimat og behov for tiltak – i samme format for styringsgrupper, kategorier og RHF."
        actions={
          <>
            <a className="button" href={exportUrl('pdf')} data-testid="export-pdf">
              PDF
            </a>
            <a className="button" href={exportUrl('xlsx')} data-testid="export-xlsx">
              XLSX
            </a>
            <a className="button" href={exportUrl('csv')}>
              CSV
            </a>
            <a className="button" href="/api/open-data/ocds">
              OCDS (JSON)
            </a>
          </>
        }
      />
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied({ scope, code: code.trim() });
          setPage(1);
        }}
      >
        <label>
          Utvalg{' '}
          <select
            value={scope}
            onChange={(e) => setScope(e.target.value as Scope)}
            data-testid="report-scope"
          >
            {Object.entries(scopeLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {scope !== 'all' && (
          <label>
            Kode{' '}
            <input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              placeholder="f.eks. KIR, ADM, HV"
              data-testid="report-code"
            />
          </label>
        )}
        <button type="submit" className="button button-primary" data-testid="report-show">
          Vis rapport
        </button>
      </form>
      <ErrorBox problem={report.problem} />
      {report.isLoading && !data && <Loading />}
      {data && r && (
        <div data-testid="portfolio-report" data-busy={report.isLoading ? 'true' : 'false'}>
          <p className="muted">Generert {formatDate(data.generatedOn)}</p>
          <dl data-testid="rollup" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>
            {[
              ['procurements', 'Anskaffelser', r.procurements],
              ['onSchedule', 'I rute', r.onSchedule],
              ['late', 'Forsinket', r.late],
              ['gatesOnTime', 'Faseporter passert på tid', `${r.gatesOnTime} av ${r.gatesPassedWithPlan}`],
              ['highRisk', 'Høy risiko', r.highRisk],
              ['openCases', 'Åpne saker', r.openCases],
              ['escalations', 'Eskaleringer', r.escalations],
              ['gainEstimateNok', 'Gevinstestimat', formatNok(r.gainEstimateNok)],
              ['contractValueNok', 'Kontraktsverdi', formatNok(r.contractValueNok)],
              ...(data.implementation
                ? [
                    [
                      'implementationPlans',
                      'Implementeringsplaner ferdige',
                      `${data.implementation.plansDone} av ${data.implementation.plans}`,
                    ],
                    [
                      'implementationLate',
                      'Forsinkede implementeringspunkter',
                      data.implementation.lateItems,
                    ],
                  ]
                : []),
            ].map(([key, label, value]) => (
              <div key={key} className="stat-card">
                <dt>{label}</dt>
                <dd data-testid={`rollup-${key}`}>{value}</dd>
              </div>
            ))}
          </dl>
          <GateTimelineLegend />
          <div className="table-wrap">
            <table className="table" data-testid="report-table">
              <thead>
                <tr>
                  <th scope="col">Anskaffelse</th>
                  <th scope="col">Nivå</th>
                  <th scope="col">Kategori</th>
                  <th scope="col">Strategisk betydning (initial / endelig)</th>
                  <th scope="col">Fase</th>
                  <th scope="col">Risikoprofil</th>
                  <th scope="col">Faseporter planlagt / passert</th>
                  <th scope="col" className="numeric">
                    Forsinket (dager)
                  </th>
                  <th scope="col" className="numeric">
                    Gevinstestimat
                  </th>
                  <th scope="col" className="numeric">
                    Åpne saker / eskaleringer
                  </th>
                  <th scope="col">Behov for tiltak</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.length === 0 && <EmptyRow colSpan={11}>Ingen anskaffelser i utvalget.</EmptyRow>}
                {data.rows.map((row) => (
                  <tr key={row.procurementId} data-testid="report-row" data-name={row.name}>
                    <td>
                      <a href={`/anskaffelser/${row.procurementId}`}>{row.name}</a>
                    </td>
                    <td>{row.level ?? ''}</td>
                    <td>{row.categoryCode}</td>
                    <td>
                      <SignificanceCell row={row} />
                    </td>
                    <td>{row.phase}</td>
                    <td>{row.riskProfile ?? '–'}</td>
                    <td>
                      {row.gates.length > 0 && axis ? (
                        <GateTimeline gates={row.gates} axis={axis} today={data.generatedOn} />
                      ) : (
                        <span className="muted">Utenfor modellen</span>
                      )}
                    </td>
                    <td className="numeric" data-testid="row-days-late">
                      {row.daysLate}
                    </td>
                    <td className="numeric">{formatNok(row.gainEstimateNok)}</td>
                    <td className="numeric">
                      {row.openCases} / {row.escalations}
                    </td>
                    <td>{row.neededMeasures ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            pageCount={pageCountOf(data.page?.total ?? data.rows.length, PAGE_SIZE)}
            onPage={setPage}
            testId="report-pager"
          />
        </div>
      )}
    </>
  );
}
