import { Fragment, useState } from 'react';
import { api, toDisplayProblem, withQuery, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatTimestamp } from '../../shared/format.js';
import { entityTypeLabels } from '../../shared/labels.js';
import { EmptyRow, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { AuditDiff } from './audit-diff.js';
import { auditPath, type AuditEntry, type AuditPage as AuditPageDto } from './audit-api.js';
import { SelectField, TextField } from '../../shared/fields.js';
import { FilterForm, useUrlFilters } from '../../shared/url-filters.js';

const PAGE_SIZE = 100;
/** URL query names (Norwegian) → API query names. */
const filterParams = {
  type: 'entityType',
  id: 'entityId',
  aktor: 'actor',
  handling: 'action',
  fra: 'from',
  til: 'to',
} as const;
type FilterName = keyof typeof filterParams;
const filterNames = Object.keys(filterParams) as FilterName[];

interface MorePages {
  forPath: string;
  entries: AuditEntry[];
  nextBeforeId: number | null;
}

export function AuditPage() {
  const urlFilters = useUrlFilters(filterNames);
  const { filters, bind, setSearchParams } = urlFilters;
  const apiQuery = Object.fromEntries(filterNames.map((name) => [filterParams[name], filters[name]]));
  const path = withQuery(auditPath, { ...apiQuery, limit: PAGE_SIZE });
  const firstPage = useApi<AuditPageDto>(path);
  const [more, setMore] = useState<MorePages | null>(null);
  const [moreProblem, setMoreProblem] = useState<Problem>();
  const [isLoadingMore, setIsLoadingMore] = useState(false);
  const [expanded, setExpanded] = useState<Set<number>>(new Set());

  const extra = more?.forPath === path ? more : null;
  const entries = [...(firstPage.data?.entries ?? []), ...(extra?.entries ?? [])];
  const nextBeforeId = extra ? extra.nextBeforeId : (firstPage.data?.nextBeforeId ?? null);

  async function loadMore() {
    if (nextBeforeId === null) return;
    setIsLoadingMore(true);
    setMoreProblem(undefined);
    try {
      const page = await api.get<AuditPageDto>(
        withQuery(auditPath, { ...apiQuery, limit: PAGE_SIZE, beforeId: nextBeforeId }),
      );
      setMore({
        forPath: path,
        entries: [...(extra?.entries ?? []), ...page.entries],
        nextBeforeId: page.nextBeforeId,
      });
    } catch (error) {
      setMoreProblem(toDisplayProblem(error));
    } finally {
      setIsLoadingMore(false);
    }
  }

  function toggle(id: number) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <>
      <PageHeader
        title="Revisjonslogg"
        lead="Hvem endret hva og når. Hver endring lagres med tilstanden før og etter."
      />
      <FilterForm label="Filtrer revisjonsloggen" filters={urlFilters}>
        <SelectField
          id="audit-type"
          label="Objekttype"
          {...bind('type')}
          empty="Alle"
          options={entityTypeLabels}
        />
        <TextField id="audit-actor" label="Bruker" {...bind('aktor')} placeholder="brukernavn" />
        <TextField id="audit-action" label="Handling" {...bind('handling')} placeholder="f.eks. update" />
        <TextField id="audit-from" label="Fra og med" type="date" {...bind('fra')} />
        <TextField id="audit-to" label="Til og med" type="date" {...bind('til')} />
      </FilterForm>
      {filters.id && <p className="muted">Viser bare objektet med id {filters.id}.</p>}

      <ErrorBox problem={firstPage.problem} />
      {firstPage.isLoading && !firstPage.data && <Loading />}
      {firstPage.data && (
        <div className="table-wrap">
          <table
            className="table"
            data-testid="audit-table"
            data-busy={firstPage.isLoading ? 'true' : 'false'}
          >
            <thead>
              <tr>
                <th scope="col">Tidspunkt</th>
                <th scope="col">Hvem</th>
                <th scope="col">Handling</th>
                <th scope="col">Objekt</th>
                <th scope="col">Sammendrag</th>
                <th scope="col">
                  <span className="visually-hidden">Detaljer</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.length === 0 && <EmptyRow colSpan={6}>Ingen hendelser passer filtrene.</EmptyRow>}
              {entries.map((entry) => {
                const isOpen = expanded.has(entry.id);
                return (
                  <Fragment key={entry.id}>
                    <tr data-testid="audit-row">
                      <td className="nowrap">{formatTimestamp(entry.at)}</td>
                      <td>{entry.actorUsername}</td>
                      <td className="code">{entry.action}</td>
                      <td>
                        {entityTypeLabels[entry.entityType] ?? entry.entityType}
                        {entry.entityId && (
                          <button
                            type="button"
                            className="button-link subtle"
                            onClick={() =>
                              setSearchParams(
                                new URLSearchParams({ type: entry.entityType, id: entry.entityId ?? '' }),
                              )
                            }
                            title="Vis bare hendelser for dette objektet"
                          >
                            {entry.entityId.slice(0, 8)}
                          </button>
                        )}
                      </td>
                      <td>{entry.summary}</td>
                      <td>
                        {(entry.before !== null && entry.before !== undefined) ||
                        (entry.after !== null && entry.after !== undefined) ? (
                          <button
                            type="button"
                            className="button button-small"
                            aria-expanded={isOpen}
                            aria-controls={`audit-diff-${entry.id}`}
                            onClick={() => toggle(entry.id)}
                          >
                            {isOpen ? 'Skjul endringer' : 'Vis endringer'}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                    {isOpen && (
                      <tr className="diff-row" id={`audit-diff-${entry.id}`}>
                        <td colSpan={6}>
                          <AuditDiff before={entry.before} after={entry.after} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ErrorBox problem={moreProblem} />
      {nextBeforeId !== null && !firstPage.isLoading && (
        <div className="load-more">
          <button
            type="button"
            className="button"
            onClick={loadMore}
            disabled={isLoadingMore}
            data-testid="audit-load-more"
          >
            {isLoadingMore ? 'Laster …' : 'Last flere'}
          </button>
        </div>
      )}
    </>
  );
}
