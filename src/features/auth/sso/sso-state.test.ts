import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openState, sealState, stateSigningKey, type SsoLoginState } from './sso-state.js';

const now = new Date('2026-06-15T08:00:00Z');
const state: SsoLoginState = {
  state: 's'.repeat(43),
  nonce: 'n'.repeat(43),
  codeVerifier: 'v'.repeat(43),
  next: '/saker',
  expiresAt: now.getTime() + 600_000,
};
const key = stateSigningKey('a client secret of some length');

describe('the signed login state', () => {
  it('opens what it sealed, until it expires', () => {
    const sealed = sealState(state, key);
    expect(openState(sealed, key, now)).toEqual(state);
    expect(openState(sealed, key, new Date(state.expiresAt - 1))).toEqual(state);
    expect(openState(sealed, key, new Date(state.expiresAt))).toBeNull();
  });

  it('refuses an altered payload or signature, another key, and garbage', () => {
    const sealed = sealState(state, key);
    const [payload, signature] = sealed.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...state, next: '/admin' })).toString('base64url');
    expect(openState(`${forged}.${signature}`, key, now)).toBeNull();
    expect(openState(`${payload}.${signature.slice(0, -1)}A`, key, now)).toBeNull();
    expect(openState(sealed, stateSigningKey('another client secret value'), now)).toBeNull();
    for (const garbage of [undefined, '', 'x', `${payload}.`, `${sealed}.extra`, 'a'.repeat(5000)])
      expect(openState(garbage, key, now)).toBeNull();
  });

  it('refuses a correctly signed payload that is not a login state', () => {
    const payload = Buffer.from(JSON.stringify({ state: 'short' })).toString('base64url');
    const signature = createHmac('sha256', key).update(payload).digest('base64url');
    expect(openState(`${payload}.${signature}`, key, now)).toBeNull();
  });
});
