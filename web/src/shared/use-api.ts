// Reads one GET resource through the query cache (shared/query-client.ts): pages that show the same resource
// share one request, and writes refresh it without the page asking.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, ApiError, toDisplayProblem, type Problem } from './api-client.js';
import { resourceKey } from './query-client.js';

export interface Resource<T> {
  data: T | undefined;
  problem: Problem | undefined;
  /** HTTP status of the last failure (403 lets pages explain missing access). */
  errorStatus: number | undefined;
  /** True while the resource is being read or refreshed (pages show it as data-busy). */
  isLoading: boolean;
  reload: () => void;
}

/** `path === null` means "do not load" (e.g. the user lacks the role). */
export function useApi<T>(path: string | null): Resource<T> {
  const query = useQuery({
    queryKey: resourceKey(path ?? ''),
    queryFn: () => api.get<T>(path ?? ''),
    enabled: path !== null,
    // Stale data stays visible while a new filter is on its way.
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const isLoading = path !== null && query.isFetching;
  const error = isLoading ? null : query.error;
  return {
    data: query.data,
    problem: error ? toDisplayProblem(error) : undefined,
    errorStatus: error instanceof ApiError ? error.status : undefined,
    isLoading,
    reload,
  };
}
