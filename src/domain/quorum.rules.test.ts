import { describe, expect, it } from 'vitest';
import type { HabilitetState } from './habilitet.rules.js';
import { isDeciding, quorumRuleDefault, tallyCase, type QuorumMember } from './quorum.rules.js';

const rhfs = [
  { id: 'HN', name: 'Helse Nord' },
  { id: 'HV', name: 'Helse Vest' },
];
const member = (
  personId: string,
  rhfId: string,
  habilitet: HabilitetState = 'noKnownConflict',
  appointmentCleared = true,
): QuorumMember => ({ personId, personName: personId.toUpperCase(), rhfId, habilitet, appointmentCleared });
const approve = (personId: string) => ({ personId, vote: 'approve' as const });

describe('isDeciding', () => {
  it('decides exactly when the appointment check is cleared and the member is not reported or inhabil', () => {
    const states: HabilitetState[] = ['unanswered', 'noKnownConflict', 'reported', 'inhabil', 'ikkeInhabil'];
    const table = states.flatMap((state) =>
      [true, false].map((cleared) => `${state}/${cleared}:${isDeciding(member('a', 'HN', state, cleared))}`),
    );
    expect(table).toEqual([
      'unanswered/true:true',
      'unanswered/false:false',
      'noKnownConflict/true:true',
      'noKnownConflict/false:false',
      'reported/true:false',
      'reported/false:false',
      'inhabil/true:false',
      'inhabil/false:false',
      'ikkeInhabil/true:true',
      'ikkeInhabil/false:false',
    ]);
  });
  it('needs a cleared appointment check and no pending or decided inhabilitet', () => {
    expect(isDeciding(member('a', 'HN'))).toBe(true);
    expect(isDeciding(member('a', 'HN', 'unanswered'))).toBe(true);
    expect(isDeciding(member('a', 'HN', 'ikkeInhabil'))).toBe(true);
    expect(isDeciding(member('a', 'HN', 'reported'))).toBe(false);
    expect(isDeciding(member('a', 'HN', 'inhabil'))).toBe(false);
    expect(isDeciding(member('a', 'HN', 'noKnownConflict', false))).toBe(false);
  });
});

describe('tallyCase under the default rule', () => {
  const tally = (members: QuorumMember[], votes: Array<{ personId: string; vote: 'approve' | 'object' }>) =>
    tallyCase({ members, votes, participatingRhfs: rhfs, rule: quorumRuleDefault });

  it('approves when every deciding member of every participating RHF approves', () => {
    expect(tally([member('a', 'HN'), member('b', 'HV')], [approve('a'), approve('b')])).toEqual({
      status: 'approved',
    });
  });

  it('waits for deciding members who have not voted', () => {
    expect(tally([member('a', 'HN'), member('b', 'HV')], [approve('a')])).toEqual({
      status: 'open',
      waitingFor: ['b'],
    });
  });

  it('is not quorate when an RHF’s only member is inhabil, even if everyone else approves', () => {
    const result = tally([member('a', 'HN'), member('b', 'HV', 'inhabil')], [approve('a'), approve('b')]);
    expect(result).toMatchObject({ status: 'notQuorate', lacking: [{ rhfId: 'HV', rhfName: 'Helse Vest' }] });
    expect(result.status === 'notQuorate' && result.reason).toContain(
      'Helse Vest har ingen medlem som kan delta (B: inhabil)',
    );
  });

  it('is not quorate while the RHF’s habilitet question is pending', () => {
    const result = tally([member('a', 'HN'), member('b', 'HV', 'reported')], [approve('a')]);
    expect(result.status === 'notQuorate' && result.reason).toContain('venter på RHF-ets avgjørelse');
  });

  it('is not quorate when the RHF’s member lacks the appointment check', () => {
    const result = tally([member('a', 'HN'), member('b', 'HV', 'noKnownConflict', false)], [approve('a')]);
    expect(result.status === 'notQuorate' && result.reason).toContain('mangler RHF-ets habilitetssjekk');
  });

  it('is not quorate when a participating RHF has no eligible member at all', () => {
    const result = tally([member('a', 'HN')], [approve('a')]);
    expect(result.status === 'notQuorate' && result.reason).toContain(
      'Helse Vest har ingen stemmeberettigede',
    );
  });

  it('is quorate with a second member from the same RHF who can decide (Helse Sør-Øst with two)', () => {
    const members = [member('a', 'HN'), member('b', 'HV', 'inhabil'), member('c', 'HV')];
    expect(tally(members, [approve('a'), approve('c')])).toEqual({ status: 'approved' });
  });

  it('ignores votes of members who are not deciding, and conflict votes', () => {
    const members = [member('a', 'HN'), member('b', 'HV'), member('c', 'HV', 'reported')];
    expect(tally(members, [approve('a'), { personId: 'c', vote: 'object' }])).toEqual({
      status: 'open',
      waitingFor: ['b'],
    });
  });

  it('keeps dissent as dissent, also when not quorate', () => {
    const result = tally(
      [member('a', 'HN'), member('b', 'HV', 'inhabil')],
      [{ personId: 'a', vote: 'object' }],
    );
    expect(result).toEqual({ status: 'dissent', objectors: ['a'] });
  });

  it('says why when nobody can decide', () => {
    expect(tally([], [])).toMatchObject({ status: 'undecidable' });
    const result = tally([member('a', 'HN', 'inhabil'), member('b', 'HV', 'inhabil')], []);
    expect(result).toMatchObject({ status: 'notQuorate' });
    expect(result.status === 'notQuorate' && result.lacking.map((l) => l.rhfId)).toEqual(['HN', 'HV']);
  });
});

describe('tallyCase under a configured rule', () => {
  it('without the per-RHF requirement, approves on the deciding members alone', () => {
    const result = tallyCase({
      members: [member('a', 'HN'), member('b', 'HV', 'inhabil')],
      votes: [approve('a')],
      participatingRhfs: rhfs,
      rule: { everyParticipatingRhf: false, minimumDecidingVotes: 1 },
    });
    expect(result).toEqual({ status: 'approved' });
  });

  it('requires the minimum number of deciding votes', () => {
    const result = tallyCase({
      members: [member('a', 'HN'), member('b', 'HV', 'inhabil')],
      votes: [approve('a')],
      participatingRhfs: rhfs,
      rule: { everyParticipatingRhf: false, minimumDecidingVotes: 2 },
    });
    expect(result).toMatchObject({ status: 'notQuorate', reason: expect.stringContaining('1 av minst 2') });
  });

  it('without the per-RHF requirement and nobody deciding, is not quorate', () => {
    const result = tallyCase({
      members: [member('a', 'HN', 'inhabil')],
      votes: [],
      participatingRhfs: rhfs,
      rule: { everyParticipatingRhf: false, minimumDecidingVotes: 1 },
    });
    expect(result).toMatchObject({ status: 'notQuorate', reason: expect.stringContaining('inhabile') });
  });
});

// Every combination for a group of three (Helse Nord's a, Helse Vest's b and c): each member in each habilitet
// state, with or without the appointment check, and each vote (none, approve, object, conflict), under four
// rules. The expectation is seed 001 §7.2/§5.2 read directly: only deciding members count; an objection is
// dissent; a participating RHF without a deciding member (when the rule asks for it) or too few deciding votes
// is "ikke beslutningsdyktig"; otherwise the case waits for the deciding members who have not voted.
describe('tallyCase over every combination of three members', () => {
  const habilitetStates: HabilitetState[] = [
    'unanswered',
    'noKnownConflict',
    'reported',
    'inhabil',
    'ikkeInhabil',
  ];
  const voteChoices = [null, 'approve', 'object', 'conflict'] as const;
  type Seat = { habilitet: HabilitetState; cleared: boolean; vote: (typeof voteChoices)[number] };
  const seats: Seat[] = habilitetStates.flatMap((habilitet) =>
    [true, false].flatMap((cleared) => voteChoices.map((vote) => ({ habilitet, cleared, vote }))),
  );
  const layout = [
    { personId: 'a', rhfId: 'HN' },
    { personId: 'b', rhfId: 'HV' },
    { personId: 'c', rhfId: 'HV' },
  ];
  const rules = [
    quorumRuleDefault,
    { everyParticipatingRhf: false, minimumDecidingVotes: 1 },
    { everyParticipatingRhf: true, minimumDecidingVotes: 3 },
    { everyParticipatingRhf: false, minimumDecidingVotes: 2 },
  ];

  function expected(combination: Seat[], rule: (typeof rules)[number]) {
    const deciding = layout.filter(
      (_, i) => combination[i]!.cleared && !['reported', 'inhabil'].includes(combination[i]!.habilitet),
    );
    const voteOf = (personId: string) => combination[layout.findIndex((m) => m.personId === personId)]!.vote;
    if (deciding.length === 0)
      return { status: 'notQuorate', lacking: rule.everyParticipatingRhf ? ['HN', 'HV'] : [] };
    const objectors = deciding.filter((m) => voteOf(m.personId) === 'object').map((m) => m.personId);
    if (objectors.length > 0) return { status: 'dissent', objectors };
    const lacking = rule.everyParticipatingRhf
      ? rhfs.filter((rhf) => !deciding.some((m) => m.rhfId === rhf.id)).map((rhf) => rhf.id)
      : [];
    if (lacking.length > 0) return { status: 'notQuorate', lacking };
    const waitingFor = deciding
      .filter((m) => voteOf(m.personId) === null || voteOf(m.personId) === 'conflict')
      .map((m) => m.personId);
    if (waitingFor.length > 0) return { status: 'open', waitingFor };
    if (deciding.length < rule.minimumDecidingVotes) return { status: 'notQuorate', lacking: [] };
    return { status: 'approved' };
  }

  it(
    'agrees with the rule as written for all 64,000 combinations under each of four rules',
    { timeout: 30_000 },
    () => {
      let checked = 0;
      const seen = new Set<string>();
      const mismatches: unknown[] = [];
      for (const rule of rules)
        for (const first of seats)
          for (const second of seats)
            for (const third of seats) {
              const combination = [first, second, third];
              const members = layout.map((m, i) =>
                member(m.personId, m.rhfId, combination[i]!.habilitet, combination[i]!.cleared),
              );
              const votes = layout.flatMap((m, i) =>
                combination[i]!.vote ? [{ personId: m.personId, vote: combination[i]!.vote }] : [],
              );
              const result = tallyCase({ members, votes, participatingRhfs: rhfs, rule });
              const want = expected(combination, rule);
              const got =
                result.status === 'notQuorate'
                  ? { status: result.status, lacking: result.lacking.map((l) => l.rhfId) }
                  : result;
              const reasonOk =
                result.status !== 'notQuorate' ||
                (result.reason.startsWith('Ikke beslutningsdyktig: ') &&
                  result.lacking.every((l) => result.reason.includes(l.rhfName)));
              if (mismatches.length < 5 && (JSON.stringify(got) !== JSON.stringify(want) || !reasonOk))
                mismatches.push({ rule, combination, got: result, want });
              seen.add(result.status);
              checked += 1;
            }
      expect(mismatches).toEqual([]);
      expect(checked).toBe(4 * 40 ** 3);
      expect([...seen].sort()).toEqual(['approved', 'dissent', 'notQuorate', 'open']);
    },
  );
});
