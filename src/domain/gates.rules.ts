// Gate enforcement (issue 3 §7): what a procurement needs before it moves past each phase gate. Pure.
import { gateLabels, type Gate, type Involvement } from './involvement.rules.js';

export interface GateCase {
  id: string;
  gate: string;
  /** faggruppeMatter cases are not a gate's case: they never pass, hold or block a gate. */
  kind: 'decision' | 'consultation' | 'delegation' | 'faggruppeMatter';
  delegatedGate: string | null;
  status: string;
  /** For a resolved escalation: what the RHFs decided. */
  resolutionOutcome: 'approved' | 'rejected' | null;
}

export interface GateInput {
  gates: Array<{ gate: Gate; involvement: Involvement }>;
  passed: ReadonlyMap<string, { via: string; passedOn: string; involvement: Involvement }>;
  delegatedGates: ReadonlySet<string>;
  cases: readonly GateCase[];
}

export type GateStatus =
  'passed' | 'ready' | 'awaitingCase' | 'inProgress' | 'dissent' | 'escalated' | 'locked';

export interface GateView {
  gate: Gate;
  involvement: Involvement;
  status: GateStatus;
  canPass: boolean;
  /** Why the gate cannot be passed yet, in the users' words. */
  blockingReason: string | null;
  delegated: boolean;
  passedVia: string | null;
  /** The day the gate was passed (YYYY-MM-DD). */
  passedOn: string | null;
  caseId: string | null;
}

/** A case that decides or consults on its gate (not a delegation, not an unresolved faggruppe matter). */
export function isGateCase(gateCase: Pick<GateCase, 'kind'>): boolean {
  return gateCase.kind === 'decision' || gateCase.kind === 'consultation';
}

export function isEffectivelyApproved(gateCase: Pick<GateCase, 'status' | 'resolutionOutcome'>): boolean {
  return (
    gateCase.status === 'approved' ||
    (gateCase.status === 'resolved' && gateCase.resolutionOutcome === 'approved')
  );
}

export function evaluateGates(input: GateInput): GateView[] {
  let previousPassed = true;
  return input.gates.map(({ gate, involvement }) => {
    const passed = input.passed.get(gate);
    const gateCases = input.cases.filter((c) => isGateCase(c) && c.gate === gate && c.status !== 'withdrawn');
    const latest = gateCases.at(-1) ?? null;
    const delegated = input.delegatedGates.has(gate);
    const base = {
      gate,
      involvement,
      delegated,
      passedVia: passed?.via ?? null,
      passedOn: passed?.passedOn ?? null,
      caseId: latest?.id ?? null,
    };
    if (passed) {
      previousPassed = true;
      return {
        ...base,
        involvement: passed.involvement,
        status: 'passed',
        canPass: false,
        blockingReason: null,
      };
    }
    if (!previousPassed) {
      return { ...base, status: 'locked', canPass: false, blockingReason: 'Forrige fase er ikke passert.' };
    }
    previousPassed = false;
    const view = (status: GateStatus, canPass: boolean, blockingReason: string | null): GateView => ({
      ...base,
      status,
      canPass,
      blockingReason,
    });
    if (involvement === 'informed') return view('ready', true, null);
    if (gateCases.some(isEffectivelyApproved)) return view('ready', true, null);
    if (involvement === 'decide' && delegated) return view('ready', true, null);
    if (involvement === 'consulted' && gateCases.some((c) => c.status === 'consulted'))
      return view('ready', true, null);
    if (!latest) {
      return view(
        'awaitingCase',
        false,
        involvement === 'decide'
          ? 'Styringsgruppen må fatte vedtak (eller delegere) før fasen kan passeres.'
          : 'Styringsgruppen må konsulteres før fasen kan passeres.',
      );
    }
    if (latest.status === 'dissent' || latest.status === 'outsideMandate')
      return view('dissent', false, 'Saken har dissens eller ligger utenfor mandatet og må eskaleres.');
    if (latest.status === 'escalated')
      return view('escalated', false, 'Saken er eskalert til RHF-ene og venter på avklaring.');
    if (latest.status === 'resolved')
      return view('awaitingCase', false, 'RHF-ene avviste saken; fremme en ny sak.');
    return view(
      'inProgress',
      false,
      involvement === 'decide'
        ? 'Venter på vedtak i styringsgruppen.'
        : 'Venter på at konsultasjonen registreres.',
    );
  });
}

/** The phase the procurement is in: the first gate not passed, or implementation once all are. */
export function currentPhase(gates: readonly GateView[]): Gate | 'implementation' {
  return gates.find((gate) => gate.status !== 'passed')?.gate ?? 'implementation';
}

/**
 * A procurement's status may not run ahead of its gates (seed 001 §5.1.3): it is announced only after the
 * tender documents are approved, and awarded or completed only after the award is approved.
 */
export const statusRequiresGate: Partial<Record<string, Gate>> = {
  announced: 'tenderApproval',
  awarded: 'award',
  completed: 'award',
};

const statusWords: Record<string, string> = {
  announced: 'kunngjort',
  awarded: 'tildelt',
  completed: 'avsluttet',
};

/** Why the status cannot be set while the gates stand as they do, or null when it can. */
export function statusGateBlocker(status: string, gates: readonly GateView[]): string | null {
  const required = statusRequiresGate[status];
  if (!required) return null;
  const view = gates.find((gate) => gate.gate === required);
  if (!view || view.status === 'passed') return null;
  const open = gates.find((gate) => gate.status !== 'passed');
  return `Anskaffelsen kan ikke settes til ${statusWords[status]} før fasen «${gateLabels[required]}» er passert (nå: «${gateLabels[open!.gate]}»${view.blockingReason && open!.gate === required ? ` – ${view.blockingReason}` : ''}).`;
}
