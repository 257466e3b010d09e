// The login in progress between "Logg inn med virksomhetens konto" and the provider's answer: state, nonce, PKCE
// verifier and where to go afterwards, held in the user's browser as one short-lived HttpOnly cookie, signed with
// a key derived from the client secret (so every app instance can check it and nobody else can forge one).
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const SSO_STATE_COOKIE = 'styr_sso';
export const SSO_STATE_MAX_AGE_SECONDS = 10 * 60;

export interface SsoLoginState {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The portal path to open after login. */
  next: string;
  /** Milliseconds since the epoch, from the portal's clock. */
  expiresAt: number;
}

const stateSchema = z.object({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  codeVerifier: z.string().min(43).max(128),
  next: z.string().max(500),
  expiresAt: z.number().int(),
});

/** The signing key: HKDF-SHA-256 over the client secret, for this purpose only. */
export function stateSigningKey(clientSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', clientSecret, 'styringsportalen', 'sso-login-state-v1', 32));
}

const sign = (payload: string, key: Buffer) => createHmac('sha256', key).update(payload).digest('base64url');

export function sealState(state: SsoLoginState, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${payload}.${sign(payload, key)}`;
}

/** The state if the cookie is untouched, signed with this key and not expired at `now`; otherwise null. */
export function openState(cookie: string | undefined, key: Buffer, now: Date): SsoLoginState | null {
  if (!cookie || cookie.length > 4000) return null;
  const [payload, signature, ...rest] = cookie.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(payload, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const result = stateSchema.safeParse(parsed);
  if (!result.success || result.data.expiresAt <= now.getTime()) return null;
  return result.data;
}
