// An escalation chain (seed 000 §4): the body a case was escalated to cannot settle it either — e.g. the
// Anskaffelsesstyre's dissent went to Strategisk innkjøpsforum, which disagrees too — so its leader takes it on
// to that body's own configured target (Direktørmøte) with a new joint brief and recommendation. The step in
// force moves to the escalation's history with its answers; the next body answers and settles as before.
import type { Db } from '../../../db/client.js';
import { isMembershipActive } from '../../../domain/consensus.rules.js';
import type { CurrentUser } from '../../auth/index.js';
import { notify } from '../../notifications/index.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import * as repo from '../governance.repo.js';
import { assertCapability, capabilitiesOf, caseLink, nextTargetOf, withLockedCase } from './case-access.js';
import { getCase } from './case-view.js';

export async function escalateFurther(
  db: Db,
  user: CurrentUser,
  caseId: string,
  input: { brief: string; recommendation: string },
  today: string,
) {
  await withLockedCase(db, user, caseId, async ({ tx, recordAudit, row }) => {
    const escalation = await repo.findEscalation(tx, caseId);
    assertCapability(
      (await capabilitiesOf(tx, user, row, today, { escalation: escalation ?? null })).escalateFurther,
    );
    const current = (await steeringGroupsRepo.findGroup(tx, escalation!.targetBodyId!))!;
    const next = (await nextTargetOf(tx, current.id))!;
    const rhfIds = [next.regionId ?? escalation!.rhfIds[0]!];
    const previousSteps = [
      ...escalation!.previousSteps,
      {
        targetBodyId: current.id,
        targetBodyName: current.name,
        brief: escalation!.brief,
        recommendation: escalation!.recommendation,
        escalatedBy: escalation!.escalatedBy,
        escalatedAt: escalation!.escalatedAt.toISOString(),
        answers: escalation!.answers.map((a) => ({
          answer: a.answer,
          answeredBy: a.answeredBy,
          answeredAt: a.answeredAt.toISOString(),
        })),
        forwardedBy: user.username,
        forwardedOn: today,
      },
    ];
    await repo.forwardEscalation(tx, caseId, {
      targetBodyId: next.id,
      rhfIds,
      brief: input.brief,
      recommendation: input.recommendation,
      escalatedBy: user.username,
      previousSteps,
    });
    const members = [
      ...(await steeringGroupsRepo.listMembers(tx, row.steeringGroupId)),
      ...(await steeringGroupsRepo.listMembers(tx, current.id)),
      ...(await steeringGroupsRepo.listMembers(tx, next.id)),
    ];
    await notify(
      tx,
      [...new Set(members.filter((m) => isMembershipActive(m, today)).map((m) => m.personId))],
      {
        kind: 'escalation',
        title: `Eskalert videre til ${next.name}: ${row.title}`,
        body: `${current.name} kom heller ikke til enighet og har skrevet et felles notat med anbefaling; ${next.name} avklarer saken.`,
        link: caseLink(caseId),
      },
    );
    await recordAudit({
      action: 'escalateFurther',
      entityType: 'case',
      entityId: caseId,
      summary: `Eskalert videre fra ${current.name} til ${next.name}: ${row.title}`,
      before: { targetBodyId: current.id, brief: escalation!.brief, answers: escalation!.answers.length },
      after: { targetBodyId: next.id, ...input, rhfIds },
    });
  });
  return getCase(db, user, caseId, today);
}
