// Demo data for the secretariat (demo mode only): Styringsgruppe KIR gets an approved meeting plan for the
// year with its meetings, and an action item past its due date. Idempotent.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { systemActor, writeAudited } from '../../db/unit-of-work.js';
import { meetingPlans, memberships, steeringGroups } from '../../db/schema.js';
import { subtractDays } from '../../domain/meetings.rules.js';
import * as repo from './meetings.repo.js';

const addDays = (isoDate: string, days: number) => subtractDays(isoDate, -days);

export async function seedSecretariatDemo(db: Db, today: string) {
  const [kir] = await db.select().from(steeringGroups).where(eq(steeringGroups.code, 'KIR'));
  if (!kir) return { meetings: 0 };
  if ((await db.select({ id: meetingPlans.id }).from(meetingPlans).limit(1)).length > 0)
    return { meetings: 0 };
  const members = await db.select().from(memberships).where(eq(memberships.steeringGroupId, kir.id));
  const leader = members.find((m) => m.isLeader) ?? members[0];
  const year = Number(today.slice(0, 4));
  return writeAudited(db, systemActor('seed'), async (tx, recordAudit) => {
    const plan = await repo.insertPlan(tx, {
      steeringGroupId: kir.id,
      year,
      status: 'approved',
      decisionNumber: null,
      approvedBy: 'seed',
      approvedAt: new Date(),
      proposedBy: 'seed',
    });
    const dates = [-30, 21, 63, 105].map((offset) => addDays(today, offset));
    const inserted = [];
    for (const date of dates) {
      const id = crypto.randomUUID();
      inserted.push(
        await repo.insertMeeting(tx, {
          id,
          steeringGroupId: kir.id,
          planId: plan.id,
          title: 'Styringsgruppemøte',
          // 10:00–12:00 Norwegian time, written in UTC (summer time is close enough for demo data).
          startsAt: new Date(`${date}T08:00:00Z`),
          endsAt: new Date(`${date}T10:00:00Z`),
          location: 'Teams',
          uid: `${id}@styringsportalen.no`,
        }),
      );
    }
    if (leader)
      await repo.insertAction(tx, {
        steeringGroupId: kir.id,
        meetingId: inserted[0]!.id,
        title: 'Avklare deltakelse fra Helse Nord i hjerteventiler',
        ownerPersonId: leader.personId,
        dueDate: addDays(today, -7),
        createdBy: 'seed',
      });
    await recordAudit({
      action: 'seed',
      entityType: 'demoData',
      entityId: null,
      summary: `Demodata for sekretariatet: møteplan ${year} for ${kir.name} med ${inserted.length} møter`,
    });
    return { meetings: inserted.length };
  });
}
