// Demo data for the secretariat (demo mode only): Styringsgruppe KIR gets approved meeting plans with four
// meetings — one a month ago (with an action item now past its due date) and three ahead — and the same shape on
// every day: each meeting sits in the plan of its own year (two plans when the four span New Year). Idempotent.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { systemActor, writeAudited } from '../../db/unit-of-work.js';
import { meetingPlans, memberships, steeringGroups } from '../../db/schema.js';
import { osloInstant } from '../../shared/clock.js';
import * as repo from './meetings.repo.js';
import { addDays } from '../../shared/calendar-date.js';

/** The demo meetings, in days from today. */
export const DEMO_MEETING_OFFSETS = [-30, 21, 63, 105] as const;

export async function seedSecretariatDemo(db: Db, today: string) {
  const [kir] = await db.select().from(steeringGroups).where(eq(steeringGroups.code, 'KIR'));
  if (!kir) return { meetings: 0 };
  if ((await db.select({ id: meetingPlans.id }).from(meetingPlans).limit(1)).length > 0)
    return { meetings: 0 };
  const members = await db.select().from(memberships).where(eq(memberships.steeringGroupId, kir.id));
  const leader = members.find((m) => m.isLeader) ?? members[0];
  const dates = DEMO_MEETING_OFFSETS.map((offset) => addDays(today, offset));
  const years = [...new Set(dates.map((date) => Number(date.slice(0, 4))))];
  return writeAudited(db, systemActor('seed'), async (tx, recordAudit) => {
    const planIdByYear = new Map<number, string>();
    for (const year of years) {
      const plan = await repo.insertPlan(tx, {
        steeringGroupId: kir.id,
        year,
        status: 'approved',
        decisionNumber: null,
        approvedBy: 'seed',
        // Approved the autumn before the year (or two months ago, if that is earlier).
        approvedAt: osloInstant([`${year - 1}-11-15`, addDays(today, -60)].sort()[0]!, '14:00'),
        proposedBy: 'seed',
      });
      planIdByYear.set(year, plan.id);
    }
    const inserted = [];
    for (const date of dates) {
      const id = crypto.randomUUID();
      inserted.push(
        await repo.insertMeeting(tx, {
          id,
          steeringGroupId: kir.id,
          planId: planIdByYear.get(Number(date.slice(0, 4)))!,
          title: 'Styringsgruppemøte',
          startsAt: osloInstant(date, '10:00'),
          endsAt: osloInstant(date, '12:00'),
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
      summary: `Demodata for sekretariatet: møteplan ${years.join(' og ')} for ${kir.name} med ${inserted.length} møter`,
    });
    return { meetings: inserted.length };
  });
}
