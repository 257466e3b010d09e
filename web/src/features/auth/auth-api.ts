import type { z } from 'zod';
import type { authMethodsSchema, currentUserSchema } from '@server/features/auth/auth.schemas.js';
import { api, ApiError } from '../../shared/api-client.js';

export type CurrentUser = z.infer<typeof currentUserSchema>;
export type AuthMethods = z.infer<typeof authMethodsSchema>;

export function logIn(username: string, password: string): Promise<CurrentUser> {
  return api.post<CurrentUser>('/api/auth/login', { username, password }, { isUnauthorizedExpected: true });
}

/** Ends the portal session; after single sign-on, the provider's logout address to go to next (or null). */
export async function logOut(): Promise<string | null> {
  const answer = await api.post<{ endSessionUrl: string | null } | undefined>('/api/auth/logout');
  return answer?.endSessionUrl ?? null;
}

/** Which ways to log in the portal offers: passwords, the organisation's account, or both. */
export function fetchAuthMethods(): Promise<AuthMethods> {
  return api.get<AuthMethods>('/api/auth/methods', { isUnauthorizedExpected: true });
}

/** Where the "Logg inn med virksomhetens konto" link goes: the server sends the browser on to the provider. */
export function ssoStartHref(next: string): string {
  return next === '/' ? '/api/auth/sso/start' : `/api/auth/sso/start?neste=${encodeURIComponent(next)}`;
}

/** The signed-in user, or null when there is no session. */
export async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await api.get<CurrentUser>('/api/auth/me', { isUnauthorizedExpected: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
