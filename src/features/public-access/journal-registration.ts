// Registration in the journal, called inside the transaction of whatever creates the document: the document
// store (every stored document), the approval of minutes, a case's decision, the approval of a meeting plan,
// and the secretariat's own entries. It depends only on the journal's tables,
// so the features that journal (documents, meetings, cases) can call it without depending on the journal's
// read side or on each other.
import type { Db } from '../../db/client.js';
import type { AccessInput } from '../../domain/offentleglova.rules.js';
import { osloDay } from '../../shared/clock.js';
import type { DocumentRow } from '../documents/index.js';
import * as repo from './journal.repo.js';

type Direction = repo.JournalEntryRow['direction'];
type DocumentType = repo.JournalEntryRow['documentType'];

export interface Registration {
  steeringGroupId: string;
  procurementId: string | null;
  title: string;
  documentType: DocumentType;
  direction: Direction;
  senderRecipient: string | null;
  documentDate: string;
  journalDate: string;
  access: AccessInput;
  documentId: string | null;
  caseId: string | null;
  meetingId: string | null;
  /** Set for what is journalled without a stored file (see journal.repo `sourceKeys`). */
  sourceKey?: string;
  registeredBy: string;
}

/** Registers one journal entry inside the caller's transaction; the saksmappe is created on first use. */
export async function registerInJournal(tx: Db, input: Registration) {
  await repo.lockNumbering(tx);
  const year = Number(input.journalDate.slice(0, 4));
  let journalCase = await repo.findCaseByScope(tx, input.steeringGroupId, input.procurementId);
  if (!journalCase) {
    journalCase = await repo.insertCase(tx, {
      year,
      sequenceNumber: await repo.nextCaseSequence(tx, year),
      steeringGroupId: input.steeringGroupId,
      procurementId: input.procurementId,
      title: await caseTitle(tx, input.steeringGroupId, input.procurementId),
    });
  }
  const numbers = await repo.nextNumbers(tx, journalCase.id, year);
  return repo.insertEntry(tx, {
    journalCaseId: journalCase.id,
    documentNumber: numbers.documentNumber,
    journalYear: year,
    journalSequence: numbers.journalSequence,
    journalDate: input.journalDate,
    documentDate: input.documentDate,
    direction: input.direction,
    senderRecipient: input.senderRecipient,
    title: input.title,
    shieldedWords: input.access.shieldedWords,
    documentType: input.documentType,
    accessStatus: input.access.accessStatus,
    legalBasis: input.access.legalBasis,
    classifiedOn: input.journalDate,
    documentId: input.documentId,
    caseId: input.caseId,
    meetingId: input.meetingId,
    sourceKey: input.sourceKey ?? null,
    registeredBy: input.registeredBy,
  });
}

async function caseTitle(tx: Db, steeringGroupId: string, procurementId: string | null) {
  const names = await repo.scopeNames(tx, steeringGroupId, procurementId);
  return names.procurementName ?? `${names.groupName ?? 'Styringsgruppe'}: fellessaker`;
}

/**
 * The document registered in the journal: called by the document store for every new document. The
 * document date is the day it was stored unless given (a backfilled document keeps its own date).
 */
export function registerStoredDocument(
  tx: Db,
  document: DocumentRow,
  today: string,
  documentDate: string = today,
) {
  return registerInJournal(tx, {
    steeringGroupId: document.steeringGroupId,
    procurementId: document.procurementId,
    title: document.title,
    documentType: document.caseId ? 'caseDocument' : document.meetingId ? 'meetingPaper' : 'other',
    direction: 'internal',
    senderRecipient: null,
    documentDate,
    journalDate: today,
    access: {
      accessStatus: document.accessStatus,
      legalBasis: document.legalBasis,
      shieldedWords: document.shieldedWords,
    },
    documentId: document.id,
    caseId: document.caseId,
    meetingId: document.meetingId,
    registeredBy: document.createdBy,
  });
}

/** Who journals and when; a backfill passes the document's own date. */
export interface JournalContext {
  registeredBy: string;
  today: string;
  documentDate?: string;
}

const PUBLIC: AccessInput = { accessStatus: 'public', legalBasis: null, shieldedWords: [] };

/**
 * An approved version of the minutes (møteprotokoll), journalled in the transaction that approves it; every
 * approved version is an entry of its own. Public: the public meetings page shows approved minutes, and
 * reads the entry's access (a correction to exempt withdraws them there). Once per version.
 */
export async function journalApprovedMinutes(tx: Db, minutesId: string, context: JournalContext) {
  const sourceKey = repo.sourceKeys.minutes(minutesId);
  if (await repo.findEntryBySourceKey(tx, sourceKey)) return null;
  const facts = await repo.minutesFacts(tx, minutesId);
  if (!facts || facts.status !== 'approved') return null;
  const version = facts.version > 1 ? `, versjon ${facts.version}` : '';
  return registerInJournal(tx, {
    steeringGroupId: facts.steeringGroupId,
    procurementId: null,
    title: `Møteprotokoll: ${facts.meetingTitle} (${osloDay(facts.startsAt)}${version})`,
    documentType: 'minutes',
    direction: 'internal',
    senderRecipient: null,
    documentDate: context.documentDate ?? context.today,
    journalDate: context.today,
    access: PUBLIC,
    documentId: null,
    caseId: null,
    meetingId: facts.meetingId,
    sourceKey,
    registeredBy: context.registeredBy,
  });
}

/**
 * The access of a vedtak: public, unless a word shielded in one of the case's documents appears in its title;
 * then the same word is shielded here under the same legal basis (the title is the information).
 */
export function decisionAccess(
  title: string,
  caseDocuments: Array<Pick<DocumentRow, 'accessStatus' | 'legalBasis' | 'shieldedWords'>>,
): AccessInput {
  const lower = title.toLocaleLowerCase('nb');
  const shielding = caseDocuments.filter(
    (d) =>
      d.accessStatus !== 'public' &&
      d.legalBasis !== null &&
      d.shieldedWords.some((word) => word.trim() && lower.includes(word.toLocaleLowerCase('nb'))),
  );
  if (shielding.length === 0) return PUBLIC;
  const words = shielding.flatMap((d) =>
    d.shieldedWords.filter((word) => word.trim() && lower.includes(word.toLocaleLowerCase('nb'))),
  );
  return {
    accessStatus: 'partlyExempt',
    legalBasis: shielding[0]!.legalBasis,
    shieldedWords: [...new Set(words)],
  };
}

/** A case's decision (vedtak), journalled in the transaction that records it, in the procurement's saksmappe. */
export async function journalDecision(tx: Db, caseId: string, context: JournalContext) {
  const sourceKey = repo.sourceKeys.decision(caseId);
  if (await repo.findEntryBySourceKey(tx, sourceKey)) return null;
  const facts = await repo.decisionFacts(tx, caseId);
  if (!facts?.decisionNumber) return null;
  const title = `Vedtak ${facts.decisionNumber}: ${facts.title}`;
  return registerInJournal(tx, {
    steeringGroupId: facts.steeringGroupId,
    procurementId: facts.procurementId,
    title,
    documentType: 'decision',
    direction: 'internal',
    senderRecipient: null,
    documentDate: context.documentDate ?? context.today,
    journalDate: context.today,
    access: decisionAccess(title, facts.documents),
    documentId: null,
    caseId,
    meetingId: null,
    sourceKey,
    registeredBy: context.registeredBy,
  });
}

/** The approval of a meeting plan is a numbered decision of the group: journalled as a vedtak. */
export async function journalMeetingPlanDecision(tx: Db, planId: string, context: JournalContext) {
  const sourceKey = repo.sourceKeys.meetingPlan(planId);
  if (await repo.findEntryBySourceKey(tx, sourceKey)) return null;
  const facts = await repo.meetingPlanFacts(tx, planId);
  if (!facts?.decisionNumber) return null;
  return registerInJournal(tx, {
    steeringGroupId: facts.steeringGroupId,
    procurementId: null,
    title: `Vedtak ${facts.decisionNumber}: Møteplan ${facts.year} for ${facts.groupName}`,
    documentType: 'decision',
    direction: 'internal',
    senderRecipient: null,
    documentDate: context.documentDate ?? context.today,
    journalDate: context.today,
    access: PUBLIC,
    documentId: null,
    caseId: null,
    meetingId: null,
    sourceKey,
    registeredBy: context.registeredBy,
  });
}
