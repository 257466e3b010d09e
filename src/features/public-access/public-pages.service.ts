// What the public pages show besides the journal: the decision register (vedtak) and the meetings with their
// published agendas and approved minutes. Only what the secretariat has published: an agenda once the
// invitation is sent, minutes once approved, documents through the journal's public projection. Vedtak and
// minutes are journal entries too: their entry's access decides what is shown (an exempt protokoll is
// withheld), and a word shielded in a case's documents is shielded in its vedtak and in the whole agenda and
// minutes of every meeting that has the case on its agenda.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  agendaItems,
  cases,
  meetingPlans,
  meetings,
  minutes,
  procurements,
  steeringGroups,
} from '../../db/schema.js';
import { gateLabels } from '../../domain/involvement.rules.js';
import { publicTitle } from '../../domain/offentleglova.rules.js';
import { osloDay } from '../../shared/clock.js';
import {
  loadJournalViews,
  publicJournalEntry,
  shieldedForPublic,
  type JournalView,
} from './journal.service.js';

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

/** Per case, the words still shielded for the public in any of its journal entries (documents, vedtak). */
function caseShielding(journal: JournalView[]) {
  const words = new Map<string, Set<string>>();
  for (const view of journal) {
    const caseId = view.row.entry.caseId;
    if (!caseId) continue;
    const set = words.get(caseId) ?? new Set<string>();
    for (const word of shieldedForPublic(view)) set.add(word);
    words.set(caseId, set);
  }
  return (caseId: string | null, extra: string[] = []) => [
    ...(caseId ? (words.get(caseId) ?? []) : []),
    ...extra,
  ];
}

/**
 * The decision register: each vedtak as its journal entry shows it (public title, access in force, legal
 * basis), with the words shielded in the case's documents shielded in its title too. Search runs on that.
 */
export async function listPublicDecisions(
  db: Db,
  today: string,
  filter: { steeringGroupId?: string; q?: string },
) {
  const [rows, journal] = await Promise.all([
    db
      .select({
        caseId: cases.id,
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
      .leftJoin(procurements, eq(procurements.id, cases.procurementId))
      .where(
        and(
          isNotNull(cases.decisionNumber),
          filter.steeringGroupId ? eq(cases.steeringGroupId, filter.steeringGroupId) : undefined,
        ),
      ),
    loadJournalViews(db, today),
  ]);
  const plans = await db
    .select({
      id: meetingPlans.id,
      year: meetingPlans.year,
      decisionNumber: meetingPlans.decisionNumber,
      approvedAt: meetingPlans.approvedAt,
      group: { id: steeringGroups.id, code: steeringGroups.code, name: steeringGroups.name },
    })
    .from(meetingPlans)
    .innerJoin(steeringGroups, eq(steeringGroups.id, meetingPlans.steeringGroupId))
    .where(
      and(
        isNotNull(meetingPlans.decisionNumber),
        filter.steeringGroupId ? eq(meetingPlans.steeringGroupId, filter.steeringGroupId) : undefined,
      ),
    );
  const shielding = caseShielding(journal);
  const decisionEntries = new Map(
    journal
      .filter((view) => view.row.entry.documentType === 'decision' && view.row.entry.caseId !== null)
      .map((view) => [view.row.entry.caseId!, publicJournalEntry(view)]),
  );
  const planEntries = new Map(
    journal
      .filter((view) => view.row.entry.sourceKey?.startsWith('meetingPlan:'))
      .map((view) => [view.row.entry.sourceKey!, publicJournalEntry(view)]),
  );
  const needle = filter.q?.toLocaleLowerCase('nb');
  // The approval of a meeting plan is a vedtak of the group too (no procurement).
  const planDecisions = plans.map((plan) => {
    const entry = planEntries.get(`meetingPlan:${plan.id}`);
    return {
      decisionNumber: plan.decisionNumber!,
      decidedOn: plan.approvedAt ? osloDay(plan.approvedAt) : null,
      title: `Møteplan ${plan.year}`,
      status: 'Vedtatt',
      gate: 'Møteplan',
      steeringGroup: plan.group,
      procurement: null,
      journalEntryId: entry?.id ?? null,
      journalNumber: entry?.journalNumber ?? null,
      accessStatus: entry?.accessStatus ?? ('public' as const),
      legalBasisTexts: entry?.legalBasisTexts ?? [],
    };
  });
  const caseDecisions = rows.map((row) => {
    const entry = decisionEntries.get(row.caseId);
    return {
      decisionNumber: row.decisionNumber!,
      decidedOn: row.decidedOn,
      title: publicTitle(row.title, shielding(row.caseId)),
      status: caseStatusLabels[row.status] ?? row.status,
      gate: gateLabels[row.gate as keyof typeof gateLabels] ?? row.gate,
      steeringGroup: row.group,
      procurement: row.procurement,
      journalEntryId: entry?.id ?? null,
      journalNumber: entry?.journalNumber ?? null,
      accessStatus: entry?.accessStatus ?? ('public' as const),
      legalBasisTexts: entry?.legalBasisTexts ?? [],
    };
  });
  return [...caseDecisions, ...planDecisions]
    .filter(
      (row) =>
        !needle ||
        `${row.decisionNumber} ${row.title} ${row.procurement?.name ?? ''}`
          .toLocaleLowerCase('nb')
          .includes(needle),
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
  const shielding = caseShielding(journal);
  const minutesViews = new Map(
    journal
      .filter((view) => view.row.entry.documentType === 'minutes' && view.row.entry.sourceKey)
      .map((view) => [view.row.entry.sourceKey!.replace(/^minutes:/, ''), view]),
  );
  return rows
    .map(({ meeting, group }) => {
      const items = agenda.filter((a) => a.meetingId === meeting.id).sort((a, b) => a.position - b.position);
      const caseIds = new Set(items.map((i) => i.caseId).filter((id): id is string => id !== null));
      // A word shielded in any case on the agenda is shielded in the whole agenda and protokoll: an item
      // without a case («Eventuelt», «Oppfølging av vedtak») may name the same supplier.
      const meetingWords = [...new Set([...caseIds].flatMap((caseId) => shielding(caseId)))];
      const latest = approved
        .filter((m) => m.meetingId === meeting.id)
        .sort((a, b) => b.version - a.version)[0];
      const agendaPublished = meeting.invitationSentAt !== null || latest !== undefined;
      const documents = journal
        .filter(
          (view) =>
            agendaPublished &&
            view.row.entry.documentType !== 'minutes' &&
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
        agenda: agendaPublished
          ? items.map((i) => ({ position: i.position, title: publicTitle(i.title, meetingWords) }))
          : [],
        minutes: latest ? publicMinutes(latest, items, minutesViews.get(latest.id), meetingWords) : null,
        documents,
      };
    })
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
}

/**
 * Approved minutes as the public may read them, by their journal entry: withheld (only the legal basis
 * shown) when the entry is exempt, otherwise with the entry's shielded words and those of every case on the
 * agenda replaced in every item.
 */
function publicMinutes(
  latest: typeof minutes.$inferSelect,
  agenda: Array<typeof agendaItems.$inferSelect>,
  view: JournalView | undefined,
  meetingWords: string[],
) {
  const entry = view ? publicJournalEntry(view) : null;
  const withheld = entry?.accessStatus === 'exempt';
  const own = view ? shieldedForPublic(view) : [];
  return {
    version: latest.version,
    approvedAt: latest.approvedAt?.toISOString() ?? null,
    journalEntryId: entry?.id ?? null,
    accessStatus: entry?.accessStatus ?? ('public' as const),
    legalBasisTexts: entry?.legalBasisTexts ?? [],
    items: withheld
      ? []
      : (latest.items as MinutesItem[]).map((item) => {
          const agendaItem = agenda.find((i) => i.id === item.agendaItemId);
          const words = [...meetingWords, ...own];
          return {
            title: publicTitle(agendaItem?.title ?? '', words),
            summary: publicTitle(item.summary ?? '', words),
            decision: publicTitle(item.decision ?? '', words),
          };
        }),
  };
}
