// Public variants as e-mail attachments (the answer to an access request). A variant is public by
// construction — what was shielded has been removed from the file — so it is attached as it is; the title
// shown is the document's public title.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { documents, publicVariants } from '../../db/schema.js';
import { publicTitle } from '../../domain/offentleglova.rules.js';

export async function resolveVariantAttachments(db: Db, variantIds: string[]) {
  if (variantIds.length === 0) return [];
  const rows = await db
    .select({
      variant: publicVariants,
      document: { title: documents.title, shieldedWords: documents.shieldedWords },
    })
    .from(publicVariants)
    .innerJoin(documents, eq(documents.id, publicVariants.documentId))
    .where(inArray(publicVariants.id, [...new Set(variantIds)]));
  return rows.map(({ variant, document }) => ({
    id: variant.id,
    title: publicTitle(document.title, document.shieldedWords),
    fileName: variant.fileName,
    contentType: variant.contentType,
    content: variant.content,
  }));
}
