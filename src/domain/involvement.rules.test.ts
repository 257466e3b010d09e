import { describe, expect, it } from 'vitest';
import { gatesFor, involvementMatrixDefault } from './involvement.rules.js';

describe('gatesFor with the default matrix (seed 001 §5.1.3)', () => {
  it('høy decides plan, tender approval and award, and is consulted on tender preparation', () => {
    expect(gatesFor('høy').map((g) => g.involvement)).toEqual([
      'decide',
      'decide',
      'consulted',
      'decide',
      'decide',
    ]);
  });
  it('medium decides the plan, is consulted on tender preparation, informed of the rest', () => {
    expect(gatesFor('medium').map((g) => g.involvement)).toEqual([
      'decide',
      'decide',
      'consulted',
      'informed',
      'informed',
    ]);
  });
  it('lav decides only its final significance', () => {
    expect(gatesFor('lav').map((g) => g.involvement)).toEqual([
      'decide',
      'informed',
      'informed',
      'informed',
      'informed',
    ]);
  });
  it('uses a configured matrix, but the final significance is always decided by the group', () => {
    const matrix = {
      ...involvementMatrixDefault,
      plan: { høy: 'decide', medium: 'decide', lav: 'decide' } as const,
      significance: { høy: 'informed', medium: 'informed', lav: 'informed' } as const,
    };
    expect(gatesFor('lav', matrix).slice(0, 2)).toEqual([
      { gate: 'significance', involvement: 'decide' },
      { gate: 'plan', involvement: 'decide' },
    ]);
  });
});
