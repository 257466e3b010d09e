import { describe, expect, it } from 'vitest';
import {
  computeOrgNumberCheckDigit,
  isValidOrgNumber,
  normaliseOrgNumber,
  orgNumberFromStem,
} from './org-number.rules.js';

describe('organisation numbers (mod 11)', () => {
  it('accepts real organisation numbers', () => {
    // Brønnøysundregistrene and Sykehusinnkjøp HF.
    expect(isValidOrgNumber('974760673')).toBe(true);
    expect(isValidOrgNumber('916879067')).toBe(true);
    expect(isValidOrgNumber('NO 974 760 673 MVA')).toBe(true);
  });
  it('refuses a wrong check digit, wrong length and letters', () => {
    expect(isValidOrgNumber('974760674')).toBe(false);
    expect(isValidOrgNumber('97476067')).toBe(false);
    expect(isValidOrgNumber('9747606730')).toBe(false);
    expect(isValidOrgNumber('97476067A')).toBe(false);
    expect(isValidOrgNumber('')).toBe(false);
  });
  it('has no check digit when the remainder is 1, and 0 when it is 0', () => {
    // 3*1 + 2*0 ... : find stems by brute force and check the rule both ways.
    let sawNull = false;
    let sawZero = false;
    for (let stem = 10_000_000; stem < 10_000_200; stem += 1) {
      const digit = computeOrgNumberCheckDigit(String(stem));
      const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((s, w, i) => s + w * Number(String(stem)[i]), 0);
      if (sum % 11 === 1) {
        expect(digit).toBeNull();
        sawNull = true;
      } else if (sum % 11 === 0) {
        expect(digit).toBe(0);
        sawZero = true;
      } else expect(digit).toBe(11 - (sum % 11));
    }
    expect(sawNull && sawZero).toBe(true);
  });
  it('normalises separators and the NO…MVA form', () => {
    expect(normaliseOrgNumber('974.760.673')).toBe('974760673');
    expect(normaliseOrgNumber('NO974760673MVA')).toBe('974760673');
    expect(normaliseOrgNumber('abc')).toBeNull();
  });
  it('makes valid numbers from stems', () => {
    for (let stem = 91_000_000; stem < 91_000_050; stem += 1)
      expect(isValidOrgNumber(orgNumberFromStem(stem))).toBe(true);
  });
});
