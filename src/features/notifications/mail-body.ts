// What a queued mail (mail_outbox.text_body) holds: the link, and for some notices plain lines (an
// invitation's agenda) and documents by reference. A plain link (older rows) is read as { link }.
// Documents are stored by id only: whether one is attached is decided when the mail is sent, from the access
// status in force then, so no document content is ever copied into the outbox.
import { z } from 'zod';

export const mailBodySchema = z.object({
  link: z.string(),
  /** Plain lines for the mail text; never exempt content (the caller's promise). */
  lines: z.array(z.string()).default([]),
  /** Documents to attach if public when sent; label says where they belong (e.g. "Sak 2"). */
  documents: z.array(z.object({ id: z.string(), label: z.string() })).default([]),
  /** Public variants (redacted versions) to attach, by id: public by construction (public-access). */
  variants: z.array(z.object({ id: z.string(), label: z.string() })).default([]),
  /** 'public': a mail to someone outside the portal (an access request's answer): no login link. */
  audience: z.enum(['members', 'public']).default('members'),
});
export type MailBody = z.infer<typeof mailBodySchema>;

export function encodeMailBody(body: z.input<typeof mailBodySchema>): string {
  const { link, lines = [], documents = [], variants = [], audience = 'members' } = body;
  // A bare link stays a bare link: the outbox reads the same as before for ordinary notices.
  if (lines.length === 0 && documents.length === 0 && variants.length === 0 && audience === 'members')
    return link;
  return JSON.stringify({ link, lines, documents, variants, audience });
}

export function decodeMailBody(text: string): MailBody {
  if (text.startsWith('{')) {
    try {
      const parsed = mailBodySchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: a link
    }
  }
  return { link: text, lines: [], documents: [], variants: [], audience: 'members' };
}
