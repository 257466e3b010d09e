// The portfolio report as a read model kept per procurement, against the version of what it reads
// (report_versions, counted up by deferred triggers on every table the report depends on, once per committing
// transaction; report_changes notes, at the same version, which procurements the transaction changed). A
// request reads the version and the procurements changed since the model's version in one statement; if
// nothing changed it serves the answer built under that version, else only the changed procurements' rows are
// recomputed (one set-based facts query for them, reporting.repo.ts) and merged into the others, whose rows
// and encoded JSON are kept. A change every row may depend on (coverage, categories, organisations, rules,
// annual plans), another day, or very many changes rebuild the model whole. Every scope (all, a steering group,
// a category, an RHF) is a filter over the one model, by the same rules resolveScope applies.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { timelineAxis, type TimelineAxis } from '../../domain/gate-timeline.rules.js';
import { compareReportRows, rollUp, type ReportRow } from '../../domain/portfolio-report.rules.js';
import { notFound } from '../../shared/app-error.js';
import { getImplementationOverview } from '../implementation/index.js';
import { organisationsRepo } from '../organisations/index.js';
import { listProcurements, listProcurementsByIds, type ProcurementDto } from '../procurements/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import { buildReportRows } from './report-rows.js';
import {
  portfolioReportAnswerSchema,
  reportRowSchema,
  type PortfolioReport,
  type ReportQuery,
} from './reporting.schemas.js';

/** The report, its timeline axis and its whole JSON answer (UTF-8), encoded once through the route's schema. */
export interface CachedReport {
  report: PortfolioReport;
  axis: TimelineAxis;
  json: Buffer;
}

/** The JSON answer: every row (encoded once, when cached), or one page of rows under the whole roll-up. */
export function reportAnswer(
  cached: CachedReport,
  page: { limit?: number; offset: number },
): Buffer | string {
  if (page.limit === undefined) return cached.json;
  const rows = cached.report.rows;
  return JSON.stringify(
    portfolioReportAnswerSchema.encode({
      ...cached.report,
      rows: rows.slice(page.offset, page.offset + page.limit),
      axis: cached.axis,
      page: { total: rows.length, limit: page.limit, offset: page.offset },
    }),
  );
}

export async function readReportVersion(db: Db): Promise<number> {
  return (await probe(db, null)).version;
}

/** One procurement of the model: its routing (for the scopes), its report row and that row's JSON (UTF-8). */
interface Entry {
  dto: ProcurementDto;
  row: ReportRow;
  json: Buffer;
}

interface Model {
  version: number;
  today: string;
  /** In report order (late first, then by name; compareReportRows). */
  sorted: Entry[];
  answers: Map<string, Promise<CachedReport>>;
}

interface Holder {
  model: Model | null;
  pending: Promise<Model> | null;
}

/** The nil uuid in report_changes: a change every row may depend on. */
const everything = '00000000-0000-0000-0000-000000000000';
/** The triggers keep 1,000 versions of changes; more changed procurements than this are rebuilt whole. */
const keptVersions = 900;
const maxIncremental = 2000;

const holders = new WeakMap<Db, Map<string, Holder>>();

interface Probe {
  version: number;
  /** The procurements changed after `since` up to `version`; null when not asked or too old to know. */
  changed: string[] | null;
}

/** The version, and the procurements changed since `since`, as one statement sees them. */
async function probe(db: Db, since: number | null): Promise<Probe> {
  const result: unknown = await db.execute(sql`
    select v.version,
           case when ${since}::bigint is null then null
                else (select coalesce(string_agg(distinct c.procurement_id::text, ','), '')
                      from report_changes c where c.version > ${since}::bigint and c.version <= v.version) end
             as changed
    from report_versions v where v.area = 'portfolio'`);
  const [row] = (result as { rows: Array<{ version: string | number; changed: string | null }> }).rows;
  if (!row) return { version: 0, changed: since === null ? null : [] };
  const version = Number(row.version);
  const changed =
    row.changed === null || (since !== null && version - since > keptVersions)
      ? null
      : row.changed === ''
        ? []
        : row.changed.split(',');
  return { version, changed };
}

const encodeRow = (row: ReportRow) => Buffer.from(JSON.stringify(reportRowSchema.encode(row)));
const comma = Buffer.from(',');

async function buildModel(db: Db, version: number, today: string): Promise<Model> {
  const dtos = await listProcurements(db, {});
  const rows = await buildReportRows(db, dtos, today, { wholePortfolio: true });
  const entries = dtos.map((dto, i) => ({ dto, row: rows[i]!, json: encodeRow(rows[i]!) }));
  // A stable sort over the SQL name order, as sortReportRows (the comparator is the same).
  entries.sort((a, b) => compareReportRows(a.row, b.row));
  return { version, today, sorted: entries, answers: new Map() };
}

/** The model with the changed procurements' rows recomputed (a deleted one leaves). */
async function updateModel(db: Db, base: Model, version: number, changed: string[]): Promise<Model> {
  const dtos = await listProcurementsByIds(db, changed);
  const rows = await buildReportRows(db, dtos, base.today);
  const gone = new Set(changed);
  const sorted = base.sorted.filter((entry) => !gone.has(entry.dto.id));
  for (const [i, dto] of dtos.entries()) {
    const entry = { dto, row: rows[i]!, json: encodeRow(rows[i]!) };
    // Binary search for the place after every row that sorts before or equal to it.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareReportRows(sorted[mid]!.row, entry.row) <= 0) low = mid + 1;
      else high = mid;
    }
    sorted.splice(low, 0, entry);
  }
  return { version, today: base.today, sorted, answers: new Map() };
}

/** The model at the database's current version for the day, built or brought up to date once at a time. */
async function currentModel(db: Db, today: string): Promise<Model> {
  let byDay = holders.get(db);
  if (!byDay) {
    byDay = new Map();
    holders.set(db, byDay);
  }
  let holder = byDay.get(today);
  if (!holder) {
    holder = { model: null, pending: null };
    byDay.set(today, holder);
    // One other day at most (the report of yesterday's requests still running).
    for (const day of byDay.keys()) if (byDay.size > 2 && day !== today) byDay.delete(day);
  }
  const known = holder.model;
  if (known && (await probe(db, null)).version === known.version) return known;
  return refresh(db, holder, today);
}

function refresh(db: Db, holder: Holder, today: string): Promise<Model> {
  const previous = holder.pending;
  const run = (async () => {
    const base = previous ? await previous.catch(() => holder.model) : holder.model;
    const state = await probe(db, base?.version ?? null);
    let model: Model;
    if (base && state.version === base.version) model = base;
    else if (
      base &&
      state.changed !== null &&
      !state.changed.includes(everything) &&
      state.changed.length <= maxIncremental
    )
      model = await updateModel(db, base, state.version, state.changed);
    else model = await buildModel(db, state.version, today);
    // A newer model may have landed meanwhile (a later refresh awaited this one): keep the newest.
    if (!holder.model || holder.model.version <= model.version) holder.model = model;
    return model;
  })();
  holder.pending = run;
  void run
    .finally(() => {
      if (holder.pending === run) holder.pending = null;
    })
    .catch(() => undefined);
  return run;
}

interface Scoped {
  title: string;
  entries: Entry[];
}

/** The scope's procurements in report order, by the same rules as reporting.service.ts resolveScope. */
async function scopeOf(db: Db, model: Model, query: ReportQuery): Promise<Scoped> {
  if (query.scope === 'all') return { title: 'Porteføljerapport – hele porteføljen', entries: model.sorted };
  const code = query.code!.toUpperCase();
  if (query.scope === 'steeringGroup') {
    const group = (await steeringGroupsRepo.listGroups(db)).find((g) => g.code.toUpperCase() === code);
    if (!group) throw notFound(`Styringsgruppen ${query.code} finnes ikke.`);
    return {
      title: `Porteføljerapport – ${group.name}`,
      entries: model.sorted.filter((entry) => entry.dto.steeringGroupId === group.id),
    };
  }
  if (query.scope === 'category') {
    const entries = model.sorted.filter(
      ({ dto }) => dto.categoryCode.toUpperCase() === code || dto.purchaseGroupCode?.toUpperCase() === code,
    );
    const first = entries[0]?.dto;
    const name = first?.purchaseGroupCode?.toUpperCase() === code ? first.purchaseGroupName : first?.categoryName;
    return { title: `Porteføljerapport – kategori ${name ?? query.code}`, entries };
  }
  const organisations = await organisationsRepo.listOrganisations(db);
  const rhf = organisations.find((org) => org.kind === 'RHF' && org.code.toUpperCase() === code);
  if (!rhf) throw notFound(`RHF-et ${query.code} finnes ikke.`);
  const hfIds = new Set(organisations.filter((org) => org.rhfId === rhf.id).map((org) => org.id));
  return {
    title: `Porteføljerapport – ${rhf.name}`,
    entries: model.sorted.filter(({ dto }) => dto.participatingHfIds.some((id) => hfIds.has(id))),
  };
}

async function answerOf(db: Db, model: Model, query: ReportQuery): Promise<CachedReport> {
  const scoped = await scopeOf(db, model, query);
  const rows = scoped.entries.map((entry) => entry.row);
  const report: PortfolioReport = {
    title: scoped.title,
    scope: query.scope,
    code: query.code ?? null,
    generatedOn: model.today,
    rollup: rollUp(rows),
    rows,
    implementation: query.scope === 'all' ? (await getImplementationOverview(db, model.today)).figures : null,
  };
  const axis = timelineAxis(
    rows.map((row) => row.gates),
    model.today,
  );
  // The answer as portfolioReportAnswerSchema encodes it, with each row's JSON kept from the model.
  const head = JSON.stringify(portfolioReportAnswerSchema.encode({ ...report, rows: [], axis, page: null }));
  // Copied as bytes: no 10 MB string to join and encode again.
  const at = head.indexOf(',"rows":[]');
  const parts: Buffer[] = [Buffer.from(`${head.slice(0, at)},"rows":[`)];
  for (const [i, entry] of scoped.entries.entries()) {
    if (i > 0) parts.push(comma);
    parts.push(entry.json);
  }
  parts.push(Buffer.from(`]${head.slice(at + ',"rows":[]'.length)}`));
  return { report, axis, json: Buffer.concat(parts) };
}

const keyOf = (query: ReportQuery) =>
  `${query.scope}|${query.scope === 'all' ? '' : (query.code ?? '').toUpperCase()}`;

/**
 * The report for the query and day. The version is read before anything the report reads: a write that
 * commits while the model is brought up to date can only make it newer than its version, never older, and
 * the next request sees the higher version and recomputes that write's procurements again.
 */
export async function cachedPortfolioReport(db: Db, query: ReportQuery, today: string): Promise<CachedReport> {
  const model = await currentModel(db, today);
  const key = keyOf(query);
  let answer = model.answers.get(key);
  if (!answer) {
    answer = answerOf(db, model, query);
    model.answers.set(key, answer);
    answer.catch(() => {
      if (model.answers.get(key) === answer) model.answers.delete(key);
    });
  }
  return answer;
}
