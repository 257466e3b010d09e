// Who decides a case and what the votes add up to (seed 001 §5.1.4 consensus, §7.2 habilitet, §7.5). Pure.
import { isActiveOn } from './composition.rules.js';

export type Vote = 'approve' | 'object' | 'conflict';

export interface CaseMember {
  membershipId: string;
  personId: string;
  personName: string;
  rhfId: string;
  isObserver: boolean;
  termStart: string;
  termEnd: string | null;
  endedOn: string | null;
}

export interface Electorate {
  /** Members who may vote: active, deciding, from a participating region, not in the procurement's faggruppe. */
  eligible: CaseMember[];
  /** Everyone else in the group, with the reason they do not decide this case. */
  excluded: Array<{ member: CaseMember; reason: 'observer' | 'otherRegion' | 'faggruppe' | 'inactive' }>;
}

export function isMembershipActive(
  member: Pick<CaseMember, 'termStart' | 'termEnd' | 'endedOn'>,
  day: string,
): boolean {
  return isActiveOn(member, day) && (member.endedOn === null || member.endedOn > day);
}

/**
 * For a flerregional procurement only members from the participating regions decide (the others observe);
 * a faggruppe member of the procurement may not decide it; observers never vote.
 */
export function electorateFor(
  members: readonly CaseMember[],
  context: { participatingRhfIds: readonly string[]; faggruppePersonIds: readonly string[]; day: string },
): Electorate {
  const eligible: CaseMember[] = [];
  const excluded: Electorate['excluded'] = [];
  for (const member of members) {
    if (!isMembershipActive(member, context.day)) excluded.push({ member, reason: 'inactive' });
    else if (member.isObserver) excluded.push({ member, reason: 'observer' });
    else if (!context.participatingRhfIds.includes(member.rhfId))
      excluded.push({ member, reason: 'otherRegion' });
    else if (context.faggruppePersonIds.includes(member.personId))
      excluded.push({ member, reason: 'faggruppe' });
    else eligible.push(member);
  }
  return { eligible, excluded };
}

export type CaseOutcome =
  | { status: 'open'; waitingFor: string[] }
  | { status: 'approved' }
  | { status: 'dissent'; objectors: string[] }
  | { status: 'undecidable'; reason: string };

/**
 * Consensus of every eligible, non-conflicted member approves; any objection is dissent. Eligible members who
 * declared a conflict (inhabil) take no part; if nobody is left the group cannot decide and says why.
 */
export function tallyVotes(
  eligiblePersonIds: readonly string[],
  votes: ReadonlyArray<{ personId: string; vote: Vote }>,
): CaseOutcome {
  const byPerson = new Map(
    votes.filter((v) => eligiblePersonIds.includes(v.personId)).map((v) => [v.personId, v.vote]),
  );
  const deciding = eligiblePersonIds.filter((personId) => byPerson.get(personId) !== 'conflict');
  if (eligiblePersonIds.length === 0) {
    return {
      status: 'undecidable',
      reason: 'Styringsgruppen har ingen stemmeberettigede medlemmer for denne saken.',
    };
  }
  if (deciding.length === 0) {
    return {
      status: 'undecidable',
      reason:
        'Alle stemmeberettigede medlemmer har meldt seg inhabile; saken må avgjøres på annen måte (eskaleres).',
    };
  }
  const objectors = deciding.filter((personId) => byPerson.get(personId) === 'object');
  if (objectors.length > 0) return { status: 'dissent', objectors };
  const waitingFor = deciding.filter((personId) => !byPerson.has(personId));
  if (waitingFor.length > 0) return { status: 'open', waitingFor };
  return { status: 'approved' };
}

/**
 * Who may vote is worked out from the memberships in force on the day of each vote and tally, not frozen at
 * submission: a member whose term ended drops out, a successor comes in. This is what changed since last time.
 */
export function electorateChange(
  before: readonly string[],
  now: readonly string[],
): { joined: string[]; left: string[]; changed: boolean } {
  const joined = now.filter((personId) => !before.includes(personId));
  const left = before.filter((personId) => !now.includes(personId));
  return { joined, left, changed: joined.length + left.length > 0 };
}
