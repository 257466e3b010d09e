import { describe, expect, it } from 'vitest';
import { electorateChange, electorateFor, tallyVotes, type CaseMember } from './consensus.rules.js';

const member = (personId: string, rhfId: string, extra: Partial<CaseMember> = {}): CaseMember => ({
  membershipId: `m-${personId}`,
  personId,
  personName: personId,
  rhfId,
  isObserver: false,
  termStart: '2025-01-01',
  termEnd: '2027-12-31',
  endedOn: null,
  ...extra,
});

describe('electorateFor', () => {
  const members = [
    member('a', 'HN'),
    member('b', 'HMN'),
    member('c', 'HV'),
    member('d', 'HSO'),
    member('e', 'HSO', { isObserver: true }),
  ];
  const all = ['HN', 'HMN', 'HV', 'HSO'];

  it('lets every active deciding member of a national procurement vote, not observers', () => {
    const result = electorateFor(members, {
      participatingRhfIds: all,
      faggruppePersonIds: [],
      day: '2026-01-01',
    });
    expect(result.eligible.map((m) => m.personId)).toEqual(['a', 'b', 'c', 'd']);
    expect(result.excluded).toEqual([{ member: members[4], reason: 'observer' }]);
  });

  it('makes members of regions outside a flerregional procurement observers', () => {
    const result = electorateFor(members, {
      participatingRhfIds: ['HN', 'HV'],
      faggruppePersonIds: [],
      day: '2026-01-01',
    });
    expect(result.eligible.map((m) => m.personId)).toEqual(['a', 'c']);
    expect(result.excluded.filter((e) => e.reason === 'otherRegion').map((e) => e.member.personId)).toEqual([
      'b',
      'd',
    ]);
  });

  it('excludes a faggruppe member of the procurement and inactive or ended members', () => {
    const withEnded = [
      ...members,
      member('f', 'HN', { endedOn: '2025-06-01' }),
      member('g', 'HN', { termStart: '2026-06-01' }),
    ];
    const result = electorateFor(withEnded, {
      participatingRhfIds: all,
      faggruppePersonIds: ['b'],
      day: '2026-01-01',
    });
    expect(result.eligible.map((m) => m.personId)).toEqual(['a', 'c', 'd']);
    expect(Object.fromEntries(result.excluded.map((e) => [e.member.personId, e.reason]))).toEqual({
      b: 'faggruppe',
      e: 'observer',
      f: 'inactive',
      g: 'inactive',
    });
  });
});

describe('tallyVotes', () => {
  const eligible = ['a', 'b', 'c'];
  it('approves on consensus of all eligible members', () => {
    expect(
      tallyVotes(eligible, [
        { personId: 'a', vote: 'approve' },
        { personId: 'b', vote: 'approve' },
      ]),
    ).toEqual({ status: 'open', waitingFor: ['c'] });
    expect(
      tallyVotes(
        eligible,
        eligible.map((personId) => ({ personId, vote: 'approve' as const })),
      ),
    ).toEqual({ status: 'approved' });
  });
  it('turns any objection into dissent', () => {
    expect(
      tallyVotes(eligible, [
        { personId: 'a', vote: 'approve' },
        { personId: 'b', vote: 'object' },
      ]),
    ).toEqual({ status: 'dissent', objectors: ['b'] });
  });
  it('leaves a conflicted member out of the consensus', () => {
    expect(
      tallyVotes(eligible, [
        { personId: 'a', vote: 'approve' },
        { personId: 'b', vote: 'conflict' },
        { personId: 'c', vote: 'approve' },
      ]),
    ).toEqual({ status: 'approved' });
  });
  it('ignores votes of people who are not eligible', () => {
    expect(
      tallyVotes(
        ['a'],
        [
          { personId: 'x', vote: 'object' },
          { personId: 'a', vote: 'approve' },
        ],
      ),
    ).toEqual({ status: 'approved' });
  });
  it('cannot decide with nobody eligible or everyone conflicted, and says why', () => {
    expect(tallyVotes([], [])).toMatchObject({
      status: 'undecidable',
      reason: expect.stringContaining('ingen stemmeberettigede'),
    });
    expect(tallyVotes(['a'], [{ personId: 'a', vote: 'conflict' }])).toMatchObject({
      status: 'undecidable',
      reason: expect.stringContaining('inhabile'),
    });
  });
});

describe('live electorate', () => {
  const replaced = [
    member('old', 'HN', { termEnd: '2026-03-31' }),
    member('new', 'HN', { termStart: '2026-04-01' }),
    member('b', 'HMN'),
  ];
  const at = (day: string, faggruppePersonIds: string[] = []) =>
    electorateFor(replaced, { participatingRhfIds: ['HN', 'HMN'], faggruppePersonIds, day }).eligible.map(
      (m) => m.personId,
    );

  it('follows the memberships in force on the day: the successor replaces the member whose term ended', () => {
    expect(at('2026-03-15')).toEqual(['old', 'b']);
    expect(at('2026-04-02')).toEqual(['new', 'b']);
    expect(electorateChange(at('2026-03-15'), at('2026-04-02'))).toEqual({
      joined: ['new'],
      left: ['old'],
      changed: true,
    });
  });

  it('drops a member added to the faggruppe after submission', () => {
    expect(electorateChange(at('2026-04-02'), at('2026-04-02', ['b']))).toEqual({
      joined: [],
      left: ['b'],
      changed: true,
    });
    expect(electorateChange(['a'], ['a']).changed).toBe(false);
  });

  it('no longer counts the objection of a member who has left', () => {
    const votes = [
      { personId: 'old', vote: 'object' as const },
      { personId: 'b', vote: 'approve' as const },
      { personId: 'new', vote: 'approve' as const },
    ];
    expect(tallyVotes(at('2026-03-15'), votes).status).toBe('dissent');
    expect(tallyVotes(at('2026-04-02'), votes)).toEqual({ status: 'approved' });
  });
});
