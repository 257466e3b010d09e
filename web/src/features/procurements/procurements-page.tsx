import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { withQuery } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { compareNb, formatAnnouncement, formatDate, formatNok, formatYesNo } from '../../shared/format.js';
import { routingLabels, statusLabels, statusOrder, type ProcurementStatus } from '../../shared/labels.js';
import { EmptyRow, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { can } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { buildCategoryTree, categoriesPath, type Category } from '../categories/categories-api.js';
import { steeringGroupsPath, type SteeringGroup } from '../steering-groups/steering-groups-api.js';
import { procurementsPath, type Procurement, type ProcurementPage } from './procurements-api.js';

/** URL query names (Norwegian, shareable) → API query names. */
const filterParams = {
  styringsgruppe: 'steeringGroupId',
  kategori: 'categoryCode',
  status: 'status',
  sok: 'q',
  sorter: 'sort',
} as const;
type FilterName = keyof typeof filterParams;

/** Rows per page; the server pages, sorts and filters (the list may hold thousands of procurements). */
const PAGE_SIZE = 50;
const sortOptions = [
  ['', 'Navn'],
  ['projectStart', 'Prosjektoppstart'],
  ['announcementDate', 'Kunngjøring'],
  ['contractValueNok', 'Estimert kontraktsverdi'],
  ['updatedAt', 'Sist endret'],
] as const;
/** Dates, values and changes read best newest or largest first. */
const descendingSorts = new Set(['contractValueNok', 'updatedAt']);

export function ProcurementsPage() {
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = Object.fromEntries(
    (Object.keys(filterParams) as FilterName[]).map((name) => [name, searchParams.get(name) ?? '']),
  ) as Record<FilterName, string>;
  const pageNumber = Math.max(1, Number(searchParams.get('side')) || 1);
  const apiPath = withQuery(procurementsPath, {
    ...Object.fromEntries(
      (Object.keys(filterParams) as FilterName[]).map((name) => [filterParams[name], filters[name]]),
    ),
    order: descendingSorts.has(filters.sorter) ? 'desc' : undefined,
    limit: PAGE_SIZE,
    offset: (pageNumber - 1) * PAGE_SIZE,
  });
  const procurements = useApi<ProcurementPage>(apiPath);
  const groups = useApi<SteeringGroup[]>(steeringGroupsPath);
  const categories = useApi<Category[]>(categoriesPath);
  const [text, setText] = useState(filters.sok);
  const [textFor, setTextFor] = useState(filters.sok);
  // Keep the search box in step when the URL changes (back button, links).
  if (textFor !== filters.sok) {
    setTextFor(filters.sok);
    setText(filters.sok);
  }

  function setFilter(name: FilterName, value: string) {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('side');
    setSearchParams(next);
  }

  function goToPage(page: number) {
    const next = new URLSearchParams(searchParams);
    if (page > 1) next.set('side', String(page));
    else next.delete('side');
    setSearchParams(next);
  }

  function submitText(event: FormEvent) {
    event.preventDefault();
    setFilter('sok', text.trim());
  }

  const hasFilters = (['styringsgruppe', 'kategori', 'status', 'sok'] as const).some((name) => filters[name]);
  const sortedGroups = [...(groups.data ?? [])].sort((a, b) => compareNb(a.name, b.name));
  const rows = procurements.data?.items ?? [];
  const total = procurements.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total === 0 ? 0 : (pageNumber - 1) * PAGE_SIZE + 1;
  const routingProblems = rows.filter((procurement) => procurement.routing !== 'resolved').length;

  return (
    <>
      <PageHeader
        title="Anskaffelser"
        lead="Nasjonale og flerregionale anskaffelser, med styringsgruppen hver anskaffelse hører til."
        actions={
          can.createProcurement(user) && (
            <Link to="/anskaffelser/ny" className="button button-primary" data-testid="new-procurement">
              Ny anskaffelse
            </Link>
          )
        }
      />

      <form className="filters" onSubmit={submitText} role="search" aria-label="Filtrer anskaffelser">
        <div className="field">
          <label htmlFor="filter-group">Styringsgruppe</label>
          <select
            id="filter-group"
            value={filters.styringsgruppe}
            onChange={(event) => setFilter('styringsgruppe', event.target.value)}
            data-testid="filter-steering-group"
          >
            <option value="">Alle styringsgrupper</option>
            {sortedGroups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-category">Kategori / innkjøpsgruppe</label>
          <select
            id="filter-category"
            value={filters.kategori}
            onChange={(event) => setFilter('kategori', event.target.value)}
            data-testid="filter-category"
          >
            <option value="">Alle kategorier</option>
            {buildCategoryTree(categories.data ?? []).map(({ category, purchaseGroups }) => [
              <option key={category.id} value={category.code}>
                {category.code} – {category.name}
              </option>,
              ...purchaseGroups.map((purchaseGroup) => (
                <option key={purchaseGroup.id} value={purchaseGroup.code}>
                  {'\u00a0\u00a0\u00a0'}↳ {purchaseGroup.name}
                </option>
              )),
            ])}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select
            id="filter-status"
            value={filters.status}
            onChange={(event) => setFilter('status', event.target.value)}
            data-testid="filter-status"
          >
            <option value="">Alle statuser</option>
            {statusOrder.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-sort">Sorter etter</label>
          <select
            id="filter-sort"
            value={filters.sorter}
            onChange={(event) => setFilter('sorter', event.target.value)}
            data-testid="filter-sort"
          >
            {sortOptions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-grow">
          <label htmlFor="filter-text">Fritekst</label>
          <div className="input-with-button">
            <input
              id="filter-text"
              type="search"
              value={text}
              onChange={(event) => setText(event.target.value)}
              placeholder="Søk i navn og beskrivelse"
              data-testid="filter-text"
            />
            <button type="submit" className="button">
              Søk
            </button>
          </div>
        </div>
        {hasFilters && (
          <button
            type="button"
            className="button-link filters-reset"
            onClick={() => setSearchParams(new URLSearchParams())}
          >
            Nullstill filtre
          </button>
        )}
      </form>

      <ErrorBox problem={procurements.problem ?? groups.problem ?? categories.problem} />
      {procurements.isLoading && !procurements.data && <Loading />}
      {procurements.data && (
        <>
          <p className="result-count" aria-live="polite">
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
            >
              <thead>
                <tr>
                  <th scope="col">Anskaffelse</th>
                  <th scope="col">Kategori</th>
                  <th scope="col">Styringsgruppe</th>
                  <th scope="col">Status</th>
                  <th scope="col">Prosjektoppstart</th>
                  <th scope="col">Kunngjøring</th>
                  <th scope="col">Overgang til ny modell</th>
                  <th scope="col" className="numeric">
                    Estimert kontraktsverdi
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && (
                  <EmptyRow colSpan={8}>
                    {hasFilters ? 'Ingen anskaffelser passer filtrene.' : 'Ingen anskaffelser er registrert.'}
                  </EmptyRow>
                )}
                {rows.map((procurement) => (
                  <ProcurementRow key={procurement.id} procurement={procurement} />
                ))}
              </tbody>
            </table>
          </div>
          {pageCount > 1 && (
            <nav className="pager" aria-label="Sider" data-testid="procurement-pager">
              <button
                type="button"
                className="button"
                disabled={pageNumber <= 1}
                onClick={() => goToPage(pageNumber - 1)}
              >
                Forrige
              </button>
              <span>
                Side {pageNumber} av {pageCount}
              </span>
              <button
                type="button"
                className="button"
                disabled={pageNumber >= pageCount}
                onClick={() => goToPage(pageNumber + 1)}
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

function ProcurementRow({ procurement }: { procurement: Procurement }) {
  const hasRoutingProblem = procurement.routing !== 'resolved';
  return (
    <tr
      data-testid="procurement-row"
      data-routing={procurement.routing}
      className={hasRoutingProblem ? 'row-warning' : undefined}
    >
      <th scope="row">
        <Link to={`/anskaffelser/${procurement.id}`}>{procurement.name}</Link>
      </th>
      <td>
        <span className="code">{procurement.categoryCode}</span> {procurement.categoryName}
        {procurement.purchaseGroupName && (
          <span className="subtle">Innkjøpsgruppe: {procurement.purchaseGroupName}</span>
        )}
      </td>
      <td data-testid="procurement-steering-group">
        {procurement.steeringGroupId && procurement.steeringGroupName && !hasRoutingProblem ? (
          <Link to={`/styringsgrupper/${procurement.steeringGroupId}`}>{procurement.steeringGroupName}</Link>
        ) : (
          <span className="routing-warning" role="note">
            <span aria-hidden="true">! </span>
            {routingLabels[procurement.routing]}
          </span>
        )}
      </td>
      <td>
        <StatusLabel status={procurement.status} />
      </td>
      <td className="nowrap">{formatDate(procurement.projectStart)}</td>
      <td className="nowrap">
        {formatAnnouncement(procurement.announcementDate, procurement.announcementDatePrecision)}
      </td>
      <td>{formatYesNo(procurement.transferToNewModel)}</td>
      <td className="numeric nowrap">{formatNok(procurement.contractValueNok)}</td>
    </tr>
  );
}

export function StatusLabel({ status }: { status: ProcurementStatus }) {
  return <span className={`status status-${status}`}>{statusLabels[status]}</span>;
}
