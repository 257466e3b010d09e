import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nokOf, oreOf } from './money.rules.js';

describe('decimal NOK', () => {
  it('reads the sign as the whole amount’s', () => {
    expect(oreOf('-5.50')).toBe(-550n);
    expect(oreOf('-0.50')).toBe(-50n);
    expect(oreOf('-12')).toBe(-1200n);
    expect(oreOf('3.5')).toBe(350n);
    expect(oreOf('+7.05')).toBe(705n);
    expect(oreOf('.25')).toBe(25n);
    expect(nokOf(-50n)).toBe('-0.50');
    expect(nokOf(0n)).toBe('0.00');
  });

  it('round-trips every amount in øre', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (ore) => oreOf(nokOf(ore)) === ore),
    );
  });
});
