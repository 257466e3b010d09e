// Backfill of the journal (`styr journal backfill`): documents, approved minutes and decisions that existed
// before the journal (older databases, demo data written straight to the tables) get their entries, in the
// order they came about, with their own document dates. One transaction, one audit entry; running it again
// finds nothing to do and writes nothing.
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import { osloDay } from '../../shared/clock.js';
import {
  journalApprovedMinutes,
  journalDecision,
  journalMeetingPlanDecision,
  registerStoredDocument,
} from './journal-registration.js';
import * as repo from './journal.repo.js';

export interface BackfillResult {
  documents: number;
  minutes: number;
  decisions: number;
  meetingPlans: number;
  entryIds: string[];
}

type Kind = 'documents' | 'minutes' | 'decisions' | 'meetingPlans';

export async function backfillJournal(db: Db, actor: Actor, today: string): Promise<BackfillResult> {
  const empty: BackfillResult = { documents: 0, minutes: 0, decisions: 0, meetingPlans: 0, entryIds: [] };
  if (total(await repo.unjournalled(db)) === 0) return empty;
  return writeAudited(db, actor, async (tx, recordAudit) => {
    await repo.lockNumbering(tx);
    const pending = await repo.unjournalled(tx);
    const who = (username: string | null) => username ?? actor.username;
    const steps: Array<{ date: string; kind: Kind; run: () => Promise<{ id: string } | null> }> = [
      ...pending.documents.map((document) => {
        const date = osloDay(document.createdAt);
        return {
          date,
          kind: 'documents' as const,
          run: () => registerStoredDocument(tx, document, today, date),
        };
      }),
      ...pending.minutes.map((row) => {
        const date = row.approvedAt ? osloDay(row.approvedAt) : today;
        const context = { registeredBy: who(row.approvedBy), today, documentDate: date };
        return { date, kind: 'minutes' as const, run: () => journalApprovedMinutes(tx, row.id, context) };
      }),
      ...pending.decisions.map((row) => {
        const date = row.decidedOn ?? osloDay(row.closedAt ?? row.submittedAt);
        const context = { registeredBy: actor.username, today, documentDate: date };
        return { date, kind: 'decisions' as const, run: () => journalDecision(tx, row.id, context) };
      }),
      ...pending.meetingPlans.map((row) => {
        const date = row.approvedAt ? osloDay(row.approvedAt) : today;
        const context = { registeredBy: who(row.approvedBy), today, documentDate: date };
        return {
          date,
          kind: 'meetingPlans' as const,
          run: () => journalMeetingPlanDecision(tx, row.id, context),
        };
      }),
    ].sort((a, b) => a.date.localeCompare(b.date));
    const result = { ...empty, entryIds: [] as string[] };
    for (const step of steps) {
      const entry = await step.run();
      if (!entry) continue;
      result[step.kind] += 1;
      result.entryIds.push(entry.id);
    }
    await recordAudit({
      action: 'backfillJournal',
      entityType: 'journal',
      entityId: null,
      summary: `Journal etterregistrert: ${result.documents} dokumenter, ${result.minutes} protokoller, ${result.decisions + result.meetingPlans} vedtak`,
      after: result,
    });
    return result;
  });
}

function total(pending: Awaited<ReturnType<typeof repo.unjournalled>>) {
  return (
    pending.documents.length + pending.minutes.length + pending.decisions.length + pending.meetingPlans.length
  );
}
