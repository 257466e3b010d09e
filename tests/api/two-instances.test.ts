// Two app instances on one PostgreSQL database, each with its own connection pool, as behind a proxy:
// a session made on one works on the other, failed logins count across both, concurrent writes through both
// keep one intact audit chain, and their two mail dispatchers send each queued mail exactly once.
import type { AddressInfo } from 'node:net';
import { inArray, like } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { auditLog, mailOutbox, procurements } from '../../src/db/schema.js';
import { verifyAuditChain } from '../../src/features/audit/verify-audit-chain.js';
import { enqueueMail } from '../../src/features/notifications/notifications.repo.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { App } from '../../src/shared/http.js';
import { createSeededDatabase, TEST_TODAY, type TestDatabase } from '../support/databases.js';

describe('two app instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let secondPool: Database;
  let smtp: SMTPServer;
  const received: string[] = [];
  const apps: App[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push(/^Subject: (.*)$/m.exec(Buffer.concat(chunks).toString('utf8'))?.[1]?.trim() ?? '');
          setTimeout(callback, 20);
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    database = await createSeededDatabase('postgres');
    secondPool = await openDatabase({ kind: 'postgres', url: database.url! });
    for (const db of [database.db, secondPool.db])
      apps.push(
        await buildApp(
          {
            db,
            config: loadConfig({ LOG_LEVEL: 'silent', SMTP_URL: smtpUrl }),
            clock: fixedClock(TEST_TODAY),
          },
          { serveWeb: false },
        ),
      );
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await secondPool.close();
    await database.dispose();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const login = (app: App, username: string, password = 'demo') =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const cookieOf = (response: Awaited<ReturnType<typeof login>>) =>
    `styr_session=${response.cookies.find((c) => c.name === 'styr_session')!.value}`;

  it('shares sessions and the login throttle', async () => {
    const [a, b] = apps as [App, App];
    const cookie = cookieOf(await login(a, 'sekretariat'));
    const me = await b.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(
      (await b.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode,
    ).toBe(204);
    expect((await a.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    );

    for (let i = 0; i < 10; i += 1)
      expect((await login(i % 2 === 0 ? a : b, 'leder', `feil-${i}`)).statusCode).toBe(401);
    expect((await login(a, 'leder')).statusCode).toBe(429);
    expect((await login(b, 'leder')).statusCode).toBe(429);
  });

  it('keeps every write through both, with one audit chain', async () => {
    const cookies = await Promise.all(apps.map(async (app) => cookieOf(await login(app, 'sekretariat'))));
    const categoryCode = (
      await apps[0]!.inject({
        method: 'GET',
        url: '/api/procurements?limit=1',
        headers: { cookie: cookies[0]! },
      })
    ).json<{ items: Array<{ categoryCode: string }> }>().items[0]!.categoryCode;
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        apps[i % 2]!.inject({
          method: 'POST',
          url: '/api/procurements',
          headers: { cookie: cookies[i % 2]! },
          payload: { name: `To instanser ${i}`, categoryCode },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(40).fill(201));
    const stored = await database.db
      .select()
      .from(procurements)
      .where(like(procurements.name, 'To instanser %'));
    expect(stored).toHaveLength(40);
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(
        inArray(
          auditLog.entityId,
          stored.map((p) => p.id),
        ),
      );
    expect(entries.filter((e) => e.action === 'create')).toHaveLength(40);
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true });
  });

  it('sends each queued mail once although both instances drain the outbox', async () => {
    await Promise.all(apps.map((app) => app.mail!.drain()));
    const subjects = Array.from({ length: 12 }, (_, i) => `Felles utboks ${i + 1}`);
    await enqueueMail(
      database.db,
      subjects.map((subject) => ({ toAddress: 'mottaker@example.no', subject, textBody: '/' })),
    );
    const counts = await Promise.all(apps.map((app) => app.mail!.drain()));
    expect(counts[0]! + counts[1]!).toBe(12);
    expect(received.filter((s) => s.startsWith('Felles utboks')).sort()).toEqual([...subjects].sort());
    const rows = await database.db.select().from(mailOutbox).where(inArray(mailOutbox.subject, subjects));
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
  });
});
