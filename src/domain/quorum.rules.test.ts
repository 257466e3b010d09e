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
