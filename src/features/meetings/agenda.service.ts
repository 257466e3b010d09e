// The saksliste (seed 001 §8.2): filled from the group's open cases (plus a follow-up item while actions are
// open) or item by item, and inhabilitet per agenda item declared by the member before the meeting (§7.2).
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { isActionOverdue } from '../../domain/meetings.rules.js';
import { badRequest, conflict, forbidden, notFound } from '../../shared/app-error.js';
import { osloDay } from '../../shared/clock.js';
import type { CurrentUser } from '../auth/index.js';
import { caseElectorate } from '../governance/index.js';
import { raiseHabilitetQuestion } from '../governance/index.js';
import { governanceRepo } from '../governance/index.js';
import { requireWorkspace } from '../workspace/index.js';
import { withMeetingWrite } from './meeting-write.js';
import * as repo from './meetings.repo.js';

const editAgenda = {
  by: 'secretariat',
  what: 'sette opp sakslisten',
  refuseIfCancelled: 'Møtet er avlyst.',
} as const;

async function nextPosition(tx: Db, meetingId: string) {
  const agenda = await repo.listAgenda(tx, meetingId);
  return { agenda, position: agenda.reduce((max, item) => Math.max(max, item.position), 0) + 1 };
}

/** Fills the agenda with the group's open cases not yet on it, and a follow-up item when actions are open. */
export async function fillAgendaFromCases(db: Db, user: CurrentUser, meetingId: string, today: string) {
  return withMeetingWrite(db, user, meetingId, editAgenda, today, async ({ tx, recordAudit, meeting }) => {
    const { agenda, position } = await nextPosition(tx, meetingId);
    const onAgenda = new Set(agenda.map((a) => a.caseId).filter(Boolean));
    const open = (await repo.listOpenCases(tx, meeting.steeringGroupId)).filter((c) => !onAgenda.has(c.id));
    const openActions = await repo.listActions(tx, {
      steeringGroupId: meeting.steeringGroupId,
      notDone: true,
    });
    const rows: Parameters<typeof repo.insertAgendaItems>[1] = open.map((c, index) => ({
      meetingId,
      position: position + index,
      kind: 'case' as const,
      caseId: c.id,
      title: c.title,
    }));
    // Progress on earlier decisions is reported back to the group at the next meeting (§8.2.4).
    if (openActions.length > 0 && !agenda.some((a) => a.kind === 'followUp'))
      rows.push({
        meetingId,
        position: position + rows.length,
        kind: 'followUp',
        title: 'Oppfølging av vedtak',
        description: `${openActions.length} åpne tiltak, ${openActions.filter((a) => isActionOverdue(a, today)).length} forfalt.`,
      });
    const inserted = await repo.insertAgendaItems(tx, rows);
    await recordAudit({
      action: 'fillAgenda',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Saksliste fylt fra åpne saker: ${inserted.length} punkter lagt til`,
      after: { added: inserted.map((i) => ({ id: i.id, title: i.title, caseId: i.caseId })) },
    });
    return inserted.length;
  });
}

export async function addAgendaItem(
  db: Db,
  user: CurrentUser,
  meetingId: string,
  input: { title: string; description: string | null; caseId: string | null },
  today: string,
) {
  return withMeetingWrite(db, user, meetingId, editAgenda, today, async ({ tx, recordAudit, meeting }) => {
    if (input.caseId) {
      const found = await governanceRepo.findCase(tx, input.caseId);
      if (!found || found.steeringGroupId !== meeting.steeringGroupId)
        throw badRequest('Saken hører ikke til denne styringsgruppen.', [
          { path: 'caseId', message: 'Ukjent sak' },
        ]);
    }
    const { position } = await nextPosition(tx, meetingId);
    const [item] = await repo.insertAgendaItems(tx, [
      { meetingId, position, kind: input.caseId ? 'case' : 'item', ...input },
    ]);
    await recordAudit({
      action: 'addAgendaItem',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Punkt på sakslisten: ${input.title}`,
      after: input,
    });
    return item!.id;
  });
}

async function loadAgendaItemContext(db: Db, user: CurrentUser, agendaItemId: string, today: string) {
  const item = await repo.findAgendaItem(db, agendaItemId);
  if (!item) throw notFound('Punktet på sakslisten finnes ikke.');
  const meeting = (await repo.findMeeting(db, item.meetingId))!;
  const access = await requireWorkspace(db, user, meeting.steeringGroupId, today);
  return { item, meeting, ...access };
}

/** Inhabilitet per agenda item, declared by the member before the meeting (seed 001 §7.2). */
export async function declareConflict(
  db: Db,
  user: CurrentUser,
  agendaItemId: string,
  reason: string,
  today: string,
) {
  const { item, meeting, viewer } = await loadAgendaItemContext(db, user, agendaItemId, today);
  if (!viewer.isMember) throw forbidden('Bare gruppens medlemmer melder inhabilitet.');
  if (meeting.cancelled) throw conflict('Møtet er avlyst.');
  if (osloDay(meeting.endsAt) < today) throw conflict('Møtet er holdt; inhabilitet meldes før møtet.');
  await writeAudited(db, user, async (tx, recordAudit) => {
    await repo.upsertConflict(tx, { agendaItemId, personId: user.personId, reason });
    // On a case's agenda item the conflict is the case's too: no vote, no exempt documents (one record of it).
    if (item.caseId) {
      const caseRow = await governanceRepo.findCase(tx, item.caseId);
      const mayVote =
        caseRow?.status === 'open' &&
        (await caseElectorate(tx, caseRow, today)).eligible.some((m) => m.personId === user.personId);
      if (mayVote) {
        await raiseHabilitetQuestion(
          tx,
          recordAudit,
          {
            caseId: item.caseId,
            personId: user.personId,
            reason,
            source: 'agendaItem',
            raisedBy: user.username,
            skipIfBlocked: true,
          },
          today,
        );
      }
    }
    await recordAudit({
      action: 'declareConflict',
      entityType: 'agendaItem',
      entityId: agendaItemId,
      summary: `${user.personName} meldte seg inhabil: ${item.title}`,
      after: { reason },
    });
  });
}

export async function withdrawConflict(db: Db, user: CurrentUser, agendaItemId: string, today: string) {
  const { item } = await loadAgendaItemContext(db, user, agendaItemId, today);
  await writeAudited(db, user, async (tx, recordAudit) => {
    const removed = await repo.deleteConflict(tx, agendaItemId, user.personId);
    if (!removed) throw notFound('Du har ikke meldt deg inhabil i dette punktet.');
    await recordAudit({
      action: 'withdrawConflict',
      entityType: 'agendaItem',
      entityId: agendaItemId,
      summary: `${user.personName} trakk inhabilitet: ${item.title}`,
      before: removed,
    });
  });
}
