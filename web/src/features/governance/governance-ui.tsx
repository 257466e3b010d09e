// Status and level badges of the governance workflow, coloured the same way on every page.
import { caseStatusLabels, gateStatusLabels, level3Labels, voteLabels } from '../../shared/labels.js';
import type { CaseDto, GateView, Level3 } from './governance-api.js';

type Tone = 'error' | 'warning' | 'ok' | 'info' | 'neutral';

const caseTones: Record<CaseDto['status'], Tone> = {
  open: 'info',
  approved: 'ok',
  dissent: 'error',
  outsideMandate: 'warning',
  escalated: 'warning',
  lineEscalated: 'warning',
  resolved: 'ok',
  consulted: 'ok',
  withdrawn: 'neutral',
};

const gateTones: Record<GateView['status'], Tone> = {
  passed: 'ok',
  ready: 'info',
  awaitingCase: 'warning',
  inProgress: 'info',
  dissent: 'error',
  escalated: 'warning',
  locked: 'neutral',
};

const levelTones: Record<Level3, Tone> = { høy: 'error', medium: 'warning', lav: 'ok' };

export function CaseStatusBadge({ status, testId }: { status: CaseDto['status']; testId?: string }) {
  return (
    <span className={`badge badge-${caseTones[status]}`} data-testid={testId} data-status={status}>
      {caseStatusLabels[status]}
    </span>
  );
}

export function GateStatusBadge({ status }: { status: GateView['status'] }) {
  return (
    <span className={`badge badge-${gateTones[status]}`} data-testid="gate-status">
      {gateStatusLabels[status]}
    </span>
  );
}

export function Level3Badge({ value, testId }: { value: Level3 | null; testId?: string }) {
  if (!value)
    return (
      <span className="muted" data-testid={testId} data-value="">
        Ikke satt
      </span>
    );
  return (
    <span className={`badge badge-${levelTones[value]} badge-level`} data-testid={testId} data-value={value}>
      {level3Labels[value]}
    </span>
  );
}

export function VoteBadge({ vote }: { vote: 'approve' | 'object' | 'conflict' | null }) {
  if (!vote) return <span className="muted">Har ikke svart</span>;
  const tone: Tone = vote === 'approve' ? 'ok' : vote === 'object' ? 'error' : 'neutral';
  return <span className={`badge badge-${tone}`}>{voteLabels[vote]}</span>;
}
