// The KPI engine: DuckDB scans the Parquet lines; Node never holds them. Three steps:
//  prepare   — read the Parquet files once into a compact table with integer keys (organisation,
//              supplier, category), the category of each line (article → contract reference → classification
//              → the supplier's main category) and the amount in NOK;
//  coverage  — merge agreement validity intervals per supplier/category/organisation (so no line needs
//              de-duplication; each line meets at most one interval per key) and keep a coverage flag per line,
//              re-flagging only the lines whose keys an agreement change touched;
//  recompute — aggregate the flagged lines into a small cube by month × organisation × category.
// Dashboards read the cube; supplier-level questions aggregate the flagged lines directly. The tables persist
// (spend-engine-sync.ts): after a restart they are reused, after an import only the new files are added.
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { hasLineFiles, lineFilesGlob, linesDir, sqlString, type SpendStore } from './spend-store.js';
import { RATE_LOOKBACK_DAYS } from './spend.rules.js';

/** Keys pack into one BIGINT: supplier · 64 categories · 1024 organisations. */
export const MAX_CATEGORIES = 64;
export const MAX_ORGANISATIONS = 1024;

/** The empty line source (no Parquet files yet), in the columns the engine reads. */
export const EMPTY_LINE_SOURCE = `SELECT * FROM (SELECT NULL::DATE issue_date, NULL::VARCHAR supplier_scheme, NULL::VARCHAR supplier_id,
  NULL::VARCHAR supplier_name, NULL::VARCHAR hf_code, NULL::VARCHAR currency, NULL::DECIMAL(18,2) amount, NULL::VARCHAR seller_item_id,
  NULL::VARCHAR gtin, NULL::VARCHAR classification_scheme, NULL::VARCHAR classification_code, NULL::VARCHAR contract_reference,
  NULL::VARCHAR order_reference, NULL::BOOLEAN has_order_line_reference) WHERE false`;

/** The line source of some stored Parquet files (paths relative to the lines folder), or of all of them. */
export function lineSource(store: Pick<SpendStore, 'dir'>, files?: readonly string[]): string {
  if (files === undefined)
    return hasLineFiles(store)
      ? `SELECT * FROM read_parquet(${sqlString(lineFilesGlob(store))}, hive_partitioning = false)`
      : EMPTY_LINE_SOURCE;
  if (files.length === 0) return EMPTY_LINE_SOURCE;
  const list = files.map((file) => sqlString(path.join(linesDir(store), file))).join(', ');
  return `SELECT * FROM read_parquet([${list}], hive_partitioning = false)`;
}

/** `src_keys.kind`: which grouping set a row is (`grouping(supplier_scheme, classification_scheme, currency, seller_item_id)`). */
const KIND = { supplier: 7, classification: 11, rate: 13, article: 14 } as const;

/**
 * One scan of the source for its small dictionaries: the suppliers, the classification codes, the
 * (currency, date) pairs that need an exchange rate and the article identifiers (seller's item id, GTIN).
 * A supplier invoicing under several names is shown by the first of them in code-point order (`min`, never
 * `any_value`), so the same files always give the same name.
 */
async function scanSourceKeys(c: DuckDBConnection) {
  await c.run(
    `CREATE OR REPLACE TEMP TABLE src_keys AS
     SELECT supplier_scheme, supplier_id, min(supplier_name) AS name, classification_scheme, classification_code,
            currency, issue_date, seller_item_id, gtin,
            grouping(supplier_scheme, classification_scheme, currency, seller_item_id)::INTEGER AS kind
     FROM src_lines
     GROUP BY GROUPING SETS ((supplier_scheme, supplier_id), (classification_scheme, classification_code), (currency, issue_date),
                            (seller_item_id, gtin));
     CREATE OR REPLACE TEMP TABLE src_rates AS
     SELECT k.currency, k.issue_date, CASE WHEN r.rate_date >= k.issue_date - ${RATE_LOOKBACK_DAYS} THEN r.nok_per_unit END AS rate
     FROM (SELECT currency, issue_date FROM src_keys WHERE kind = ${KIND.rate} AND currency <> 'NOK') k
     ASOF LEFT JOIN md_rates r ON r.currency = k.currency AND k.issue_date >= r.rate_date;`,
  );
}

/**
 * Classification codes of the source not yet in `cat_by_classification`, by the longest matching prefix (two
 * matching prefixes of one length are the same prefix; should two mappings share it, the lower category key).
 */
const NEW_CLASSIFICATIONS_SQL = `
  SELECT d.classification_scheme, d.classification_code,
         first(m.category_key ORDER BY length(m.prefix) DESC, m.category_key) AS category_key
  FROM (SELECT classification_scheme, classification_code FROM src_keys WHERE kind = ${KIND.classification} AND classification_code IS NOT NULL) d
  JOIN md_mappings m ON m.scheme = d.classification_scheme AND starts_with(d.classification_code, m.prefix)
  WHERE NOT EXISTS (SELECT 1 FROM cat_by_classification x
                    WHERE x.classification_scheme = d.classification_scheme AND x.classification_code = d.classification_code)
  GROUP BY ALL`;

/** The compact lines of the source (`src_lines`), coverage flags not yet set. */
export const COMPACT_LINES_SQL = `
  WITH typed AS (
    SELECT l.issue_date, l.currency, l.amount, l.seller_item_id, l.gtin, l.order_reference, l.has_order_line_reference,
           o.hf_key, o.rhf_key, s.supplier_key, r.rate, ar.article_key,
           a1.category_key AS k_item, a2.category_key AS k_gtin, cr.category_key AS k_contract,
           cm.category_key AS k_class, sm.category_key AS k_supplier
    FROM src_lines l
    JOIN md_orgs o ON o.code = l.hf_code
    JOIN suppliers s ON s.supplier_scheme = l.supplier_scheme AND s.supplier_id = l.supplier_id
    LEFT JOIN cat_by_item a1 ON a1.supplier_scheme = l.supplier_scheme AND a1.supplier_org_number = l.supplier_id AND a1.item = l.seller_item_id
    LEFT JOIN cat_by_gtin a2 ON a2.gtin = l.gtin
    LEFT JOIN cat_by_contract cr ON cr.agreement_number = l.contract_reference
    LEFT JOIN cat_by_classification cm ON cm.classification_scheme = l.classification_scheme AND cm.classification_code = l.classification_code
    LEFT JOIN cat_by_supplier sm ON sm.supplier_scheme = l.supplier_scheme AND sm.supplier_org_number = l.supplier_id
    LEFT JOIN src_rates r ON r.currency = l.currency AND r.issue_date = l.issue_date
    LEFT JOIN articles ar ON ar.seller_item_id IS NOT DISTINCT FROM l.seller_item_id AND ar.gtin IS NOT DISTINCT FROM l.gtin
  )
  SELECT (issue_date - DATE '1970-01-01')::INTEGER AS day,
         (year(issue_date) * 100 + month(issue_date))::INTEGER AS month,
         hf_key, rhf_key, supplier_key, article_key,
         coalesce(k_item, k_gtin, k_contract, k_class, k_supplier) AS category_key,
         (CASE WHEN coalesce(k_item, k_gtin) IS NOT NULL THEN 1 WHEN k_contract IS NOT NULL THEN 2
               WHEN k_class IS NOT NULL THEN 3 WHEN k_supplier IS NOT NULL THEN 4 ELSE 0 END)::UTINYINT AS category_source,
         CASE WHEN currency = 'NOK' THEN amount ELSE round(amount * rate, 2)::DECIMAL(18,2) END AS amount_nok,
         (currency <> 'NOK' AND rate IS NULL) AS is_rate_missing,
         (seller_item_id IS NULL AND gtin IS NULL AND order_reference IS NULL AND NOT coalesce(has_order_line_reference, false)) AS is_free_text,
         (order_reference IS NOT NULL OR coalesce(has_order_line_reference, false)) AS has_order,
         ((supplier_key::BIGINT * ${MAX_CATEGORIES} + coalesce(k_item, k_gtin, k_contract, k_class, k_supplier)) * ${MAX_ORGANISATIONS} + hf_key) AS cov_key,
         (coalesce(k_item, k_gtin, k_contract, k_class, k_supplier)::INTEGER * ${MAX_ORGANISATIONS} + hf_key) AS base_key,
         false AS is_covered, false AS is_in_agreement_category
  FROM typed`;

/**
 * From scratch: builds the `suppliers` dictionary, the categorisation tables and the compact `lines` table
 * from a line source (default: all Parquet files). Every coverage flag is then computed afresh.
 */
export async function prepareLines(c: DuckDBConnection, source: string): Promise<void> {
  await c.run(`CREATE OR REPLACE TEMP VIEW src_lines AS ${source}`);
  await scanSourceKeys(c);
  await c.run(
    `CREATE OR REPLACE TABLE suppliers AS
     SELECT (row_number() OVER (ORDER BY supplier_scheme, supplier_id))::INTEGER AS supplier_key, supplier_scheme, supplier_id, name
     FROM src_keys WHERE kind = ${KIND.supplier};
     CREATE OR REPLACE TABLE articles AS
     SELECT (row_number() OVER (ORDER BY seller_item_id, gtin))::INTEGER AS article_key, seller_item_id, gtin
     FROM src_keys WHERE kind = ${KIND.article} AND (seller_item_id IS NOT NULL OR gtin IS NOT NULL)`,
  );
  // Categorisation inputs, each unique per key so no join multiplies lines, and each with an explicit tie-break
  // (never `mode` or `any_value`, whose pick follows the order rows arrive in): an article or contract in
  // several categories takes the lowest category key; a supplier's main category is the one with most of its
  // agreements, on a tie the lowest key. Category keys follow the category codes' order
  // (loadMasterDataIntoEngine), so the lowest key is the first code. Agreements name suppliers by
  // organisation number, so the article and supplier tables carry the scheme '0192' as a join column: an
  // equality the hash join uses (a constant in the ON clause of a LEFT JOIN made it a nested-loop join).
  await c.run(
    `CREATE OR REPLACE TABLE cat_by_item AS SELECT '0192' AS supplier_scheme, supplier_org_number, item, min(category_key) AS category_key
       FROM md_articles WHERE item IS NOT NULL GROUP BY ALL;
     CREATE OR REPLACE TABLE cat_by_gtin AS SELECT gtin, min(category_key) AS category_key
       FROM md_articles WHERE gtin IS NOT NULL GROUP BY ALL;
     CREATE OR REPLACE TABLE cat_by_contract AS SELECT agreement_number, min(category_key) AS category_key
       FROM md_agreements GROUP BY ALL;
     CREATE OR REPLACE TABLE cat_by_supplier AS SELECT '0192' AS supplier_scheme, supplier_org_number,
         first(category_key ORDER BY agreements DESC, category_key) AS category_key
       FROM (SELECT supplier_org_number, category_key, count(DISTINCT agreement_id) AS agreements
             FROM md_agreements WHERE category_key IS NOT NULL GROUP BY ALL) GROUP BY ALL;
     CREATE OR REPLACE TABLE cat_by_classification (classification_scheme VARCHAR, classification_code VARCHAR, category_key SMALLINT);
     INSERT INTO cat_by_classification ${NEW_CLASSIFICATIONS_SQL};`,
  );
  // The lines are flagged as they are built: one pass over the source.
  await computeIntervals(c);
  await c.run(
    `CREATE OR REPLACE TABLE lines AS ${flaggedSql(`(${COMPACT_LINES_SQL})`, 'cov_iv_next', 'base_iv_next')}`,
  );
  await keepIntervals(c);
  await c.run(`DROP VIEW src_lines`);
}

/**
 * Adds the lines of new Parquet files to a prepared engine (same categorisation inputs): new suppliers get
 * the next keys, new classification codes are mapped, and the new lines are flagged against the current
 * merged intervals; their measures wait in `added_cube`. Returns the months (YYYYMM) the new lines fall in and
 * whether a new supplier is one an agreement names (then the merged intervals have changed).
 */
export async function extendLines(
  c: DuckDBConnection,
  source: string,
): Promise<{ months: number[]; hasNewAgreementSuppliers: boolean }> {
  await c.run(`CREATE OR REPLACE TEMP VIEW src_lines AS ${source}`);
  await scanSourceKeys(c);
  const known = Number(
    (await c.runAndReadAll(`SELECT coalesce(max(supplier_key), 0) FROM suppliers`)).getRows()[0]![0],
  );
  await c.run(
    `INSERT INTO suppliers
     SELECT ((SELECT coalesce(max(supplier_key), 0) FROM suppliers) + row_number() OVER (ORDER BY supplier_scheme, supplier_id))::INTEGER,
            supplier_scheme, supplier_id, name
     FROM src_keys k WHERE kind = ${KIND.supplier}
       AND NOT EXISTS (SELECT 1 FROM suppliers s WHERE s.supplier_scheme = k.supplier_scheme AND s.supplier_id = k.supplier_id);
     INSERT INTO articles
     SELECT ((SELECT coalesce(max(article_key), 0) FROM articles) + row_number() OVER (ORDER BY seller_item_id, gtin))::INTEGER,
            seller_item_id, gtin
     FROM src_keys k WHERE kind = ${KIND.article} AND (seller_item_id IS NOT NULL OR gtin IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.seller_item_id IS NOT DISTINCT FROM k.seller_item_id
                                                  AND a.gtin IS NOT DISTINCT FROM k.gtin);
     INSERT INTO cat_by_classification ${NEW_CLASSIFICATIONS_SQL};
     CREATE OR REPLACE TEMP TABLE new_lines AS ${COMPACT_LINES_SQL};`,
  );
  // Flagged against the intervals the other lines are true to; `refreshCoverage` then re-flags changed keys.
  // Their measures are kept (`added_cube`) so the cube can grow by them alone (`addToKpiCube`).
  await c.run(
    `CREATE OR REPLACE TEMP TABLE added_lines AS ${flaggedSql('new_lines', 'cov_iv', 'base_iv')};
     INSERT INTO lines SELECT * FROM added_lines;
     CREATE OR REPLACE TEMP TABLE added_cube AS ${cubeMeasuresSql('added_lines')} GROUP BY ALL;`,
  );
  const months = (await c.runAndReadAll(`SELECT DISTINCT month FROM added_cube ORDER BY month`))
    .getRows()
    .map((row) => Number(row[0]));
  await c.run(`DROP TABLE new_lines; DROP TABLE added_lines; DROP VIEW src_lines`);
  // A new supplier that an agreement names brings new merged intervals (its key was unknown before).
  const newAgreementSuppliers = Number(
    (
      await c.runAndReadAll(
        `SELECT count(*) FROM suppliers s JOIN (SELECT DISTINCT supplier_org_number FROM md_agreements) a
           ON s.supplier_scheme = '0192' AND s.supplier_id = a.supplier_org_number
         WHERE s.supplier_key > ${known}`,
      )
    ).getRows()[0]![0],
  );
  return { months, hasNewAgreementSuppliers: newAgreementSuppliers > 0 };
}

/**
 * After `extendLines`, when no flag changed since: the cube grows by the new lines' measures (every measure
 * is a sum or a count), so an import costs its own lines, not a re-aggregation of the months it touched.
 */
export async function addToKpiCube(c: DuckDBConnection) {
  await c.run(
    `CREATE OR REPLACE TABLE kpi_cube AS
     SELECT month, hf_key, rhf_key, category_key, sum(lines)::BIGINT AS lines,
            ${CUBE_SUMS.map((name) => `sum(${name})::DECIMAL(38,2) AS ${name}`).join(', ')},
            sum(rate_missing_lines)::BIGINT AS rate_missing_lines
     FROM (SELECT * FROM kpi_cube UNION ALL BY NAME SELECT * FROM added_cube) GROUP BY ALL;
     DROP TABLE added_cube;`,
  );
}

/** Whether all these tables exist in the connection's current database (not as temporary tables). */
export async function hasTables(c: DuckDBConnection, names: readonly string[]): Promise<boolean> {
  const reader = await c.runAndReadAll(
    `SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary
       AND table_name IN (${names.map(sqlString).join(', ')})`,
  );
  return Number(reader.getRows()[0]![0]) === names.length;
}

/**
 * Keeps the per-line coverage flags true to the agreements: expands agreements to the organisations they
 * cover, merges their validity intervals per (supplier, category, organisation) and per (category,
 * organisation) — after merging a line meets at most one interval per key, so nothing needs de-duplication —
 * and re-flags only the lines whose keys' intervals changed. Without previous intervals every line is flagged.
 */
export async function refreshCoverage(
  connection: DuckDBConnection,
): Promise<{ mode: 'full' | 'incremental'; changedKeys: number }> {
  await computeIntervals(connection);
  const hasPrevious = await hasTables(connection, ['cov_iv', 'base_iv']);
  let changedKeys = 0;
  if (!hasPrevious) {
    await rebuildAllFlags(connection);
  } else {
    for (const [flag, key, current, next] of [
      ['is_covered', 'cov_key', 'cov_iv', 'cov_iv_next'],
      ['is_in_agreement_category', 'base_key', 'base_iv', 'base_iv_next'],
    ] as const) {
      await connection.run(
        `CREATE OR REPLACE TEMP TABLE changed_keys AS SELECT DISTINCT k FROM (
           (SELECT * FROM ${current} EXCEPT SELECT * FROM ${next}) UNION ALL (SELECT * FROM ${next} EXCEPT SELECT * FROM ${current}))`,
      );
      const changed = Number(
        (await connection.runAndReadAll(`SELECT count(*) FROM changed_keys`)).getRows()[0]![0],
      );
      changedKeys += changed;
      if (changed > 0)
        await connection.run(
          `UPDATE lines SET ${flag} = EXISTS (SELECT 1 FROM ${next} i WHERE i.k = lines.${key} AND lines.day BETWEEN i.from_day AND i.to_day)
           WHERE ${key} IN (SELECT k FROM changed_keys)`,
        );
    }
  }
  if (!hasPrevious || changedKeys > 0) await keepIntervals(connection);
  return { mode: hasPrevious ? 'incremental' : 'full', changedKeys };
}

/** The merged intervals just computed become the ones the flags are true to. */
async function keepIntervals(connection: DuckDBConnection) {
  await connection.run(
    `CREATE OR REPLACE TABLE cov_iv AS SELECT * FROM cov_iv_next; CREATE OR REPLACE TABLE base_iv AS SELECT * FROM base_iv_next;
     CREATE OR REPLACE VIEW kpi_lines AS SELECT * FROM lines;`,
  );
}

/**
 * Agreements expanded to the organisations they cover, and their validity intervals merged per
 * (supplier, category, organisation) → `cov_iv_next` and per (category, organisation) → `base_iv_next`.
 */
async function computeIntervals(connection: DuckDBConnection) {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE agreement_cover AS
     WITH covered_orgs AS (
       SELECT a.agreement_id, o.hf_key FROM md_agreements a JOIN md_orgs o ON a.scope = 'national'
       UNION ALL
       SELECT a.agreement_id, o.hf_key FROM md_agreements a JOIN md_orgs o ON a.scope = 'regional' AND o.rhf_key = a.rhf_key
       UNION ALL
       SELECT a.agreement_id, h.hf_key FROM md_agreements a JOIN md_agreement_orgs h ON a.scope = 'local' AND h.agreement_id = a.agreement_id)
     SELECT DISTINCT s.supplier_key, a.category_key, c.hf_key, a.from_day, a.to_day
     FROM md_agreements a
     JOIN covered_orgs c ON c.agreement_id = a.agreement_id
     LEFT JOIN suppliers s ON s.supplier_scheme = '0192' AND s.supplier_id = a.supplier_org_number
     WHERE a.category_key IS NOT NULL;
     CREATE OR REPLACE TEMP TABLE cov_iv_next AS ${mergedIntervals(`(supplier_key::BIGINT * ${MAX_CATEGORIES} + category_key) * ${MAX_ORGANISATIONS} + hf_key`, 'supplier_key IS NOT NULL')};
     CREATE OR REPLACE TEMP TABLE base_iv_next AS ${mergedIntervals(`category_key::INTEGER * ${MAX_ORGANISATIONS} + hf_key`, 'true')};`,
  );
}

/** Flags every line from the merged intervals with two equi-joins (no line matches more than one interval). */
export async function rebuildAllFlags(connection: DuckDBConnection) {
  await connection.run(
    `CREATE OR REPLACE TABLE lines AS ${flaggedSql('lines', 'cov_iv_next', 'base_iv_next')}`,
  );
}

const flaggedSql = (lines: string, cov: string, base: string) =>
  `SELECT l.* REPLACE (c.k IS NOT NULL AS is_covered, b.k IS NOT NULL AS is_in_agreement_category)
   FROM ${lines} l
   LEFT JOIN ${cov} c ON c.k = l.cov_key AND l.day BETWEEN c.from_day AND c.to_day
   LEFT JOIN ${base} b ON b.k = l.base_key AND l.day BETWEEN b.from_day AND b.to_day`;

/**
 * The KPI recomputation: all measures per month × organisation × category, from the flagged lines; with
 * `months`, only those months' cells are recomputed (after an import that added lines to them).
 */
export async function recomputeKpiCube(connection: DuckDBConnection, months?: readonly number[]) {
  const measures = cubeMeasuresSql('lines');
  if (months === undefined || !(await hasTables(connection, ['kpi_cube'])))
    await connection.run(`CREATE OR REPLACE TABLE kpi_cube AS ${measures} GROUP BY ALL`);
  else if (months.length > 0) {
    const list = months.map((month) => Math.trunc(month)).join(', ');
    await connection.run(
      `DELETE FROM kpi_cube WHERE month IN (${list}); INSERT INTO kpi_cube ${measures} WHERE month IN (${list}) GROUP BY ALL`,
    );
  }
}

/** The cube's money measures (besides the line counts). */
const CUBE_SUMS = ['total', 'covered', 'in_agreement_category', 'free_text', 'with_order'] as const;

const cubeMeasuresSql = (lines: string) => `SELECT month, hf_key, rhf_key, category_key,
            count(*)::BIGINT AS lines,
            coalesce(sum(amount_nok), 0)::DECIMAL(38,2) AS total,
            coalesce(sum(amount_nok) FILTER (is_covered), 0)::DECIMAL(38,2) AS covered,
            coalesce(sum(amount_nok) FILTER (is_in_agreement_category), 0)::DECIMAL(38,2) AS in_agreement_category,
            coalesce(sum(amount_nok) FILTER (is_free_text), 0)::DECIMAL(38,2) AS free_text,
            coalesce(sum(amount_nok) FILTER (has_order), 0)::DECIMAL(38,2) AS with_order,
            count(*) FILTER (is_rate_missing)::BIGINT AS rate_missing_lines
     FROM ${lines}`;

/** After a change of lines or master data: bring the flags up to date and recompute the KPI cube. */
export async function recomputeCoverage(connection: DuckDBConnection) {
  const result = await refreshCoverage(connection);
  await recomputeKpiCube(connection);
  return result;
}

/** Gaps-and-islands: overlapping or adjacent intervals of one key become one. */
function mergedIntervals(keyExpression: string, where: string) {
  return `
    WITH keyed AS (SELECT ${keyExpression} AS k, from_day, to_day FROM agreement_cover WHERE ${where}),
    marked AS (
      SELECT *, max(to_day) OVER (PARTITION BY k ORDER BY from_day, to_day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
      FROM keyed),
    grouped AS (
      SELECT *, sum(CASE WHEN reach IS NULL OR from_day > reach + 1 THEN 1 ELSE 0 END)
                OVER (PARTITION BY k ORDER BY from_day, to_day ROWS UNBOUNDED PRECEDING) AS island
      FROM marked)
    SELECT k, min(from_day) AS from_day, max(to_day) AS to_day FROM grouped GROUP BY k, island`;
}

/** The KPI result of a full recomputation: spend, covered spend and spend in agreement categories per organisation and category. */
export const KPI_TABLE_SQL = `SELECT hf_key, category_key,
    sum(total)::VARCHAR AS total, sum(covered)::VARCHAR AS covered, sum(in_agreement_category)::VARCHAR AS in_agreement_category
  FROM kpi_cube GROUP BY ALL ORDER BY hf_key, category_key NULLS FIRST`;

export async function computeKpiTable(connection: DuckDBConnection) {
  await recomputeKpiCube(connection);
  return (await connection.runAndReadAll(KPI_TABLE_SQL)).getRows();
}
