import { describe, expect, it } from 'vitest';
import { currentPhase, evaluateGates, isGateCase, statusGateBlocker, type GateCase } from './gates.rules.js';
import { gatesFor } from './involvement.rules.js';

const highGates = gatesFor('høy');
const none = { passed: new Map(), delegatedGates: new Set<string>(), cases: [] as GateCase[] };
const gateCase = (gate: string, status: string, extra: Partial<GateCase> = {}): GateCase => ({
  id: `${gate}-${status}`,
  gate,
  kind: 'decision',
  delegatedGate: null,
  status,
  resolutionOutcome: null,
  ...extra,
});
const passed = (...gates: string[]) =>
  new Map(
    gates.map((gate) => [gate, { via: 'decision', passedOn: '2026-01-01', involvement: 'decide' as const }]),
  );

describe('evaluateGates', () => {
  it('cannot pass a decide gate without an approved decision, and locks the later gates', () => {
    const view = evaluateGates({ ...none, gates: highGates });
    expect(view[0]).toMatchObject({ gate: 'significance', status: 'awaitingCase', canPass: false });
    expect(view.slice(1).every((gate) => gate.status === 'locked' && !gate.canPass)).toBe(true);
  });

  it('opens a gate when its case is approved, or resolved as approved after escalation', () => {
    expect(
      evaluateGates({ ...none, gates: highGates, cases: [gateCase('significance', 'open')] })[0]!,
    ).toMatchObject({ status: 'inProgress', canPass: false });
    expect(
      evaluateGates({ ...none, gates: highGates, cases: [gateCase('significance', 'approved')] })[0]!,
    ).toMatchObject({ status: 'ready', canPass: true });
    expect(
      evaluateGates({ ...none, gates: highGates, cases: [gateCase('significance', 'dissent')] })[0]!,
    ).toMatchObject({ status: 'dissent', canPass: false });
    expect(
      evaluateGates({ ...none, gates: highGates, cases: [gateCase('significance', 'escalated')] })[0]!,
    ).toMatchObject({ status: 'escalated', canPass: false });
    expect(
      evaluateGates({
        ...none,
        gates: highGates,
        cases: [gateCase('significance', 'resolved', { resolutionOutcome: 'approved' })],
      })[0]!.canPass,
    ).toBe(true);
    expect(
      evaluateGates({
        ...none,
        gates: highGates,
        cases: [gateCase('significance', 'resolved', { resolutionOutcome: 'rejected' })],
      })[0]!.canPass,
    ).toBe(false);
  });

  it('leaves the gates to their own cases: an unresolved faggruppe matter neither passes nor holds one', () => {
    expect(isGateCase({ kind: 'decision' })).toBe(true);
    expect(isGateCase({ kind: 'consultation' })).toBe(true);
    expect(isGateCase({ kind: 'delegation' })).toBe(false);
    expect(isGateCase({ kind: 'faggruppeMatter' })).toBe(false);
    for (const status of ['approved', 'open', 'dissent', 'lineEscalated', 'escalated'])
      expect(
        evaluateGates({
          ...none,
          gates: highGates,
          cases: [gateCase('significance', status, { kind: 'faggruppeMatter' })],
        })[0]!,
      ).toMatchObject({ status: 'awaitingCase', canPass: false, caseId: null });
    // Raised after the gate's decision, the matter does not hide it.
    expect(
      evaluateGates({
        ...none,
        gates: highGates,
        cases: [
          gateCase('significance', 'approved'),
          { ...gateCase('significance', 'open', { kind: 'faggruppeMatter' }), id: 'matter' },
        ],
      })[0]!,
    ).toMatchObject({ status: 'ready', canPass: true, caseId: 'significance-approved' });
  });

  it('lets a delegated decide gate pass without a group decision', () => {
    const view = evaluateGates({
      ...none,
      gates: highGates,
      passed: passed('significance'),
      delegatedGates: new Set(['plan']),
    });
    expect(view[1]).toMatchObject({ gate: 'plan', status: 'ready', canPass: true, delegated: true });
  });

  it('needs a recorded consultation at a consulted gate', () => {
    const base = { ...none, gates: highGates, passed: passed('significance', 'plan') };
    expect(evaluateGates(base)[2]).toMatchObject({
      gate: 'tenderPreparation',
      involvement: 'consulted',
      canPass: false,
    });
    expect(
      evaluateGates({ ...base, cases: [gateCase('tenderPreparation', 'open', { kind: 'consultation' })] })[2]!
        .canPass,
    ).toBe(false);
    expect(
      evaluateGates({
        ...base,
        cases: [gateCase('tenderPreparation', 'consulted', { kind: 'consultation' })],
      })[2]!.canPass,
    ).toBe(true);
  });

  it('lets informed gates pass at once', () => {
    const view = evaluateGates({ ...none, gates: gatesFor('lav'), passed: passed('significance') });
    expect(view[1]).toMatchObject({ gate: 'plan', involvement: 'informed', status: 'ready', canPass: true });
    expect(view[2]!.status).toBe('locked');
  });

  it('reports the current phase', () => {
    expect(currentPhase(evaluateGates({ ...none, gates: highGates, passed: passed('significance') }))).toBe(
      'plan',
    );
    expect(
      currentPhase(
        evaluateGates({
          ...none,
          gates: highGates,
          passed: passed('significance', 'plan', 'tenderPreparation', 'tenderApproval', 'award'),
        }),
      ),
    ).toBe('implementation');
  });
});

describe('statusGateBlocker', () => {
  const upTo = (...gates: string[]) => evaluateGates({ ...none, gates: highGates, passed: passed(...gates) });

  it('lets a procurement be planned, ongoing or cancelled whatever its gates', () => {
    for (const status of ['planned', 'ongoing', 'cancelled'])
      expect(statusGateBlocker(status, upTo())).toBeNull();
  });

  it('refuses announced until the tender documents are approved, naming the gate it waits at', () => {
    expect(statusGateBlocker('announced', upTo('significance', 'plan'))).toBe(
      'Anskaffelsen kan ikke settes til kunngjort før fasen «Godkjenne konkurransegrunnlag (før kunngjøring)» er passert (nå: «Utarbeide konkurransegrunnlag og innhente tilbud»).',
    );
    expect(
      statusGateBlocker('announced', upTo('significance', 'plan', 'tenderPreparation', 'tenderApproval')),
    ).toBeNull();
  });

  it('refuses awarded and completed until the award is approved', () => {
    const beforeAward = upTo('significance', 'plan', 'tenderPreparation', 'tenderApproval');
    expect(statusGateBlocker('awarded', beforeAward)).toContain('før fasen «Godkjenne tildeling av avtale»');
    expect(statusGateBlocker('awarded', beforeAward)).toContain('må fatte vedtak');
    expect(statusGateBlocker('completed', beforeAward)).toContain('avsluttet');
    expect(
      statusGateBlocker(
        'completed',
        upTo('significance', 'plan', 'tenderPreparation', 'tenderApproval', 'award'),
      ),
    ).toBeNull();
  });

  it('has nothing to refuse for a procurement without gates (outside the model)', () => {
    expect(statusGateBlocker('awarded', [])).toBeNull();
  });
});
