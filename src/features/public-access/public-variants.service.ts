// Public variants of partly exempt documents. A PDF is redacted by the portal (pdf-redaction.ts: the text is
// removed from the file); any other format gets a variant the secretariat uploads. The original is kept and
// never served to the public; making a variant marks the document «delvis unntatt» (audited).
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { publicTitle, type LegalBasis } from '../../domain/offentleglova.rules.js';
import { badRequest, conflict, notFound } from '../../shared/app-error.js';
import type { CurrentUser } from '../auth/index.js';
import { documentsRepo } from '../documents/index.js';
import { checkFile } from '../documents/index.js';
import * as repo from './journal.repo.js';
import { extractPdfText, redactPdf } from './pdf-redaction.js';
import type { RedactInput, UploadVariantInput } from './public-access.schemas.js';

async function loadDocument(db: Db, documentId: string) {
  const document = await documentsRepo.findDocument(db, documentId);
  if (!document) throw notFound('Dokumentet finnes ikke.');
  return document;
}

/** A file name for the variant from the public title (the original file name may name what is shielded). */
export function variantFileName(title: string, extension: string) {
  const base = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return `${base || 'dokument'}-offentlig-versjon.${extension}`;
}

function toDto(row: repo.VariantMeta, matches?: Record<string, number>) {
  return { ...row, createdAt: row.createdAt.toISOString(), ...(matches ? { matches } : {}) };
}

async function storeVariant(
  db: Db,
  user: CurrentUser,
  document: documentsRepo.DocumentRow,
  variant: {
    sourceVersion: number;
    method: 'redacted' | 'uploaded';
    fileName: string;
    contentType: string;
    content: Buffer;
    legalBases: LegalBasis[];
    redactions: unknown;
  },
  today: string,
) {
  return writeAudited(db, user, async (tx, recordAudit) => {
    const row = await repo.insertVariant(tx, {
      documentId: document.id,
      sourceVersion: variant.sourceVersion,
      method: variant.method,
      fileName: variant.fileName,
      contentType: variant.contentType,
      sizeBytes: variant.content.length,
      sha256: createHash('sha256').update(variant.content).digest('hex'),
      content: variant.content,
      legalBases: variant.legalBases,
      redactions: variant.redactions,
      createdBy: user.username,
    });
    const reclassify =
      document.accessStatus !== 'partlyExempt'
        ? {
            accessStatus: 'partlyExempt' as const,
            legalBasis: document.legalBasis ?? variant.legalBases[0]!,
            classifiedOn: today,
          }
        : null;
    if (reclassify) await documentsRepo.updateDocument(tx, document.id, reclassify);
    await recordAudit({
      action: variant.method === 'redacted' ? 'redactDocument' : 'uploadPublicVariant',
      entityType: 'document',
      entityId: document.id,
      summary: `Offentlig versjon laget av ${publicTitle(document.title, document.shieldedWords)}`,
      before: reclassify
        ? { accessStatus: document.accessStatus, legalBasis: document.legalBasis }
        : undefined,
      after: {
        variantId: row.id,
        sourceVersion: variant.sourceVersion,
        sha256: row.sha256,
        legalBases: variant.legalBases,
        ...(reclassify ?? {}),
      },
    });
    return row;
  });
}

/** Redacts the newest version (a PDF) and stores the result as the document's public variant. */
export async function redactDocument(
  db: Db,
  user: CurrentUser,
  documentId: string,
  input: RedactInput,
  today: string,
) {
  const document = await loadDocument(db, documentId);
  if (input.words.length === 0 && input.areas.length === 0)
    throw badRequest('Oppgi ord eller områder som skal sladdes.', [
      { path: 'words', message: 'Ingenting å sladde' },
    ]);
  const original = await documentsRepo.findContent(db, documentId);
  if (!original) throw notFound('Dokumentet har ingen versjon.');
  if (original.contentType !== 'application/pdf')
    throw badRequest('Bare PDF kan sladdes i portalen; last opp en offentlig versjon for andre formater.', [
      { path: 'documentId', message: `Filtypen er ${original.contentType}` },
    ]);
  const words = [...new Set(input.words.map((w) => w.text))];
  const title = publicTitle(document.title, document.shieldedWords);
  const result = await redactPdf(
    original.content,
    { words, areas: input.areas.map(({ legalBasis: _basis, ...area }) => area) },
    title,
  );
  // Checked again by reading the result back: a word still there stops the variant from being stored.
  const remaining = (await extractPdfText(result.content)).join('\n').toLocaleLowerCase('nb');
  const survivors = words.filter((w) => remaining.includes(w.toLocaleLowerCase('nb')));
  if (survivors.length > 0)
    throw conflict(`Sladdingen fjernet ikke alt: ${survivors.length} ord finnes fortsatt i teksten.`);
  const legalBases = [...new Set([...input.words, ...input.areas].map((r) => r.legalBasis))];
  const row = await storeVariant(
    db,
    user,
    document,
    {
      sourceVersion: original.version,
      method: 'redacted',
      fileName: variantFileName(title, 'pdf'),
      contentType: 'application/pdf',
      content: result.content,
      legalBases,
      redactions: { words: input.words, areas: input.areas },
    },
    today,
  );
  return toDto(row, result.matches);
}

/** For formats the portal cannot redact: the secretariat uploads the public variant itself. */
export async function uploadVariant(
  db: Db,
  user: CurrentUser,
  documentId: string,
  input: UploadVariantInput,
  today: string,
) {
  const document = await loadDocument(db, documentId);
  const checked = checkFile(input);
  const newest = await documentsRepo.latestVersionNumber(db, documentId);
  if (newest === 0) throw notFound('Dokumentet har ingen versjon.');
  const extension = input.fileName.includes('.') ? input.fileName.split('.').pop()!.toLowerCase() : 'bin';
  const row = await storeVariant(
    db,
    user,
    document,
    {
      sourceVersion: newest,
      method: 'uploaded',
      fileName: variantFileName(publicTitle(document.title, document.shieldedWords), extension),
      contentType: input.contentType.toLowerCase(),
      content: checked.content,
      legalBases: input.legalBases,
      redactions: { uploaded: true },
    },
    today,
  );
  return toDto(row);
}

export async function listVariants(db: Db, documentId: string) {
  await loadDocument(db, documentId);
  const latest = await repo.latestVariants(db, [documentId]);
  const row = latest.get(documentId);
  return row ? [toDto(row)] : [];
}

export async function readVariant(db: Db, documentId: string) {
  const latest = (await repo.latestVariants(db, [documentId])).get(documentId);
  if (!latest) throw notFound('Dokumentet har ingen offentlig versjon.');
  const row = await repo.findVariantContent(db, latest.id);
  if (!row) throw notFound('Dokumentet har ingen offentlig versjon.');
  return row;
}
