// What the public pages show besides the journal: the decision register (vedtak) and the meetings with their
// published agendas and approved minutes. Only what the secretariat has published: an agenda once the
// invitation is sent, minutes once approved, documents through the journal's public projection.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agendaItems, cases, meetings, minutes, procurements, steeringGroups } from '../../db/schema.js';
import { gateLabels } from '../../domain/involvement.rules.js';
import { loadJournalViews, publicJournalEntry } from './journal.service.js';

const caseStatusLabels: Record<string, string> = {
  approved: 'Vedtatt',
  dissent: 'Dissens',
  outsideMandate: 'Utenfor mandat',
  escalated: 'Eskalert',
  resolved: 'Avgjort av RHF-ene',
  consulted: 'Rådspurt',
  withdrawn: 'Trukket',
  open: 'Til behandling',
};

export async function listPublicDecisions(db: Db, filter: { steeringGroupId?: string; q?: string }) {
  const rows = await db
    .select({
      decisionNumber: cases.decisionNumber,
      decidedOn: cases.decidedOn,
      title: cases.title,
      status: cases.status,
      gate: cases.gate,
      group: { id: steeringGroups.id, code: steeringGroups.code, name: steeringGroups.name },
      procurement: { id: procurements.id, name: procurements.name },
    })
    .from(cases)
    .innerJoin(steeringGroups, eq(steeringGroups.id, cases.steeringGroupId))
    .innerJoin(procurements, eq(procurements.id, cases.procurementId))
    .where(
      and(
        isNotNull(cases.decisionNumber),
        filter.steeringGroupId ? eq(cases.steeringGroupId, filter.steeringGroupId) : undefined,
      ),
    );
  const needle = filter.q?.toLocaleLowerCase('nb');
  return rows
    .map((row) => ({
      decisionNumber: row.decisionNumber!,
      decidedOn: row.decidedOn,
      title: row.title,
      status: caseStatusLabels[row.status] ?? row.status,
      gate: gateLabels[row.gate as keyof typeof gateLabels] ?? row.gate,
      steeringGroup: row.group,
      procurement: row.procurement,
    }))
    .filter(
      (row) =>
        !needle ||
        `${row.decisionNumber} ${row.title} ${row.procurement.name}`.toLocaleLowerCase('nb').includes(needle),
    )
    .sort(
      (a, b) =>
        (b.decidedOn ?? '').localeCompare(a.decidedOn ?? '') ||
        b.decisionNumber.localeCompare(a.decisionNumber),
    );
}

interface MinutesItem {
  agendaItemId: string;
  summary?: string;
  decision?: string;
}

export async function listPublicMeetings(db: Db, today: string, filter: { steeringGroupId?: string } = {}) {
  const rows = await db
    .select({
      meeting: meetings,
      group: { id: steeringGroups.id, code: steeringGroups.code, name: steeringGroups.name },
    })
    .from(meetings)
    .innerJoin(steeringGroups, eq(steeringGroups.id, meetings.steeringGroupId))
    .where(
      and(
        eq(meetings.cancelled, false),
        filter.steeringGroupId ? eq(meetings.steeringGroupId, filter.steeringGroupId) : undefined,
      ),
    );
  const meetingIds = rows.map((r) => r.meeting.id);
  const [agenda, approved, journal] = await Promise.all([
    meetingIds.length > 0
      ? db.select().from(agendaItems).where(inArray(agendaItems.meetingId, meetingIds))
      : Promise.resolve([]),
    meetingIds.length > 0
      ? db
          .select()
          .from(minutes)
          .where(and(inArray(minutes.meetingId, meetingIds), eq(minutes.status, 'approved')))
      : Promise.resolve([]),
    loadJournalViews(db, today),
  ]);
  return rows
    .map(({ meeting, group }) => {
      const items = agenda.filter((a) => a.meetingId === meeting.id).sort((a, b) => a.position - b.position);
      const caseIds = new Set(items.map((i) => i.caseId).filter((id): id is string => id !== null));
      const latest = approved
        .filter((m) => m.meetingId === meeting.id)
        .sort((a, b) => b.version - a.version)[0];
      const agendaPublished = meeting.invitationSentAt !== null || latest !== undefined;
      const documents = journal
        .filter(
          (view) =>
            agendaPublished &&
            (view.row.entry.meetingId === meeting.id ||
              (view.row.entry.caseId !== null && caseIds.has(view.row.entry.caseId))),
        )
        .map((view) => {
          const entry = publicJournalEntry(view);
          return {
            journalEntryId: entry.id,
            publicTitle: entry.publicTitle,
            accessStatus: entry.accessStatus,
            url: entry.file?.url ?? null,
          };
        });
      return {
        id: meeting.id,
        title: meeting.title,
        startsAt: meeting.startsAt.toISOString(),
        endsAt: meeting.endsAt.toISOString(),
        location: meeting.location,
        steeringGroup: group,
        agendaPublished,
        agenda: agendaPublished ? items.map((i) => ({ position: i.position, title: i.title })) : [],
        minutes: latest
          ? {
              version: latest.version,
              approvedAt: latest.approvedAt?.toISOString() ?? null,
              items: (latest.items as MinutesItem[]).map((item) => ({
                title: items.find((i) => i.id === item.agendaItemId)?.title ?? '',
                summary: item.summary ?? '',
                decision: item.decision ?? '',
              })),
            }
          : null,
        documents,
      };
    })
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
}
