// The portfolio report cached against the version of what it reads (report_versions, counted up by
// deferred triggers on every table the report depends on, once per committing transaction). A request
// reads that one row first, then serves the answer built under the same version, or builds it anew.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { reportVersions } from '../../db/schema.js';
import { timelineAxis, type TimelineAxis } from '../../domain/gate-timeline.rules.js';
import { portfolioReportAnswerSchema, type PortfolioReport, type ReportQuery } from './reporting.schemas.js';

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

interface Entry {
  version: number;
  built: Promise<CachedReport>;
  bytes: number;
}

/** What the cache of one database may hold: a few whole-portfolio answers at national scale. */
const maxBytes = 96 * 1024 * 1024;

const caches = new WeakMap<Db, Map<string, Entry>>();

export async function readReportVersion(db: Db): Promise<number> {
  const [row] = await db
    .select({ version: reportVersions.version })
    .from(reportVersions)
    .where(eq(reportVersions.area, 'portfolio'));
  return row?.version ?? 0;
}

const keyOf = (query: ReportQuery, today: string) =>
  `${query.scope}|${query.scope === 'all' ? '' : (query.code ?? '').toUpperCase()}|${today}`;

/**
 * The report for the query and day. The version is read before anything the report reads: a write that
 * commits while the report is built can only make the cached answer newer than its version, never older,
 * and the next request sees the higher version and builds again.
 */
export async function cachedPortfolioReport(
  db: Db,
  query: ReportQuery,
  today: string,
  build: () => Promise<PortfolioReport>,
): Promise<CachedReport> {
  const version = await readReportVersion(db);
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = keyOf(query, today);
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    // Most recently used last, so eviction takes the oldest.
    cache.delete(key);
    cache.set(key, hit);
    return hit.built;
  }
  const entry: Entry = {
    version,
    bytes: 0,
    built: build().then((report) => {
      const axis = timelineAxis(
        report.rows.map((row) => row.gates),
        report.generatedOn,
      );
      const answer = portfolioReportAnswerSchema.encode({ ...report, axis, page: null });
      return { report, axis, json: Buffer.from(JSON.stringify(answer)) };
    }),
  };
  cache.set(key, entry);
  try {
    const built = await entry.built;
    entry.bytes = built.json.length;
    evict(cache);
    return built;
  } catch (error) {
    if (cache.get(key) === entry) cache.delete(key);
    throw error;
  }
}

function evict(cache: Map<string, Entry>) {
  let total = 0;
  for (const entry of cache.values()) total += entry.bytes;
  for (const [key, entry] of cache) {
    if (total <= maxBytes || cache.size <= 1) break;
    total -= entry.bytes;
    cache.delete(key);
  }
}
