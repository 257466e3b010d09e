// Registration in the journal, called inside the transaction of whatever creates the document: the document
// store (every stored document), and the secretariat's own entries. It depends only on the journal's tables,
// so the features that journal (documents, meetings, cases) can call it without depending on the journal's
// read side or on each other.
import type { Db } from '../../db/client.js';
import type { AccessInput } from '../../domain/offentleglova.rules.js';
import type { DocumentRow } from '../documents/documents.repo.js';
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
