import { describe, expect, it } from 'vitest';
import { assessRisk, riskParameters, riskRuleDefault, type RiskScores } from './risk.rules.js';

const scores = (value: number, overrides: Partial<RiskScores> = {}): RiskScores =>
  ({ ...Object.fromEntries(riskParameters.map((p) => [p.key, value])), ...overrides }) as RiskScores;

describe('assessRisk', () => {
  it('has the 15 parameters, each with help text', () => {
    expect(riskParameters).toHaveLength(15);
    expect(riskParameters.every((p) => p.help.length > 20)).toBe(true);
  });
  it('maps the mean to lav / medium / høy at the thresholds', () => {
    expect(assessRisk(scores(1)).profile).toBe('lav');
    expect(assessRisk(scores(2)).profile).toBe('lav');
    expect(assessRisk(scores(3)).profile).toBe('medium');
    expect(assessRisk(scores(4)).profile).toBe('høy');
    // Mean exactly 2.5 and 3.5: 15 scores can't average 2.5 exactly; 3.5 neither — use a custom rule instead.
    expect(assessRisk(scores(3), { ...riskRuleDefault, highMeanAtLeast: 3 }).profile).toBe('høy');
  });
  it('makes a 5 on a critical parameter høy', () => {
    const result = assessRisk(scores(1, { pasientsikkerhet: 5 }));
    expect(result.profile).toBe('høy');
    expect(result.reasons[0]).toContain('pasientsikkerhet');
  });
  it('raises a low mean with any other 5 to medium, unless the rule says not to', () => {
    expect(assessRisk(scores(1, { miljoOgKlima: 5 })).profile).toBe('medium');
    expect(
      assessRisk(scores(1, { miljoOgKlima: 5 }), { ...riskRuleDefault, anyFiveRaisesToMedium: false })
        .profile,
    ).toBe('lav');
  });
  it('reports the mean', () => {
    expect(assessRisk(scores(2, { tidskritikalitet: 4 })).mean).toBe(2.13);
  });
});
