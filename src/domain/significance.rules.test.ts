import { describe, expect, it } from 'vitest';
import type { Level3 } from './risk.rules.js';
import {
  reassessmentPrompt,
  recommendSignificance,
  significanceInForce,
  significanceRuleDefault,
} from './significance.rules.js';

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

describe('significanceInForce', () => {
  it('takes the final decision, then the initial proposal, then the recommendation', () => {
    expect(significanceInForce({ final: 'lav', initial: 'høy', recommended: 'medium' })).toBe('lav');
    expect(significanceInForce({ final: null, initial: 'høy', recommended: 'medium' })).toBe('høy');
    expect(significanceInForce({ final: null, initial: null, recommended: 'medium' })).toBe('medium');
    expect(significanceInForce({ final: null, initial: null, recommended: null })).toBeNull();
  });
});

describe('reassessmentPrompt', () => {
  const final = { value: 'medium' as const, decidedAt: '2026-03-01T10:00:00Z' };
  it('prompts when the risk rises after the final significance was decided', () => {
    expect(
      reassessmentPrompt({
        final,
        risks: [
          { profile: 'medium', assessedAt: '2026-02-01T10:00:00Z' },
          { profile: 'høy', assessedAt: '2026-04-01T10:00:00Z' },
        ],
      }),
    ).toBe(
      'Risikoprofilen har økt fra medium til høy etter at endelig strategisk betydning (medium) ble vedtatt; vurder å fremme en ny sak om strategisk betydning.',
    );
  });

  it('stays quiet without a final decision, without a later assessment, or when the risk did not rise', () => {
    const risks = [{ profile: 'høy' as const, assessedAt: '2026-04-01T10:00:00Z' }];
    expect(reassessmentPrompt({ final: null, risks })).toBeNull();
    expect(reassessmentPrompt({ final: { ...final, decidedAt: '2026-05-01T00:00:00Z' }, risks })).toBeNull();
    expect(
      reassessmentPrompt({
        final,
        risks: [
          { profile: 'høy', assessedAt: '2026-02-01T10:00:00Z' },
          { profile: 'medium', assessedAt: '2026-04-01T10:00:00Z' },
        ],
      }),
    ).toBeNull();
  });

  it('compares with the final value when no risk was assessed before the decision', () => {
    expect(
      reassessmentPrompt({ final, risks: [{ profile: 'høy', assessedAt: '2026-04-01T10:00:00Z' }] }),
    ).toContain('fra medium til høy');
  });
});
