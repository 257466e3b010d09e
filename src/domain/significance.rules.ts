// Recommended strategic significance (seed 001 §5.1.3, §7.6): risk profile, contract value, category. Pure.
import type { Level3 } from './risk.rules.js';

export interface SignificanceRule {
  /** Contract value in NOK above which significance is raised one step. */
  valueThresholdNok: number;
  raiseForValue: boolean;
  raiseForMedicalMainArea: boolean;
}

export const significanceRuleDefault: SignificanceRule = {
  valueThresholdNok: 200_000_000,
  raiseForValue: true,
  raiseForMedicalMainArea: true,
};

const order: Level3[] = ['lav', 'medium', 'høy'];
// Intl formatting costs tens of microseconds a call; a portfolio report recommends for 10,000 procurements.
const thresholdTexts = new Map<number, string>();
const thresholdText = (nok: number) => {
  let text = thresholdTexts.get(nok);
  if (text === undefined) {
    text = `${(nok / 1_000_000).toLocaleString('nb-NO')} millioner kroner`;
    thresholdTexts.set(nok, text);
  }
  return text;
};
const raise = (level: Level3): Level3 => order[Math.min(order.indexOf(level) + 1, order.length - 1)]!;

export interface SignificanceInput {
  riskProfile: Level3 | null;
  /** Decimal string in NOK, or null when not estimated. */
  contractValueNok: string | null;
  isMedicalMainArea: boolean;
  categoryName: string;
}

/** Starts at the risk profile, raises one step per criterion met, never above høy. Null without a risk profile. */
export function recommendSignificance(
  input: SignificanceInput,
  rule: SignificanceRule = significanceRuleDefault,
): { recommended: Level3 | null; reasons: string[] } {
  if (input.riskProfile === null)
    return { recommended: null, reasons: ['Risikoprofil mangler; vurder risiko først.'] };
  let level = input.riskProfile;
  const reasons = [`Risikoprofilen er ${input.riskProfile}.`];
  const value = input.contractValueNok === null ? null : Number(input.contractValueNok);
  const threshold = thresholdText(rule.valueThresholdNok);
  if (rule.raiseForValue && value !== null && value > rule.valueThresholdNok) {
    const before = level;
    level = raise(level);
    reasons.push(
      before === level
        ? `Kontraktsverdien overstiger ${threshold} (allerede høy).`
        : `Kontraktsverdien overstiger ${threshold}: hevet til ${level}.`,
    );
  } else if (value === null) {
    reasons.push('Kontraktsverdi er ikke anslått.');
  } else {
    reasons.push(`Kontraktsverdien overstiger ikke ${threshold}.`);
  }
  if (rule.raiseForMedicalMainArea && input.isMedicalMainArea) {
    const before = level;
    level = raise(level);
    reasons.push(
      before === level
        ? `${input.categoryName} er i det medisinske hovedområdet (allerede høy).`
        : `${input.categoryName} er i det medisinske hovedområdet: hevet til ${level}.`,
    );
  } else {
    reasons.push(`${input.categoryName} er ikke i det medisinske hovedområdet.`);
  }
  return { recommended: level, reasons };
}

/**
 * The one precedence rule for the significance in force (gates, reports, plans): the group's final decision,
 * else Sykehusinnkjøp's initial proposal (a person's judgement), else the system's recommendation.
 */
export function significanceInForce(values: {
  final: Level3 | null;
  initial: Level3 | null;
  recommended: Level3 | null;
}): Level3 | null {
  return values.final ?? values.initial ?? values.recommended;
}

/**
 * The significance can change during the procurement (§5.1.3): when the risk profile rises after the group
 * decided the final significance, say so, so that a new significance case is considered. Null otherwise.
 */
export function reassessmentPrompt(input: {
  final: { value: Level3; decidedAt: string } | null;
  risks: ReadonlyArray<{ profile: Level3; assessedAt: string }>;
}): string | null {
  if (!input.final) return null;
  const decidedAt = input.final.decidedAt;
  const before = input.risks.filter((risk) => risk.assessedAt <= decidedAt).at(-1) ?? null;
  const latest = input.risks.at(-1) ?? null;
  if (!latest || latest.assessedAt <= decidedAt) return null;
  const baseline = before?.profile ?? input.final.value;
  if (order.indexOf(latest.profile) <= order.indexOf(baseline)) return null;
  return `Risikoprofilen har økt fra ${baseline} til ${latest.profile} etter at endelig strategisk betydning (${input.final.value}) ble vedtatt; vurder å fremme en ny sak om strategisk betydning.`;
}
