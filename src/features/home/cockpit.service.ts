// The secretariat's cockpit for this week and the next: everything that is due, overdue or stuck.
import type { Db } from '../../db/client.js';
import { gateLabels, type Gate } from '../../domain/involvement.rules.js';
import { listExpiringAgreements } from '../agreements/index.js';
import { membershipHabilitet } from '../governance/index.js';
import { listSteeringGroups } from '../steering-groups/index.js';
import * as repo from './home.repo.js';
import { osloDay } from '../../shared/clock.js';
import { addDays } from '../../shared/calendar-date.js';

/** A case is "waiting for votes too long" when it has been open this many days. */
export const casesWaitingDays = 7;

/** Monday of the ISO week of `day` and the Sunday of the week after: the cockpit's horizon. */
export function cockpitWindow(day: string): { weekStart: string; horizonEnd: string } {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  const weekStart = addDays(day, -((weekday + 6) % 7));
  return { weekStart, horizonEnd: addDays(weekStart, 13) };
}

export async function getCockpit(db: Db, today: string) {
  const { weekStart, horizonEnd } = cockpitWindow(today);
  const [
    gates,
    waitingCases,
    invitations,
    withoutMinutes,
    draftMinutes,
    actions,
    groups,
    agreements,
    requests,
  ] = await Promise.all([
    repo.listGatesDueBy(db, horizonEnd),
    repo.listOpenCasesSubmittedBefore(db, addDays(today, -casesWaitingDays)),
    repo.listMeetingsNeedingInvitation(db, today, horizonEnd),
    repo.listMeetingsNeedingMinutes(db, today),
    repo.listMinutesAwaitingApproval(db),
    repo.listOverdueActions(db, today),
    listSteeringGroups(db, today, membershipHabilitet),
    listExpiringAgreements(db, today),
    repo.listAccessRequestsDueBy(db, horizonEnd),
  ]);
  const votes = await repo.countVotes(
    db,
    waitingCases.map((row) => row.id),
  );
  const meeting = (row: (typeof invitations)[number]) => ({
    id: row.id,
    title: row.title,
    date: osloDay(row.startsAt),
    steeringGroupId: row.steeringGroupId,
    steeringGroupName: row.steeringGroupName,
  });
  return {
    weekStart,
    horizonEnd,
    casesWaitingDays,
    gatesDue: gates.map((row) => ({
      procurementId: row.procurementId,
      procurementName: row.procurementName,
      gate: row.gate as Gate,
      gateLabel: gateLabels[row.gate as Gate] ?? row.gate,
      plannedOn: row.plannedOn,
      overdue: row.plannedOn < today,
    })),
    casesWaitingForVotes: waitingCases.map((row) => ({
      id: row.id,
      title: row.title,
      procurementName: row.procurementName,
      steeringGroupName: row.steeringGroupName,
      submittedOn: osloDay(row.submittedAt),
      votes: votes.get(row.id) ?? 0,
    })),
    meetingsNeedingInvitation: invitations.map((row) => ({
      ...meeting(row),
      invitationDue: addDays(osloDay(row.startsAt), -row.invitationDaysBefore),
    })),
    meetingsNeedingMinutes: withoutMinutes.map(meeting),
    minutesAwaitingApproval: draftMinutes.map((row) => ({ ...meeting(row), version: row.version })),
    overdueActions: actions.map((row) => ({
      id: row.id,
      title: row.title,
      dueDate: row.dueDate,
      ownerName: row.ownerName,
      steeringGroupId: row.steeringGroupId,
      steeringGroupName: row.steeringGroupName,
    })),
    compositionErrors: groups
      .filter((group) => group.active && group.checks.some((check) => check.level === 'error'))
      .map((group) => ({
        steeringGroupId: group.id,
        steeringGroupName: group.name,
        message: group.checks.find((check) => check.level === 'error')!.message,
      })),
    agreementsEndingWithoutReplacement: agreements.map((row) => ({
      id: row.id,
      agreementNumber: row.agreementNumber,
      name: row.name,
      validTo: row.validTo,
      daysLeft: row.daysLeft,
    })),
    accessRequestsNearDeadline: requests.map((row) => ({
      id: row.id,
      number: `${row.year}/${row.sequenceNumber}`,
      receivedOn: row.receivedOn,
      dueOn: row.dueOn,
      overdue: row.dueOn < today,
    })),
  };
}

export type Cockpit = Awaited<ReturnType<typeof getCockpit>>;
