// npm run bench:portal -- [--db postgres|pglite|both] [--duration 10] [--connections 10] [--procurements 10000]
// A national data set on PostgreSQL (a scratch database, dropped afterwards) and on PGlite (in memory): the
// reference and demo data, then by bulk SQL 10,000 procurements over the 11 steering groups (participants from
// every region, risk profiles, significance), 30,000 cases with votes, 2,000 meetings and 1,000,000 audit rows.
// The product's own server (buildApp) then serves a bounded load (autocannon, loopback) per endpoint: the
// procurement list (first page, a filtered page), a procurement page, the portfolio report (all, one group),
// a member's cases, the audit list and a vote. Prints req/s and p50/p95/p99 per endpoint and a RESULT line
// per database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { buildApp } from '../src/app.js';
import { prepareDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { spendDirectory } from '../src/features/spend/spend.config.js';
import { listProcurements } from '../src/features/procurements/procurements.service.js';
import { fixedClock } from '../src/shared/clock.js';

const args = z
  .object({
    db: z.enum(['postgres', 'pglite', 'both']).default('both'),
    duration: z.coerce.number().int().min(1).max(30).default(10),
    connections: z.coerce.number().int().min(1).max(100).default(10),
    procurements: z.coerce.number().int().min(100).default(10_000),
    audit: z.coerce.number().int().min(0).default(1_000_000),
    // Keep the PostgreSQL scratch database afterwards (for EXPLAIN ANALYZE by hand); drop it yourself.
    keep: z.enum(['yes', 'no']).default('no'),
    // Only the endpoints whose name contains this (while iterating on one of them).
    only: z.string().default(''),
  })
  .parse(
    Object.fromEntries(
      process.argv
        .slice(2)
        .join(' ')
        .split('--')
        .filter(Boolean)
        .map((pair) => pair.trim().split(/\s+/) as [string, string]),
    ),
  );

const POSTGRES_URL = process.env.STYR_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TODAY = '2026-06-15';
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

async function generate(database: Database) {
  const db = database.db;
  const start = performance.now();
  const n = args.procurements;
  // Procurements over every node a steering group covers (a purchase group with its category, or a category).
  await db.execute(sql`
    insert into procurements (name, description, category_id, purchase_group_id, contract_value_nok, project_start, status)
    select 'Benchmark-anskaffelse ' || lpad(i::text, 6, '0'), 'Generert for ytelsesmåling ' || i,
           t.category_id, t.purchase_group_id, ((i * 7919) % 900000000)::numeric, date '2024-01-01' + (i % 700),
           (array['planned', 'announced', 'awarded', 'completed'])[1 + i % 4]
    from generate_series(1, ${n}) i
    join (select (row_number() over (order by sc.steering_group_id, c.code) - 1)::int as k,
                 case when c.parent_id is not null then c.parent_id else c.id end as category_id,
                 case when c.parent_id is not null then c.id end as purchase_group_id
          from steering_group_coverage sc join categories c on c.id = sc.category_id) t
      on t.k = i % (select count(*) from steering_group_coverage)`);
  // One HF from every region takes part (nasjonal: in the model, every RHF's members decide).
  await db.execute(sql`
    insert into procurement_participants (procurement_id, organisation_id)
    select p.id, h.id from procurements p
    cross join (select distinct on (rhf_id) id from organisations where kind = 'HF' and rhf_id is not null order by rhf_id, code) h
    where p.name like 'Benchmark-anskaffelse %'`);
  await db.execute(sql`
    insert into risk_assessments (procurement_id, method, profile, assessed_by)
    select id, 'direct', (array['høy', 'medium', 'lav'])[1 + abs(hashtext(id::text)) % 3], 'bench'
    from procurements where name like 'Benchmark-anskaffelse %'`);
  await db.execute(sql`
    insert into significance_decisions (procurement_id, kind, value, decided_by)
    select id, 'initial', (array['høy', 'medium', 'lav'])[1 + abs(hashtext(id::text || 's')) % 3], 'bench'
    from procurements where name like 'Benchmark-anskaffelse %' and abs(hashtext(id::text)) % 2 = 0`);
  // Cases: three per procurement, to the group the product routes it to; every tenth one still open.
  const routed = (await listProcurements(db, {})).filter(
    (p) => p.name.startsWith('Benchmark-anskaffelse ') && p.steeringGroupId,
  );
  await db.execute(sql`create temporary table bench_routing (procurement_id uuid, steering_group_id uuid)`);
  for (let offset = 0; offset < routed.length; offset += 1000)
    await db.execute(
      sql`insert into bench_routing values ${sql.join(
        routed.slice(offset, offset + 1000).map((p) => sql`(${p.id}::uuid, ${p.steeringGroupId}::uuid)`),
        sql`, `,
      )}`,
    );
  await db.execute(sql`
    insert into cases (procurement_id, steering_group_id, gate, kind, title, text, status, eligible_person_ids,
                       participating_rhf_ids, submitted_by_person_id, submitted_at)
    select r.procurement_id, r.steering_group_id, (array['significance', 'plan', 'tenderPreparation'])[g],
           'decision', 'Benchmark-sak ' || g, 'Generert sak', case when abs(hashtext(r.procurement_id::text || g)) % 10 = 0 then 'open' else 'approved' end,
           coalesce((select array_agg(m.person_id) from memberships m where m.steering_group_id = r.steering_group_id and m.ended_on is null and not m.is_observer), '{}'),
           (select array_agg(distinct o.rhf_id) from procurement_participants pp join organisations o on o.id = pp.organisation_id where pp.procurement_id = r.procurement_id),
           (select id from people order by name limit 1), now() - (g || ' days')::interval
    from bench_routing r cross join generate_series(1, 3) g`);
  await db.execute(sql`
    insert into case_votes (case_id, person_id, vote)
    select c.id, unnest(c.eligible_person_ids), 'approve' from cases c where c.title like 'Benchmark-sak %' and c.status = 'approved'`);
  await db.execute(sql`
    insert into meetings (steering_group_id, title, starts_at, ends_at, uid)
    select g.id, 'Benchmark-møte ' || i, timestamptz '2025-01-06 09:00+01' + (i % 700 || ' days')::interval,
           timestamptz '2025-01-06 11:00+01' + (i % 700 || ' days')::interval, 'bench-' || i || '@styringsportalen'
    from generate_series(1, 2000) i
    join (select id, (row_number() over (order by code) - 1)::int as k from steering_groups) g on g.k = i % 11`);
  await db.execute(sql`
    insert into audit_log (at, actor_username, action, entity_type, entity_id, summary)
    select timestamptz '2024-01-01 00:00+00' + (i || ' seconds')::interval, (array['sekretariat', 'leder', 'medlem'])[1 + i % 3],
           (array['create', 'update', 'delete'])[1 + i % 3], (array['procurement', 'case', 'meeting', 'document'])[1 + i % 4],
           i::text, 'Benchmark-hendelse ' || i
    from generate_series(1, ${args.audit}) i`);
  await db.execute(sql`analyze`);
  const counts = rows<Record<string, string>>(
    await db.execute(sql`select (select count(*) from procurements) as procurements, (select count(*) from cases) as cases,
      (select count(*) from case_votes) as votes, (select count(*) from meetings) as meetings, (select count(*) from audit_log) as audit`),
  )[0]!;
  log(
    `generated in ${((performance.now() - start) / 1000).toFixed(1)} s: ${counts.procurements} procurements, ${counts.cases} cases, ${counts.votes} votes, ${counts.meetings} meetings, ${counts.audit} audit rows`,
  );
}

interface Measured {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function load(
  name: string,
  url: string,
  cookie: string,
  options: { method?: 'GET' | 'POST'; body?: string; connections?: number } = {},
): Promise<Measured> {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: options.method ?? 'GET',
        body: options.body,
        headers: { cookie, ...(options.body ? { 'content-type': 'application/json' } : {}) },
        connections: options.connections ?? args.connections,
        duration: args.duration,
      },
      (error, finished) => (error ? reject(error as Error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      if (statusCode >= 400) errors += 1;
    });
  });
  times.sort((a, b) => a - b);
  const measured = {
    name,
    rps: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: errors + result.errors + result.timeouts,
  };
  log(
    `${name.padEnd(24)} ${measured.rps.toFixed(1).padStart(8)} req/s  p50 ${measured.p50.toFixed(1)} ms  p95 ${measured.p95.toFixed(1)} ms  p99 ${measured.p99.toFixed(1)} ms${measured.errors ? `  ${measured.errors} errors` : ''}`,
  );
  return measured;
}

async function runFor(kind: 'postgres' | 'pglite') {
  let admin: pg.Client | null = null;
  const scratch = `styr_portal_${process.pid}`;
  let database: Database;
  if (kind === 'postgres') {
    admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.query(`CREATE DATABASE ${scratch}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${scratch}`;
    database = await openDatabase({ kind: 'postgres', url: url.toString() });
  } else database = await openDatabase({ kind: 'pglite' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-portal-'));
  try {
    log(`${kind}: migrating and seeding`);
    // The load comes from one address and one session per role: the per-session and per-address rate limits
    // would answer most requests with 429 and measure the limiter, not the endpoint.
    const config = loadConfig({
      STYR_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      STYR_RATE_LIMIT_PER_MINUTE: '100000000',
      STYR_NETWORK_RATE_LIMIT_PER_MINUTE: '100000000',
    });
    await prepareDatabase(database, {
      demo: true,
      clock: fixedClock(TODAY),
      spendDir: spendDirectory(config),
    });
    await generate(database);
    const app = await buildApp({ db: database.db, config, clock: fixedClock(TODAY) }, { serveWeb: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const login = async (username: string) => {
        const response = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'demo' }),
        });
        const cookie = /styr_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
        if (!cookie) throw new Error(`login ${username}: ${response.status}`);
        return cookie;
      };
      const secretariat = await login('sekretariat');
      const member = await login('medlem');
      const get = async <T>(url: string, cookie: string) => {
        const response = await fetch(`${base}${url}`, { headers: { cookie } });
        if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
        return (await response.json()) as T;
      };
      const first = await get<{ items: Array<{ id: string; steeringGroupId: string }>; total: number }>(
        '/api/procurements',
        secretariat,
      );
      const groupId = first.items.find((p) => p.steeringGroupId)!.steeringGroupId;
      const groups = await get<Array<{ id: string; code: string }>>('/api/steering-groups', secretariat);
      const groupCode = groups.find((g) => g.id === groupId)!.code;
      const myCases = await get<Array<{ id: string }>>('/api/my/cases', member);
      if (myCases.length === 0) throw new Error('medlem has no open cases to vote on');
      log(`${kind}: ${first.total} procurements listed; medlem has ${myCases.length} open cases`);
      // The report alone, one request at a time: the figure the target names.
      // Timed to the last byte: parsing 10 MB of JSON is the client's work, and this client shares the process.
      const reportTimes: number[] = [];
      let reportBytes = 0;
      for (let run = 0; run < 5; run += 1) {
        const started = performance.now();
        const response = await fetch(`${base}/api/reports/portfolio?scope=all`, {
          headers: { cookie: secretariat },
        });
        reportBytes = (await response.arrayBuffer()).byteLength;
        reportTimes.push(performance.now() - started);
      }
      // The first is built (nothing cached for this version of the data), the others come from the cache.
      const reportColdMs = reportTimes[0]!;
      reportTimes.sort((a, b) => a - b);
      const reportMs = reportTimes[2]!;
      log(
        `${kind}: portfolio report (all, ${(reportBytes / 1e6).toFixed(1)} MB) ${reportMs.toFixed(0)} ms (median of 5, one client; the first, built: ${reportColdMs.toFixed(0)} ms)`,
      );
      // The first report after a write: the secretariat sets one procurement's follow-up through the API
      // (5 times, a different procurement each), then the whole report is timed to its last byte.
      const afterWrite: number[] = [];
      for (let run = 0; run < 5; run += 1) {
        const target = first.items[run]!.id;
        const written = await fetch(`${base}/api/reports/procurements/${target}/plan`, {
          method: 'PUT',
          headers: { cookie: secretariat, 'content-type': 'application/json' },
          body: JSON.stringify({
            gates: [],
            isInnovative: null,
            realisedGainNok: null,
            neededMeasures: `Måling ${run}`,
          }),
        });
        if (!written.ok) throw new Error(`gate plan: ${written.status} ${await written.text()}`);
        const started = performance.now();
        const response = await fetch(`${base}/api/reports/portfolio?scope=all`, {
          headers: { cookie: secretariat },
        });
        await response.arrayBuffer();
        afterWrite.push(performance.now() - started);
      }
      afterWrite.sort((a, b) => a - b);
      const reportAfterWriteMs = afterWrite[2]!;
      log(
        `${kind}: portfolio report (all) after a write ${reportAfterWriteMs.toFixed(0)} ms (median of 5: ${afterWrite.map((t) => t.toFixed(0)).join(', ')})`,
      );
      // Light endpoints first; the report last. Before each, the server must have finished the previous load
      // (autocannon stops sending after the duration, the server may still be working on what it got).
      const drain = async () => {
        for (let tries = 0; tries < 600; tries += 1) {
          const started = performance.now();
          await fetch(`${base}/api/health`);
          if (performance.now() - started < 100) return;
        }
      };
      const endpoints: Array<[string, string, string, Parameters<typeof load>[3]?]> = [
        ['list first page', '/api/procurements', secretariat],
        [
          'list filtered page',
          `/api/procurements?steeringGroupId=${groupId}&status=announced&offset=50`,
          secretariat,
        ],
        ['procurement page', `/api/procurements/${first.items[0]!.id}`, secretariat],
        ['my cases (member)', '/api/my/cases', member],
        ['audit list', '/api/audit', secretariat],
        [
          'vote',
          `/api/cases/${myCases[0]!.id}/votes`,
          member,
          { method: 'POST', body: JSON.stringify({ vote: 'approve' }) },
        ],
        ['report one group', `/api/reports/portfolio?scope=steeringGroup&code=${groupCode}`, secretariat],
        // What the web page loads: the whole roll-up and the first 100 rows.
        ['report all first page', '/api/reports/portfolio?scope=all&limit=100', secretariat],
        ['report all', '/api/reports/portfolio?scope=all', secretariat, { connections: 2 }],
      ];
      const results: Measured[] = [];
      for (const [name, url, cookie, options] of endpoints) {
        if (!name.includes(args.only)) continue;
        await drain();
        results.push(await load(name, `${base}${url}`, cookie, options));
      }
      const skipped = { rps: Number.NaN, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, errors: 0 };
      const by = (name: string) => results.find((r) => r.name === name) ?? { name, ...skipped };
      const f = (value: number) => value.toFixed(1);
      console.log(
        `\n${kind}: ${args.connections} connections, ${args.duration} s per endpoint (report all: 2)`,
      );
      console.log('endpoint                     req/s      p50      p95      p99  errors');
      for (const r of results)
        console.log(
          `${r.name.padEnd(24)} ${f(r.rps).padStart(9)} ${f(r.p50).padStart(8)} ${f(r.p95).padStart(8)} ${f(r.p99).padStart(8)} ${String(r.errors).padStart(7)}`,
        );
      const list = by('list first page');
      const detail = by('procurement page');
      console.log(
        `RESULT db=${kind} procurements=${first.total} list_p99_ms=${f(list.p99)} list_rps=${f(list.rps)} filtered_p99_ms=${f(by('list filtered page').p99)} detail_p99_ms=${f(detail.p99)} detail_rps=${f(detail.rps)} report_ms=${reportMs.toFixed(0)} report_cold_ms=${reportColdMs.toFixed(0)} report_after_write_ms=${reportAfterWriteMs.toFixed(0)} report_group_p99_ms=${f(by('report one group').p99)} report_page_p99_ms=${f(by('report all first page').p99)} my_cases_p99_ms=${f(by('my cases (member)').p99)} audit_p99_ms=${f(by('audit list').p99)} vote_p99_ms=${f(by('vote').p99)} vote_rps=${f(by('vote').rps)} rps=${f(list.rps)} errors=${results.reduce((sum, r) => sum + r.errors, 0)}`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (admin && args.keep === 'yes') {
      log(`kept the scratch database ${scratch}`);
      await admin.end();
    } else if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
      await admin.end();
    }
  }
}

for (const kind of args.db === 'both' ? (['postgres', 'pglite'] as const) : [args.db]) await runFor(kind);
