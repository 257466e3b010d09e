// Anskaffelser: the list at a glance — level, significance (initial / endelig), phase, next gate with its
// date, risk, contract value, on time / late. Filtered, sorted and paged on the server; filters, sort and
// page live in the URL.
import { Link, useSearchParams } from 'react-router-dom';
import type { OverviewSort } from '@server/domain/procurement-overview.rules.js';
import { withQuery } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { EmptyRow, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { can } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { ProcurementFilters } from './procurement-filters.js';
import { apiQuery, readListState, sortedParams, type FilterName } from './procurement-list-params.js';
import { ProcurementOverviewRowView } from './procurement-overview-row.js';
import { procurementOverviewPath, type ProcurementOverviewPage } from './procurements-api.js';

/** Rows per page; the server pages, sorts and filters (the list may hold thousands of procurements). */
const PAGE_SIZE = 50;

const columns: Array<{ title: string; sort?: OverviewSort; numeric?: boolean }> = [
  { title: 'Anskaffelse', sort: 'name' },
  { title: 'Nivå', sort: 'level' },
  { title: 'Styringsgruppe' },
  { title: 'Strategisk betydning (initial / endelig)', sort: 'significance' },
  { title: 'Fase', sort: 'phase' },
  { title: 'Neste faseport', sort: 'nextGate' },
  { title: 'Risikoprofil', sort: 'riskProfile' },
  { title: 'Kontraktsverdi', sort: 'contractValueNok', numeric: true },
  { title: 'Tidsplan', sort: 'daysLate' },
];

export function ProcurementsPage() {
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = readListState(searchParams);
  const procurements = useApi<ProcurementOverviewPage>(
    withQuery(procurementOverviewPath, apiQuery(state, PAGE_SIZE)),
  );

  function setFilter(name: FilterName, value: string) {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('side');
    setSearchParams(next);
  }

  function resetFilters() {
    const next = new URLSearchParams();
    for (const name of ['sorter', 'rekkefolge']) {
      const value = searchParams.get(name);
      if (value) next.set(name, value);
    }
    setSearchParams(next);
  }

  function goToPage(page: number) {
    const next = new URLSearchParams(searchParams);
    if (page > 1) next.set('side', String(page));
    else next.delete('side');
    setSearchParams(next);
  }

  const hasFilters = Object.values(state.filters).some(Boolean);
  const rows = procurements.data?.items ?? [];
  const total = procurements.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total === 0 ? 0 : (state.page - 1) * PAGE_SIZE + 1;
  const routingProblems = rows.filter((row) => row.routing !== 'resolved').length;

  return (
    <>
      <PageHeader
        title="Anskaffelser"
        lead="Nasjonale og flerregionale anskaffelser: nivå, strategisk betydning, fase og neste faseport, risiko og om de er i rute."
        actions={
          can.createProcurement(user) && (
            <Link to="/anskaffelser/ny" className="button button-primary" data-testid="new-procurement">
              Ny anskaffelse
            </Link>
          )
        }
      />

      <ProcurementFilters filters={state.filters} setFilter={setFilter} reset={resetFilters} />

      <ErrorBox problem={procurements.problem} />
      {procurements.isLoading && !procurements.data && <Loading />}
      {procurements.data && (
        <>
          <p className="result-count" aria-live="polite" data-testid="procurement-count">
            {procurements.isLoading
              ? 'Oppdaterer …'
              : total > rows.length
                ? `${total} anskaffelser – viser ${first}–${first + rows.length - 1}`
                : `${total} anskaffelser`}
            {routingProblems > 0 && !procurements.isLoading && (
              <span className="text-warning">
                {' '}
                – {routingProblems} uten entydig styringsgruppe{total > rows.length ? ' på denne siden' : ''}
              </span>
            )}
          </p>
          <div className="table-wrap">
            <table
              className="table table-dense"
              data-testid="procurement-list"
              data-busy={procurements.isLoading ? 'true' : 'false'}
              data-query={searchParams.toString()}
              data-total={total}
            >
              <thead>
                <tr>
                  {columns.map((column) => {
                    const active = column.sort === state.sort;
                    const direction = state.descending ? 'descending' : 'ascending';
                    return (
                      <th
                        key={column.title}
                        scope="col"
                        className={column.numeric ? 'numeric' : undefined}
                        aria-sort={active ? direction : undefined}
                      >
                        {column.sort ? (
                          <button
                            type="button"
                            className="sort-button"
                            onClick={() => setSearchParams(sortedParams(searchParams, column.sort!, state))}
                            data-testid={`sort-${column.sort}`}
                          >
                            {column.title}
                            <span aria-hidden="true">{active ? (state.descending ? ' ▼' : ' ▲') : ''}</span>
                          </button>
                        ) : (
                          column.title
                        )}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && (
                  <EmptyRow colSpan={columns.length}>
                    {hasFilters ? 'Ingen anskaffelser passer filtrene.' : 'Ingen anskaffelser er registrert.'}
                  </EmptyRow>
                )}
                {rows.map((row) => (
                  <ProcurementOverviewRowView key={row.procurementId} row={row} />
                ))}
              </tbody>
            </table>
          </div>
          {pageCount > 1 && (
            <nav className="pager" aria-label="Sider" data-testid="procurement-pager">
              <button
                type="button"
                className="button"
                disabled={state.page <= 1}
                onClick={() => goToPage(state.page - 1)}
                data-testid="pager-previous"
              >
                Forrige
              </button>
              <span data-testid="pager-position">
                Side {state.page} av {pageCount}
              </span>
              <button
                type="button"
                className="button"
                disabled={state.page >= pageCount}
                onClick={() => goToPage(state.page + 1)}
                data-testid="pager-next"
              >
                Neste
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
