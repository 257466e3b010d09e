// Sends the queued e-mail (mail_outbox) after the writing transaction has committed: kicked after every
// write request and polled by the background jobs. Failed sends are retried with backoff, five times.
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.js';
import * as repo from './notifications.repo.js';

const MAX_ATTEMPTS = 5;
const BATCH = 20;

export interface MailDispatcher {
  /** Sends everything due now; resolves when the outbox holds no due mail (or sending failed). */
  drain(): Promise<number>;
  /** Starts a drain soon without waiting for it. */
  kick(): void;
  close(): void;
}

/** The mail text: what happened and a link, nothing more (never exempt content). */
export function composeMailText(subject: string, link: string, publicUrl: string): string {
  const url = /^https?:\/\//.test(link) ? link : `${publicUrl}${link.startsWith('/') ? '' : '/'}${link}`;
  return [
    subject,
    '',
    'Les mer i Styringsportalen (krever innlogging):',
    url,
    '',
    'Denne e-posten er sendt automatisk fra Styringsportalen og inneholder bare en lenke til saken.',
  ].join('\n');
}

export function createMailDispatcher(options: {
  db: Db;
  smtpUrl: string;
  from: string;
  publicUrl: string;
  onError?: (error: unknown) => void;
}): MailDispatcher {
  const transport = nodemailer.createTransport(options.smtpUrl);

  const sendBatch = () =>
    options.db.transaction(async (tx) => {
      const rows = await repo.claimDueMail(tx, BATCH);
      let sent = 0;
      for (const row of rows) {
        try {
          await transport.sendMail({
            from: options.from,
            to: row.toAddress,
            subject: row.subject,
            text: composeMailText(row.subject, row.textBody, options.publicUrl),
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
          await repo.markMailSent(tx, row.id);
          sent += 1;
        } catch (error) {
          const attempts = row.attempts + 1;
          await repo.markMailFailed(tx, row.id, attempts, (error as Error).message, attempts >= MAX_ATTEMPTS);
          options.onError?.(error);
        }
      }
      return { claimed: rows.length, sent };
    });

  const drainOnce = async () => {
    let total = 0;
    for (;;) {
      const { claimed, sent } = await sendBatch();
      total += sent;
      if (claimed < BATCH || sent === 0) return total;
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
