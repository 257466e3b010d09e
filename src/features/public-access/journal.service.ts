// The public journal (offentlig journal, offl. § 10 and offentlegforskrifta §§ 6–7): every document the portal
// stores, every approved protokoll and every vedtak is registered in the writing transaction
// (journal-registration.ts); the secretariat adds entries for what arrives elsewhere and corrects entries
// (audited). Reading goes through one projection, `loadJournalViews`, with two audiences: the secretariat sees
// everything, the public only the public fields (see publicJournalEntry).
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { legalBases } from '../../domain/offentleglova.rules.js';
import {
  publicAccessOf,
  publicSenderRecipient,
  type PublicAccess,
} from '../../domain/public-access.rules.js';
import { badRequest, notFound } from '../../shared/app-error.js';
import type { CurrentUser } from '../auth/index.js';
import { checkAccessInput, documentsRepo } from '../documents/index.js';
import { registerInJournal } from './journal-registration.js';
import * as repo from './journal.repo.js';
import type {
  JournalCorrection,
  JournalQuery,
  NewJournalEntry,
  PublicJournalEntry,
  SecretariatJournalEntry,
} from './public-access.schemas.js';

export interface JournalView {
  row: repo.JournalListRow;
  access: PublicAccess;
  caseNumber: string;
  journalNumber: string;
  file: { fileName: string; contentType: string; sizeBytes: number } | null;
}

/** Loads entries and computes each one's access in force today (award dates, lapsed durations, variants). */
export async function loadJournalViews(
  db: Db,
  today: string,
  filter: Parameters<typeof repo.listEntries>[1] = {},
): Promise<JournalView[]> {
  const rows = await repo.listEntries(db, filter);
  const documentIds = rows.map((r) => r.document?.id).filter((id): id is string => !!id);
  const procurementIds = [
    ...new Set(rows.map((r) => r.journalCase.procurementId).filter((id): id is string => id !== null)),
  ];
  const [variants, awards, versions] = await Promise.all([
    repo.latestVariants(db, documentIds),
    documentsRepo.awardDates(db, procurementIds),
    repo.newestVersions(db, documentIds),
  ]);
  return rows.map((row) => {
    const document = row.document;
    const award = row.journalCase.procurementId ? awards.get(row.journalCase.procurementId) : undefined;
    const variant = document ? (variants.get(document.id) ?? null) : null;
    const stored = document
      ? {
          title: row.entry.title,
          accessStatus: document.accessStatus,
          legalBasis: document.legalBasis,
          shieldedWords: [...new Set([...document.shieldedWords, ...row.entry.shieldedWords])],
          classifiedOn: document.classifiedOn,
        }
      : {
          title: row.entry.title,
          accessStatus: row.entry.accessStatus,
          legalBasis: row.entry.legalBasis,
          shieldedWords: row.entry.shieldedWords,
          classifiedOn: row.entry.classifiedOn,
        };
    const access = publicAccessOf({
      stored,
      awardDecidedOn: award ?? null,
      today,
      hasFile: document !== null && versions.has(document.id),
      variant,
    });
    const version = document ? versions.get(document.id) : undefined;
    const file =
      access.serve === 'original' && version
        ? { fileName: version.fileName, contentType: version.contentType, sizeBytes: version.sizeBytes }
        : access.serve === 'variant' && variant
          ? { fileName: variant.fileName, contentType: variant.contentType, sizeBytes: variant.sizeBytes }
          : null;
    return {
      row,
      access,
      caseNumber: `${row.journalCase.year}/${row.journalCase.sequenceNumber}`,
      journalNumber: `${row.journalCase.year}/${row.journalCase.sequenceNumber}-${row.entry.documentNumber}`,
      file,
    };
  });
}

/**
 * The only shape of a journal entry that leaves for the public: public title, shielded sender/recipient,
 * the status and basis in force, and a file only when the public may have it. Nothing else is copied.
 */
export function publicJournalEntry(view: JournalView): PublicJournalEntry {
  const { row, access } = view;
  const shielded = shieldedForPublic(view);
  return {
    id: row.entry.id,
    caseNumber: view.caseNumber,
    caseTitle: row.journalCase.title,
    documentNumber: row.entry.documentNumber,
    journalNumber: view.journalNumber,
    journalSequence: `${row.entry.journalYear}/${row.entry.journalSequence}`,
    journalDate: row.entry.journalDate,
    documentDate: row.entry.documentDate,
    direction: row.entry.direction,
    senderRecipient: publicSenderRecipient(row.entry.senderRecipient, shielded),
    publicTitle: access.publicTitle,
    documentType: row.entry.documentType,
    accessStatus: access.accessStatus,
    legalBasisTexts: access.legalBases.map((basis) => legalBases[basis].text),
    exemptionEndsOn: access.accessStatus === 'public' ? null : access.exemptionEndsOn,
    exemptionLifted: access.lifted,
    steeringGroup: row.group,
    procurement: row.procurement?.id ? { id: row.procurement.id, name: row.procurement.name } : null,
    meetingId: row.entry.meetingId,
    file: view.file
      ? {
          ...view.file,
          kind: access.serve === 'variant' ? 'variant' : 'original',
          url: `/api/public/journal/${row.entry.id}/file`,
        }
      : null,
  };
}

/** The words the public may not see in an entry's title, sender/recipient and text (none once lifted). */
export function shieldedForPublic(view: JournalView): string[] {
  return view.access.accessStatus === 'public' && view.access.lifted ? [] : shieldedWordsOf(view.row);
}

function shieldedWordsOf(row: repo.JournalListRow) {
  return [...new Set([...(row.document?.shieldedWords ?? []), ...row.entry.shieldedWords])];
}

export function secretariatJournalEntry(view: JournalView): SecretariatJournalEntry {
  const { row } = view;
  return {
    ...publicJournalEntry(view),
    title: row.entry.title,
    senderRecipientFull: row.entry.senderRecipient,
    shieldedWords: shieldedWordsOf(row),
    documentId: row.entry.documentId,
    storedAccessStatus: row.document?.accessStatus ?? row.entry.accessStatus,
    legalBasis: row.document?.legalBasis ?? row.entry.legalBasis,
    caseId: row.entry.caseId,
    registeredBy: row.entry.registeredBy,
    updatedAt: row.entry.updatedAt.toISOString(),
  };
}

/** Filters on the public projection only: a shielded word or an exempt field can never make an entry match. */
export function filterPublicEntries(entries: PublicJournalEntry[], query: JournalQuery) {
  const needle = query.q?.trim().toLocaleLowerCase('nb');
  const matches = entries.filter(
    (e) =>
      (!needle ||
        [e.publicTitle, e.caseTitle, e.senderRecipient ?? '', e.journalNumber, e.procurement?.name ?? '']
          .join(' ')
          .toLocaleLowerCase('nb')
          .includes(needle)) &&
      (!query.steeringGroupId || e.steeringGroup.id === query.steeringGroupId) &&
      (!query.procurementId || e.procurement?.id === query.procurementId) &&
      (!query.documentType || e.documentType === query.documentType) &&
      (!query.accessStatus || e.accessStatus === query.accessStatus) &&
      (!query.from || e.journalDate >= query.from) &&
      (!query.to || e.journalDate <= query.to),
  );
  const offset = (query.page - 1) * query.pageSize;
  return { total: matches.length, entries: matches.slice(offset, offset + query.pageSize) };
}

export async function listPublicJournal(db: Db, query: JournalQuery, today: string) {
  const entries = (await loadJournalViews(db, today)).map(publicJournalEntry);
  return { ...filterPublicEntries(entries, query), page: query.page, pageSize: query.pageSize };
}

export async function getPublicEntry(db: Db, id: string, today: string) {
  const [view] = await loadJournalViews(db, today, { ids: [id] });
  if (!view) throw notFound('Journalposten finnes ikke.');
  return view;
}

export async function listSecretariatJournal(db: Db, query: JournalQuery, today: string) {
  const views = await loadJournalViews(db, today);
  const all = views.map(secretariatJournalEntry);
  const needle = query.q?.trim().toLocaleLowerCase('nb');
  const filtered = all.filter(
    (e) =>
      (!needle ||
        `${e.title} ${e.publicTitle} ${e.journalNumber}`.toLocaleLowerCase('nb').includes(needle)) &&
      (!query.steeringGroupId || e.steeringGroup.id === query.steeringGroupId) &&
      (!query.procurementId || e.procurement?.id === query.procurementId) &&
      (!query.documentType || e.documentType === query.documentType) &&
      (!query.accessStatus || e.accessStatus === query.accessStatus) &&
      (!query.from || e.journalDate >= query.from) &&
      (!query.to || e.journalDate <= query.to),
  );
  const offset = (query.page - 1) * query.pageSize;
  return {
    total: filtered.length,
    entries: filtered.slice(offset, offset + query.pageSize),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The secretariat registers what arrived by e-mail, letter or from an RHF (no file in the portal). */
export async function addJournalEntry(db: Db, user: CurrentUser, input: NewJournalEntry, today: string) {
  checkAccessInput(input);
  const entry = await writeAudited(db, user, async (tx, recordAudit) => {
    const row = await registerInJournal(tx, {
      steeringGroupId: input.steeringGroupId,
      procurementId: input.procurementId,
      title: input.title,
      documentType: input.documentType,
      direction: input.direction,
      senderRecipient: input.senderRecipient,
      documentDate: input.documentDate,
      journalDate: today,
      access: input,
      documentId: null,
      caseId: null,
      meetingId: null,
      registeredBy: user.username,
    });
    await recordAudit({
      action: 'addJournalEntry',
      entityType: 'journalEntry',
      entityId: row.id,
      summary: `Journalpost registrert: ${row.journalYear}/${row.journalSequence}`,
      after: { ...input },
    });
    return row;
  });
  const [view] = await loadJournalViews(db, today, { ids: [entry.id] });
  return secretariatJournalEntry(view!);
}

/** Corrections to an entry (audited with before and after); access of a linked document goes to the document. */
export async function correctJournalEntry(
  db: Db,
  user: CurrentUser,
  id: string,
  correction: JournalCorrection,
  today: string,
) {
  const entry = await repo.findEntry(db, id);
  if (!entry) throw notFound('Journalposten finnes ikke.');
  const accessFields = correction.accessStatus !== undefined || correction.legalBasis !== undefined;
  if (accessFields) {
    const document = entry.documentId ? await documentsRepo.findDocument(db, entry.documentId) : null;
    checkAccessInput({
      accessStatus: correction.accessStatus ?? document?.accessStatus ?? entry.accessStatus,
      legalBasis:
        correction.legalBasis !== undefined
          ? correction.legalBasis
          : (document?.legalBasis ?? entry.legalBasis),
      shieldedWords: correction.shieldedWords ?? document?.shieldedWords ?? entry.shieldedWords,
    });
  }
  if (Object.keys(correction).length === 0)
    throw badRequest('Ingen endringer å lagre.', [{ path: 'body', message: 'Tom retting' }]);
  await writeAudited(db, user, async (tx, recordAudit) => {
    const { accessStatus, legalBasis, ...fields } = correction;
    await repo.updateEntry(tx, id, fields);
    if (accessFields) {
      if (entry.documentId)
        await documentsRepo.updateDocument(tx, entry.documentId, {
          ...(accessStatus !== undefined ? { accessStatus } : {}),
          ...(legalBasis !== undefined ? { legalBasis } : {}),
          ...(correction.shieldedWords !== undefined ? { shieldedWords: correction.shieldedWords } : {}),
          classifiedOn: today,
        });
      else
        await repo.updateEntry(tx, id, {
          ...(accessStatus !== undefined ? { accessStatus } : {}),
          ...(legalBasis !== undefined ? { legalBasis } : {}),
          classifiedOn: today,
        });
    }
    await recordAudit({
      action: 'correctJournalEntry',
      entityType: 'journalEntry',
      entityId: id,
      summary: `Journalpost ${entry.journalYear}/${entry.journalSequence} rettet`,
      before: Object.fromEntries(
        Object.keys(correction).map((key) => [key, (entry as Record<string, unknown>)[key] ?? null]),
      ),
      after: correction,
    });
  });
  const [view] = await loadJournalViews(db, today, { ids: [id] });
  return secretariatJournalEntry(view!);
}
