// Sends the queued e-mail (mail_outbox) after the writing transaction has committed: kicked after every
// write request and polled by the background jobs. Failed sends are retried with backoff, five times.
// No transaction is open while SMTP talks: a mail is claimed (leased) in one statement, sent, then marked in
// another, so a slow mail server never holds a database connection (PGlite has only one).
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import { MAX_MAIL_ATTACHMENT_BYTES, resolveMailDocuments, type MailDocument } from '../documents/index.js';
import { resolveVariantAttachments } from '../public-access/index.js';
import { decodeMailBody } from './mail-body.js';
import * as repo from './notifications.repo.js';

const MAX_ATTEMPTS = 5;
/** SMTP gives up well within the lease (connection, greeting, each socket read), so no lease runs out mid-send. */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
const LEASE_SECONDS = 300;

export interface MailDispatcher {
  /** Sends everything due now; resolves when the outbox holds no due mail (or sending failed). */
  drain(): Promise<number>;
  /** Starts a drain soon without waiting for it. */
  kick(): void;
  close(): void;
}

const absolute = (link: string, publicUrl: string) =>
  /^https?:\/\//.test(link) ? link : `${publicUrl}${link.startsWith('/') ? '' : '/'}${link}`;

const megabytes = (bytes: number) =>
  `${(bytes / 1024 / 1024).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} MB`;

/** One line per referenced document: attached, too large to attach, or exempt (nothing about it but a link). */
export function documentLines(documents: Array<MailDocument & { label: string }>, url: string): string[] {
  return documents.map((d) => {
    const where = d.label ? `${d.label}: ` : '';
    if (d.kind === 'attached') return `- ${where}${d.title} (${d.fileName}, versjon ${d.version}) – vedlagt`;
    if (d.kind === 'tooLarge')
      return (
        `- ${where}${d.title} (${d.fileName}, ${megabytes(d.sizeBytes)}) – ikke vedlagt: vedleggene ville ` +
        `blitt over ${megabytes(MAX_MAIL_ATTACHMENT_BYTES)} til sammen. Les i portalen: ${url}`
      );
    return `- ${where}Unntatt offentlighet – les i portalen: ${url}`;
  });
}

/**
 * The mail text: what happened and a link; for an invitation also the agenda and the documents (public
 * ones attached, the others only named as exempt with the link). Never exempt content.
 */
export function composeMailText(
  subject: string,
  link: string,
  publicUrl: string,
  extra: {
    lines?: string[];
    documents?: Array<MailDocument & { label: string }>;
    audience?: 'members' | 'public';
    variantLines?: string[];
  } = {},
): string {
  const url = absolute(link, publicUrl);
  const lines = extra.lines ?? [];
  const documents = extra.documents ?? [];
  if (extra.audience === 'public') {
    // To someone outside the portal: the letter itself, what is attached, and the public journal.
    const attachedLines = [
      ...documents.map((d) =>
        d.kind === 'attached'
          ? `- ${d.title} (${d.fileName}) – vedlagt`
          : d.kind === 'tooLarge'
            ? `- ${d.title} (${d.fileName}) – for stor til vedlegg, last ned fra offentlig journal: ${url}`
            : `- Unntatt offentlighet – ikke vedlagt`,
      ),
      ...(extra.variantLines ?? []),
    ];
    return [
      ...lines,
      '',
      ...(attachedLines.length > 0 ? ['Vedlegg:', ...attachedLines, ''] : []),
      `Offentlig journal: ${url}`,
    ].join('\n');
  }
  const attached = documents.some((d) => d.kind === 'attached');
  return [
    subject,
    '',
    ...(lines.length > 0 ? [...lines, ''] : []),
    ...(documents.length > 0 ? ['Dokumenter:', ...documentLines(documents, url), ''] : []),
    'Les mer i Styringsportalen (krever innlogging):',
    url,
    '',
    attached
      ? 'Denne e-posten er sendt automatisk fra Styringsportalen. Bare offentlige dokumenter er vedlagt; ' +
        'dokumenter unntatt offentlighet leses i portalen.'
      : 'Denne e-posten er sendt automatisk fra Styringsportalen og inneholder bare en lenke til saken.',
  ].join('\n');
}

export function createMailDispatcher(options: {
  db: Db;
  smtpUrl: string;
  from: string;
  publicUrl: string;
  onError?: (error: unknown) => void;
  /** The app's clock: the day whose access status decides what is attached. */
  clock: Clock;
}): MailDispatcher {
  const transport = nodemailer.createTransport({ url: options.smtpUrl, ...SMTP_TIMEOUTS });

  const send = async (row: NonNullable<Awaited<ReturnType<typeof repo.claimNextMail>>>) => {
    const body = decodeMailBody(row.textBody);
    // Resolved now, from the access status in force when the mail leaves (stored by reference only).
    const labels = new Map(body.documents.map((d) => [d.id, d.label]));
    const documents = (
      await resolveMailDocuments(
        options.db,
        body.documents.map((d) => d.id),
        options.clock.today(),
      )
    ).map((d) => ({ ...d, label: labels.get(d.documentId) ?? '' }));
    const variants = await resolveVariantAttachments(
      options.db,
      body.variants.map((v) => v.id),
    );
    await transport.sendMail({
      from: options.from,
      to: row.toAddress,
      subject: row.subject,
      text: composeMailText(row.subject, body.link, options.publicUrl, {
        lines: body.lines,
        documents,
        audience: body.audience,
        variantLines: variants.map(
          (v) => `- ${v.title} (${v.fileName}, sladdet offentlig versjon) – vedlagt`,
        ),
      }),
      attachments: [
        ...documents.flatMap((d) =>
          d.kind === 'attached'
            ? [{ filename: d.fileName, content: d.content, contentType: d.contentType }]
            : [],
        ),
        ...variants.map((v) => ({ filename: v.fileName, content: v.content, contentType: v.contentType })),
      ],
      ...(row.icalendar
        ? {
            icalEvent: {
              method: row.icalendarMethod ?? 'PUBLISH',
              filename: 'mote.ics',
              content: row.icalendar,
            },
          }
        : {}),
    });
  };

  /** Claims, sends and marks one mail; false when nothing is due. */
  const sendNext = async (): Promise<{ claimed: boolean; sent: boolean }> => {
    const row = await repo.claimNextMail(options.db, LEASE_SECONDS);
    if (!row) return { claimed: false, sent: false };
    try {
      await send(row);
    } catch (error) {
      await repo.markMailFailed(
        options.db,
        row.id,
        row.attempts,
        (error as Error).message,
        row.attempts >= MAX_ATTEMPTS,
      );
      options.onError?.(error);
      return { claimed: true, sent: false };
    }
    await repo.markMailSent(options.db, row.id);
    return { claimed: true, sent: true };
  };

  // A failed mail waits for its backoff, so the loop ends when nothing is due.
  const drainOnce = async () => {
    let total = 0;
    for (;;) {
      const { claimed, sent } = await sendNext();
      if (!claimed) return total;
      if (sent) total += 1;
    }
  };

  // One drain at a time in this process: a drain asked for while one runs starts after it.
  let queue: Promise<unknown> = Promise.resolve();
  const drain = (): Promise<number> => {
    const next = queue.catch(() => undefined).then(drainOnce);
    queue = next;
    return next;
  };

  return {
    drain,
    kick() {
      drain().catch((error: unknown) => options.onError?.(error));
    },
    close() {
      transport.close();
    },
  };
}
