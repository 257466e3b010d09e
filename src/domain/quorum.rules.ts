// Is the group beslutningsdyktig (quorate) in a case? Seed 001 §5.2: the leader is responsible for it; §7.2: an
// inhabil member takes no part; §7.5: each RHF is represented. The rule is configuration (versioned). Pure.
import { tallyVotes, type Vote } from './consensus.rules.js';
import { habilitetStateLabels, isBlockedByHabilitet, type HabilitetState } from './habilitet.rules.js';

export interface QuorumRule {
  /** Every participating RHF needs at least one deciding, non-inhabil member who has voted. */
  everyParticipatingRhf: boolean;
  /** And at least this many deciding members have voted in all. */
  minimumDecidingVotes: number;
}

export const quorumRuleDefault: QuorumRule = { everyParticipatingRhf: true, minimumDecidingVotes: 1 };

export interface QuorumMember {
  personId: string;
  personName: string;
  rhfId: string;
  habilitet: HabilitetState;
  /** The RHF recorded a cleared habilitet check at appointment. */
  appointmentCleared: boolean;
}

export interface LackingRhf {
  rhfId: string;
  rhfName: string;
  /** Why nobody from the RHF can decide: who is inhabil, awaiting a decision, or unchecked. */
  reason: string;
}

export type CaseTally =
  | { status: 'open'; waitingFor: string[] }
  | { status: 'approved' }
  | { status: 'dissent'; objectors: string[] }
  | { status: 'undecidable'; reason: string }
  | { status: 'notQuorate'; reason: string; lacking: LackingRhf[] };

/** The member takes part in deciding the case now. */
export function isDeciding(member: Pick<QuorumMember, 'habilitet' | 'appointmentCleared'>): boolean {
  return member.appointmentCleared && !isBlockedByHabilitet(member.habilitet);
}

function whyNotDeciding(member: QuorumMember): string {
  if (!member.appointmentCleared)
    return `${member.personName} mangler RHF-ets habilitetssjekk ved oppnevning`;
  return `${member.personName}: ${habilitetStateLabels[member.habilitet]}`;
}

/**
 * Consensus of the deciding members (consensus.rules) under the quorum rule. A participating RHF without a
 * deciding member makes the case "ikke beslutningsdyktig" at once, even if everyone else approves: the RHF
 * must clear the habilitet question or appoint a substitute, or the leader escalates.
 */
export function tallyCase(input: {
  members: readonly QuorumMember[];
  votes: ReadonlyArray<{ personId: string; vote: Vote }>;
  participatingRhfs: ReadonlyArray<{ id: string; name: string }>;
  rule: QuorumRule;
}): CaseTally {
  const { members, votes, participatingRhfs, rule } = input;
  if (members.length === 0) return tallyVotes([], []);
  const deciding = members.filter(isDeciding);
  const decidingIds = deciding.map((m) => m.personId);
  const countable = votes.filter((v) => decidingIds.includes(v.personId) && v.vote !== 'conflict');
  const consensus = tallyVotes(decidingIds, countable);
  if (consensus.status === 'dissent') return consensus;

  const lacking: LackingRhf[] = [];
  if (rule.everyParticipatingRhf) {
    for (const rhf of participatingRhfs) {
      if (deciding.some((m) => m.rhfId === rhf.id)) continue;
      const fromRhf = members.filter((m) => m.rhfId === rhf.id);
      lacking.push({
        rhfId: rhf.id,
        rhfName: rhf.name,
        reason:
          fromRhf.length === 0
            ? `${rhf.name} har ingen stemmeberettigede medlemmer i saken`
            : `${rhf.name} har ingen medlem som kan delta (${fromRhf.map(whyNotDeciding).join('; ')})`,
      });
    }
  }
  const notQuorate = (reason: string): CaseTally => ({ status: 'notQuorate', reason, lacking });
  if (lacking.length > 0) {
    return notQuorate(`Ikke beslutningsdyktig: ${lacking.map((l) => l.reason).join('. ')}.`);
  }
  if (consensus.status === 'open') return consensus;
  if (consensus.status === 'undecidable') {
    return notQuorate(
      `Ikke beslutningsdyktig: ingen av de stemmeberettigede kan delta, de er inhabile eller mangler habilitetssjekk (${members.map(whyNotDeciding).join('; ')}).`,
    );
  }
  if (countable.length < rule.minimumDecidingVotes) {
    return notQuorate(
      `Ikke beslutningsdyktig: ${countable.length} av minst ${rule.minimumDecidingVotes} stemmer fra medlemmer som kan delta.`,
    );
  }
  return consensus;
}
