// Tiltak (follow-up of decisions, seed 001 §8.2.4): owner, due date, status and progress; the overdue list
// across groups and one reminder per overdue action to its owner and the group's leader.
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import { daysOverdue, isActionOverdue } from '../../domain/meetings.rules.js';
import { badRequest, forbidden, notFound } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { CurrentUser } from '../auth/index.js';
import { notify } from '../notifications/index.js';
import { peopleRepo } from '../people/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import { requireSecretariat, requireWorkspace } from '../workspace/index.js';
import { activeMembers, workspaceLink } from './meeting-write.js';
import * as repo from './meetings.repo.js';

export function toActionDto(row: repo.ActionRow, today: string) {
  const status = row.status;
  return {
    id: row.id,
    steeringGroupId: row.steeringGroupId,
    steeringGroupName: row.steeringGroupName,
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    caseId: row.caseId,
    title: row.title,
    owner: { personId: row.ownerPersonId, name: row.ownerName },
    dueDate: row.dueDate,
    status,
    progressNote: row.progressNote,
    completedOn: row.completedOn,
    overdue: isActionOverdue({ status, dueDate: row.dueDate }, today),
    daysOverdue: daysOverdue({ status, dueDate: row.dueDate }, today),
  };
}

export async function createAction(
  db: Db,
  user: CurrentUser,
  groupId: string,
  input: {
    title: string;
    ownerPersonId: string;
    dueDate: string;
    meetingId: string | null;
    agendaItemId: string | null;
    caseId: string | null;
  },
  today: string,
) {
  const { group, viewer } = await requireWorkspace(db, user, groupId, today);
  requireSecretariat(viewer, 'opprette tiltak');
  if (!(await peopleRepo.findPerson(db, input.ownerPersonId)))
    throw badRequest('Ansvarlig finnes ikke.', [{ path: 'ownerPersonId', message: 'Ukjent person' }]);
  if (input.meetingId) {
    const meeting = await repo.findMeeting(db, input.meetingId);
    if (!meeting || meeting.steeringGroupId !== groupId)
      throw badRequest('Møtet hører ikke til gruppen.', [{ path: 'meetingId', message: 'Ukjent møte' }]);
  }
  if (input.agendaItemId) {
    const item = await repo.findAgendaItem(db, input.agendaItemId);
    if (!item || item.meetingId !== input.meetingId)
      throw badRequest('Punktet hører ikke til møtet.', [{ path: 'agendaItemId', message: 'Ukjent punkt' }]);
  }
  return writeAudited(db, user, async (tx, recordAudit) => {
    const id = await repo.insertAction(tx, { steeringGroupId: groupId, createdBy: user.username, ...input });
    await notify(tx, [input.ownerPersonId], {
      kind: 'actionAssigned',
      title: `Nytt tiltak til deg (${group.name}): ${input.title}, frist ${input.dueDate}`,
      link: workspaceLink(groupId),
    });
    await recordAudit({
      action: 'createAction',
      entityType: 'actionItem',
      entityId: id,
      summary: `Tiltak: ${input.title} (frist ${input.dueDate})`,
      after: input,
    });
    return id;
  });
}

export async function updateActionItem(
  db: Db,
  user: CurrentUser,
  actionId: string,
  input: { status?: 'open' | 'inProgress' | 'done'; progressNote?: string | null; dueDate?: string },
  today: string,
) {
  const [row] = await repo.listActions(db, { ids: [actionId] });
  if (!row) throw notFound('Tiltaket finnes ikke.');
  const { viewer } = await requireWorkspace(db, user, row.steeringGroupId, today);
  if (!viewer.isSecretariat && row.ownerPersonId !== user.personId)
    throw forbidden('Bare den ansvarlige og porteføljesekretariatet kan oppdatere tiltaket.');
  if (input.dueDate && !viewer.isSecretariat)
    throw forbidden('Bare porteføljesekretariatet kan endre fristen.');
  await writeAudited(db, user, async (tx, recordAudit) => {
    const status = input.status ?? row.status;
    await repo.updateAction(tx, actionId, {
      status,
      progressNote: input.progressNote === undefined ? row.progressNote : input.progressNote,
      dueDate: input.dueDate ?? row.dueDate,
      completedOn: status === 'done' ? (row.completedOn ?? today) : null,
      // A new due date earns a new reminder when it too passes.
      overdueNotifiedAt: input.dueDate && input.dueDate !== row.dueDate ? null : row.overdueNotifiedAt,
    });
    await recordAudit({
      action: 'updateAction',
      entityType: 'actionItem',
      entityId: actionId,
      summary: `Tiltak oppdatert: ${row.title}`,
      before: { status: row.status, progressNote: row.progressNote, dueDate: row.dueDate },
      after: input,
    });
  });
}

/** Forfalte tiltak across every group: the secretariat's follow-up list. */
export async function listOverdueActions(db: Db, today: string) {
  return (await repo.listActions(db, { notDone: true }))
    .map((row) => toActionDto(row, today))
    .filter((action) => action.overdue);
}

/** The job: the owner and the group's leader are told once when an action passes its due date. */
export async function notifyOverdueActions(db: Db, actor: Actor, clock: Clock) {
  const today = clock.today();
  const due = (await repo.listActions(db, { notDone: true })).filter(
    (row) => row.overdueNotifiedAt === null && isActionOverdue(row, today),
  );
  if (due.length === 0) return 0;
  await writeAudited(db, actor, async (tx, recordAudit) => {
    for (const row of due) {
      const leaders = activeMembers(
        await steeringGroupsRepo.listMembers(tx, row.steeringGroupId),
        today,
      ).filter((m) => m.isLeader);
      await notify(tx, [row.ownerPersonId, ...leaders.map((m) => m.personId)], {
        kind: 'actionOverdue',
        title: `Forfalt tiltak (${row.steeringGroupName}): ${row.title}, frist ${row.dueDate}`,
        link: workspaceLink(row.steeringGroupId),
      });
      await repo.updateAction(tx, row.id, { overdueNotifiedAt: clock.now() });
      await recordAudit({
        action: 'notifyOverdue',
        entityType: 'actionItem',
        entityId: row.id,
        summary: `Varsel om forfalt tiltak: ${row.title}`,
      });
    }
  });
  return due.length;
}
