// Two real servers (src/main.ts, each its own process, pool, job timer and mail dispatcher) started at the same
// moment on one empty PostgreSQL database and one shared data folder, as N instances behind a proxy: sessions
// work on both, votes and meeting invitations driven through both at once are each applied once, and every
// queued mail reaches the (real) SMTP server exactly once although both dispatchers and both job runners race.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { verifyAuditChain } from '../../src/features/audit/verify-audit-chain.js';
import { addDays } from '../../src/shared/calendar-date.js';
import { osloInstant } from '../../src/shared/clock.js';
import { createTestDatabase, TEST_TODAY, type TestDatabase } from '../support/databases.js';
import {
  clientWithCookie,
  loginTo,
  startServerProcess,
  type Client,
  type ServerProcess,
} from '../support/server-process.js';

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('two servers on one PostgreSQL database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-two-servers-'));
  let database: TestDatabase;
  let smtp: SMTPServer;
  /** Every message the SMTP server accepted: one line per recipient and subject. */
  const delivered: string[] = [];
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          simpleParser(Buffer.concat(chunks)).then(
            (mail) => {
              for (const to of session.envelope.rcptTo)
                delivered.push(`${to.address} | ${mail.subject ?? ''}`);
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    database = await createTestDatabase('postgres', { migrated: false });
    const env = {
      DATABASE_URL: database.url!,
      STYR_DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      STYR_JOB_INTERVAL_SECONDS: '1',
      STYR_PUBLIC_URL: 'http://portal.test',
    };
    // Both at once on the empty database: one migrates and seeds, the other waits for it.
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.dispose();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const on = (index: number, client: Client) => clientWithCookie(servers[index % 2]!.url, client.cookie);

  it('started both on the empty database, seeded once', async () => {
    const [counts] = await rows<{ users: string; groups: string }>(
      database.db,
      sql`select (select count(*) from user_accounts where username = 'sekretariat') as users,
                 (select count(*) from steering_groups where code = 'KIR') as groups`,
    );
    expect(counts).toEqual({ users: '1', groups: '1' });
    for (const server of servers) expect(server.child.exitCode).toBeNull();
  });

  it('keeps a session made on one server valid on the other, and ends it on both', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const session = await loginTo(a.url, 'kontakt');
    const other = clientWithCookie(b.url, session.cookie);
    expect(await other.request('GET', '/api/auth/me')).toMatchObject({
      status: 200,
      body: { username: 'kontakt' },
    });
    expect((await other.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await session.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('answers the spend KPIs alike from the one shared spend store (one holds engine.duckdb)', async () => {
    const answers = await Promise.all(
      servers.map(async (server) =>
        (await loginTo(server.url, 'sekretariat')).request('GET', '/api/spend/kpis'),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0]!.body).toEqual(answers[1]!.body);
    expect(JSON.stringify(answers[0]!.body)).toMatch(/\d/);
    expect(fs.existsSync(path.join(dataDir, 'spend', 'engine.duckdb'))).toBe(true);
    // Exactly one of the two processes could open the engine file; the other said it computes in memory.
    const inMemory = servers.filter((server) => server.stderr().includes('KPI-motoren regner i minnet'));
    expect(inMemory).toHaveLength(1);
  });

  it(
    'applies every vote through both servers exactly once, and sends each invitation and mail once',
    { timeout: 240_000 },
    async () => {
      // Every person gets an address, so each notification below becomes a mail.
      await database.db.execute(
        sql`update people set email = 'person-' || id || '@demo.styringsportalen.no' where email is null`,
      );
      const secretariat = await loginTo(servers[0]!.url, 'sekretariat');
      const voters = await Promise.all(
        ['kir-hn', 'kir-hmn', 'medlem', 'kir-hso'].map((username, i) =>
          loginTo(servers[i % 2]!.url, username),
        ),
      );
      const template = (await secretariat.request('GET', '/api/procurements?q=Ablasjon')).body as {
        items: Array<{ id: string }>;
      };
      const hfs = (
        (await secretariat.request('GET', `/api/procurements/${template.items[0]!.id}`)).body as {
          participatingHfIds: string[];
        }
      ).participatingHfIds;

      // Six cases, created alternately through the two servers.
      const CASES = 6;
      const caseIds = await Promise.all(
        Array.from({ length: CASES }, async (_, i) => {
          const procurement = await on(i, secretariat).request('POST', '/api/procurements', {
            name: `To servere ${i}`,
            categoryCode: 'KIR',
            participatingHfIds: hfs,
          });
          expect(procurement.status).toBe(201);
          const submitted = await on(i + 1, secretariat).request(
            'POST',
            `/api/procurements/${(procurement.body as { id: string }).id}/cases`,
            { gate: 'significance', title: `To servere sak ${i}`, text: 'x', proposedSignificance: 'lav' },
          );
          expect(submitted.status).toBe(201);
          return (submitted.body as { id: string }).id;
        }),
      );

      // Every member votes on every case, and sends each vote to both servers at the same moment.
      const votes = await Promise.all(
        caseIds.flatMap((caseId) =>
          voters.flatMap((voter) =>
            [0, 1].map(async (server) => ({
              caseId,
              voter: voter.cookie,
              response: await on(server, voter).request('POST', `/api/cases/${caseId}/votes`, {
                vote: 'approve',
              }),
            })),
          ),
        ),
      );
      for (const { response } of votes) expect([200, 409]).toContain(response.status);
      // A refused duplicate is only ever one that came after its case was decided.
      for (const { response } of votes.filter((v) => v.response.status === 409))
        expect((response.body as { detail: string }).detail).toBe(
          'Saken er ikke lenger åpen for stemmegivning.',
        );
      // Each (case, member) pair got at least one of its two requests through.
      for (const caseId of caseIds)
        for (const voter of voters)
          expect(
            votes.some((v) => v.caseId === caseId && v.voter === voter.cookie && v.response.status === 200),
          ).toBe(true);

      const stored = await rows<{ case_id: string; votes: string; people: string }>(
        database.db,
        sql`select case_id, count(*) as votes, count(distinct person_id) as people from case_votes
            where case_id in (${sql.join(
              caseIds.map((id) => sql`${id}`),
              sql`, `,
            )}) group by case_id`,
      );
      expect(stored).toHaveLength(CASES);
      for (const row of stored) expect(row).toMatchObject({ votes: '4', people: '4' });
      const decided = await Promise.all(
        caseIds.map(
          async (id) =>
            (await secretariat.request('GET', `/api/cases/${id}`)).body as {
              status: string;
              decisionNumber: string;
            },
        ),
      );
      expect(decided.map((c) => c.status)).toEqual(Array(CASES).fill('approved'));
      expect(new Set(decided.map((c) => c.decisionNumber)).size).toBe(CASES);
      // One audit entry per vote applied (every 200), none for a refused duplicate.
      const [voteAudits] = await rows<{ count: string }>(
        database.db,
        sql`select count(*) from audit_log where action = 'vote' and entity_id in (${sql.join(
          caseIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
      expect(Number(voteAudits!.count)).toBe(votes.filter((v) => v.response.status === 200).length);

      // Meetings whose invitations are due now: both servers' jobs (every second) race to send them.
      const groups = (await secretariat.request('GET', '/api/steering-groups')).body as Array<{
        id: string;
        code: string;
      }>;
      const meetingGroups = groups.filter((g) => ['KIR', 'LAB', 'HR'].includes(g.code));
      const meetingDay = addDays(TEST_TODAY, 5);
      const meetingIds = await Promise.all(
        meetingGroups.map(async (group, i) => {
          const created = await on(i, secretariat).request(
            'POST',
            `/api/steering-groups/${group.id}/meetings`,
            {
              title: `To servere møte ${group.code}`,
              startsAt: osloInstant(meetingDay, '10:00').toISOString(),
              endsAt: osloInstant(meetingDay, '12:00').toISOString(),
              invitationDaysBefore: 7,
            },
          );
          expect(created.status).toBe(201);
          return (created.body as { id: string }).id;
        }),
      );
      const inList = sql.join(
        meetingIds.map((id) => sql`${id}`),
        sql`, `,
      );
      await until('the invitations and the outbox', async () => {
        const [state] = await rows<{ unsent: string; pending: string }>(
          database.db,
          sql`select (select count(*) from meetings where id in (${inList}) and invitation_sent_at is null) as unsent,
                     (select count(*) from mail_outbox where status <> 'sent') as pending`,
        );
        return state!.unsent === '0' && state!.pending === '0';
      });
      const invitations = await rows<{ entity_id: string; actor_username: string }>(
        database.db,
        sql`select entity_id, actor_username from audit_log where action = 'sendInvitation' and entity_id in (${inList})`,
      );
      expect(invitations.map((i) => i.entity_id).sort()).toEqual([...meetingIds].sort());
      expect(invitations.every((i) => i.actor_username === 'sekretariat-jobb')).toBe(true);

      // Every mail queued (the cases, the decisions, the invitations, the demo's own) went out exactly once.
      const outbox = await rows<{ to_address: string; subject: string; status: string; attempts: number }>(
        database.db,
        sql`select to_address, subject, status, attempts from mail_outbox`,
      );
      const invitationMails = outbox.filter((m) => m.subject.startsWith('Innkalling: '));
      expect(invitationMails.length).toBeGreaterThanOrEqual(meetingIds.length * 4);
      expect(outbox.every((m) => m.status === 'sent' && m.attempts === 1)).toBe(true);
      // Give a straggling SMTP transaction a moment, then compare the two lists as multisets.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect([...delivered].sort()).toEqual(outbox.map((m) => `${m.to_address} | ${m.subject}`).sort());

      expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true });
      for (const server of servers) expect(server.child.exitCode).toBeNull();
    },
  );
});
