// The web app's one cache of server data (TanStack Query). Every GET resource is cached under its own key,
// the path it was read from (`resourceKey`). After any successful write the server may have changed any read
// model (a vote moves a procurement's governance status, the KPIs and the meeting's minutes), so a write
// refetches every resource on screen and drops the cached ones that are not: no page ever shows data from
// before a write, and no page has to know which others to reload.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error.js';

/** A read refused for too many requests (429) or lost on the network is tried again, at most twice. */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  return failureCount < 2 && error instanceof ApiError && (error.status === 429 || error.status === 0);
}

/** Waits as long as the server asked (Retry-After), at most 30 seconds; a second for a network failure. */
export function retryDelayOf(failureCount: number, error: unknown): number {
  const asked = error instanceof ApiError ? error.retryAfterSeconds : undefined;
  return Math.min(30, asked ?? failureCount + 1) * 1000;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Errors are answers (403, 404, 409) to show at once, not hiccups to retry; only "too many requests"
      // and a lost connection are.
      retry: shouldRetryRead,
      retryDelay: retryDelayOf,
      refetchOnWindowFocus: false,
    },
  },
});

/** The cache key of a GET resource: its path with the query string (a filter is its own resource). */
export function resourceKey(path: string): readonly ['api', string] {
  return ['api', path];
}

/** Called by the API client after every successful write. */
export function afterWrite(): void {
  queryClient.removeQueries({ type: 'inactive' });
  void queryClient.invalidateQueries({ type: 'active' });
}

/** The session ended or changed hands: nothing cached may outlive it. */
export function forgetEverything(): void {
  queryClient.clear();
}
