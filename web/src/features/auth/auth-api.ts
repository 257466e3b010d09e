import type { z } from 'zod';
import type { currentUserSchema } from '@server/features/auth/auth.schemas.js';
import { api, ApiError } from '../../shared/api-client.js';

export type CurrentUser = z.infer<typeof currentUserSchema>;

export function logIn(username: string, password: string): Promise<CurrentUser> {
  return api.post<CurrentUser>('/api/auth/login', { username, password }, { isUnauthorizedExpected: true });
}

export function logOut(): Promise<void> {
  return api.post<void>('/api/auth/logout');
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
