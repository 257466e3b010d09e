// E-mail leaves with no database transaction open: while an SMTP server takes 10 s to answer, the API (reads
// and writes) answers as fast as without it — on PGlite too, which has one connection — and two dispatchers
// on one database never send the same mail twice.
import type { AddressInfo } from 'node:net';
import { eq, inArray } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { mailOutbox } from '../../src/db/schema.js';
import { createMailDispatcher } from '../../src/features/notifications/mail-dispatcher.js';
import { enqueueMail } from '../../src/features/notifications/notifications.repo.js';
import { encodeMailBody } from '../../src/features/notifications/mail-body.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { App } from '../../src/shared/http.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';

/** An SMTP server that holds every DATA command `delayMs` before it answers; it records the subjects. */
async function slowSmtpServer(delayMs: () => number) {
  const subjects: string[] = [];
  const started: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        started.splice(0).forEach((resolve) => resolve());
        setTimeout(() => {
          subjects.push(/^Subject: (.*)$/m.exec(Buffer.concat(chunks).toString('utf8'))?.[1]?.trim() ?? '');
          callback();
        }, delayMs());
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    subjects,
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    /** Resolves when the next mail's data has arrived and the server starts holding its answer. */
    nextMailArrived: () => new Promise<void>((resolve) => started.push(resolve)),
  };
}

const queue = (database: TestDatabase, subjects: string[]) =>
  enqueueMail(
    database.db,
    subjects.map((subject) => ({
      toAddress: 'mottaker@example.no',
      subject,
      textBody: encodeMailBody({ link: '/', lines: [], documents: [], variants: [] }),
    })),
  );

describe.each(databaseKinds)('mail outside transactions on %s', (kind) => {
  let database: TestDatabase;
  let smtp: Awaited<ReturnType<typeof slowSmtpServer>>;
  let app: App;
  let delay = 10_000;

  beforeAll(async () => {
    smtp = await slowSmtpServer(() => delay);
    database = await createSeededDatabase(kind);
    app = await buildApp(
      {
        db: database.db,
        config: loadConfig({ LOG_LEVEL: 'silent', SMTP_URL: smtp.url }),
        clock: fixedClock(TEST_TODAY),
      },
      { serveWeb: false },
    );
  });
  afterAll(async () => {
    await app.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    await database.dispose();
  });

  it('answers API requests at full speed while the SMTP server takes 10 s', { timeout: 60_000 }, async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sekretariat', password: 'demo' },
    });
    const cookie = `styr_session=${login.cookies.find((c) => c.name === 'styr_session')!.value}`;
    await app.mail!.drain();
    await queue(database, ['Treg e-post']);
    const arrived = smtp.nextMailArrived();
    const sending = app.mail!.drain();
    await arrived;

    const started = performance.now();
    const slowest: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      for (const request of [
        { method: 'GET' as const, url: '/api/procurements' },
        { method: 'GET' as const, url: '/api/audit?limit=5' },
        { method: 'POST' as const, url: '/api/auth/logout' },
      ]) {
        const begin = performance.now();
        const response = await app.inject({ ...request, headers: { cookie } });
        slowest.push(performance.now() - begin);
        expect(response.statusCode, request.url).toBeLessThan(500);
      }
    }
    const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.subject, 'Treg e-post'));
    // All of that happened while the mail server still held its answer.
    expect(smtp.subjects).not.toContain('Treg e-post');
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(Math.max(...slowest)).toBeLessThan(2_000);

    expect(await sending).toBe(1);
    expect(smtp.subjects).toContain('Treg e-post');
    const [sent] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.subject, 'Treg e-post'));
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('sends each mail once when two dispatchers drain the same outbox', { timeout: 60_000 }, async () => {
    delay = 300;
    await app.mail!.drain(); // the drains the logouts above asked for, so only the two below take part
    const subjects = Array.from({ length: 6 }, (_, i) => `Parallell ${i + 1}`);
    await queue(database, subjects);
    const dispatchers = [1, 2].map(() =>
      createMailDispatcher({
        db: database.db,
        smtpUrl: smtp.url,
        from: 'Styringsportalen <noreply@styringsportalen.no>',
        publicUrl: 'http://localhost:3000',
        clock: fixedClock(TEST_TODAY),
      }),
    );
    try {
      const counts = await Promise.all(dispatchers.map((dispatcher) => dispatcher.drain()));
      expect(counts[0]! + counts[1]!).toBe(6);
      // Both took part: while one holds a leased mail, the other claims the next.
      expect(Math.min(...counts)).toBeGreaterThan(0);
    } finally {
      dispatchers.forEach((dispatcher) => dispatcher.close());
    }
    expect(smtp.subjects.filter((subject) => subject.startsWith('Parallell')).sort()).toEqual(
      subjects.sort(),
    );
    const rows = await database.db.select().from(mailOutbox).where(inArray(mailOutbox.subject, subjects));
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
  });
});
