// The portfolio report cached against the version of what it reads (report_versions, counted up by
// deferred triggers on every table the report depends on, once per committing transaction). A request
// reads that one row first, then serves the answer built under the same version, or builds it anew.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { reportVersions } from '../../db/schema.js';
import { portfolioReportSchema, type PortfolioReport, type ReportQuery } from './reporting.schemas.js';

/** The report and its JSON answer, encoded once through the route's schema. */
export interface CachedReport {
  report: PortfolioReport;
  json: string;
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
    built: build().then((report) => ({
      report,
      json: JSON.stringify(portfolioReportSchema.encode(report)),
    })),
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
