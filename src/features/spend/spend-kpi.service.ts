// KPI and drill-down queries over the flagged lines. The engine is refreshed when the Parquet files or the master
// data changed (a cheap fingerprint is checked per request), so the CLI and the server can both import.
import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { masterDataVersions } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { badRequest } from '../../shared/app-error.js';
import { nokOf, oreOf } from '../../domain/money.rules.js';
import { loadMasterData } from './spend-master-data.js';
import { loadMasterDataIntoEngine, type EngineKeys } from './spend-engine-master.js';
import { synchroniseEngine, type SyncResult } from './spend-engine-sync.js';
import { listLineFiles, type SpendStore } from './spend-store.js';
import {
  COVERAGE_TARGET,
  type BreakdownRow,
  type Dimension,
  type Measures,
  type SpendFilter,
} from './spend.schemas.js';
import { dayNumber, shareOf } from './spend.rules.js';
import { aSupplierSql } from '../../domain/a-suppliers.rules.js';

export interface KpiDeps {
  db: Db;
  store: SpendStore;
}

interface EngineState {
  files: string;
  categorisation: string;
  coverage: string;
  keys: EngineKeys;
  connection: DuckDBConnection;
  lastSync: SyncResult;
}

const states = new WeakMap<SpendStore, EngineState>();

/**
 * Two versions of the master data, counted up by database triggers (migration master_data_versions): what
 * the categorisation of lines depends on (a change re-reads the lines), and what only coverage depends on
 * (validity, scope, status, organisations: a change re-flags just the touched lines). One indexed read.
 */
async function masterFingerprints(db: Db): Promise<{ categorisation: string; coverage: string }> {
  const rows = await db.select().from(masterDataVersions);
  const versionOf = (area: 'categorisation' | 'coverage') =>
    String(rows.find((row) => row.area === area)?.version ?? 0);
  return { categorisation: `v${versionOf('categorisation')}`, coverage: `v${versionOf('coverage')}` };
}

/** The integer keys the saved lines were built with must be the ones the master data gives now. */
function keysDigest(keys: EngineKeys): string {
  const hash = createHash('sha256');
  for (const [code, org] of keys.organisationByCode) hash.update(`o${code}:${org.key}:${org.rhfKey};`);
  for (const [code, category] of keys.categoryByCode) hash.update(`c${code}:${category.key};`);
  return hash.digest('hex');
}

const queues = new WeakMap<SpendStore, Promise<unknown>>();

/** One DuckDB connection per store: engine refreshes and queries run one at a time, in arrival order. */
function serialised<T>(store: SpendStore, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(store) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(
    store,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Brings the engine up to date (spend-engine-sync.ts): the saved state is used after a restart, new Parquet
 * files are added, changed categorisation inputs rebuild it, agreement changes re-flag the touched lines.
 * Nothing changed since the last request: nothing is done beyond listing the files and one fingerprint query.
 */
async function refreshIfChanged(deps: KpiDeps): Promise<EngineState> {
  const engine = await deps.store.engine();
  const master = await masterFingerprints(deps.db);
  const fileList = listLineFiles(deps.store);
  const files = fileList.join('\n');
  const current = states.get(deps.store);
  if (
    current &&
    current.files === files &&
    current.categorisation === master.categorisation &&
    current.coverage === master.coverage
  )
    return current;
  const keys = await loadMasterDataIntoEngine(engine.connection, await loadMasterData(deps.db));
  const lastSync = await synchroniseEngine(
    deps.store,
    engine,
    { categorisation: `${master.categorisation}|${keysDigest(keys)}`, coverage: master.coverage },
    fileList,
  );
  const state = { files, ...master, keys, connection: engine.connection, lastSync };
  states.set(deps.store, state);
  return state;
}

/** What the last refresh of the engine did (rebuilt, extended, unchanged), for the benchmark and tests. */
export async function refreshEngine(deps: KpiDeps): Promise<SyncResult> {
  return serialised(deps.store, async () => (await refreshIfChanged(deps)).lastSync);
}

/** Runs a KPI query against a fresh engine. */
function withEngine<T>(
  deps: KpiDeps,
  query: (keys: EngineKeys, connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  return serialised(deps.store, async () => {
    const state = await refreshIfChanged(deps);
    return query(state.keys, state.connection);
  });
}

export const MEASURES_SQL = `count(*)::INTEGER AS lines,
  coalesce(sum(amount_nok), 0)::VARCHAR AS total,
  coalesce(sum(amount_nok) FILTER (is_covered), 0)::VARCHAR AS covered,
  coalesce(sum(amount_nok) FILTER (is_in_agreement_category), 0)::VARCHAR AS in_agreement_category,
  coalesce(sum(amount_nok) FILTER (is_free_text), 0)::VARCHAR AS free_text,
  coalesce(sum(amount_nok) FILTER (has_order), 0)::VARCHAR AS with_order,
  coalesce(sum(amount_nok) FILTER (category_key IS NULL), 0)::VARCHAR AS unclassified,
  (count(*) FILTER (is_rate_missing))::INTEGER AS rate_missing_lines`;

/** The same measures from the month × organisation × category cube of the last recomputation. */
export const CUBE_MEASURES_SQL = `coalesce(sum(lines), 0)::INTEGER AS lines,
  coalesce(sum(total), 0)::VARCHAR AS total,
  coalesce(sum(covered), 0)::VARCHAR AS covered,
  coalesce(sum(in_agreement_category), 0)::VARCHAR AS in_agreement_category,
  coalesce(sum(free_text), 0)::VARCHAR AS free_text,
  coalesce(sum(with_order), 0)::VARCHAR AS with_order,
  coalesce(sum(total) FILTER (category_key IS NULL), 0)::VARCHAR AS unclassified,
  coalesce(sum(rate_missing_lines), 0)::INTEGER AS rate_missing_lines`;

/** Questions without a supplier are answered from the cube; supplier-level ones flag the lines on the fly. */
const sourceFor = (filter: SpendFilter, by?: Dimension) =>
  filter.supplier || by === 'supplier'
    ? { table: 'kpi_lines', measures: MEASURES_SQL, total: 'sum(amount_nok)' }
    : { table: 'kpi_cube', measures: CUBE_MEASURES_SQL, total: 'sum(total)' };

/** Decimal strings subtract exactly through integer øre (BigInt). */
const subtractDecimal = (a: string, b: string) => nokOf(oreOf(a) - oreOf(b));

function toMeasures(row: unknown[]): Measures {
  const [lines, total, covered, inAgreementCategory, freeText, withOrder, unclassified, rateMissingLines] =
    row as [number, string, string, string, string, string, string, number];
  const t = Number(total);
  return {
    lines: Number(lines),
    total,
    covered,
    inAgreementCategory,
    leakage: subtractDecimal(inAgreementCategory, covered),
    freeText,
    withOrder,
    unclassified,
    rateMissingLines: Number(rateMissingLines),
    coverage: shareOf(Number(covered), t),
    loyalty: shareOf(Number(covered), Number(inAgreementCategory)),
    freeTextShare: shareOf(Number(freeText), t),
    eProcurementShare: shareOf(Number(withOrder), t),
    unclassifiedShare: shareOf(Number(unclassified), t),
  };
}

const monthNumber = (month: string) => Number(month.replace('-', ''));

/** The WHERE clause of a filter; only integer keys are inlined, so no user text reaches the SQL. */
async function whereClause(
  connection: DuckDBConnection,
  keys: EngineKeys,
  filter: SpendFilter,
): Promise<string> {
  const parts = ['true'];
  if (filter.from) parts.push(`month >= ${monthNumber(filter.from)}`);
  if (filter.to) parts.push(`month <= ${monthNumber(filter.to)}`);
  if (filter.rhf) {
    const rhf = keys.organisationByCode.get(filter.rhf);
    if (!rhf || rhf.kind !== 'RHF')
      throw badRequest(`Ukjent RHF ${filter.rhf}.`, [{ path: 'rhf', message: 'Ukjent RHF' }]);
    parts.push(`rhf_key = ${rhf.key}`);
  }
  if (filter.hf) {
    const hf = keys.organisationByCode.get(filter.hf);
    if (!hf)
      throw badRequest(`Ukjent organisasjon ${filter.hf}.`, [{ path: 'hf', message: 'Ukjent organisasjon' }]);
    parts.push(`hf_key = ${hf.key}`);
  }
  if (filter.category) {
    const category = keys.categoryByCode.get(filter.category);
    if (!category)
      throw badRequest(`Ukjent kategori ${filter.category}.`, [
        { path: 'category', message: 'Ukjent kategori' },
      ]);
    parts.push(`category_key = ${category.key}`);
  }
  if (filter.supplier) {
    const [scheme, ...rest] = filter.supplier.split(':');
    const reader = await connection.runAndReadAll(
      'SELECT supplier_key FROM suppliers WHERE supplier_scheme = $1 AND supplier_id = $2',
      [scheme ?? '', rest.join(':')],
    );
    const key = reader.getRows()[0]?.[0];
    parts.push(key === undefined ? 'false' : `supplier_key = ${Number(key)}`);
  }
  return parts.join(' AND ');
}

/** Per dimension: the line column grouped by, and how its code and name are looked up from the grouped key `m.key`. */
const dimensionSql: Record<
  Dimension,
  { column: string; join: string; code: string; name: string; order: string }
> = {
  rhf: {
    column: 'rhf_key',
    join: 'LEFT JOIN md_orgs d ON d.hf_key = m.key',
    code: 'd.code',
    name: 'd.name',
    order: 'm.total_num DESC',
  },
  hf: {
    column: 'hf_key',
    join: 'LEFT JOIN md_orgs d ON d.hf_key = m.key',
    code: 'd.code',
    name: 'd.name',
    order: 'm.total_num DESC',
  },
  category: {
    column: 'category_key',
    join: 'LEFT JOIN md_categories d ON d.category_key = m.key',
    code: `coalesce(d.code, '-')`,
    name: `coalesce(d.name, 'Uklassifisert')`,
    order: 'm.total_num DESC',
  },
  supplier: {
    column: 'supplier_key',
    join: 'LEFT JOIN suppliers d ON d.supplier_key = m.key',
    code: `d.supplier_scheme || ':' || d.supplier_id`,
    name: 'd.name',
    order: 'm.total_num DESC',
  },
  month: {
    column: 'month',
    join: '',
    code: `printf('%04d-%02d', m.key // 100, m.key % 100)`,
    name: `printf('%04d-%02d', m.key // 100, m.key % 100)`,
    order: 'm.key ASC',
  },
};

export async function getSummary(deps: KpiDeps, filter: SpendFilter) {
  return withEngine(deps, async (keys, connection) => {
    const where = await whereClause(connection, keys, filter);
    const source = sourceFor(filter);
    const reader = await connection.runAndReadAll(
      `SELECT ${source.measures} FROM ${source.table} WHERE ${where}`,
    );
    const months = await connection.runAndReadAll(
      `SELECT DISTINCT printf('%04d-%02d', month // 100, month % 100) AS m FROM kpi_cube ORDER BY m`,
    );
    return {
      measures: toMeasures(reader.getRows()[0]!),
      coverageTarget: COVERAGE_TARGET,
      months: months.getRows().map((row) => String(row[0])),
    };
  });
}

export async function getBreakdown(
  deps: KpiDeps,
  filter: SpendFilter,
  by: Dimension,
  limit = 500,
): Promise<BreakdownRow[]> {
  return withEngine(deps, async (keys, connection) => {
    const where = await whereClause(connection, keys, filter);
    const d = dimensionSql[by];
    const source = sourceFor(filter, by);
    const reader = await connection.runAndReadAll(
      `SELECT ${d.code} AS code, ${d.name} AS name, m.* EXCLUDE (key, total_num) FROM (
       SELECT ${d.column} AS key, ${source.total} AS total_num, ${source.measures}
       FROM ${source.table} WHERE ${where} GROUP BY ${d.column}) m
     ${d.join}
     ORDER BY ${d.order} NULLS LAST, code NULLS LAST, m.key LIMIT ${limit}`,
    );
    return reader.getRows().map((row) => ({
      key: String(row[0] ?? '-'),
      name: String(row[1] ?? row[0] ?? '-'),
      ...toMeasures(row.slice(2)),
    }));
  });
}

/** Lekkasjekjøp by supplier: spend in agreement categories that did not go to an agreement supplier. */
export async function getLeakageSuppliers(deps: KpiDeps, filter: SpendFilter, limit = 20) {
  return withEngine(deps, async (keys, connection) => {
    const where = await whereClause(connection, keys, filter);
    const reader = await connection.runAndReadAll(
      `WITH t AS (SELECT supplier_key, sum(amount_nok) AS amount FROM kpi_lines
                WHERE ${where} AND is_in_agreement_category AND NOT is_covered GROUP BY ALL)
     SELECT s.supplier_scheme || ':' || s.supplier_id, s.name, t.amount::VARCHAR, t.amount / nullif(sum(t.amount) OVER (), 0)
     FROM t JOIN suppliers s USING (supplier_key)
     ORDER BY t.amount DESC NULLS LAST, s.supplier_scheme, s.supplier_id LIMIT ${limit}`,
    );
    return reader.getRows().map((row) => ({
      key: String(row[0]),
      name: String(row[1]),
      amount: String(row[2]),
      share: row[3] === null ? null : Number(row[3]),
    }));
  });
}

/**
 * A-suppliers per category (src/domain/a-suppliers.rules.ts): the fewest suppliers making up 80 % of its spend.
 * Equal amounts rank by the supplier's scheme:id (not its engine key, which depends on the import order).
 */
export async function getASuppliers(deps: KpiDeps, filter: SpendFilter, top = 10) {
  return withEngine(deps, async (keys, connection) => {
    const where = await whereClause(connection, keys, filter);
    const reader = await connection.runAndReadAll(
      `WITH a AS (SELECT category_key, supplier_key, sum(amount_nok) AS amount FROM kpi_lines
                WHERE ${where} AND category_key IS NOT NULL GROUP BY ALL HAVING sum(amount_nok) > 0),
     s AS (SELECT a.*, sup.supplier_scheme || ':' || sup.supplier_id AS supplier_code FROM a JOIN suppliers sup USING (supplier_key)),
     r AS (SELECT *, sum(amount) OVER (PARTITION BY category_key ORDER BY amount DESC, supplier_code ROWS UNBOUNDED PRECEDING) - amount AS before,
                  sum(amount) OVER (PARTITION BY category_key) AS total,
                  row_number() OVER (PARTITION BY category_key ORDER BY amount DESC, supplier_code) AS rank
           FROM s)
     SELECT c.code, c.name, any_value(r.total)::VARCHAR, count(*)::INTEGER, (count(*) FILTER (WHERE ${aSupplierSql('r.before', 'r.total')}))::INTEGER,
            list({'key': sup.supplier_scheme || ':' || sup.supplier_id, 'name': sup.name, 'amount': r.amount::VARCHAR, 'share': (r.amount / r.total)::DOUBLE} ORDER BY r.rank) FILTER (WHERE r.rank <= ${top})
     FROM r JOIN md_categories c USING (category_key) JOIN suppliers sup USING (supplier_key)
     GROUP BY c.code, c.name ORDER BY any_value(r.total) DESC, c.code`,
    );
    return reader.getRowsJson().map((row) => ({
      key: String(row[0] as string),
      name: String(row[1] as string),
      total: String(row[2] as string),
      suppliers: Number(row[3]),
      aSuppliers: Number(row[4]),
      top: ((row[5] ?? []) as Array<{ key: string; name: string; amount: string; share: number }>).map(
        (item) => ({
          ...item,
          share: Number(item.share),
        }),
      ),
    }));
  });
}

/** One supplier's spend per HF over a date range, and the part on the article identifiers each HF names. */
export interface SupplierArticleSpendQuery {
  supplierScheme: string;
  supplierId: string;
  /** Inclusive ISO dates. */
  from: string;
  to: string;
  hfCodes: readonly string[];
  /** Per HF, the seller's item ids and GTINs whose lines count as on its articles. */
  articles: ReadonlyArray<{ hfCode: string; sellerItemId: string | null; gtin: string | null }>;
}

export interface HfArticleSpend {
  /** null: the sum over all the HFs asked for. */
  hfCode: string | null;
  supplierSpend: string;
  spendOnArticles: string;
}

/**
 * From the engine's compact lines (the app's one engine, no Parquet read): the supplier's NOK per HF within
 * the dates, and the part whose (seller's item id, GTIN) pair matches one of that HF's articles by either
 * identifier. The HFs' articles are resolved to the engine's article keys first (a small table), so the
 * lines are filtered on integer keys only. Lines without a rate (is_rate_missing) count nothing, as in NOK.
 */
export async function getSupplierArticleSpend(
  deps: KpiDeps,
  q: SupplierArticleSpendQuery,
): Promise<HfArticleSpend[]> {
  return withEngine(deps, async (keys, connection) => {
    const hfKeys = q.hfCodes
      .map((code) => keys.organisationByCode.get(code)?.key)
      .filter((key): key is number => key !== undefined);
    const supplier = (
      await connection.runAndReadAll(
        'SELECT supplier_key FROM suppliers WHERE supplier_scheme = $1 AND supplier_id = $2',
        [q.supplierScheme, q.supplierId],
      )
    ).getRows()[0]?.[0];
    await connection.run(
      'CREATE OR REPLACE TEMP TABLE q_articles (hf_key SMALLINT, seller_item_id VARCHAR, gtin VARCHAR)',
    );
    const appender = await connection.createAppender('q_articles', 'main', 'temp');
    for (const article of q.articles) {
      const key = keys.organisationByCode.get(article.hfCode)?.key;
      if (key === undefined) continue;
      appender.appendSmallInt(key);
      for (const value of [article.sellerItemId, article.gtin])
        if (value === null) appender.appendNull();
        else appender.appendVarchar(value);
      appender.endRow();
    }
    appender.closeSync();
    const [from, to] = [dayNumber(q.from), dayNumber(q.to)];
    if (!Number.isInteger(from) || !Number.isInteger(to))
      throw new Error(`Ugyldig periode ${q.from}–${q.to}.`);
    // Two equi-joins (by item id, by GTIN), not one join on OR: each is a hash join on the article dictionary.
    const reader = await connection.runAndReadAll(
      `WITH mapped AS (
         SELECT q.hf_key, a.article_key FROM q_articles q JOIN articles a ON a.seller_item_id = q.seller_item_id
         UNION
         SELECT q.hf_key, a.article_key FROM q_articles q JOIN articles a ON a.gtin = q.gtin),
       l AS (
         SELECT hf_key, article_key, amount_nok FROM lines
         WHERE supplier_key = ${supplier === undefined ? 'NULL' : Number(supplier)}
           AND hf_key IN (${hfKeys.length > 0 ? hfKeys.join(', ') : 'NULL'})
           AND day BETWEEN ${from} AND ${to})
       SELECT o.code,
              coalesce(sum(l.amount_nok), 0)::DECIMAL(18,2)::VARCHAR,
              coalesce(sum(l.amount_nok) FILTER (m.article_key IS NOT NULL), 0)::DECIMAL(18,2)::VARCHAR
       FROM l LEFT JOIN mapped m ON m.hf_key = l.hf_key AND m.article_key = l.article_key
       LEFT JOIN md_orgs o ON o.hf_key = l.hf_key
       GROUP BY GROUPING SETS ((o.code), ()) ORDER BY grouping(o.code), o.code`,
    );
    await connection.run('DROP TABLE q_articles');
    return reader.getRows().map(([hfCode, supplierSpend, onArticles]) => ({
      hfCode: hfCode === null ? null : String(hfCode),
      supplierSpend: String(supplierSpend),
      spendOnArticles: String(onArticles),
    }));
  });
}
