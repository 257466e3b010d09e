import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('korrekt hest');
    expect(stored.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifyPassword('korrekt hest', stored)).toBe(true);
    expect(await verifyPassword('feil hest', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('demo')).not.toBe(await hashPassword('demo'));
  });

  it('refuses a malformed stored hash', async () => {
    expect(await verifyPassword('demo', 'plain:demo')).toBe(false);
  });
});
