// Loads one GET resource and lets the page reload it after a change.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, toDisplayProblem, type Problem } from './api-client.js';

interface Loaded<T> {
  key: string;
  data?: T;
  problem?: Problem;
  status?: number;
}

export interface Resource<T> {
  data: T | undefined;
  problem: Problem | undefined;
  /** HTTP status of the last failure (403 lets pages explain missing access). */
  errorStatus: number | undefined;
  isLoading: boolean;
  reload: () => void;
}

/** `path === null` means "do not load" (e.g. the user lacks the role). */
export function useApi<T>(path: string | null): Resource<T> {
  const [generation, setGeneration] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T>>({ key: '' });
  const key = path === null ? '' : `${generation}:${path}`;

  useEffect(() => {
    if (path === null) return;
    let isCurrent = true;
    api.get<T>(path).then(
      (data) =>
        isCurrent &&
        setLoaded((previous) => ({ ...previous, key, data, problem: undefined, status: undefined })),
      (error: unknown) =>
        isCurrent &&
        setLoaded((previous) => ({
          ...previous,
          key,
          problem: toDisplayProblem(error),
          status: error instanceof ApiError ? error.status : undefined,
        })),
    );
    return () => {
      isCurrent = false;
    };
  }, [path, key]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return {
    // Stale data stays visible while a reload or a new filter is on its way.
    data: loaded.data,
    problem: loaded.key === key ? loaded.problem : undefined,
    errorStatus: loaded.key === key ? loaded.status : undefined,
    isLoading: path !== null && loaded.key !== key,
    reload,
  };
}
