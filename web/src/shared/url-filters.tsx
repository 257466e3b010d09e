// Filters kept in the URL (so a filtered list can be bookmarked, shared and reached with the back button): the
// applied values read from the URL, a draft the form edits, and the search form with «Filtrer» and «Nullstill».
import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface UrlFilters<N extends string> {
  /** The applied values, from the URL ('' where not set). */
  filters: Record<N, string>;
  draft: Record<N, string>;
  /** `value` and `onChange` of a field that edits one filter of the draft. */
  bind: (name: N) => { value: string; onChange: (value: string) => void };
  /** Puts the draft's non-empty values in the URL (dropping every other parameter, e.g. the page). */
  apply: (event?: FormEvent) => void;
  reset: () => void;
  searchParams: URLSearchParams;
  setSearchParams: ReturnType<typeof useSearchParams>[1];
}

export function useUrlFilters<N extends string>(names: readonly N[]): UrlFilters<N> {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = Object.fromEntries(names.map((name) => [name, searchParams.get(name) ?? ''])) as Record<
    N,
    string
  >;
  const [draft, setDraft] = useState(filters);
  // Back to the URL's values when it changes (back button, links, «Nullstill»).
  const [draftFor, setDraftFor] = useState(searchParams.toString());
  if (draftFor !== searchParams.toString()) {
    setDraftFor(searchParams.toString());
    setDraft(filters);
  }
  return {
    filters,
    draft,
    bind: (name) => ({
      value: draft[name],
      onChange: (value) => setDraft((current) => ({ ...current, [name]: value })),
    }),
    apply: (event) => {
      event?.preventDefault();
      const next = new URLSearchParams();
      for (const name of names) if (draft[name].trim()) next.set(name, draft[name].trim());
      setSearchParams(next);
    },
    reset: () => setSearchParams(new URLSearchParams()),
    searchParams,
    setSearchParams,
  };
}

/** The search form above a list: its fields, then «Filtrer» (or `submitLabel`) and «Nullstill». */
export function FilterForm<N extends string>({
  label,
  filters,
  submitLabel = 'Filtrer',
  children,
}: {
  /** The form's accessible name, e.g. «Filtrer revisjonsloggen». */
  label: string;
  filters: Pick<UrlFilters<N>, 'apply' | 'reset'>;
  submitLabel?: string;
  children: ReactNode;
}) {
  return (
    <form className="filters" role="search" aria-label={label} onSubmit={filters.apply}>
      {children}
      <div className="filters-buttons">
        <button type="submit" className="button button-primary">
          {submitLabel}
        </button>
        <button type="button" className="button-link" onClick={filters.reset}>
          Nullstill
        </button>
      </div>
    </form>
  );
}
