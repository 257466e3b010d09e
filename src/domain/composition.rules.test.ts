// Over 500 lines: exhaustive cases for every composition rule, one describe block per rule.
import { describe, expect, it } from 'vitest';
import {
  maxDecidingMembersOf,
  checkComposition,
  isActiveOn,
  type CompositionCheck,
  type CompositionMember,
  type CompositionRhf,
} from './composition.rules.js';

const TODAY = '2025-06-01';

const rhfs: CompositionRhf[] = [
  { id: 'nord', name: 'Helse Nord', maxDecidingMembers: 1 },
  { id: 'midt', name: 'Helse Midt-Norge', maxDecidingMembers: 1 },
  { id: 'vest', name: 'Helse Vest', maxDecidingMembers: 1 },
  { id: 'sorost', name: 'Helse Sør-Øst', maxDecidingMembers: 2 },
];
const rhfNames: Record<string, string> = Object.fromEntries(rhfs.map((rhf) => [rhf.id, rhf.name]));

function member(id: string, rhfId: string, overrides: Partial<CompositionMember> = {}): CompositionMember {
  return {
    membershipId: id,
    personName: `Person ${id}`,
    rhfId,
    rhfName: rhfNames[rhfId] ?? rhfId,
    isLeader: false,
    isObserver: false,
    competenceAreas: [],
    termStart: '2024-01-01',
    termEnd: null,
    trainingCompletedOn: '2024-02-01',
    ...overrides,
  };
}

/** A group that passes every rule: one deciding member per RHF, one leader, all areas, open-ended terms. */
function validGroup(): CompositionMember[] {
  return [
    member('n', 'nord', { isLeader: true, competenceAreas: ['fag'] }),
    member('m', 'midt', { competenceAreas: ['okonomi'] }),
    member('v', 'vest', { competenceAreas: ['marked'] }),
    member('s', 'sorost', { competenceAreas: ['fag'] }),
  ];
}

function codes(checks: CompositionCheck[]): string[] {
  return checks.map((check) => check.code).sort();
}

function only(checks: CompositionCheck[], code: CompositionCheck['code']): CompositionCheck[] {
  return checks.filter((check) => check.code === code);
}

describe('isActiveOn', () => {
  it('counts the first and the last day of the term (both inclusive)', () => {
    const term = { termStart: '2024-01-01', termEnd: '2025-12-31' };
    expect(isActiveOn(term, '2024-01-01')).toBe(true);
    expect(isActiveOn(term, '2025-12-31')).toBe(true);
    expect(isActiveOn(term, '2025-06-01')).toBe(true);
  });

  it('does not count the day before the start or the day after the end', () => {
    const term = { termStart: '2024-01-01', termEnd: '2025-12-31' };
    expect(isActiveOn(term, '2023-12-31')).toBe(false);
    expect(isActiveOn(term, '2026-01-01')).toBe(false);
  });

  it('treats a missing end as open-ended', () => {
    expect(isActiveOn({ termStart: '2024-01-01', termEnd: null }, '2099-12-31')).toBe(true);
    expect(isActiveOn({ termStart: '2030-01-01', termEnd: null }, TODAY)).toBe(false);
  });
});

describe('checkComposition', () => {
  it('returns no checks for a complete, valid group', () => {
    expect(checkComposition(validGroup(), rhfs, TODAY)).toEqual([]);
  });

  it('reports errors as errors and the advisory rules as warnings', () => {
    const checks = checkComposition(
      [
        member('a', 'nord', {
          isLeader: true,
          trainingCompletedOn: null,
          termStart: '2025-01-01',
          termEnd: '2025-12-31',
        }),
        member('b', 'nord', { isLeader: true, termEnd: '2025-12-31' }),
      ],
      rhfs,
      TODAY,
    );
    const levelByCode = Object.fromEntries(checks.map((check) => [check.code, check.level]));
    expect(levelByCode).toEqual({
      tooManyFromRhf: 'error',
      severalLeaders: 'error',
      missingCompetence: 'error',
      rhfNotRepresented: 'warning',
      shortTerm: 'warning',
      trainingMissing: 'warning',
      simultaneousReplacement: 'warning',
    });
  });

  describe('deciding members per RHF', () => {
    it('allows Helse Sør-Øst two deciding members', () => {
      const members = [...validGroup(), member('s2', 'sorost', { competenceAreas: ['marked'] })];
      expect(checkComposition(members, rhfs, TODAY)).toEqual([]);
    });

    it('rejects a third deciding member from Helse Sør-Øst and names all three', () => {
      const members = [...validGroup(), member('s2', 'sorost'), member('s3', 'sorost')];
      const checks = checkComposition(members, rhfs, TODAY);
      expect(checks).toEqual([
        {
          level: 'error',
          code: 'tooManyFromRhf',
          message: 'Helse Sør-Øst har 3 beslutningsmedlemmer; høyst 2 er tillatt.',
          membershipIds: ['s', 's2', 's3'],
        },
      ]);
    });

    it('rejects a second deciding member from any other RHF', () => {
      const checks = checkComposition([...validGroup(), member('v2', 'vest')], rhfs, TODAY);
      expect(checks).toEqual([
        {
          level: 'error',
          code: 'tooManyFromRhf',
          message: 'Helse Vest har 2 beslutningsmedlemmer; høyst 1 er tillatt.',
          membershipIds: ['v', 'v2'],
        },
      ]);
    });

    it('takes the limit from the input, not from the RHF name', () => {
      const strict = rhfs.map((rhf) => ({ ...rhf, maxDecidingMembers: 1 }));
      const members = [...validGroup(), member('s2', 'sorost')];
      expect(codes(checkComposition(members, strict, TODAY))).toEqual(['tooManyFromRhf']);
      const lenient = rhfs.map((rhf) => (rhf.id === 'vest' ? { ...rhf, maxDecidingMembers: 2 } : rhf));
      expect(checkComposition([...validGroup(), member('v2', 'vest')], lenient, TODAY)).toEqual([]);
    });

    it('does not count observers towards the limit', () => {
      const members = [...validGroup(), member('v-obs', 'vest', { isObserver: true })];
      expect(checkComposition(members, rhfs, TODAY)).toEqual([]);
    });

    it('does not count members whose term has ended or not yet started', () => {
      const members = [
        ...validGroup(),
        member('v-old', 'vest', { termStart: '2022-01-01', termEnd: '2025-05-31' }),
        member('v-next', 'vest', { termStart: '2025-06-02' }),
      ];
      expect(checkComposition(members, rhfs, TODAY)).toEqual([]);
    });

    it('counts a member on the first and the last day of the term', () => {
      const members = [
        ...validGroup(),
        member('v-last', 'vest', { termStart: '2023-01-01', termEnd: TODAY }),
        member('v-first', 'vest', { termStart: TODAY, termEnd: '2027-12-31' }),
      ];
      const [check] = only(checkComposition(members, rhfs, TODAY), 'tooManyFromRhf');
      expect(check?.membershipIds.sort()).toEqual(['v', 'v-first', 'v-last']);
    });
  });

  describe('RHF without a deciding member', () => {
    it('warns for an RHF with no members', () => {
      const members = validGroup().filter((m) => m.rhfId !== 'midt');
      members[0] = { ...members[0]!, competenceAreas: ['fag', 'okonomi'] };
      expect(checkComposition(members, rhfs, TODAY)).toEqual([
        {
          level: 'warning',
          code: 'rhfNotRepresented',
          message: 'Helse Midt-Norge er ikke representert med et beslutningsmedlem.',
          membershipIds: [],
        },
      ]);
    });

    it('warns when the RHF only has an observer (a multi-regional procurement it does not cover)', () => {
      const members = validGroup().map((m) => (m.rhfId === 'midt' ? { ...m, isObserver: true } : m));
      members.push(member('s2', 'sorost', { competenceAreas: ['okonomi'] }));
      const checks = checkComposition(members, rhfs, TODAY);
      expect(codes(checks)).toEqual(['rhfNotRepresented']);
      expect(checks[0]?.message).toContain('Helse Midt-Norge');
    });

    it('warns when the RHF only has a member whose term has ended or not started', () => {
      const members = validGroup().map((m) =>
        m.rhfId === 'midt' ? { ...m, competenceAreas: [], termStart: '2025-07-01' } : m,
      );
      members.push(member('s2', 'sorost', { competenceAreas: ['okonomi'] }));
      expect(codes(checkComposition(members, rhfs, TODAY))).toEqual(['rhfNotRepresented']);
    });

    it('warns once per missing RHF, in the order the RHFs are given', () => {
      const members = [
        member('n', 'nord', { isLeader: true, competenceAreas: ['fag', 'okonomi', 'marked'] }),
      ];
      const checks = only(checkComposition(members, rhfs, TODAY), 'rhfNotRepresented');
      expect(checks.map((check) => check.message)).toEqual([
        'Helse Midt-Norge er ikke representert med et beslutningsmedlem.',
        'Helse Vest er ikke representert med et beslutningsmedlem.',
        'Helse Sør-Øst er ikke representert med et beslutningsmedlem.',
      ]);
    });

    it('ignores members from an organisation that is not in the RHF list', () => {
      const members = [...validGroup(), member('x', 'sykehusinnkjop'), member('y', 'sykehusinnkjop')];
      expect(checkComposition(members, rhfs, TODAY)).toEqual([]);
    });
  });

  describe('leader', () => {
    it('reports a group without a leader', () => {
      const members = validGroup().map((m) => ({ ...m, isLeader: false }));
      expect(checkComposition(members, rhfs, TODAY)).toEqual([
        { level: 'error', code: 'noLeader', message: 'Styringsgruppen mangler leder.', membershipIds: [] },
      ]);
    });

    it('reports several leaders with their names and memberships', () => {
      const members = validGroup().map((m) => (m.rhfId === 'vest' ? { ...m, isLeader: true } : m));
      expect(checkComposition(members, rhfs, TODAY)).toEqual([
        {
          level: 'error',
          code: 'severalLeaders',
          message: 'Styringsgruppen har 2 ledere (Person n, Person v); den skal ha nøyaktig én.',
          membershipIds: ['n', 'v'],
        },
      ]);
    });

    it('does not count a leader whose term has ended', () => {
      const members = validGroup().map((m) =>
        m.isLeader ? { ...m, termStart: '2022-01-01', termEnd: '2025-05-31' } : m,
      );
      members.push(member('n2', 'nord', { competenceAreas: ['fag'] }));
      expect(codes(checkComposition(members, rhfs, TODAY))).toEqual(['noLeader']);
    });

    it('accepts an outgoing leader and an incoming leader whose terms do not overlap', () => {
      const members = validGroup().map((m) =>
        m.isLeader ? { ...m, termStart: '2022-01-01', termEnd: '2025-05-31' } : m,
      );
      members.push(member('n2', 'nord', { isLeader: true, competenceAreas: ['fag'], termStart: TODAY }));
      expect(checkComposition(members, rhfs, TODAY)).toEqual([]);
      expect(codes(checkComposition(members, rhfs, '2025-05-31'))).toEqual([]);
    });

    it('does not count a leader whose term has not started', () => {
      const members = validGroup().map((m) => ({ ...m, isLeader: false }));
      members.push(member('next', 'sorost', { isLeader: true, termStart: '2025-09-01' }));
      expect(codes(checkComposition(members, rhfs, TODAY))).toEqual(['noLeader']);
    });
  });

  describe('competence areas', () => {
    it('reports a single missing area', () => {
      const members = validGroup().map((m) => (m.rhfId === 'vest' ? { ...m, competenceAreas: [] } : m));
      expect(checkComposition(members, rhfs, TODAY)).toEqual([
        {
          level: 'error',
          code: 'missingCompetence',
          message: 'Gruppen dekker ikke kompetanseområdet marked.',
          membershipIds: [],
        },
      ]);
    });

    it('lists every missing area in one check', () => {
      const members = validGroup().map((m) => ({ ...m, competenceAreas: [] }));
      const checks = only(checkComposition(members, rhfs, TODAY), 'missingCompetence');
      expect(checks.map((check) => check.message)).toEqual([
        'Gruppen dekker ikke kompetanseområdene økonomi, marked og fag.',
      ]);
      const twoMissing = validGroup().map((m) => ({
        ...m,
        competenceAreas: m.rhfId === 'vest' ? ['marked' as const] : [],
      }));
      expect(only(checkComposition(twoMissing, rhfs, TODAY), 'missingCompetence')[0]?.message).toBe(
        'Gruppen dekker ikke kompetanseområdene økonomi og fag.',
      );
    });

    it('is satisfied by one member who covers all three areas', () => {
      const members = validGroup().map((m) =>
        m.isLeader
          ? { ...m, competenceAreas: ['okonomi', 'marked', 'fag'] as const }
          : { ...m, competenceAreas: [] },
      );
      expect(checkComposition(members, rhfs, TODAY)).toEqual([]);
    });

    it('does not let an observer cover an area', () => {
      const members = validGroup().map((m) => (m.rhfId === 'vest' ? { ...m, competenceAreas: [] } : m));
      members.push(member('obs', 'vest', { isObserver: true, competenceAreas: ['marked'] }));
      expect(codes(checkComposition(members, rhfs, TODAY))).toEqual(['missingCompetence']);
    });

    it('does not let an ended or future member cover an area', () => {
      const members = validGroup().map((m) => (m.rhfId === 'vest' ? { ...m, competenceAreas: [] } : m));
      members.push(
        member('old', 'sorost', {
          competenceAreas: ['marked'],
          termStart: '2020-01-01',
          termEnd: '2025-05-31',
        }),
      );
      members.push(member('new', 'sorost', { competenceAreas: ['marked'], termStart: '2025-06-02' }));
      expect(codes(checkComposition(members, rhfs, TODAY))).toEqual(['missingCompetence']);
    });
  });

  describe('term length (at least 2 years)', () => {
    // Terms are given with an inclusive last day, so 2024-01-01 – 2025-12-31 is exactly two years.
    const withTerm = (termStart: string, termEnd: string | null) =>
      validGroup().map((m) => (m.rhfId === 'vest' ? { ...m, termStart, termEnd } : m));
    const shortTerms = (termStart: string, termEnd: string | null, today = TODAY) =>
      only(checkComposition(withTerm(termStart, termEnd), rhfs, today), 'shortTerm');

    it('accepts exactly two years with an inclusive last day', () => {
      expect(shortTerms('2024-01-01', '2025-12-31')).toEqual([]);
    });

    it('accepts a term ending on the two-year anniversary and a longer one', () => {
      expect(shortTerms('2024-01-01', '2026-01-01')).toEqual([]);
      expect(shortTerms('2024-01-01', '2027-06-30')).toEqual([]);
    });

    it('warns one day short of two years', () => {
      expect(shortTerms('2024-01-01', '2025-12-30')).toEqual([
        {
          level: 'warning',
          code: 'shortTerm',
          message: 'Person v har en engasjementstid kortere enn 2 år (2024-01-01 – 2025-12-30).',
          membershipIds: ['v'],
        },
      ]);
    });

    it('warns for a one-year term', () => {
      expect(shortTerms('2025-01-01', '2025-12-31')).toHaveLength(1);
    });

    it('handles a term starting on leap day 2024-02-29', () => {
      // The two-year anniversary falls on 1 March 2026, so the last full day is 28 February 2026.
      expect(shortTerms('2024-02-29', '2026-02-28')).toEqual([]);
      expect(shortTerms('2024-02-29', '2026-03-01')).toEqual([]);
      expect(shortTerms('2024-02-29', '2026-02-27')).toHaveLength(1);
    });

    it('handles a term crossing a leap day', () => {
      expect(shortTerms('2023-03-01', '2025-02-28', '2024-06-01')).toEqual([]);
      expect(shortTerms('2023-03-01', '2025-02-27', '2024-06-01')).toHaveLength(1);
    });

    it('accepts an open-ended term', () => {
      expect(shortTerms('2025-06-01', null)).toEqual([]);
    });

    it('warns for an observer too (the rule is about engagement, not voting)', () => {
      const members = [
        ...validGroup(),
        member('obs', 'midt', { isObserver: true, termStart: '2025-01-01', termEnd: '2025-12-31' }),
      ];
      expect(only(checkComposition(members, rhfs, TODAY), 'shortTerm').map((c) => c.membershipIds)).toEqual([
        ['obs'],
      ]);
    });

    it('does not warn about members whose term has ended or not started', () => {
      const members = [
        ...validGroup(),
        member('old', 'vest', { isObserver: true, termStart: '2025-01-01', termEnd: '2025-05-31' }),
        member('new', 'vest', { isObserver: true, termStart: '2025-07-01', termEnd: '2025-12-31' }),
      ];
      expect(checkComposition(members, rhfs, TODAY)).toEqual([]);
    });
  });

  describe('sequential replacement (terms ending within 90 days of each other)', () => {
    const withEnds = (ends: Record<string, string | null>) =>
      validGroup().map((m) => (m.membershipId in ends ? { ...m, termEnd: ends[m.membershipId] ?? null } : m));
    const replacements = (ends: Record<string, string | null>) =>
      only(checkComposition(withEnds(ends), rhfs, TODAY), 'simultaneousReplacement');

    it('warns for two terms ending on the same day', () => {
      expect(replacements({ n: '2026-06-30', m: '2026-06-30' })).toEqual([
        {
          level: 'warning',
          code: 'simultaneousReplacement',
          message:
            'Person n og Person m går ut med høyst 90 dagers mellomrom (2026-06-30, 2026-06-30); medlemmer skal skiftes ut sekvensielt.',
          membershipIds: ['n', 'm'],
        },
      ]);
    });

    it('warns at exactly 90 days apart', () => {
      expect(replacements({ n: '2026-01-01', m: '2026-04-01' }).map((c) => c.membershipIds)).toEqual([
        ['n', 'm'],
      ]);
    });

    it('does not warn at 91 days apart', () => {
      expect(replacements({ n: '2026-01-01', m: '2026-04-02' })).toEqual([]);
    });

    it('lists the cluster in order of term end, regardless of input order', () => {
      expect(replacements({ n: '2026-04-01', m: '2026-01-01' }).map((c) => c.membershipIds)).toEqual([
        ['m', 'n'],
      ]);
    });

    it('chains terms 60 days apart into one cluster even when the ends are 120 days apart', () => {
      const checks = replacements({ n: '2026-01-01', m: '2026-03-02', v: '2026-05-01' });
      expect(checks.map((c) => c.membershipIds)).toEqual([['n', 'm', 'v']]);
      expect(checks[0]?.message).toContain('Person n, Person m og Person v');
    });

    it('does not lose a pair that follows a cluster (100, then 50 and 50 days apart)', () => {
      // n ends alone; m, v and s end 50 days apart from each other.
      const checks = replacements({ n: '2026-01-01', m: '2026-04-11', v: '2026-05-31', s: '2026-07-20' });
      expect(checks.map((c) => c.membershipIds)).toEqual([['m', 'v', 's']]);
    });

    it('reports separate clusters separately', () => {
      const checks = replacements({ n: '2026-01-01', m: '2026-01-15', v: '2027-01-01', s: '2027-02-01' });
      expect(checks.map((c) => c.membershipIds)).toEqual([
        ['n', 'm'],
        ['v', 's'],
      ]);
    });

    it('ignores open-ended terms', () => {
      expect(replacements({ n: '2026-01-01' })).toEqual([]);
    });

    it('ignores members whose term has ended or not started', () => {
      const members = [
        ...withEnds({ n: '2026-01-01' }),
        member('old', 'vest', { isObserver: true, termStart: '2023-01-01', termEnd: '2025-05-31' }),
        member('new', 'vest', { isObserver: true, termStart: '2025-07-01', termEnd: '2028-01-01' }),
      ];
      // A future member ending the day after n would otherwise form a cluster with n.
      members.push(
        member('soon', 'vest', { isObserver: true, termStart: '2025-12-01', termEnd: '2026-01-02' }),
      );
      expect(only(checkComposition(members, rhfs, TODAY), 'simultaneousReplacement')).toEqual([]);
    });
  });

  describe('training', () => {
    it('warns for an active member who has not completed the training', () => {
      const members = validGroup().map((m) => (m.rhfId === 'midt' ? { ...m, trainingCompletedOn: null } : m));
      expect(checkComposition(members, rhfs, TODAY)).toEqual([
        {
          level: 'warning',
          code: 'trainingMissing',
          message: 'Person m har ikke fullført opplæringen.',
          membershipIds: ['m'],
        },
      ]);
    });

    it('warns for observers as well, one check per member', () => {
      const members = [
        ...validGroup().map((m) => ({ ...m, trainingCompletedOn: null })),
        member('obs', 'vest', { isObserver: true, trainingCompletedOn: null }),
      ];
      const checks = only(checkComposition(members, rhfs, TODAY), 'trainingMissing');
      expect(checks.map((c) => c.membershipIds[0])).toEqual(['n', 'm', 'v', 's', 'obs']);
    });

    it('does not warn about members whose term has ended or not started', () => {
      const members = [
        ...validGroup(),
        member('old', 'vest', { isObserver: true, trainingCompletedOn: null, termEnd: '2025-05-31' }),
        member('new', 'vest', { isObserver: true, trainingCompletedOn: null, termStart: '2025-06-02' }),
      ];
      expect(checkComposition(members, rhfs, TODAY)).toEqual([]);
    });
  });

  it('evaluates on the given day: the same group changes as terms start and end', () => {
    const members = [
      member('n', 'nord', {
        isLeader: true,
        competenceAreas: ['fag', 'okonomi', 'marked'],
        termEnd: '2025-12-31',
      }),
      member('n2', 'nord', {
        isLeader: true,
        competenceAreas: ['fag', 'okonomi', 'marked'],
        termStart: '2026-01-01',
      }),
      member('m', 'midt'),
      member('v', 'vest'),
      member('s', 'sorost'),
    ];
    expect(codes(checkComposition(members, rhfs, '2025-12-31'))).toEqual([]);
    expect(codes(checkComposition(members, rhfs, '2026-01-01'))).toEqual([]);
    expect(codes(checkComposition(members, rhfs, '2023-12-31'))).toEqual([
      'missingCompetence',
      'noLeader',
      'rhfNotRepresented',
      'rhfNotRepresented',
      'rhfNotRepresented',
      'rhfNotRepresented',
    ]);
  });

  it('returns everything for an empty group', () => {
    expect(codes(checkComposition([], rhfs, TODAY))).toEqual([
      'missingCompetence',
      'noLeader',
      'rhfNotRepresented',
      'rhfNotRepresented',
      'rhfNotRepresented',
      'rhfNotRepresented',
    ]);
  });
});

describe('maxDecidingMembersOf', () => {
  it('gives Helse Sør-Øst two deciding members and every other RHF one', () => {
    expect(maxDecidingMembersOf('HSO')).toBe(2);
    for (const code of ['HN', 'HMN', 'HV']) expect(maxDecidingMembersOf(code)).toBe(1);
  });
});
