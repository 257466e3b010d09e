import { describe, expect, it } from 'vitest';
import type { Level3 } from './risk.rules.js';
import { recommendSignificance, significanceRuleDefault } from './significance.rules.js';

const cases: Array<[Level3, string | null, boolean, Level3]> = [
  ['lav', '10000000', false, 'lav'],
  ['lav', '250000000', false, 'medium'],
  ['lav', '10000000', true, 'medium'],
  ['lav', '250000000', true, 'høy'],
  ['medium', '10000000', false, 'medium'],
  ['medium', '250000000', false, 'høy'],
  ['medium', '10000000', true, 'høy'],
  ['medium', '250000000', true, 'høy'],
  ['høy', '10000000', false, 'høy'],
  ['høy', '250000000', true, 'høy'],
  ['lav', '200000000', false, 'lav'],
  ['lav', null, true, 'medium'],
];

describe('recommendSignificance (default rule)', () => {
  it.each(cases)(
    'risk %s, value %s, medical %s → %s',
    (riskProfile, contractValueNok, isMedicalMainArea, expected) => {
      expect(
        recommendSignificance({ riskProfile, contractValueNok, isMedicalMainArea, categoryName: 'KIR' })
          .recommended,
      ).toBe(expected);
    },
  );

  it('explains each step', () => {
    const { reasons } = recommendSignificance({
      riskProfile: 'lav',
      contractValueNok: '300000000',
      isMedicalMainArea: true,
      categoryName: 'Kirurgiske produkter',
    });
    expect(reasons).toEqual([
      'Risikoprofilen er lav.',
      'Kontraktsverdien overstiger 200 millioner kroner: hevet til medium.',
      'Kirurgiske produkter er i det medisinske hovedområdet: hevet til høy.',
    ]);
  });

  it('follows a changed rule', () => {
    const rule = {
      ...significanceRuleDefault,
      valueThresholdNok: 50_000_000,
      raiseForMedicalMainArea: false,
    };
    expect(
      recommendSignificance(
        { riskProfile: 'lav', contractValueNok: '60000000', isMedicalMainArea: true, categoryName: 'KIR' },
        rule,
      ).recommended,
    ).toBe('medium');
  });

  it('recommends nothing without a risk profile', () => {
    expect(
      recommendSignificance({
        riskProfile: null,
        contractValueNok: '1',
        isMedicalMainArea: false,
        categoryName: 'HR',
      }),
    ).toMatchObject({ recommended: null });
  });
});
