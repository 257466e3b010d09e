// Møteplan (seed 001 §8.2.3, §10.2): the secretariat proposes the year's meetings; the group approves the
// plan as a numbered decision in the same series as its case decisions (KIR-2026-03).
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { checkMeetingPlan, meetingPlanApprovalBlocker } from '../../domain/meetings.rules.js';
import { badRequest, conflict, forbidden, notFound } from '../../shared/app-error.js';
import type { CurrentUser } from '../auth/index.js';
import { governanceRepo } from '../governance/index.js';
import { notify } from '../notifications/index.js';
import { journalMeetingPlanDecision } from '../public-access/index.js';
import { requireLeaderOrSecretariat, requireSecretariat, requireWorkspace } from '../workspace/index.js';
import { activeMembers, workspaceLink, type MeetingContext } from './meeting-write.js';
import { insertMeetingRow } from './meetings.service.js';
import * as repo from './meetings.repo.js';
import type { MeetingInput } from './meetings.schemas.js';

/** Møteplan: the secretariat proposes the year's meetings; the group approves the plan as a decision. */
export async function proposePlan(
  db: Db,
  user: CurrentUser,
  groupId: string,
  input: { year: number; meetings: MeetingInput[] },
  ctx: MeetingContext,
) {
  const { group, members, viewer } = await requireWorkspace(db, user, groupId, ctx.today);
  requireSecretariat(viewer, 'foreslå møteplan');
  const problems = checkMeetingPlan(input.year, input.meetings);
  if (problems.length > 0) throw badRequest(problems[0]!.message, problems);
  return writeAudited(db, user, async (tx, recordAudit) => {
    const existing = (await repo.listPlans(tx, groupId)).find((p) => p.year === input.year);
    if (existing) throw conflict(`Gruppen har allerede en møteplan for ${input.year}.`);
    const plan = await repo.insertPlan(tx, {
      steeringGroupId: groupId,
      year: input.year,
      proposedBy: user.username,
    });
    for (const meeting of input.meetings) await insertMeetingRow(tx, groupId, plan.id, meeting);
    await notify(
      tx,
      activeMembers(members, ctx.today).map((m) => m.personId),
      {
        kind: 'meetingPlanProposed',
        title: `Forslag til møteplan ${input.year} for ${group.name}`,
        body: `${input.meetings.length} møter. Gruppen godkjenner planen.`,
        link: workspaceLink(groupId),
      },
    );
    await recordAudit({
      action: 'proposeMeetingPlan',
      entityType: 'meetingPlan',
      entityId: plan.id,
      summary: `Møteplan ${input.year} foreslått for ${group.name} (${input.meetings.length} møter)`,
      after: input,
    });
    return plan.id;
  });
}

export async function approvePlan(db: Db, user: CurrentUser, planId: string, ctx: MeetingContext) {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw notFound('Møteplanen finnes ikke.');
  const { group, members, viewer } = await requireWorkspace(db, user, plan.steeringGroupId, ctx.today);
  requireLeaderOrSecretariat(viewer, 'registrere gruppens godkjenning av møteplanen');
  return writeAudited(db, user, async (tx, recordAudit) => {
    const current = (await repo.findPlan(tx, planId))!;
    if (current.status === 'approved') throw conflict('Møteplanen er allerede godkjent.');
    const blocker = meetingPlanApprovalBlocker({
      isGroupLeader: viewer.isLeader,
      approverUsername: user.username,
      proposedBy: current.proposedBy,
    });
    if (blocker) throw forbidden(blocker);
    // The approval is a decision of the group, numbered in its decision series (KIR-2026-03).
    const year = Number(ctx.today.slice(0, 4));
    const number = await governanceRepo.takeDecisionNumber(tx, group.id, year);
    const decisionNumber = `${group.code}-${year}-${String(number).padStart(2, '0')}`;
    await repo.updatePlan(tx, planId, {
      status: 'approved',
      decisionNumber,
      approvedBy: user.username,
      approvedAt: ctx.now,
    });
    await journalMeetingPlanDecision(tx, planId, { registeredBy: user.username, today: ctx.today });
    await notify(
      tx,
      activeMembers(members, ctx.today).map((m) => m.personId),
      {
        kind: 'meetingPlanApproved',
        title: `Møteplan ${plan.year} for ${group.name} er godkjent (vedtak ${decisionNumber})`,
        link: workspaceLink(group.id),
      },
    );
    await recordAudit({
      action: 'approveMeetingPlan',
      entityType: 'meetingPlan',
      entityId: planId,
      summary: `Møteplan ${plan.year} for ${group.name} godkjent, vedtak ${decisionNumber}`,
      before: { status: 'proposed' },
      after: { status: 'approved', decisionNumber },
    });
    return decisionNumber;
  });
}

export async function listGroupPlans(db: Db, groupId: string) {
  const [plans, meetings] = await Promise.all([
    repo.listPlans(db, groupId),
    repo.listMeetings(db, { steeringGroupIds: [groupId] }),
  ]);
  return plans.map((plan) => ({
    id: plan.id,
    year: plan.year,
    status: plan.status,
    decisionNumber: plan.decisionNumber,
    proposedBy: plan.proposedBy,
    approvedBy: plan.approvedBy,
    approvedAt: plan.approvedAt?.toISOString() ?? null,
    meetingCount: meetings.filter((m) => m.planId === plan.id).length,
  }));
}
