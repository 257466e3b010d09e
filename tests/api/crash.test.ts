// Crash proof: the real server (src/main.ts in its own process) is killed with SIGKILL in the middle of a
// burst of writes — members' votes, procurements created and edited, documents uploaded — on PGlite and on
// PostgreSQL. After a restart every acknowledged write is there with its audit entry, nothing exists without
// one (a vote without its entry, a case decided without all its votes or left open with them), and the audit
// hash chain is intact.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/client.js';
import { verifyAuditChain } from '../../src/features/audit/verify-audit-chain.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { loginTo, startServerProcess, type ServerProcess } from '../support/server-process.js';

async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'sekretariat', password: 'demo' }),
  });
  expect(response.status).toBe(200);
  return /styr_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0];
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

describe.each(databaseKinds)('SIGKILL during a burst of writes on %s', (kind) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-crash-'));
  let postgres: TestDatabase | undefined;
  const servers: ServerProcess[] = [];

  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await postgres?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'keeps every acknowledged write with its audit entry, and nothing half-written',
    { timeout: 300_000 },
    async () => {
      if (kind === 'postgres') postgres = await createTestDatabase('postgres', { migrated: false });
      const env: Record<string, string> = postgres
        ? { DATABASE_URL: postgres.url!, STYR_DATA_DIR: dataDir }
        : { STYR_DATA_DIR: dataDir };
      const first = await startServerProcess(env);
      servers.push(first);
      const cookie = await login(first.url);
      const headers = { cookie, 'content-type': 'application/json' };
      const some = (await (await fetch(`${first.url}/api/procurements?limit=1`, { headers })).json()) as {
        items: Array<{ categoryCode: string }>;
      };
      const categoryCode = some.items[0]!.categoryCode;
      const groups = (await (await fetch(`${first.url}/api/steering-groups`, { headers })).json()) as Array<{
        id: string;
      }>;

      // Cases open for the four members' votes (the fourth vote decides a case, in the same transaction).
      const template = (await (
        await fetch(`${first.url}/api/procurements?q=Ablasjon`, { headers })
      ).json()) as { items: Array<{ id: string }> };
      const { participatingHfIds } = (await (
        await fetch(`${first.url}/api/procurements/${template.items[0]!.id}`, { headers })
      ).json()) as { participatingHfIds: string[] };
      const CASES = 24;
      const caseIds: string[] = [];
      for (let i = 0; i < CASES; i += 1) {
        const procurement = await fetch(`${first.url}/api/procurements`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ name: `Krasjsak ${i}`, categoryCode: 'KIR', participatingHfIds }),
        });
        expect(procurement.status).toBe(201);
        const submitted = await fetch(
          `${first.url}/api/procurements/${((await procurement.json()) as { id: string }).id}/cases`,
          {
            method: 'POST',
            headers,
            body: JSON.stringify({
              gate: 'significance',
              title: `Krasjsak ${i}`,
              text: 'Stemmes over under krasjtesten.',
              proposedSignificance: 'lav',
            }),
          },
        );
        expect(submitted.status).toBe(201);
        caseIds.push(((await submitted.json()) as { id: string }).id);
      }
      const voters = await Promise.all(
        ['kir-hn', 'kir-hmn', 'medlem', 'kir-hso'].map(async (username) => {
          const client = await loginTo(first.url, username);
          const me = (await client.request('GET', '/api/auth/me')).body as { personId: string };
          return { username, personId: me.personId, client };
        }),
      );

      const votedFor = new Set<string>(); // `${caseId} ${personId}`, acknowledged
      const created = new Map<string, string>(); // id → name
      const edited = new Map<string, string>(); // id → description
      const uploaded = new Set<string>();
      let acknowledged = 0;
      const KILL_AFTER = 45;
      let killed = false;
      const acknowledge = () => {
        acknowledged += 1;
        // Killed with writes of every kind behind it (and more of each kind in flight).
        if (
          acknowledged >= KILL_AFTER &&
          votedFor.size >= 8 &&
          created.size >= 5 &&
          uploaded.size >= 5 &&
          !killed
        ) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      };
      const worker = async (w: number) => {
        for (let n = 0; !killed; n += 1) {
          try {
            const name = `Krasjtest ${w}-${n}`;
            const response = await fetch(`${first.url}/api/procurements`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ name, categoryCode }),
            });
            if (response.status !== 201) throw new Error(`create ${response.status}`);
            const { id } = (await response.json()) as { id: string };
            created.set(id, name);
            acknowledge();
            const description = `Endret etter opprettelse ${w}-${n}`;
            const patch = await fetch(`${first.url}/api/procurements/${id}`, {
              method: 'PATCH',
              headers,
              body: JSON.stringify({ description }),
            });
            if (patch.status !== 200) throw new Error(`edit ${patch.status}`);
            edited.set(id, description);
            acknowledge();
            const upload = await fetch(
              `${first.url}/api/steering-groups/${groups[w % groups.length]!.id}/documents`,
              {
                method: 'POST',
                headers,
                body: JSON.stringify({
                  fileName: `krasj-${w}-${n}.txt`,
                  contentType: 'text/plain',
                  contentBase64: Buffer.from(`Krasjtest ${w}-${n}\n`.repeat(200)).toString('base64'),
                  title: `Krasjdokument ${w}-${n}`,
                }),
              },
            );
            if (upload.status !== 201) throw new Error(`upload ${upload.status}`);
            uploaded.add(((await upload.json()) as { id: string }).id);
            acknowledge();
          } catch (error) {
            if (killed) return; // the connection died with the server
            throw error;
          }
        }
      };
      // Each member walks the cases from another starting point, so at the kill some cases have one, two or
      // three votes, and a deciding fourth vote may be in flight.
      const voter = async (v: number) => {
        const { personId, client } = voters[v]!;
        for (let n = 0; n < CASES && !killed; n += 1) {
          const caseId = caseIds[(n + v * 6) % CASES]!;
          try {
            const response = await client.request('POST', `/api/cases/${caseId}/votes`, { vote: 'approve' });
            if (response.status !== 200) throw new Error(`vote ${response.status}`);
            votedFor.add(`${caseId} ${personId}`);
            acknowledge();
          } catch (error) {
            if (killed) return;
            throw error;
          }
        }
      };
      await Promise.all([...[0, 1, 2, 3, 4, 5].map(worker), ...[0, 1, 2, 3].map(voter)]);
      expect(await first.exited).toBeNull(); // killed by the signal, not exited
      expect(acknowledged).toBeGreaterThanOrEqual(KILL_AFTER);

      // Restart on the same data: it must come up (PGlite recovers its folder) and serve the writes.
      const second = await startServerProcess(env);
      servers.push(second);
      const again = { cookie: await login(second.url) };
      for (const [id, name] of created) {
        const response = await fetch(`${second.url}/api/procurements/${id}`, { headers: again });
        expect(response.status, `procurement ${name}`).toBe(200);
        const procurement = (await response.json()) as { name: string; description: string | null };
        expect(procurement.name).toBe(name);
        if (edited.has(id)) expect(procurement.description).toBe(edited.get(id));
      }
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);

      const database = postgres ?? (await openDatabase({ kind: 'pglite', dataDir }));
      try {
        const db = database.db;
        const procurements = await rows<{ id: string; audited: number; updates: number }>(
          db,
          sql`select p.id,
              (select count(*)::int from audit_log a where a.entity_type = 'procurement' and a.entity_id = p.id::text and a.action = 'create') as audited,
              (select count(*)::int from audit_log a where a.entity_type = 'procurement' and a.entity_id = p.id::text and a.action = 'update') as updates
            from procurements p where p.name like 'Krasjtest %'`,
        );
        // Every acknowledged create is stored; anything stored (acknowledged or not) has exactly its one entry.
        expect(procurements.length).toBeGreaterThanOrEqual(created.size);
        for (const id of created.keys()) expect(procurements.some((row) => row.id === id)).toBe(true);
        for (const row of procurements) expect(row.audited, row.id).toBe(1);
        for (const id of edited.keys()) expect(procurements.find((row) => row.id === id)!.updates).toBe(1);
        const documents = await rows<{
          id: string;
          title: string;
          audited: number;
          versions: number;
          content: string | null;
        }>(
          db,
          sql`select d.id, d.title,
              (select convert_from(v.content, 'UTF8') from document_versions v where v.document_id = d.id limit 1) as content,
              (select count(*)::int from audit_log a where a.entity_type = 'document' and a.entity_id = d.id::text) as audited,
              (select count(*)::int from document_versions v where v.document_id = d.id) as versions
            from documents d where d.title like 'Krasjdokument %'`,
        );
        for (const id of uploaded) expect(documents.some((row) => row.id === id)).toBe(true);
        for (const row of documents) {
          expect(row.audited, row.id).toBeGreaterThanOrEqual(1);
          expect(row.versions, row.id).toBe(1);
          // The whole file, never a part of it.
          const run = row.title.replace('Krasjdokument ', '');
          expect(row.content, row.id).toBe(`Krasjtest ${run}\n`.repeat(200));
        }
        // Votes: every acknowledged one is stored; each stored vote has its one audit entry; a case is decided
        // (with its number, its decision entry and its journalled vedtak) exactly when all four votes are in.
        const caseList = sql.join(
          caseIds.map((id) => sql`${id}`),
          sql`, `,
        );
        const votes = await rows<{ case_id: string; person_id: string; vote: string }>(
          db,
          sql`select case_id, person_id, vote from case_votes where case_id in (${caseList})`,
        );
        for (const key of votedFor)
          expect(
            votes.some((v) => `${v.case_id} ${v.person_id}` === key && v.vote === 'approve'),
            `vote ${key}`,
          ).toBe(true);
        const tallies = await rows<{
          id: string;
          status: string;
          decision_number: string | null;
          votes: number;
          vote_entries: number;
          decide_entries: number;
          journalled: number;
        }>(
          db,
          sql`select c.id, c.status, c.decision_number,
              (select count(*)::int from case_votes v where v.case_id = c.id) as votes,
              (select count(*)::int from audit_log a where a.entity_type = 'case' and a.entity_id = c.id::text and a.action = 'vote') as vote_entries,
              (select count(*)::int from audit_log a where a.entity_type = 'case' and a.entity_id = c.id::text and a.action = 'decide') as decide_entries,
              (select count(*)::int from journal_entries j where j.source_key = 'decision:' || c.id::text) as journalled
            from cases c where c.id in (${caseList})`,
        );
        expect(tallies).toHaveLength(CASES);
        const personIds = new Set(voters.map((v) => v.personId));
        for (const vote of votes) expect(personIds.has(vote.person_id)).toBe(true);
        for (const tally of tallies) {
          expect(tally.vote_entries, `vote entries of ${tally.id}`).toBe(tally.votes);
          if (tally.votes === voters.length)
            expect(tally, `case ${tally.id} with every vote`).toMatchObject({
              status: 'approved',
              decision_number: expect.stringMatching(/-\d{4}-\d{2,}$/),
              decide_entries: 1,
              journalled: 1,
            });
          else
            expect(tally, `case ${tally.id} with ${tally.votes} votes`).toMatchObject({
              status: 'open',
              decision_number: null,
              decide_entries: 0,
              journalled: 0,
            });
        }
        expect(votes.length).toBeGreaterThanOrEqual(votedFor.size);

        expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
      } finally {
        if (!postgres) await database.close();
      }
    },
  );
});
