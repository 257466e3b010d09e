// The one way the web app talks to the server: same-origin JSON, problem+json errors, 401 → login page.
import { ApiError, type Problem, type ProblemItem } from './api-error.js';
import { afterWrite, forgetEverything } from './query-client.js';
import { CLOCK_HEADER, syncServerClock } from './clock.js';

export { ApiError, type Problem, type ProblemItem } from './api-error.js';

let handleUnauthorized: () => void = () => {};

/** The session provider registers how to react when the server says the session is gone. */
export function onUnauthorized(handler: () => void): void {
  handleUnauthorized = handler;
}

interface RequestOptions {
  /** Raw text body sent with this content type instead of JSON (CSV import). */
  text?: { body: string; contentType: string };
  /** Login and the session probe expect 401 and handle it themselves. */
  isUnauthorizedExpected?: boolean;
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  let payload: string | undefined;
  if (options.text) {
    headers['Content-Type'] = options.text.contentType;
    payload = options.text.body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(
      localProblem(0, 'Nettverksfeil', 'Fikk ikke kontakt med serveren. Sjekk nettverket og prøv igjen.'),
    );
  }

  syncServerClock(response.headers.get(CLOCK_HEADER));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;

  if (!response.ok) {
    const problem = toProblem(response.status, data);
    if (response.status === 401 && !options.isUnauthorizedExpected) {
      forgetEverything();
      handleUnauthorized();
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
  }
  if (method !== 'GET') afterWrite();
  return data as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body, options),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function localProblem(
  status: number,
  title: string,
  detail: string,
  errors: ProblemItem[] = [],
): Problem {
  return { type: 'about:blank', title, status, detail, code: 'client', errors };
}

/** Any thrown value as a problem the error box can show. */
export function toDisplayProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return localProblem(0, 'Uventet feil', error instanceof Error ? error.message : String(error));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toProblem(status: number, data: unknown): Problem {
  if (data && typeof data === 'object' && 'status' in data && 'title' in data) {
    const partial = data as Partial<Problem>;
    return {
      type: partial.type ?? 'about:blank',
      title: partial.title ?? defaultTitle(status),
      status,
      detail: partial.detail ?? '',
      code: partial.code ?? String(status),
      errors: Array.isArray(partial.errors) ? partial.errors : [],
    };
  }
  return localProblem(status, defaultTitle(status), typeof data === 'string' ? data.slice(0, 300) : '');
}

function defaultTitle(status: number): string {
  if (status === 400) return 'Ugyldige data';
  if (status === 401) return 'Ikke innlogget';
  if (status === 403) return 'Ingen tilgang';
  if (status === 404) return 'Finnes ikke';
  if (status === 409) return 'Konflikt';
  if (status >= 500) return 'Feil på serveren';
  return `Feil (${status})`;
}
