import { Fragment, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, toDisplayProblem, withQuery, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatTimestamp } from '../../shared/format.js';
import { entityTypeLabels } from '../../shared/labels.js';
import { EmptyRow, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { AuditDiff } from './audit-diff.js';
import { auditPath, type AuditEntry, type AuditPage as AuditPageDto } from './audit-api.js';
import { SelectField, TextField } from '../../shared/fields.js';

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
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = Object.fromEntries(
    filterNames.map((name) => [name, searchParams.get(name) ?? '']),
  ) as Record<FilterName, string>;
  const apiQuery = Object.fromEntries(filterNames.map((name) => [filterParams[name], filters[name]]));
  const path = withQuery(auditPath, { ...apiQuery, limit: PAGE_SIZE });
  const firstPage = useApi<AuditPageDto>(path);
  const [more, setMore] = useState<MorePages | null>(null);
  const [moreProblem, setMoreProblem] = useState<Problem>();
  const [isLoadingMore, setIsLoadingMore] = useState(false);
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const [draft, setDraft] = useState(filters);
  const [draftFor, setDraftFor] = useState(searchParams.toString());
  if (draftFor !== searchParams.toString()) {
    setDraftFor(searchParams.toString());
    setDraft(filters);
  }

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

  function applyFilters(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    filterNames.forEach((name) => draft[name].trim() && next.set(name, draft[name].trim()));
    setSearchParams(next);
  }

  function toggle(id: number) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const setDraftValue = (name: FilterName, value: string) =>
    setDraft((current) => ({ ...current, [name]: value }));

  return (
    <>
      <PageHeader
        title="Revisjonslogg"
        lead="Hvem endret hva og når. Hver endring lagres med tilstanden før og etter."
      />
      <form className="filters" onSubmit={applyFilters} role="search" aria-label="Filtrer revisjonsloggen">
        <SelectField
          id="audit-type"
          label="Objekttype"
          value={draft.type}
          onChange={(value) => setDraftValue('type', value)}
        >
          <option value="">Alle</option>
          {Object.entries(entityTypeLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField
          id="audit-actor"
          label="Bruker"
          value={draft.aktor}
          onChange={(value) => setDraftValue('aktor', value)}
          placeholder="brukernavn"
        />
        <TextField
          id="audit-action"
          label="Handling"
          value={draft.handling}
          onChange={(value) => setDraftValue('handling', value)}
          placeholder="f.eks. update"
        />
        <TextField
          id="audit-from"
          label="Fra og med"
          type="date"
          value={draft.fra}
          onChange={(value) => setDraftValue('fra', value)}
        />
        <TextField
          id="audit-to"
          label="Til og med"
          type="date"
          value={draft.til}
          onChange={(value) => setDraftValue('til', value)}
        />
        <div className="filters-buttons">
          <button type="submit" className="button button-primary">
            Filtrer
          </button>
          <button
            type="button"
            className="button-link"
            onClick={() => setSearchParams(new URLSearchParams())}
          >
            Nullstill
          </button>
        </div>
      </form>
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
