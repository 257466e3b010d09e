// The implementation programme of seed 001 (Vedlegg 02–05): read-only views plus activity status updates.
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { notFound } from '../../shared/app-error.js';
import type { CurrentUser } from '../auth/index.js';
import * as repo from './programme.repo.js';

export async function getProgramme(db: Db) {
  const [activities, risks, stakeholders, transitions] = await Promise.all([
    repo.listActivities(db),
    repo.listRisks(db),
    repo.listStakeholders(db),
    repo.listTransitions(db),
  ]);
  return {
    activities: activities.map(({ sortOrder: _s, ...row }) => row),
    risks,
    stakeholders: stakeholders.map(({ sortOrder: _s, ...row }) => row),
    transitions: transitions.map(({ sortOrder: _s, ...row }) => row),
  };
}

export async function setActivityStatus(
  db: Db,
  user: CurrentUser,
  id: string,
  status: 'planned' | 'inProgress' | 'done' | 'notStarted',
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    const before = await repo.findActivity(tx, id);
    if (!before) throw notFound('Aktiviteten finnes ikke.');
    await repo.updateActivityStatus(tx, id, status);
    await recordAudit({
      action: 'update',
      entityType: 'programmeActivity',
      entityId: id,
      summary: `Status for «${before.name}»: ${status}`,
      before: { status: before.status },
      after: { status },
    });
  });
}
