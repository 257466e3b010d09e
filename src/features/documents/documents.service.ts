// The document store: uploads checked before anything is stored (name, size, type against magic bytes),
// versions with checksums, content kept in the database (no file paths), and every document's access
// status under offentleglova with Noark 5 shaped metadata. Used by the workspace and by governance cases.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import {
  checkAccess,
  effectiveAccess,
  publicTitle,
  type AccessInput,
} from '../../domain/offentleglova.rules.js';
import { checkUpload, MAX_UPLOAD_BYTES } from '../../domain/upload.rules.js';
import { AppError, badRequest, forbidden, notFound } from '../../shared/app-error.js';
import { canEditProcurement, type CurrentUser } from '../auth/index.js';
import { procurementsRepo } from '../procurements/index.js';
import { requireWorkspace } from '../workspace/index.js';
import * as repo from './documents.repo.js';
import type { AccessInputBody, DocumentDto, UploadDocument } from './documents.schemas.js';

export interface FileInput {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

/** Strict base64: a body that is not base64 is refused rather than silently decoded into garbage. */
export function decodeBase64(fileName: string, contentBase64: string): Buffer {
  const clean = contentBase64.replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1)
    throw badRequest(`${fileName} er ikke gyldig base64.`, [
      { path: 'contentBase64', message: 'Ugyldig base64' },
    ]);
  return Buffer.from(clean, 'base64');
}

/** Checks an upload; throws 413 for a too large file and 400 for anything else, before anything is stored. */
export function checkFile(file: FileInput, path = 'file') {
  const content = decodeBase64(file.fileName, file.contentBase64);
  const problems = checkUpload({ fileName: file.fileName, contentType: file.contentType, content });
  const tooLarge = problems.find((p) => p.kind === 'tooLarge');
  if (tooLarge)
    throw new AppError('payloadTooLarge', `Filen er for stor: ${tooLarge.message}`, [
      { path, message: tooLarge.message },
    ]);
  if (problems.length > 0)
    throw badRequest(
      problems[0]!.message,
      problems.map((p) => ({
        path:
          p.kind === 'fileName'
            ? `${path}.fileName`
            : p.kind === 'contentType' || p.kind === 'forged'
              ? `${path}.contentType`
              : path,
        message: p.message,
      })),
    );
  return { content, sha256: createHash('sha256').update(content).digest('hex'), sizeBytes: content.length };
}

export function checkAccessInput(access: AccessInput) {
  const problems = checkAccess(access);
  if (problems.length > 0) throw badRequest(problems[0]!.message, problems);
}

export interface NewDocument {
  steeringGroupId: string;
  procurementId: string | null;
  caseId: string | null;
  meetingId: string | null;
  title: string;
  access: AccessInput;
  file: FileInput;
  uploadedBy: string;
  today: string;
}

/** The journal's write side (public-access `registerStoredDocument`), a port: the journal reads this store. */
export interface DocumentJournal {
  registerStoredDocument(tx: Db, document: repo.DocumentRow, today: string): Promise<unknown>;
}

/** Stores a document and its first version inside the caller's transaction (checks first, then writes). */
export async function storeNewDocument(tx: Db, input: NewDocument, journal: DocumentJournal) {
  const checked = checkFile(input.file);
  checkAccessInput(input.access);
  const document = await repo.insertDocument(tx, {
    steeringGroupId: input.steeringGroupId,
    procurementId: input.procurementId,
    caseId: input.caseId,
    meetingId: input.meetingId,
    title: input.title,
    accessStatus: input.access.accessStatus,
    legalBasis: input.access.legalBasis,
    shieldedWords: input.access.shieldedWords,
    classifiedOn: input.today,
    createdBy: input.uploadedBy,
  });
  const version = await repo.insertVersion(tx, {
    documentId: document.id,
    version: 1,
    fileName: input.file.fileName,
    contentType: input.file.contentType.toLowerCase(),
    uploadedBy: input.uploadedBy,
    ...checked,
  });
  // Every document that enters the portal is journalled in the same transaction (offl. § 10).
  await journal.registerStoredDocument(tx, document, input.today);
  return { document, version };
}

/** The access status in force today (a §23 third paragraph exemption lapses at the award decision). */
export function accessNow(document: repo.DocumentRow, awardDecidedOn: string | undefined, today: string) {
  return effectiveAccess(
    {
      title: document.title,
      accessStatus: document.accessStatus,
      legalBasis: document.legalBasis,
      shieldedWords: document.shieldedWords,
      classifiedOn: document.classifiedOn,
    },
    { today, awardDecidedOn: awardDecidedOn ?? null },
  );
}

export async function toDocumentDtos(
  db: Db,
  documents: repo.DocumentRow[],
  today: string,
  canReadNonPublic: (document: repo.DocumentRow) => boolean,
): Promise<DocumentDto[]> {
  const [versions, awards] = await Promise.all([
    repo.listVersions(
      db,
      documents.map((d) => d.id),
    ),
    repo.awardDates(db, [
      ...new Set(documents.map((d) => d.procurementId).filter((id): id is string => id !== null)),
    ]),
  ]);
  return documents.map((document) => {
    const access = accessNow(
      document,
      document.procurementId ? awards.get(document.procurementId) : undefined,
      today,
    );
    return {
      id: document.id,
      steeringGroupId: document.steeringGroupId,
      procurementId: document.procurementId,
      caseId: document.caseId,
      meetingId: document.meetingId,
      title: document.title,
      publicTitle: publicTitle(document.title, document.shieldedWords),
      accessStatus: access.accessStatus,
      storedAccessStatus: document.accessStatus,
      legalBasis: document.legalBasis,
      shieldedWords: document.shieldedWords,
      exemptionLifted: access.lifted,
      noark: access.noark,
      canRead: access.accessStatus === 'public' || canReadNonPublic(document),
      downloadUrl: document.caseId
        ? `/api/cases/${document.caseId}/documents/${document.id}`
        : `/api/documents/${document.id}/content`,
      versions: versions
        .filter((v) => v.documentId === document.id)
        .map((v) => ({
          version: v.version,
          fileName: v.fileName,
          contentType: v.contentType,
          sizeBytes: v.sizeBytes,
          sha256: v.sha256,
          uploadedBy: v.uploadedBy,
          uploadedAt: v.uploadedAt.toISOString(),
        })),
    };
  });
}

async function requireUploader(
  db: Db,
  user: CurrentUser,
  procurementId: string | null,
  isSecretariat: boolean,
) {
  if (isSecretariat) return;
  const [procurement] = procurementId ? await procurementsRepo.listProcurementRows(db, procurementId) : [];
  if (!procurement || !canEditProcurement(user, procurement.procurementLeadId))
    throw forbidden('Bare porteføljesekretariatet og lederen av anskaffelsen kan laste opp dokumenter her.');
}

/** A workspace document (not a case document): for the group, optionally tied to a meeting or procurement. */
export async function uploadDocument(
  db: Db,
  user: CurrentUser,
  groupId: string,
  input: UploadDocument,
  today: string,
  journal: DocumentJournal,
) {
  // Workspace uploads are the secretariat's; a procurement lead attaches documents to their cases.
  const { group, viewer } = await requireWorkspace(db, user, groupId, today);
  if (!viewer.isSecretariat)
    throw forbidden('Bare porteføljesekretariatet laster opp dokumenter i arbeidsrommet.');
  const { document } = await writeAudited(db, user, async (tx, recordAudit) => {
    const stored = await storeNewDocument(
      tx,
      {
        steeringGroupId: group.id,
        procurementId: input.procurementId,
        caseId: null,
        meetingId: input.meetingId,
        title: input.title ?? input.fileName,
        access: input,
        file: input,
        uploadedBy: user.username,
        today,
      },
      journal,
    );
    await recordAudit({
      action: 'uploadDocument',
      entityType: 'document',
      entityId: stored.document.id,
      summary: `Dokument lastet opp: ${publicTitle(stored.document.title, input.shieldedWords)}`,
      after: {
        fileName: stored.version.fileName,
        sha256: stored.version.sha256,
        accessStatus: input.accessStatus,
        legalBasis: input.legalBasis,
      },
    });
    return stored;
  });
  return getDocument(db, user, document.id, today);
}

async function loadDocument(db: Db, id: string) {
  const document = await repo.findDocument(db, id);
  if (!document) throw notFound('Dokumentet finnes ikke.');
  return document;
}

export async function addVersion(
  db: Db,
  user: CurrentUser,
  documentId: string,
  file: FileInput,
  today: string,
) {
  const document = await loadDocument(db, documentId);
  const isSecretariat = user.roles.some((r) => r.role === 'secretariat');
  await requireUploader(db, user, document.procurementId, isSecretariat);
  const checked = checkFile(file);
  await writeAudited(db, user, async (tx, recordAudit) => {
    await repo.lockDocument(tx, documentId);
    const version = (await repo.latestVersionNumber(tx, documentId)) + 1;
    await repo.insertVersion(tx, {
      documentId,
      version,
      fileName: file.fileName,
      contentType: file.contentType.toLowerCase(),
      uploadedBy: user.username,
      ...checked,
    });
    await repo.updateDocument(tx, documentId, {});
    await recordAudit({
      action: 'addDocumentVersion',
      entityType: 'document',
      entityId: documentId,
      summary: `Ny versjon ${version} av ${publicTitle(document.title, document.shieldedWords)}`,
      after: { version, fileName: file.fileName, sha256: checked.sha256 },
    });
  });
  return getDocument(db, user, documentId, today);
}

/** The secretariat sets the access status and legal basis (e.g. when a request for access comes). */
export async function classifyDocument(
  db: Db,
  user: CurrentUser,
  documentId: string,
  access: AccessInputBody,
  today: string,
) {
  const document = await loadDocument(db, documentId);
  checkAccessInput(access);
  await writeAudited(db, user, async (tx, recordAudit) => {
    await repo.updateDocument(tx, documentId, { ...access, classifiedOn: today });
    await recordAudit({
      action: 'classifyDocument',
      entityType: 'document',
      entityId: documentId,
      summary: `Offentlighet vurdert: ${publicTitle(document.title, access.shieldedWords)}`,
      before: {
        accessStatus: document.accessStatus,
        legalBasis: document.legalBasis,
        shieldedWords: document.shieldedWords,
      },
      after: access,
    });
  });
  return getDocument(db, user, documentId, today);
}

/** Workspace documents: non-public content is for the workspace (members, secretariat, RHF contacts). */
/** One page of the group's documents (upload order), with the total: GET /api/steering-groups/:id/documents. */
export async function listGroupDocumentPage(
  db: Db,
  user: CurrentUser,
  groupId: string,
  page: { limit: number; offset: number },
  today: string,
) {
  await requireWorkspace(db, user, groupId, today);
  const found = await repo.listGroupDocumentPage(db, groupId, page);
  return {
    items: await toDocumentDtos(db, found.rows, today, await notConflicted(db, user)),
    total: found.total,
    ...page,
  };
}

/** Every document of the group (the workspace's overview). */
export async function listGroupDocuments(db: Db, user: CurrentUser, groupId: string, today: string) {
  await requireWorkspace(db, user, groupId, today);
  return toDocumentDtos(
    db,
    await repo.listDocuments(db, { steeringGroupId: groupId }),
    today,
    await notConflicted(db, user),
  );
}

/** Non-public workspace content is never for someone inhabil in its procurement or meeting (seed 001 §7.2). */
async function notConflicted(db: Db, user: CurrentUser) {
  const scopes = await repo.conflictScopes(db, user.personId);
  return (document: repo.DocumentRow) =>
    !(document.procurementId && scopes.procurementIds.has(document.procurementId)) &&
    !(document.meetingId && scopes.meetingIds.has(document.meetingId));
}

export async function getDocument(db: Db, user: CurrentUser, documentId: string, today: string) {
  const document = await loadDocument(db, documentId);
  await requireWorkspace(db, user, document.steeringGroupId, today);
  const [dto] = await toDocumentDtos(db, [document], today, await notConflicted(db, user));
  return dto!;
}

/** Content of a workspace document; case documents are read through their case (conflicts apply there). */
export async function readWorkspaceContent(
  db: Db,
  user: CurrentUser,
  documentId: string,
  version: number | undefined,
  today: string,
) {
  const document = await loadDocument(db, documentId);
  if (document.caseId)
    throw badRequest('Saksdokumenter hentes gjennom saken.', [
      { path: 'id', message: `/api/cases/${document.caseId}/documents/${document.id}` },
    ]);
  await requireWorkspace(db, user, document.steeringGroupId, today);
  const [dto] = await toDocumentDtos(db, [document], today, await notConflicted(db, user));
  if (!dto!.canRead) {
    throw forbidden('Du har meldt deg inhabil i saken dokumentet gjelder, og kan ikke lese unntatt innhold.');
  }
  const content = await repo.findContent(db, documentId, version);
  if (!content) throw notFound('Versjonen finnes ikke.');
  return content;
}

export { MAX_UPLOAD_BYTES };
