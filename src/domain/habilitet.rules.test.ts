import { describe, expect, it } from 'vitest';
import {
  declarationStatus,
  habilitetStateFrom,
  isAppointmentCleared,
  isBlockedByHabilitet,
  lastingInhabilitet,
  matchSuppliers,
  mayReadExempt,
  transitionHabilitet,
  type HabilitetEvent,
  type HabilitetState,
  type Interest,
} from './habilitet.rules.js';

const states: HabilitetState[] = ['unanswered', 'noKnownConflict', 'reported', 'inhabil', 'ikkeInhabil'];
const events: HabilitetEvent[] = [
  { type: 'declareNoConflict' },
  { type: 'report' },
  { type: 'decide', outcome: 'inhabil' },
  { type: 'decide', outcome: 'ikkeInhabil' },
];

describe('transitionHabilitet (every state × every event)', () => {
  // [state][event index] → next state, or null when refused.
  const expected: Record<HabilitetState, Array<HabilitetState | null>> = {
    unanswered: ['noKnownConflict', 'reported', null, null],
    noKnownConflict: ['noKnownConflict', 'reported', null, null],
    reported: [null, null, 'inhabil', 'ikkeInhabil'],
    inhabil: [null, null, null, null],
    ikkeInhabil: ['ikkeInhabil', 'reported', null, null],
  };
  for (const state of states) {
    events.forEach((event, index) => {
      const next = expected[state][index];
      it(`${state} + ${event.type}${event.type === 'decide' ? `:${event.outcome}` : ''} → ${next ?? 'refused'}`, () => {
        const result = transitionHabilitet(state, event);
        if (next === null) {
          expect(result.ok).toBe(false);
          expect(result.ok ? '' : result.message).toMatch(/\S/);
        } else expect(result).toEqual({ ok: true, state: next });
      });
    });
  }

  it('refuses withdrawing a reported conflict with a message naming the RHF decision', () => {
    const result = transitionHabilitet('reported', { type: 'declareNoConflict' });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('RHF-ets avgjørelse') });
  });
});

describe('what a state allows', () => {
  it('blocks reported and inhabil only', () => {
    expect(states.filter(isBlockedByHabilitet)).toEqual(['reported', 'inhabil']);
  });
  it('opens exempt documents only after an answer that is not a conflict', () => {
    expect(states.filter(mayReadExempt)).toEqual(['noKnownConflict', 'ikkeInhabil']);
  });
  it('clears only a cleared appointment check', () => {
    expect([
      isAppointmentCleared('cleared'),
      isAppointmentCleared('notCleared'),
      isAppointmentCleared(null),
    ]).toEqual([true, false, false]);
  });
});

describe('habilitetStateFrom', () => {
  it('maps every stored combination (own answer × latest question)', () => {
    const questions = [
      null,
      { status: 'pending' },
      { status: 'inhabil' },
      { status: 'ikkeInhabil' },
    ] as const;
    const table = [false, true].flatMap((stated) =>
      questions.map((q) => `${stated}/${q?.status ?? 'none'}:${habilitetStateFrom(stated, q)}`),
    );
    expect(table).toEqual([
      'false/none:unanswered',
      'false/pending:reported',
      'false/inhabil:inhabil',
      'false/ikkeInhabil:ikkeInhabil',
      'true/none:noKnownConflict',
      'true/pending:reported',
      'true/inhabil:inhabil',
      'true/ikkeInhabil:ikkeInhabil',
    ]);
  });

  it('takes the latest question before the member’s own answer', () => {
    expect(habilitetStateFrom(false, null)).toBe('unanswered');
    expect(habilitetStateFrom(true, null)).toBe('noKnownConflict');
    expect(habilitetStateFrom(true, { status: 'pending' })).toBe('reported');
    expect(habilitetStateFrom(true, { status: 'inhabil' })).toBe('inhabil');
    expect(habilitetStateFrom(false, { status: 'ikkeInhabil' })).toBe('ikkeInhabil');
  });
});

describe('declarationStatus', () => {
  it('is missing without a confirmation', () => {
    expect(declarationStatus(null, '2026-01-01')).toEqual({ status: 'missing', dueOn: null });
  });
  it('falls due 12 months after confirmation, with a 30-day reminder window', () => {
    expect(declarationStatus('2025-03-15', '2025-12-01')).toEqual({ status: 'current', dueOn: '2026-03-15' });
    expect(declarationStatus('2025-03-15', '2026-02-13')).toEqual({ status: 'dueSoon', dueOn: '2026-03-15' });
    expect(declarationStatus('2025-03-15', '2026-02-12')).toEqual({ status: 'current', dueOn: '2026-03-15' });
    expect(declarationStatus('2025-03-15', '2026-03-15')).toEqual({ status: 'dueSoon', dueOn: '2026-03-15' });
    expect(declarationStatus('2025-03-15', '2026-03-16')).toEqual({ status: 'overdue', dueOn: '2026-03-15' });
  });
  it('keeps the end of a short month (29 February → 28 February)', () => {
    expect(declarationStatus('2024-02-29', '2024-06-01').dueOn).toBe('2025-02-28');
  });
  it('takes another renewal period', () => {
    expect(declarationStatus('2025-01-31', '2025-08-01', 6).dueOn).toBe('2025-07-31');
  });
});

const interest = (extra: Partial<Interest> = {}): Interest => ({
  organisationName: 'Hjerteklaff AS',
  organisationNumber: '998 877 660',
  relation: 'boardSeat',
  fromDate: '2024-01-01',
  toDate: null,
  lastingCategoryCodes: [],
  ...extra,
});

describe('matchSuppliers', () => {
  const suppliers = [
    { name: 'Hjerteklaff AS', organisationNumber: 'NO998877660MVA' },
    { name: 'Annen AS', organisationNumber: '987654321' },
    { name: 'Ugyldig', organisationNumber: 'ukjent' },
  ];
  it('matches by organisation number however it is written', () => {
    const matches = matchSuppliers(suppliers, [{ personId: 'p', interests: [interest()] }], '2026-01-01');
    expect(matches).toEqual([{ personId: 'p', supplier: suppliers[0], interest: interest() }]);
  });
  it('ignores interests outside their period, and other organisations', () => {
    const declarations = [
      { personId: 'ended', interests: [interest({ toDate: '2025-12-31' })] },
      { personId: 'future', interests: [interest({ fromDate: '2026-02-01' })] },
      { personId: 'other', interests: [interest({ organisationNumber: '111111111' })] },
    ];
    expect(matchSuppliers(suppliers, declarations, '2026-01-01')).toEqual([]);
  });
  it('counts the period’s first and last day', () => {
    const declarations = [
      { personId: 'p', interests: [interest({ fromDate: '2026-01-01', toDate: '2026-01-01' })] },
    ];
    expect(matchSuppliers(suppliers, declarations, '2026-01-01')).toHaveLength(1);
  });
});

describe('lastingInhabilitet', () => {
  const members = [
    { personId: 'a', personName: 'Anne', interests: [] },
    { personId: 'b', personName: 'Bjørn', interests: [interest({ lastingCategoryCodes: ['KIR'] })] },
  ];
  const decided = (personId: string, decidedOn: string) => ({ personId, decidedOn });

  it('warns at three inhabil decisions within 12 months, not at two or older ones', () => {
    const base = { members, groupCategoryCodes: ['LAB'], today: '2026-06-30' };
    expect(
      lastingInhabilitet({
        ...base,
        inhabilDecisions: [
          decided('a', '2026-01-01'),
          decided('a', '2026-03-01'),
          decided('a', '2025-06-30'),
        ],
      }),
    ).toEqual([]);
    const warnings = lastingInhabilitet({
      ...base,
      inhabilDecisions: [decided('a', '2026-01-01'), decided('a', '2026-03-01'), decided('a', '2025-07-01')],
    });
    expect(warnings).toEqual([{ personId: 'a', reason: expect.stringContaining('inhabil i 3 saker') }]);
    expect(warnings[0]!.reason).toContain('Vurder utskifting av Anne');
  });

  it('warns of a declared lasting conflict in the group’s categories only', () => {
    const base = { members, inhabilDecisions: [], today: '2026-06-30' };
    expect(lastingInhabilitet({ ...base, groupCategoryCodes: ['LAB'] })).toEqual([]);
    expect(lastingInhabilitet({ ...base, groupCategoryCodes: ['KIR'] })).toEqual([
      {
        personId: 'b',
        reason: expect.stringContaining('varig interessekonflikt i gruppens kategorier (Hjerteklaff AS)'),
      },
    ]);
  });

  it('takes a configured threshold and window', () => {
    const warnings = lastingInhabilitet(
      {
        members,
        inhabilDecisions: [decided('a', '2026-06-01')],
        groupCategoryCodes: [],
        today: '2026-06-30',
      },
      { threshold: 1, windowMonths: 1 },
    );
    expect(warnings.map((w) => w.personId)).toEqual(['a']);
  });
});
