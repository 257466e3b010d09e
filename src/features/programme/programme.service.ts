// The implementation programme of seed 001 (Vedlegg 02–05): read-only views plus activity status updates.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import {
  programmeActivities,
  programmeRisks,
  programmeStakeholders,
  programmeTransitions,
} from '../../db/schema.js';
import { notFound } from '../../shared/app-error.js';
import type { CurrentUser } from '../auth/index.js';

export async function getProgramme(db: Db) {
  const [activities, risks, stakeholders, transitions] = await Promise.all([
    db.select().from(programmeActivities).orderBy(asc(programmeActivities.sortOrder)),
    db.select().from(programmeRisks).orderBy(asc(programmeRisks.number)),
    db.select().from(programmeStakeholders).orderBy(asc(programmeStakeholders.sortOrder)),
    db.select().from(programmeTransitions).orderBy(asc(programmeTransitions.sortOrder)),
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
    const [before] = await tx.select().from(programmeActivities).where(eq(programmeActivities.id, id));
    if (!before) throw notFound('Aktiviteten finnes ikke.');
    await tx.update(programmeActivities).set({ status }).where(eq(programmeActivities.id, id));
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
