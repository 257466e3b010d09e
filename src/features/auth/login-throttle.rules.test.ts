import { describe, expect, it } from 'vitest';
import { decideLoginThrottle, defaultLoginThrottle, throttleMessage } from './login-throttle.rules.js';

const at = (minute: number) => new Date(Date.UTC(2026, 5, 15, 8, minute, 0));
const times = (count: number, fromMinute = 0) => Array.from({ length: count }, (_, i) => at(fromMinute + i));

describe('decideLoginThrottle', () => {
  it('lets nine failures through and refuses at ten, until the oldest of them ages out of the window', () => {
    expect(decideLoginThrottle({ user: times(9), address: [] }, defaultLoginThrottle, at(10))).toEqual({
      refused: false,
    });
    // Ten failures at minutes 0..9: free again when the one at minute 0 is 15 minutes old.
    expect(decideLoginThrottle({ user: times(10), address: [] }, defaultLoginThrottle, at(10))).toEqual({
      refused: true,
      scope: 'user',
      retryAfterSeconds: 5 * 60,
    });
    expect(decideLoginThrottle({ user: times(10), address: [] }, defaultLoginThrottle, at(15))).toEqual({
      refused: false,
    });
  });

  it('counts the address separately, with its own limit, and reports the later of the two', () => {
    const policy = { ...defaultLoginThrottle, maxFailuresPerAddress: 3 };
    expect(decideLoginThrottle({ user: times(2), address: times(3, 4) }, policy, at(8))).toEqual({
      refused: true,
      scope: 'address',
      retryAfterSeconds: 11 * 60,
    });
    const both = decideLoginThrottle({ user: times(10, 1), address: times(3, 0) }, policy, at(11));
    expect(both).toEqual({ refused: true, scope: 'user', retryAfterSeconds: 5 * 60 });
  });

  it('ignores failures older than the window and input order', () => {
    const old = times(10, 0).reverse();
    expect(decideLoginThrottle({ user: old, address: [] }, defaultLoginThrottle, at(30))).toEqual({
      refused: false,
    });
  });

  it('words the answer in whole minutes', () => {
    expect(throttleMessage(900)).toBe('For mange mislykkede innlogginger. Prøv igjen om 15 minutter.');
    expect(throttleMessage(30)).toBe('For mange mislykkede innlogginger. Prøv igjen om 1 minutt.');
  });
});
