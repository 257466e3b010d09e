// The documents feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export * as documentsRepo from './documents.repo.js';
export type { DocumentRow } from './documents.repo.js';
export { documentSchema } from './documents.schemas.js';
export {
  accessNow,
  checkAccessInput,
  checkFile,
  listGroupDocuments,
  storeNewDocument,
  toDocumentDtos,
} from './documents.service.js';
export type { DocumentJournal } from './documents.service.js';
export { MAX_MAIL_ATTACHMENT_BYTES, resolveMailDocuments } from './mail-attachments.js';
export type { MailDocument } from './mail-attachments.js';
export { uploadDocument } from './documents.service.js';
