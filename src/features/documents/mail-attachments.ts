// Documents as e-mail attachments (the meeting invitation): decided when the mail is sent, from the access
// status in force then. Only public documents are attached (newest version, within a total size cap);
// partly exempt and exempt documents are never read here: the mail only says they are to be read in the
// portal. Their title is not shown either (a file name often names the supplier).
import type { Db } from '../../db/client.js';
import { publicTitle } from '../../domain/offentleglova.rules.js';
import { accessNow } from './documents.service.js';
import * as repo from './documents.repo.js';

/** The attachments of one mail together stay below this; beyond it documents are linked instead. */
export const MAX_MAIL_ATTACHMENT_BYTES = 15 * 1024 * 1024;

export type MailDocument =
  | {
      documentId: string;
      kind: 'attached';
      title: string;
      version: number;
      fileName: string;
      contentType: string;
      sizeBytes: number;
      content: Buffer;
    }
  | { documentId: string; kind: 'tooLarge'; title: string; fileName: string; sizeBytes: number }
  | { documentId: string; kind: 'exempt' };

/**
 * Resolves the referenced documents in the given order. A document that no longer exists is left out.
 * Content is loaded only for documents that are public today and fit in the cap.
 */
export async function resolveMailDocuments(
  db: Db,
  documentIds: string[],
  today: string,
  maxTotalBytes = MAX_MAIL_ATTACHMENT_BYTES,
): Promise<MailDocument[]> {
  const ids = [...new Set(documentIds)];
  const rows = new Map((await repo.listDocumentsById(db, ids)).map((row) => [row.id, row]));
  const [versions, awards] = await Promise.all([
    repo.listVersions(db, [...rows.keys()]),
    repo.awardDates(db, [
      ...new Set([...rows.values()].map((d) => d.procurementId).filter((id): id is string => id !== null)),
    ]),
  ]);
  const result: MailDocument[] = [];
  let total = 0;
  for (const id of ids) {
    const document = rows.get(id);
    if (!document) continue;
    const access = accessNow(
      document,
      document.procurementId ? awards.get(document.procurementId) : undefined,
      today,
    );
    // Public now: stored as public, or an exemption that has lifted (offl. § 23 tredje ledd at the award).
    const isPublic =
      access.accessStatus === 'public' && (document.accessStatus === 'public' || access.lifted);
    const newest = versions.filter((v) => v.documentId === id).sort((a, b) => b.version - a.version)[0];
    if (!isPublic) {
      result.push({ documentId: id, kind: 'exempt' });
      continue;
    }
    if (!newest) continue;
    const title = publicTitle(document.title, document.shieldedWords);
    if (total + newest.sizeBytes > maxTotalBytes) {
      result.push({
        documentId: id,
        kind: 'tooLarge',
        title,
        fileName: newest.fileName,
        sizeBytes: newest.sizeBytes,
      });
      continue;
    }
    const content = await repo.findContent(db, id, newest.version);
    if (!content) continue;
    total += content.sizeBytes;
    result.push({
      documentId: id,
      kind: 'attached',
      title,
      version: content.version,
      fileName: content.fileName,
      contentType: content.contentType,
      sizeBytes: content.sizeBytes,
      content: content.content,
    });
  }
  return result;
}
