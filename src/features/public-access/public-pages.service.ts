// What the public pages show besides the journal: the decision register (vedtak) and the meetings with their
// published agendas and approved minutes. Only what the secretariat has published: an agenda once the
// invitation is sent, minutes once approved, documents through the journal's public projection. Vedtak and
// minutes are journal entries too: their entry's access decides what is shown (an exempt protokoll is
// withheld), and a word shielded in a case's documents is shielded in its vedtak and in the whole agenda and
// minutes of every meeting that has the case on its agenda.
import { and, count, desc, eq, exists, inArray, isNotNull, or, sql } from 'drizzle-orm';
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
import type { z } from 'zod';
import type { publicDecisionSchema } from './public-access.schemas.js';
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

type PublicDecision = z.infer<typeof publicDecisionSchema>;

interface DecisionFilter {
  steeringGroupId?: string;
  q?: string;
}

/**
 * The vedtak in register order (newest decision first, then the number), filtered in SQL: the cases with a
 * decision number and the approved meeting plans (a group's own vedtak). Search narrows here on the raw
 * text (a superset: shielding only removes words); the caller matches the public text after shielding.
 */
async function listDecisionKeys(
  db: Db,
  filter: DecisionFilter,
  page: { limit: number; offset: number } | null,
) {
  const group = filter.steeringGroupId;
  const needle = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const register = sql`
    select 'case' as kind, c.id, c.decided_on::text as decided_on, c.decision_number
    from cases c left join procurements p on p.id = c.procurement_id
    where c.decision_number is not null
      and ${group ? sql`c.steering_group_id = ${group}` : sql`true`}
      and ${needle ? sql`(c.decision_number || ' ' || c.title || ' ' || coalesce(p.name, '')) ilike ${needle}` : sql`true`}
    union all
    select 'plan', mp.id, to_char(mp.approved_at at time zone 'Europe/Oslo', 'YYYY-MM-DD'), mp.decision_number
    from meeting_plans mp
    where mp.decision_number is not null
      and ${group ? sql`mp.steering_group_id = ${group}` : sql`true`}
      and ${needle ? sql`(mp.decision_number || ' Møteplan ' || mp.year) ilike ${needle}` : sql`true`}`;
  const ordered = sql`select kind, id from (${register}) d
    order by decided_on desc nulls last, decision_number collate "C" desc`;
  const [keys, counted]: unknown[] = await Promise.all([
    db.execute(page ? sql`${ordered} limit ${page.limit} offset ${page.offset}` : ordered),
    page ? db.execute(sql`select count(*)::int as total from (${register}) d`) : null,
  ]);
  const rows = (keys as { rows: Array<{ kind: 'case' | 'plan'; id: string }> }).rows;
  const total = counted
    ? Number((counted as { rows: Array<{ total: number }> }).rows[0]!.total)
    : rows.length;
  return { rows, total };
}

/**
 * The decision register, one page: each vedtak as its journal entry shows it (public title, access in force,
 * legal basis), with the words shielded in the case's documents shielded in its title too. The page comes
 * from SQL, and only the journal entries of the page's cases and plans are read; with a search the matches
 * on the raw text are shielded first and matched again on the public text, then paged.
 */
export async function listPublicDecisionPage(
  db: Db,
  today: string,
  filter: DecisionFilter & { limit: number; offset: number },
) {
  const needle = filter.q?.toLocaleLowerCase('nb');
  const keys = await listDecisionKeys(db, filter, needle ? null : filter);
  const decisions = await publicDecisionsOf(db, today, keys.rows);
  if (!needle) return { items: decisions, total: keys.total, limit: filter.limit, offset: filter.offset };
  const matching = decisions.filter((row) =>
    `${row.decisionNumber} ${row.title} ${row.procurement?.name ?? ''}`
      .toLocaleLowerCase('nb')
      .includes(needle),
  );
  return {
    items: matching.slice(filter.offset, filter.offset + filter.limit),
    total: matching.length,
    limit: filter.limit,
    offset: filter.offset,
  };
}

/** The public view of these vedtak, in the order given. */
async function publicDecisionsOf(db: Db, today: string, keys: Array<{ kind: 'case' | 'plan'; id: string }>) {
  const caseIds = keys.filter((key) => key.kind === 'case').map((key) => key.id);
  const planIds = keys.filter((key) => key.kind === 'plan').map((key) => key.id);
  if (keys.length === 0) return [];
  const [rows, plans, journal] = await Promise.all([
    caseIds.length === 0
      ? Promise.resolve([])
      : db
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
          .where(inArray(cases.id, caseIds)),
    planIds.length === 0
      ? Promise.resolve([])
      : db
          .select({
            id: meetingPlans.id,
            year: meetingPlans.year,
            decisionNumber: meetingPlans.decisionNumber,
            approvedAt: meetingPlans.approvedAt,
            group: { id: steeringGroups.id, code: steeringGroups.code, name: steeringGroups.name },
          })
          .from(meetingPlans)
          .innerJoin(steeringGroups, eq(steeringGroups.id, meetingPlans.steeringGroupId))
          .where(inArray(meetingPlans.id, planIds)),
    loadJournalViews(db, today, {
      of: { caseIds, meetingIds: [], sourceKeys: planIds.map((id) => `meetingPlan:${id}`) },
    }),
  ]);
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
  // The approval of a meeting plan is a vedtak of the group too (no procurement).
  const planDecisions = plans.map((plan) => {
    const entry = planEntries.get(`meetingPlan:${plan.id}`);
    return [
      plan.id,
      {
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
      },
    ] as const;
  });
  const caseDecisions = rows.map((row) => {
    const entry = decisionEntries.get(row.caseId);
    return [
      row.caseId,
      {
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
      },
    ] as const;
  });
  const byId = new Map<string, PublicDecision>([...caseDecisions, ...planDecisions]);
  return keys.map((key) => byId.get(key.id)!);
}

interface MinutesItem {
  agendaItemId: string;
  summary?: string;
  decision?: string;
}

const publishedMeeting = or(
  isNotNull(meetings.invitationSentAt),
  exists(
    sql`(select 1 from ${minutes} where ${minutes.meetingId} = ${meetings.id} and ${minutes.status} = 'approved')`,
  ),
);

function selectPublicMeetings(db: Db) {
  return db
    .select({
      meeting: meetings,
      group: { id: steeringGroups.id, code: steeringGroups.code, name: steeringGroups.name },
    })
    .from(meetings)
    .innerJoin(steeringGroups, eq(steeringGroups.id, meetings.steeringGroupId));
}

/** Every meeting not cancelled, newest first (the eInnsyn export). */
export async function listPublicMeetings(db: Db, today: string, filter: { steeringGroupId?: string } = {}) {
  const rows = await selectPublicMeetings(db).where(
    and(
      eq(meetings.cancelled, false),
      filter.steeringGroupId ? eq(meetings.steeringGroupId, filter.steeringGroupId) : undefined,
    ),
  );
  return publicMeetingsOf(db, today, rows, { wholeJournal: true });
}

/**
 * One page of the meetings whose agenda is published (invitation sent, or minutes approved), newest first,
 * paged in SQL (meetings_group_idx for a group); only the journal entries of the page's meetings are read.
 */
export async function listPublicMeetingPage(
  db: Db,
  today: string,
  filter: { steeringGroupId?: string; limit: number; offset: number },
) {
  const where = and(
    eq(meetings.cancelled, false),
    publishedMeeting,
    filter.steeringGroupId ? eq(meetings.steeringGroupId, filter.steeringGroupId) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    selectPublicMeetings(db)
      .where(where)
      .orderBy(desc(meetings.startsAt), desc(meetings.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ total: count() }).from(meetings).where(where),
  ]);
  return {
    items: await publicMeetingsOf(db, today, rows, { wholeJournal: false }),
    total: counted?.total ?? 0,
    limit: filter.limit,
    offset: filter.offset,
  };
}

async function publicMeetingsOf(
  db: Db,
  today: string,
  rows: Awaited<ReturnType<typeof selectPublicMeetings>>,
  options: { wholeJournal: boolean },
) {
  const meetingIds = rows.map((r) => r.meeting.id);
  const [agenda, approved] = await Promise.all([
    meetingIds.length > 0
      ? db.select().from(agendaItems).where(inArray(agendaItems.meetingId, meetingIds))
      : Promise.resolve([]),
    meetingIds.length > 0
      ? db
          .select()
          .from(minutes)
          .where(and(inArray(minutes.meetingId, meetingIds), eq(minutes.status, 'approved')))
      : Promise.resolve([]),
  ]);
  // The page's own journal entries: its meetings', their agenda cases' (shielding) and their minutes'.
  const journal = await loadJournalViews(
    db,
    today,
    options.wholeJournal
      ? {}
      : {
          of: {
            caseIds: [
              ...new Set(agenda.map((item) => item.caseId).filter((id): id is string => id !== null)),
            ],
            meetingIds,
            sourceKeys: approved.map((m) => `minutes:${m.id}`),
          },
        },
  );
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
