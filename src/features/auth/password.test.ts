import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  isWeakerThanTarget,
  PRODUCTION_SCRYPT_LOG_N,
  targetScryptParameters,
  verifyPassword,
} from './password.js';

describe('password hashing', () => {
  it('uses N = 2^17 in production unless STYR_SCRYPT_LOG_N says otherwise, and refuses a bad setting', () => {
    expect(PRODUCTION_SCRYPT_LOG_N).toBe(17);
    expect(targetScryptParameters({})).toEqual({ N: 131072, r: 8, p: 1 });
    expect(targetScryptParameters({ STYR_SCRYPT_LOG_N: '' }).N).toBe(131072);
    expect(targetScryptParameters({ STYR_SCRYPT_LOG_N: '12' }).N).toBe(4096);
    expect(() => targetScryptParameters({ STYR_SCRYPT_LOG_N: '9' })).toThrow(/STYR_SCRYPT_LOG_N/);
    expect(() => targetScryptParameters({ STYR_SCRYPT_LOG_N: 'høy' })).toThrow(/STYR_SCRYPT_LOG_N/);
  });

  it('hashes and verifies at the production cost (memory ceiling set high enough for N = 2^17)', async () => {
    const stored = await hashPassword('korrekt hest', targetScryptParameters({}));
    expect(stored.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await verifyPassword('korrekt hest', stored)).toBe(true);
    expect(await verifyPassword('feil hest', stored)).toBe(false);
    expect(isWeakerThanTarget(stored, targetScryptParameters({}))).toBe(false);
    // Three hashes at 128 MiB each: well under a second alone, seconds on two busy cores.
  }, 30_000);

  it('verifies an old hash with its own parameters and marks it for upgrade', async () => {
    const old = await hashPassword('demo', { N: 16384, r: 8, p: 1 });
    expect(old.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifyPassword('demo', old)).toBe(true);
    expect(isWeakerThanTarget(old, targetScryptParameters({}))).toBe(true);
    expect(isWeakerThanTarget(old, { N: 16384, r: 8, p: 1 })).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('demo')).not.toBe(await hashPassword('demo'));
  });

  it('refuses a malformed stored hash', async () => {
    const good = await hashPassword('demo', { N: 1024, r: 8, p: 1 });
    const [, , r, p, salt, key] = good.split('$');
    expect(await verifyPassword('demo', 'plain:demo')).toBe(false);
    expect(await verifyPassword('demo', ['scrypt', 1000, r, p, salt, key].join('$'))).toBe(false);
    expect(await verifyPassword('demo', ['scrypt', 2 ** 24, r, p, salt, key].join('$'))).toBe(false);
    expect(await verifyPassword('demo', `${good}$extra`)).toBe(false);
    expect(isWeakerThanTarget('plain:demo')).toBe(false);
  });
});
