// The procurement list's state lives in the URL (Norwegian, shareable names): filters, sort, direction, page.
import type { OverviewSort } from '@server/domain/procurement-overview.rules.js';

/** URL query names → API query names. */
export const filterParams = {
  styringsgruppe: 'steeringGroupId',
  kategori: 'categoryCode',
  status: 'status',
  nivaa: 'level',
  betydning: 'significance',
  risiko: 'riskProfile',
  tidsplan: 'schedule',
  sok: 'q',
} as const;
export type FilterName = keyof typeof filterParams;
export const filterNames = Object.keys(filterParams) as FilterName[];

/** URL sort names → API sort ids. */
export const sortParams: Record<string, OverviewSort> = {
  navn: 'name',
  nivaa: 'level',
  betydning: 'significance',
  fase: 'phase',
  nesteport: 'nextGate',
  risiko: 'riskProfile',
  verdi: 'contractValueNok',
  forsinkelse: 'daysLate',
};
export const sortNameOf = Object.fromEntries(
  Object.entries(sortParams).map(([name, sort]) => [sort, name]),
) as Record<OverviewSort, string>;

/** The first click on these sorts shows the largest, highest or latest first. */
export const descendingFirst = new Set<OverviewSort>([
  'significance',
  'riskProfile',
  'contractValueNok',
  'daysLate',
]);

export interface ListState {
  filters: Record<FilterName, string>;
  sort: OverviewSort;
  descending: boolean;
  page: number;
}

export function readListState(params: URLSearchParams): ListState {
  return {
    filters: Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])) as Record<
      FilterName,
      string
    >,
    sort: sortParams[params.get('sorter') ?? ''] ?? 'name',
    descending: params.get('rekkefolge') === 'synkende',
    page: Math.max(1, Math.floor(Number(params.get('side'))) || 1),
  };
}

/** The API query for the state. */
export function apiQuery(state: ListState, pageSize: number) {
  return {
    ...Object.fromEntries(filterNames.map((name) => [filterParams[name], state.filters[name]])),
    sort: state.sort === 'name' ? undefined : state.sort,
    order: state.descending ? 'desc' : undefined,
    limit: pageSize,
    offset: (state.page - 1) * pageSize,
  };
}

/** The URL after a click on a column header: the same column turns around, a new one starts its own way. */
export function sortedParams(params: URLSearchParams, sort: OverviewSort, current: ListState) {
  const next = new URLSearchParams(params);
  const descending = current.sort === sort ? !current.descending : descendingFirst.has(sort);
  if (sort === 'name') next.delete('sorter');
  else next.set('sorter', sortNameOf[sort]);
  if (descending) next.set('rekkefolge', 'synkende');
  else next.delete('rekkefolge');
  next.delete('side');
  return next;
}
