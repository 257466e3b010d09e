// The training course of seed 001 Vedlegg 06: completion per person and module. Completing all six is the
// person's approval ("Kriterier for godkjent kurs"), which every membership of theirs reads (training.repo).
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import { isMembershipActive } from '../../domain/consensus.rules.js';
import {
  completionDateProblem,
  needsOnboarding,
  trainingModules,
  trainingProgress,
} from '../../domain/training.rules.js';
import { badRequest, notFound } from '../../shared/app-error.js';
import type { CurrentUser } from '../auth/index.js';
import { peopleRepo } from '../people/index.js';
import { requireWorkspace } from '../workspace/index.js';
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

/**
 * Records a completed module (idempotent), on `completedOn` (the secretariat may record an earlier day; never a
 * day after today, from the one clock). The sixth module approves the person's training for all memberships.
 */
export async function completeModule(
  db: Db,
  actor: Actor,
  personId: string,
  module: number,
  today: string,
  completedOn: string = today,
) {
  const problem = completionDateProblem(completedOn, today);
  if (problem) throw badRequest(problem, [{ path: 'completedOn', message: problem }]);
  if (!(await peopleRepo.findPerson(db, personId))) throw notFound('Personen finnes ikke.');
  await writeAudited(db, actor, async (tx, recordAudit) => {
    const before = trainingProgress(await repo.listForPerson(tx, personId));
    const isNew = await repo.insertCompletion(tx, {
      personId,
      module,
      completedOn,
      recordedBy: actor.username,
    });
    const after = trainingProgress(await repo.listForPerson(tx, personId));
    await recordAudit({
      action: 'completeTrainingModule',
      entityType: 'training',
      entityId: personId,
      summary: `Opplæring modul ${module} ${isNew ? 'fullført' : 'var allerede fullført'}${
        after.isComplete && !before.isComplete ? '; opplæringen er godkjent' : ''
      }`,
      before: { completed: before.completed, approvedOn: before.completedOn },
      after: { module, completedOn, completed: after.completed, approvedOn: after.completedOn },
    });
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
