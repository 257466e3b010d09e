// The steering group's involvement per phase gate (seed 001 §5.1.3, Figure 16; DOMAIN.md table). Pure.
import type { Level3 } from './risk.rules.js';

export const gateIds = ['significance', 'plan', 'tenderPreparation', 'tenderApproval', 'award'] as const;
export type Gate = (typeof gateIds)[number];
export type Involvement = 'decide' | 'consulted' | 'informed';

export const gateLabels: Record<Gate, string> = {
  significance: 'Endelig strategisk betydning',
  plan: 'Godkjenne plan anskaffelse',
  tenderPreparation: 'Utarbeide konkurransegrunnlag og innhente tilbud',
  tenderApproval: 'Godkjenne konkurransegrunnlag (før kunngjøring)',
  award: 'Godkjenne tildeling av avtale',
};

export const involvementLabels: Record<Involvement, string> = {
  decide: 'Beslutte',
  consulted: 'Konsulteres',
  informed: 'Informeres',
};

export type InvolvementMatrix = Record<Gate, Record<Level3, Involvement>>;

/** The 2023 mandate (§5.1.3): lav only decides its final significance (§7.6 of the 2022 report reads otherwise). */
export const involvementMatrixDefault: InvolvementMatrix = {
  significance: { høy: 'decide', medium: 'decide', lav: 'decide' },
  plan: { høy: 'decide', medium: 'decide', lav: 'informed' },
  tenderPreparation: { høy: 'consulted', medium: 'consulted', lav: 'informed' },
  tenderApproval: { høy: 'decide', medium: 'informed', lav: 'informed' },
  award: { høy: 'decide', medium: 'informed', lav: 'informed' },
};

export function gatesFor(
  significance: Level3,
  matrix: InvolvementMatrix = involvementMatrixDefault,
): Array<{ gate: Gate; involvement: Involvement }> {
  return gateIds.map((gate) => ({
    gate,
    involvement: gate === 'significance' ? 'decide' : matrix[gate][significance],
  }));
}
