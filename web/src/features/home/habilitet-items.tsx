// The habilitet parts of the role homes: what the member has to answer or renew, and the RHF's members who
// still lack the RHF's check at appointment (recorded right here by the contact person).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import { caseGateLabels } from '../../shared/labels.js';
import { Badge } from '../../shared/ui.js';
import { recordAppointmentCheck } from '../governance/habilitet/habilitet-api.js';
import type { MemberHome, RhfContactHome } from './home-api.js';
import { Items } from './home-ui.js';

type MemberHabilitet = MemberHome['habilitet'];

/** How many habilitet matters wait for the member: answers, questions about them, and a declaration due. */
export function habilitetCount(habilitet: MemberHabilitet): number {
  return (
    habilitet.awaitingAnswer.length +
    habilitet.questionsAboutMe.length +
    (habilitet.declaration.status === 'current' ? 0 : 1)
  );
}

const declarationText: Record<MemberHabilitet['declaration']['status'], (dueOn: string | null) => string> = {
  missing: () => 'Habilitetserklæringen din mangler – fyll den ut før du stemmer i saker.',
  overdue: (dueOn) => `Habilitetserklæringen din skulle vært fornyet ${formatDate(dueOn)}.`,
  dueSoon: (dueOn) => `Forny habilitetserklæringen din innen ${formatDate(dueOn)}.`,
  current: (dueOn) => `Habilitetserklæringen din er oppdatert (fornyes innen ${formatDate(dueOn)}).`,
};

export function MemberHabilitetItems({ habilitet }: { habilitet: MemberHabilitet }) {
  const { declaration } = habilitet;
  type Row =
    | { kind: 'declaration' }
    | { kind: 'answer'; item: MemberHabilitet['awaitingAnswer'][number] }
    | { kind: 'question'; item: MemberHabilitet['questionsAboutMe'][number] };
  const rows: Row[] = [
    ...(declaration.status === 'current' ? [] : [{ kind: 'declaration' as const }]),
    ...habilitet.questionsAboutMe.map((item) => ({ kind: 'question' as const, item })),
    ...habilitet.awaitingAnswer.map((item) => ({ kind: 'answer' as const, item })),
  ];
  return (
    <Items
      id="habilitet"
      title="Habilitet å følge opp"
      items={rows}
      empty={declarationText.current(declaration.dueOn)}
      render={(row) =>
        row.kind === 'declaration' ? (
          <div data-testid="habilitet-declaration" data-status={declaration.status}>
            <Link to="/habilitet/erklaering">{declarationText[declaration.status](declaration.dueOn)}</Link>{' '}
            <Badge tone={declaration.status === 'dueSoon' ? 'warning' : 'error'}>
              {declaration.status === 'dueSoon' ? 'Forfaller snart' : 'Må fornyes'}
            </Badge>
          </div>
        ) : row.kind === 'question' ? (
          <div data-testid="habilitet-question">
            <Link to={`/saker/${row.item.caseId}`}>{row.item.caseTitle}</Link>{' '}
            <Badge tone="warning">Venter på {row.item.rhfName}s avgjørelse</Badge>
            <span className="subtle">
              {row.item.procurementName ?? 'Uten anskaffelse'} · {row.item.steeringGroupName} · meldt{' '}
              {formatDate(row.item.raisedAt)} · du regnes som inhabil til RHF-et har avgjort
            </span>
          </div>
        ) : (
          <div data-testid="habilitet-answer">
            <Link to={`/saker/${row.item.id}`}>Svar på habilitet: {row.item.title}</Link>
            <span className="subtle">
              {row.item.procurementName ?? 'Uten anskaffelse'} · {caseGateLabels[row.item.gate]} ·{' '}
              {row.item.steeringGroupName}
            </span>
          </div>
        )
      }
    />
  );
}

type Unchecked = RhfContactHome['membersWithoutAppointmentCheck'][number];

function RecordCheck({ member, onRecorded }: { member: Unchecked; onRecorded: () => void }) {
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  async function record(outcome: 'cleared' | 'notCleared') {
    setBusy(true);
    setProblem(undefined);
    try {
      await recordAppointmentCheck(member.membershipId, { outcome, note: null });
      onRecorded();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
    setBusy(false);
  }
  return (
    <>
      <span className="nowrap">
        <button
          type="button"
          className="button button-small button-primary"
          disabled={busy}
          data-testid="check-cleared"
          onClick={() => void record('cleared')}
        >
          Klarert
        </button>
        {member.outcome === null && (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            data-testid="check-not-cleared"
            onClick={() => void record('notCleared')}
          >
            Ikke klarert
          </button>
        )}
      </span>
      {problem && <ErrorBox problem={problem} />}
    </>
  );
}

export function AppointmentCheckItems({
  members,
  onRecorded,
}: {
  members: RhfContactHome['membersWithoutAppointmentCheck'];
  onRecorded: () => void;
}) {
  return (
    <Items
      id="mangler-habilitetssjekk"
      title="Medlemmer uten habilitetssjekk ved oppnevning"
      items={members}
      empty="Alle regionens medlemmer er sjekket for habilitet ved oppnevning."
      render={(m) => (
        <div data-testid="unchecked-member" data-membership-id={m.membershipId}>
          {m.personName} · <Link to={`/styringsgrupper/${m.steeringGroupId}`}>{m.steeringGroupName}</Link>{' '}
          <Badge tone={m.outcome === 'notCleared' ? 'error' : 'warning'}>
            {m.outcome === 'notCleared' ? 'Ikke klarert' : 'Ikke registrert'}
          </Badge>{' '}
          <span className="subtle">
            {m.startsLater
              ? `Oppnevnt fra ${formatDate(m.termStart)}`
              : `Medlem fra ${formatDate(m.termStart)}`}{' '}
            · kan ikke stemme før sjekken er registrert som klarert
          </span>
          <RecordCheck member={m} onRecorded={onRecorded} />
        </div>
      )}
    />
  );
}
