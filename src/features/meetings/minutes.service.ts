// Referat (seed 001 §8.2): attendance, a summary per agenda item, a decision only for items without a case
// (a case's decision is the governance decision, shown by its number) and dissent by name. Drafts are
// edited; the group's approval locks a version and a later change is a new version (history kept).
import type { Db } from '../../db/client.js';
import { nextMinutesAction } from '../../domain/meetings.rules.js';
import { badRequest, conflict } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { CurrentUser } from '../auth/index.js';
import { notify } from '../notifications/index.js';
import { journalApprovedMinutes } from '../public-access/index.js';
import { activeMembers, formatWhen, meetingLink, withMeetingWrite, type Member } from './meeting-write.js';
import * as repo from './meetings.repo.js';
import type { MinutesInput } from './meetings.schemas.js';

export function minutesDto(
  row: repo.MinutesRow,
  agenda: Awaited<ReturnType<typeof repo.listAgenda>>,
  names: Map<string, string>,
) {
  const attendance = row.attendance as Array<{ personId: string; present: boolean }>;
  const items = row.items as Array<{
    agendaItemId: string;
    summary: string;
    decision: string | null;
    dissent: Array<{ personId: string; reason: string }>;
  }>;
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    attendance: attendance.map((a) => ({ ...a, name: names.get(a.personId) ?? 'Ukjent' })),
    items: items.map((item) => {
      const agendaItem = agenda.find((a) => a.id === item.agendaItemId);
      return {
        agendaItemId: item.agendaItemId,
        title: agendaItem?.title ?? 'Fjernet punkt',
        summary: item.summary,
        decision: item.decision,
        caseId: agendaItem?.caseId ?? null,
        decisionNumber: agendaItem?.decisionNumber ?? null,
        dissent: item.dissent.map((d) => ({ ...d, name: names.get(d.personId) ?? 'Ukjent' })),
      };
    }),
    changeNote: row.changeNote,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
  };
}

function checkMinutesInput(
  input: MinutesInput,
  agenda: Awaited<ReturnType<typeof repo.listAgenda>>,
  members: Member[],
  conflicts: Awaited<ReturnType<typeof repo.listConflicts>>,
) {
  const memberIds = new Set(members.map((m) => m.personId));
  const problems: Array<{ path: string; message: string }> = [];
  input.attendance.forEach((a, i) => {
    if (!memberIds.has(a.personId))
      problems.push({ path: `attendance.${i}`, message: 'Ikke medlem av gruppen' });
  });
  input.items.forEach((item, i) => {
    const agendaItem = agenda.find((a) => a.id === item.agendaItemId);
    if (!agendaItem) return problems.push({ path: `items.${i}.agendaItemId`, message: 'Ikke på sakslisten' });
    if (agendaItem.caseId && item.decision)
      problems.push({
        path: `items.${i}.decision`,
        message:
          'Vedtaket i en sak registreres i saken og vises her med vedtaksnummeret; skriv bare referatet.',
      });
    item.dissent.forEach((d, j) => {
      if (!memberIds.has(d.personId))
        problems.push({ path: `items.${i}.dissent.${j}`, message: 'Ikke medlem av gruppen' });
      if (conflicts.some((c) => c.agendaItemId === item.agendaItemId && c.personId === d.personId))
        problems.push({
          path: `items.${i}.dissent.${j}`,
          message: 'Et inhabilt medlem deltar ikke i punktet',
        });
    });
  });
  if (problems.length > 0) throw badRequest(`Referatet kan ikke lagres: ${problems[0]!.message}.`, problems);
}

/** Records the minutes: edits the draft, or after approval starts a new version (the approved one stays). */
export async function saveMinutes(
  db: Db,
  user: CurrentUser,
  meetingId: string,
  input: MinutesInput,
  today: string,
) {
  const ability = {
    by: 'secretariat',
    what: 'skrive referat',
    refuseIfCancelled: 'Møtet er avlyst; det har ikke referat.',
  } as const;
  await withMeetingWrite(
    db,
    user,
    meetingId,
    ability,
    today,
    async ({ tx, recordAudit, meeting, members }) => {
      const agenda = await repo.listAgenda(tx, meetingId);
      checkMinutesInput(
        input,
        agenda,
        members,
        await repo.listConflicts(
          tx,
          agenda.map((a) => a.id),
        ),
      );
      const [latest] = await repo.listMinutes(tx, meetingId);
      const values = { attendance: input.attendance, items: input.items, changeNote: input.changeNote };
      const step = nextMinutesAction(latest ?? null);
      if (step === 'newVersion' && !input.changeNote)
        throw badRequest('Endring av godkjent referat blir en ny versjon: skriv hva som er endret.', [
          { path: 'changeNote', message: 'Mangler' },
        ]);
      if (step === 'edit') await repo.updateDraftMinutes(tx, latest!.id, values);
      else
        await repo.insertMinutes(tx, {
          meetingId,
          version: (latest?.version ?? 0) + 1,
          createdBy: user.username,
          ...values,
        });
      await recordAudit({
        action: step === 'edit' ? 'editMinutes' : 'createMinutes',
        entityType: 'minutes',
        entityId: meetingId,
        summary: `Referat ${step === 'newVersion' ? `ny versjon ${latest!.version + 1}` : step === 'edit' ? `versjon ${latest!.version} endret` : 'versjon 1'}: ${meeting.title}`,
        before: latest
          ? {
              version: latest.version,
              status: latest.status,
              items: latest.items,
              attendance: latest.attendance,
            }
          : null,
        after: values,
      });
    },
  );
}

/** The group approves the minutes; the approved version is locked from then on. */
export async function approveMinutes(db: Db, user: CurrentUser, meetingId: string, clock: Clock) {
  const today = clock.today();
  const ability = { by: 'leaderOrSecretariat', what: 'registrere at referatet er godkjent' } as const;
  await withMeetingWrite(
    db,
    user,
    meetingId,
    ability,
    today,
    async ({ tx, recordAudit, meeting, group, members }) => {
      const [latest] = await repo.listMinutes(tx, meetingId);
      if (!latest) throw conflict('Møtet har ikke referat ennå.');
      if (latest.status === 'approved')
        throw conflict(`Referatet (versjon ${latest.version}) er allerede godkjent.`);
      await repo.updateDraftMinutes(tx, latest.id, {
        status: 'approved',
        approvedBy: user.username,
        approvedAt: clock.now(),
      });
      await journalApprovedMinutes(tx, latest.id, { registeredBy: user.username, today });
      await notify(
        tx,
        activeMembers(members, today).map((m) => m.personId),
        {
          kind: 'minutesApproved',
          title: `Godkjent referat: ${group.name} ${formatWhen(meeting)}`,
          link: meetingLink(meetingId),
        },
      );
      await recordAudit({
        action: 'approveMinutes',
        entityType: 'minutes',
        entityId: meetingId,
        summary: `Referat versjon ${latest.version} godkjent og låst: ${meeting.title}`,
        before: { version: latest.version, status: 'draft' },
        after: { version: latest.version, status: 'approved' },
      });
    },
  );
}
