// A case's habilitet picture: each deciding member's state (src/domain/habilitet.rules), the RHF's check at
// appointment, the quorum tally, and the one rule for exempt documents that other features consult.
import { inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { organisations } from '../../../db/schema.js';
import { isMembershipActive, type Vote } from '../../../domain/consensus.rules.js';
import {
  habilitetStateFrom,
  isAppointmentCleared,
  isBlockedByHabilitet,
  type HabilitetState,
} from '../../../domain/habilitet.rules.js';
import { tallyCase, type CaseTally, type QuorumMember } from '../../../domain/quorum.rules.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import { caseElectorate } from '../case-electorate.js';
import { loadRules } from '../governance-config.service.js';
import * as governanceRepo from '../governance.repo.js';
import * as repo from './habilitet.repo.js';
import * as substitutesRepo from './substitutes.repo.js';

export interface CaseMemberHabilitet extends QuorumMember {
  membershipId: string;
  rhfName: string;
  isLeader: boolean;
  appointmentCheck: { outcome: 'cleared' | 'notCleared'; checkedByName: string; checkedOn: string } | null;
}

export interface CaseHabilitet {
  /** The case's electorate with habilitet: today's for an open case, the one at its tally for a closed one. */
  members: CaseMemberHabilitet[];
  questions: repo.QuestionRow[];
  tally: CaseTally;
  participatingRhfs: Array<{ id: string; name: string }>;
  stateOf: (personId: string) => HabilitetState;
}

type CaseLike = Pick<
  governanceRepo.CaseRow,
  | 'id'
  | 'title'
  | 'status'
  | 'steeringGroupId'
  | 'procurementId'
  | 'eligiblePersonIds'
  | 'participatingRhfIds'
>;

export async function loadCaseHabilitet(
  db: Db,
  row: CaseLike,
  today: string,
  votes?: ReadonlyArray<{ personId: string; vote: Vote }>,
): Promise<CaseHabilitet> {
  // An open case is decided by today's electorate (case-electorate.ts); a closed one keeps its own.
  const eligiblePersonIds =
    row.status === 'open'
      ? (await caseElectorate(db, row, today)).eligible.map((m) => m.personId)
      : row.eligiblePersonIds;
  const [groupMembers, substitutes, statements, questions, rules, rhfRows, caseVotes] = await Promise.all([
    steeringGroupsRepo.listMembers(db, row.steeringGroupId),
    substitutesRepo.listSubstitutes(db, [row.id]),
    repo.listStatements(db, [row.id]),
    repo.listQuestions(db, { caseIds: [row.id] }),
    loadRules(db),
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(
        inArray(organisations.id, row.participatingRhfIds.length > 0 ? row.participatingRhfIds : [row.id]),
      ),
    votes ? Promise.resolve(votes) : governanceRepo.listVotes(db, [row.id]),
  ]);
  const checks = await repo.listAppointmentChecks(
    db,
    groupMembers.map((m) => m.id),
  );
  const stateOf = (personId: string): HabilitetState =>
    habilitetStateFrom(
      statements.some((s) => s.personId === personId),
      questions.filter((q) => q.personId === personId).at(-1) ?? null,
    );
  const members: CaseMemberHabilitet[] = [];
  for (const personId of eligiblePersonIds) {
    const membership = groupMembers.find((m) => m.personId === personId && isMembershipActive(m, today));
    const substitute = substitutes.find((s) => s.personId === personId);
    if (!membership && substitute) {
      // Appointed by the RHF for this case: the appointment is the RHF's habilitet check.
      members.push({
        personId,
        personName: substitute.personName,
        membershipId: `substitute:${personId}`,
        rhfId: substitute.rhfId,
        rhfName: substitute.rhfName,
        isLeader: false,
        habilitet: stateOf(personId),
        appointmentCleared: true,
        appointmentCheck: {
          outcome: 'cleared',
          checkedByName: substitute.appointedByName,
          checkedOn: substitute.appointedOn,
        },
      });
      continue;
    }
    if (!membership) continue;
    const check = checks.find((c) => c.membershipId === membership.id) ?? null;
    members.push({
      personId,
      personName: membership.personName,
      membershipId: membership.id,
      rhfId: membership.rhfId,
      rhfName: membership.rhfName,
      isLeader: membership.isLeader,
      habilitet: stateOf(personId),
      appointmentCleared: isAppointmentCleared(check?.outcome ?? null),
      appointmentCheck: check
        ? { outcome: check.outcome, checkedByName: check.checkedByName, checkedOn: check.checkedOn }
        : null,
    });
  }
  const participatingRhfs = row.participatingRhfIds.map((id) => ({
    id,
    name: rhfRows.find((r) => r.id === id)?.name ?? id,
  }));
  const tally = tallyCase({ members, votes: caseVotes, participatingRhfs, rule: rules.quorumRule.value });
  return { members, questions, tally, participatingRhfs, stateOf };
}

const exemptMessages: Record<HabilitetState, string | null> = {
  unanswered:
    'Svar på habilitet i saken («ingen kjent konflikt» eller meld mulig inhabilitet) før du åpner unntatte dokumenter.',
  reported: 'Habilitetsspørsmålet ditt venter på RHF-ets avgjørelse; unntatte dokumenter er stengt til da.',
  inhabil: 'RHF-et har avgjort at du er inhabil i saken, og du kan ikke lese unntatte dokumenter.',
  noKnownConflict: null,
  ikkeInhabil: null,
};

/**
 * Why the person may not read the case's exempt documents because of habilitet, or null. A deciding member
 * must have answered and not be reported or inhabil; anyone else with a pending or inhabil question is
 * blocked too. (Whether the person may read exempt content at all is the caller's access rule.)
 */
export function exemptBlockReasonIn(picture: CaseHabilitet, personId: string): string | null {
  const state = picture.stateOf(personId);
  if (picture.members.some((m) => m.personId === personId)) return exemptMessages[state];
  return isBlockedByHabilitet(state) ? exemptMessages[state] : null;
}

export async function exemptBlockReason(db: Db, personId: string, caseId: string, today: string) {
  const row = await governanceRepo.findCase(db, caseId);
  if (!row) return null;
  return exemptBlockReasonIn(await loadCaseHabilitet(db, row, today), personId);
}

/** For other features (public access, workspace): is the person kept from the case's exempt documents? */
export async function isBlockedFromExempt(db: Db, personId: string, caseId: string, today: string) {
  return (await exemptBlockReason(db, personId, caseId, today)) !== null;
}
