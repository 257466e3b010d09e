// A member's vote (seed 001 §5.2, §7.2): approve or object with a reason; "conflict" is not a vote but a
// habilitet question for the member's RHF. The case row is locked, so simultaneous votes are applied in turn.
import type { Db } from '../../../db/client.js';
import { writeAudited, type RecordAudit } from '../../../db/unit-of-work.js';
import { isMembershipActive, type Vote } from '../../../domain/consensus.rules.js';
import { badRequest, conflict, forbidden, notFound } from '../../../shared/app-error.js';
import type { CurrentUser } from '../../auth/index.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import { refreshElectorate } from '../case-electorate.js';
import * as repo from '../governance.repo.js';
import { assertMayVote, raiseHabilitetQuestion } from '../habilitet/habilitet-questions.service.js';
import { getCase } from './case-view.js';
import { settleCase } from './settle-case.js';

/**
 * A member's vote. The case row is locked for the transaction, so two members voting at the same moment
 * are applied one after the other and the outcome is computed from both.
 */
export async function castVote(
  db: Db,
  user: CurrentUser,
  caseId: string,
  input: { vote: Vote; comment: string | null },
  today: string,
) {
  await writeAudited(db, user, (tx, recordAudit) => applyVote(tx, recordAudit, user, caseId, input, today));
  return getCase(db, user, caseId, today);
}

/**
 * Applies a vote inside the caller's transaction (castVote, or a conflict declared on a meeting's agenda item).
 * The case row is locked, so two members voting at the same moment are applied one after the other.
 */
export async function applyVote(
  tx: Db,
  recordAudit: RecordAudit,
  user: CurrentUser,
  caseId: string,
  input: { vote: Vote; comment: string | null },
  today: string,
) {
  if (input.vote === 'object' && !input.comment?.trim()) {
    throw badRequest('En innsigelse må begrunnes.', [{ path: 'comment', message: 'Mangler begrunnelse' }]);
  }
  // "conflict" is not a vote: it raises a habilitet question the member's RHF decides (seed 001 §7.2).
  if (input.vote === 'conflict') {
    if (!input.comment || input.comment.trim().length < 3)
      throw badRequest('Begrunn hvorfor habiliteten din kan være utfordret.', [
        { path: 'comment', message: 'Mangler begrunnelse' },
      ]);
    await raiseHabilitetQuestion(
      tx,
      recordAudit,
      { caseId, personId: user.personId, reason: input.comment, source: 'member', raisedBy: user.username },
      today,
    );
    return;
  }
  if (!(await repo.lockCase(tx, caseId))) throw notFound('Saken finnes ikke.');
  const row = (await repo.findCase(tx, caseId))!;
  if (row.status !== 'open') throw conflict('Saken er ikke lenger åpen for stemmegivning.');
  // Eligibility follows the memberships in force today (a successor votes, a member whose term ended does not).
  const eligiblePersonIds = await refreshElectorate(tx, recordAudit, row, today);
  if (!eligiblePersonIds.includes(user.personId)) {
    const members = await steeringGroupsRepo.listMembers(tx, row.steeringGroupId);
    const membership = members.find((m) => m.personId === user.personId && isMembershipActive(m, today));
    throw forbidden(
      !membership
        ? 'Du er ikke medlem av styringsgruppen for denne saken.'
        : membership.isObserver
          ? 'Observatører kan ikke stemme.'
          : 'Du er ikke stemmeberettiget i denne saken (regionen din deltar ikke, eller du sitter i faggruppen).',
    );
  }
  const habilitetBefore = await assertMayVote(tx, row, user.personId, today);
  const before = (await repo.listVotes(tx, [caseId])).find((v) => v.personId === user.personId) ?? null;
  await repo.upsertVote(tx, { caseId, personId: user.personId, vote: input.vote, comment: input.comment });
  await recordAudit({
    action: 'vote',
    entityType: 'case',
    entityId: caseId,
    summary: `${user.personName}: ${input.vote === 'approve' ? 'godkjenner' : input.vote === 'object' ? 'innsigelse' : 'inhabil'} – ${row.title}`,
    before: before ? { vote: before.vote, comment: before.comment } : null,
    after: {
      ...input,
      eligiblePersonIds,
      ...(habilitetBefore === 'unanswered' ? { habilitet: 'noKnownConflict' } : {}),
    },
  });
  // The electorate was refreshed above, under the case's lock: the tally reuses it.
  await settleCase(tx, recordAudit, caseId, user.username, today, eligiblePersonIds);
}
