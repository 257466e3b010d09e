import { describe, expect, it } from 'vitest';
import {
  checkProjectGroupComposition,
  projectGroupStatus,
  type ProjectGroupMember,
} from './project-group.rules.js';

const hfs = [
  { id: 'unn', name: 'UNN' },
  { id: 'fin', name: 'Finnmarkssykehuset' },
];
const leader: ProjectGroupMember = {
  personId: 'lead',
  personName: 'Leif',
  representsOrganisationId: null,
  isLeader: true,
  personOrganisationKind: 'SHI',
};
const member = (hf: string): ProjectGroupMember => ({
  personId: `p-${hf}`,
  personName: `Person ${hf}`,
  representsOrganisationId: hf,
  isLeader: false,
  personOrganisationKind: 'HF',
});
const check = (
  members: ProjectGroupMember[],
  exemptHfIds: string[] = [],
  exemptionNote: string | null = null,
) =>
  checkProjectGroupComposition({ affectedHfs: hfs, members, exemptHfIds, exemptionNote }).problems.map(
    (p) => `${p.path}: ${p.message}`,
  );

describe('checkProjectGroupComposition', () => {
  it('accepts a Sykehusinnkjøp leader and a member for every affected HF', () => {
    expect(check([leader, member('unn'), member('fin')])).toEqual([]);
  });
  it('needs exactly one leader, from Sykehusinnkjøp', () => {
    expect(check([member('unn'), member('fin')])).toEqual([
      'leaderPersonId: Prosjektgruppen skal ha nøyaktig én leder fra Sykehusinnkjøp.',
    ]);
    expect(check([{ ...member('unn'), isLeader: true }, member('fin')])).toEqual([
      'leaderPersonId: Prosjektgruppen ledes av Sykehusinnkjøp; Person unn er ikke ansatt der.',
    ]);
    expect(check([leader, { ...leader, personId: 'x' }, member('unn'), member('fin')])[0]).toMatch(
      /nøyaktig én/,
    );
  });
  it('names the unrepresented HFs unless exempted with a reason', () => {
    expect(check([leader, member('unn')])).toEqual([
      'members: Alle berørte helseforetak skal være representert med mindre anskaffelsesstyret bestemmer noe annet; mangler: Finnmarkssykehuset.',
    ]);
    expect(check([leader, member('unn')], ['fin'])).toEqual([
      'exemptionNote: Begrunn hvorfor ikke alle berørte helseforetak er representert.',
    ]);
    expect(check([leader, member('unn')], ['fin'], 'Deltar ikke')).toEqual([]);
    expect(
      checkProjectGroupComposition({
        affectedHfs: hfs,
        members: [leader, member('unn')],
        exemptHfIds: ['fin'],
        exemptionNote: 'Deltar ikke',
      }).unrepresented,
    ).toEqual([{ id: 'fin', name: 'Finnmarkssykehuset', exempted: true }]);
  });
  it('refuses members of other HFs, HF staff without an HF, duplicates and exemptions of unaffected HFs', () => {
    expect(
      check(
        [
          leader,
          member('unn'),
          member('fin'),
          member('nlsh'),
          { ...member('unn'), representsOrganisationId: null },
        ],
        ['hsyk'],
        'x',
      ),
    ).toEqual([
      'members.3.representsOrganisationId: Person nlsh representerer ikke et av helseforetakene i anskaffelsen.',
      'members.4.personId: Person unn er med flere ganger.',
      'members.4.representsOrganisationId: Velg helseforetaket Person unn representerer.',
      'exemptHfIds.0: Unntaket gjelder et helseforetak som ikke er med i anskaffelsen.',
    ]);
  });
});

describe('projectGroupStatus', () => {
  const base = {
    decisionLevelDecided: true,
    projectGroupId: 'pg',
    approvingBodyId: 'board',
    changedSinceApproval: false,
    cases: [],
  };
  const composition = (status: string, resolutionOutcome: 'approved' | 'rejected' | null = null) => ({
    id: `c-${status}`,
    gate: 'projectGroup',
    steeringGroupId: 'board',
    status,
    resolutionOutcome,
    proposedBodyId: null,
    decidedOn: null,
  });
  it('follows the group from the decision level to the board’s approval', () => {
    expect(projectGroupStatus({ ...base, decisionLevelDecided: false }).status).toBe('locked');
    expect(projectGroupStatus({ ...base, approvingBodyId: null }).status).toBe('locked');
    expect(projectGroupStatus({ ...base, projectGroupId: null }).status).toBe('toCreate');
    expect(projectGroupStatus(base).status).toBe('awaitingCase');
    expect(projectGroupStatus({ ...base, cases: [composition('open')] }).status).toBe('open');
    expect(projectGroupStatus({ ...base, cases: [composition('dissent')] }).status).toBe('dissent');
    expect(projectGroupStatus({ ...base, cases: [composition('escalated')] }).status).toBe('escalated');
    expect(projectGroupStatus({ ...base, cases: [composition('approved')] })).toEqual({
      status: 'approved',
      caseId: 'c-approved',
      blockingReason: null,
    });
    expect(projectGroupStatus({ ...base, cases: [composition('resolved', 'approved')] }).status).toBe(
      'approved',
    );
    expect(projectGroupStatus({ ...base, cases: [composition('resolved', 'rejected')] }).status).toBe(
      'awaitingCase',
    );
  });
  it('asks for a new approval when the members changed, and ignores other bodies’ cases', () => {
    expect(
      projectGroupStatus({ ...base, changedSinceApproval: true, cases: [composition('approved')] }).status,
    ).toBe('awaitingCase');
    expect(
      projectGroupStatus({ ...base, cases: [{ ...composition('approved'), steeringGroupId: 'other' }] })
        .status,
    ).toBe('awaitingCase');
  });
});
