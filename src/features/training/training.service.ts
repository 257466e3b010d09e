// The training course of seed 001 Vedlegg 06: completion per person and module. When the sixth module is
// done, the person's memberships get trainingCompletedOn (the approval criterion the composition checks read).
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import { isMembershipActive } from '../../domain/consensus.rules.js';
import { needsOnboarding, trainingModules, trainingProgress } from '../../domain/training.rules.js';
import { notFound } from '../../shared/app-error.js';
import type { CurrentUser } from '../auth/access.rules.js';
import * as peopleRepo from '../people/people.repo.js';
import * as steeringGroupsRepo from '../steering-groups/steering-groups.repo.js';
import { requireWorkspace } from '../workspace/workspace-access.js';
import * as repo from './training.repo.js';

export async function getTraining(db: Db, personId: string) {
  const completions = await repo.listForPerson(db, personId);
  return {
    modules: trainingModules.map((m) => ({
      number: m.number,
      title: m.title,
      topics: [...m.topics],
      completedOn: completions.find((c) => c.module === m.number)?.completedOn ?? null,
    })),
    progress: trainingProgress(completions),
  };
}

/** Records a completed module (idempotent); the sixth completes the course for every active membership. */
export async function completeModule(db: Db, actor: Actor, personId: string, module: number, today: string) {
  if (!(await peopleRepo.findPerson(db, personId))) throw notFound('Personen finnes ikke.');
  await writeAudited(db, actor, async (tx, recordAudit) => {
    const isNew = await repo.insertCompletion(tx, {
      personId,
      module,
      completedOn: today,
      recordedBy: actor.username,
    });
    await recordAudit({
      action: 'completeTrainingModule',
      entityType: 'training',
      entityId: personId,
      summary: `Opplæring modul ${module} ${isNew ? 'fullført' : 'var allerede fullført'}`,
      after: { module, completedOn: today },
    });
    const progress = trainingProgress(await repo.listForPerson(tx, personId));
    if (!progress.isComplete) return;
    const memberships = (await steeringGroupsRepo.listMembers(tx)).filter(
      (m) => m.personId === personId && m.trainingCompletedOn === null && isMembershipActive(m, today),
    );
    for (const membership of memberships) {
      await steeringGroupsRepo.updateMember(tx, membership.id, { trainingCompletedOn: progress.completedOn });
      await recordAudit({
        action: 'update',
        entityType: 'membership',
        entityId: membership.id,
        summary: `Opplæring fullført: ${membership.personName}`,
        before: { trainingCompletedOn: null },
        after: { trainingCompletedOn: progress.completedOn },
      });
    }
  });
  return getTraining(db, personId);
}

/** Who in the group has not completed the course; leaders see them as new members to onboard. */
export async function groupTraining(db: Db, user: CurrentUser, groupId: string, today: string) {
  const { members } = await requireWorkspace(db, user, groupId, today);
  const active = members.filter((m) => isMembershipActive(m, today));
  const completions = await repo.listCompletions(
    db,
    active.map((m) => m.personId),
  );
  return active.map((m) => ({
    personId: m.personId,
    name: m.personName,
    rhfName: m.rhfName,
    isLeader: m.isLeader,
    termStart: m.termStart,
    trainingCompletedOn: m.trainingCompletedOn,
    modulesCompleted: completions.filter((c) => c.personId === m.personId).length,
    needsOnboarding: needsOnboarding(m, today),
  }));
}
