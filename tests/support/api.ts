// Shared pieces of the API tests: the app on a seeded database at the test day, demo logins as session
// cookies, and an SMTP server that catches what the app sends.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { App } from '../../src/shared/http.js';
import { TEST_TODAY } from './databases.js';

/** The app (no web) on `db`, its clock fixed at the test day, silent, with `env` on top of the defaults. */
export function buildTestApp(db: Db, env: Record<string, string> = {}): Promise<App> {
  return buildApp(
    { db, config: loadConfig({ LOG_LEVEL: 'silent', ...env }), clock: fixedClock(TEST_TODAY) },
    { serveWeb: false },
  );
}

/** Logs the demo user in (password demo); the `cookie` header of its session. */
export async function sessionCookie(app: App, username: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'demo' },
  });
  return `styr_session=${response.cookies.find((c) => c.name === 'styr_session')!.value}`;
}

/** Logs every demo user in, into `cookies` (username → cookie header). */
export async function logInAll(app: App, usernames: readonly string[], cookies: Record<string, string>) {
  for (const username of usernames) cookies[username] = await sessionCookie(app, username);
}

export interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
  raw: string;
  /** The METHOD of the iCalendar object attached, if any. */
  calendarMethod: string | null;
  /** Everything attached but the iCalendar object. */
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
}

export interface MailCatcher {
  /** `SMTP_URL` for the app. */
  readonly url: string;
  /** Every message accepted, in order. */
  readonly mails: CaughtMail[];
  close(): Promise<void>;
}

/** An SMTP server on a free local port that parses every message and keeps it in `mails`. */
export async function startMailCatcher(mails: CaughtMail[] = []): Promise<MailCatcher> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          const calendar = parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            raw,
            calendarMethod: calendar
              ? (/METHOD:(\w+)/.exec(calendar.content.toString('utf8'))?.[1] ?? null)
              : null,
            attachments: parsed.attachments
              .filter((a) => !/calendar|ics/.test(a.contentType) && a.filename !== 'mote.ics')
              .map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })),
          });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
