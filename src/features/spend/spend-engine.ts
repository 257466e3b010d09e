// The KPI engine: DuckDB scans the Parquet lines; Node never holds them. Two steps:
//  prepare   — read the Parquet files once into a compact in-memory table with integer keys (organisation,
//              supplier, category), the category of each line (article → contract reference → classification
//              → the supplier's main category) and the amount in NOK;
//  coverage  — merge agreement validity intervals per supplier/category/organisation (so no line needs
//              de-duplication; each line meets at most one interval per key) and keep a coverage flag per line,
//              re-flagging only the lines whose keys an agreement change touched;
//  recompute — aggregate the flagged lines into a small cube by month × organisation × category.
// Dashboards read the cube; supplier-level questions aggregate the flagged lines directly.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { MasterData } from './spend-master-data.js';
import { hasLineFiles, lineFilesGlob, sqlString, type SpendStore } from './spend-store.js';
import { dayNumber, RATE_LOOKBACK_DAYS } from './spend.rules.js';

/** Keys pack into one BIGINT: supplier · 64 categories · 1024 organisations. */
export const MAX_CATEGORIES = 64;
export const MAX_ORGANISATIONS = 1024;

type Cell = string | number | boolean | null;

async function loadTable(
  connection: DuckDBConnection,
  name: string,
  columns: ReadonlyArray<readonly [string, string]>,
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
) {
  await connection.run(
    `CREATE OR REPLACE TABLE ${name}_raw (${columns.map(([c]) => `${c} VARCHAR`).join(', ')})`,
  );
  const appender = await connection.createAppender(`${name}_raw`);
  for (const row of rows) {
    for (const value of row) {
      if (value === null) appender.appendNull();
      else appender.appendVarchar(String(value));
    }
    appender.endRow();
  }
  appender.closeSync();
  await connection.run(
    `CREATE OR REPLACE TABLE ${name} AS SELECT ${columns.map(([c, t]) => `CAST(${c} AS ${t}) AS ${c}`).join(', ')} FROM ${name}_raw`,
  );
  await connection.run(`DROP TABLE ${name}_raw`);
}

export interface EngineKeys {
  organisationByCode: Map<string, { key: number; rhfKey: number | null; name: string; kind: string }>;
  categoryByCode: Map<string, { key: number; name: string }>;
}

/** Exports the small master-data tables into DuckDB (top-level categories; purchase groups roll up). */
export async function loadMasterDataIntoEngine(
  connection: DuckDBConnection,
  master: MasterData,
): Promise<EngineKeys> {
  const orgKey = new Map(master.organisations.map((org, index) => [org.id, index + 1]));
  if (master.organisations.length >= MAX_ORGANISATIONS)
    throw new Error('For mange organisasjoner for KPI-motoren.');
  const topLevel = master.categories.filter((category) => category.parentId === null);
  if (topLevel.length >= MAX_CATEGORIES) throw new Error('For mange kategorier for KPI-motoren.');
  const categoryKey = new Map(topLevel.map((category, index) => [category.id, index + 1]));
  const rollUp = (categoryId: string) => {
    const category = master.categories.find((candidate) => candidate.id === categoryId);
    return categoryKey.get(category?.parentId ?? categoryId) ?? null;
  };
  await loadTable(
    connection,
    'md_orgs',
    [
      ['hf_key', 'SMALLINT'],
      ['code', 'VARCHAR'],
      ['name', 'VARCHAR'],
      ['kind', 'VARCHAR'],
      ['rhf_key', 'SMALLINT'],
    ],
    master.organisations.map((org) => [
      orgKey.get(org.id)!,
      org.code,
      org.name,
      org.kind,
      org.kind === 'RHF' ? orgKey.get(org.id)! : org.rhfId ? orgKey.get(org.rhfId)! : null,
    ]),
  );
  await loadTable(
    connection,
    'md_categories',
    [
      ['category_key', 'SMALLINT'],
      ['code', 'VARCHAR'],
      ['name', 'VARCHAR'],
    ],
    topLevel.map((category) => [categoryKey.get(category.id)!, category.code, category.name]),
  );
  await loadTable(
    connection,
    'md_agreements',
    [
      ['agreement_id', 'VARCHAR'],
      ['agreement_number', 'VARCHAR'],
      ['supplier_org_number', 'VARCHAR'],
      ['scope', 'VARCHAR'],
      ['rhf_key', 'SMALLINT'],
      ['from_day', 'INTEGER'],
      ['to_day', 'INTEGER'],
      ['category_key', 'SMALLINT'],
    ],
    master.agreementCategories.map((row) => [
      row.agreementId,
      row.agreementNumber,
      row.supplierOrgNumber,
      row.scope,
      row.rhfId ? (orgKey.get(row.rhfId) ?? null) : null,
      dayNumber(row.validFrom),
      dayNumber(row.validTo),
      rollUp(row.categoryId),
    ]),
  );
  await loadTable(
    connection,
    'md_agreement_orgs',
    [
      ['agreement_id', 'VARCHAR'],
      ['hf_key', 'SMALLINT'],
    ],
    master.agreementOrganisations.map((row) => [row.agreementId, orgKey.get(row.organisationId) ?? null]),
  );
  const firstCategory = new Map<string, number | null>();
  for (const row of master.agreementCategories)
    if (!firstCategory.has(row.agreementId)) firstCategory.set(row.agreementId, rollUp(row.categoryId));
  await loadTable(
    connection,
    'md_articles',
    [
      ['supplier_org_number', 'VARCHAR'],
      ['item', 'VARCHAR'],
      ['gtin', 'VARCHAR'],
      ['category_key', 'SMALLINT'],
    ],
    master.articles.map((row) => [
      row.supplierOrgNumber,
      row.supplierArticleNumber,
      row.gtin,
      firstCategory.get(row.agreementId) ?? null,
    ]),
  );
  await loadTable(
    connection,
    'md_mappings',
    [
      ['scheme', 'VARCHAR'],
      ['prefix', 'VARCHAR'],
      ['category_key', 'SMALLINT'],
    ],
    master.mappings.map((row) => [row.scheme, row.codePrefix, rollUp(row.categoryId)]),
  );
  await loadTable(
    connection,
    'md_rates',
    [
      ['currency', 'VARCHAR'],
      ['rate_date', 'DATE'],
      ['nok_per_unit', 'DECIMAL(18,8)'],
    ],
    master.rates.map((row) => [row.currency, row.rateDate, row.nokPerUnit]),
  );
  const organisationByCode = new Map(
    master.organisations.map((org) => [
      org.code,
      {
        key: orgKey.get(org.id)!,
        rhfKey: org.kind === 'RHF' ? orgKey.get(org.id)! : org.rhfId ? (orgKey.get(org.rhfId) ?? null) : null,
        name: org.name,
        kind: org.kind,
      },
    ]),
  );
  const categoryByCode = new Map(
    topLevel.map((category) => [category.code, { key: categoryKey.get(category.id)!, name: category.name }]),
  );
  return { organisationByCode, categoryByCode };
}

/** Builds the `suppliers` dictionary and the compact `lines` table from the Parquet files. */
export async function prepareLines(store: SpendStore, options: { source?: string } = {}) {
  const c = store.connection;
  const source =
    options.source ??
    (hasLineFiles(store)
      ? `SELECT * FROM read_parquet(${sqlString(lineFilesGlob(store))}, hive_partitioning = false)`
      : `SELECT * FROM (SELECT NULL::DATE issue_date, NULL::VARCHAR supplier_scheme, NULL::VARCHAR supplier_id, NULL::VARCHAR supplier_name,
           NULL::VARCHAR hf_code, NULL::VARCHAR currency, NULL::DECIMAL(18,2) amount, NULL::VARCHAR seller_item_id, NULL::VARCHAR gtin,
           NULL::VARCHAR classification_scheme, NULL::VARCHAR classification_code, NULL::VARCHAR contract_reference,
           NULL::VARCHAR order_reference, NULL::BOOLEAN has_order_line_reference) WHERE false`);
  await c.run(`CREATE OR REPLACE VIEW src_lines AS ${source}`);
  await c.run(
    `CREATE OR REPLACE TABLE suppliers AS
     SELECT (row_number() OVER (ORDER BY supplier_scheme, supplier_id))::INTEGER AS supplier_key,
            supplier_scheme, supplier_id, name
     FROM (SELECT supplier_scheme, supplier_id, any_value(supplier_name) AS name FROM src_lines GROUP BY ALL)`,
  );
  // Categorisation inputs, each unique per key so no join multiplies lines.
  await c.run(
    `CREATE OR REPLACE TABLE cat_by_item AS SELECT supplier_org_number, item, min(category_key) AS category_key
       FROM md_articles WHERE item IS NOT NULL GROUP BY ALL;
     CREATE OR REPLACE TABLE cat_by_gtin AS SELECT gtin, min(category_key) AS category_key
       FROM md_articles WHERE gtin IS NOT NULL GROUP BY ALL;
     CREATE OR REPLACE TABLE cat_by_contract AS SELECT agreement_number, min(category_key) AS category_key
       FROM md_agreements GROUP BY ALL;
     CREATE OR REPLACE TABLE cat_by_supplier AS SELECT supplier_org_number, mode(category_key) AS category_key
       FROM md_agreements GROUP BY ALL;
     CREATE OR REPLACE TABLE cat_by_classification AS
       SELECT d.classification_scheme, d.classification_code, arg_max(m.category_key, length(m.prefix)) AS category_key
       FROM (SELECT DISTINCT classification_scheme, classification_code FROM src_lines WHERE classification_code IS NOT NULL) d
       JOIN md_mappings m ON m.scheme = d.classification_scheme AND starts_with(d.classification_code, m.prefix)
       GROUP BY ALL;`,
  );
  await c.run(
    `CREATE OR REPLACE TABLE lines AS
     WITH typed AS (
       SELECT l.*, o.hf_key, o.rhf_key, s.supplier_key,
              a1.category_key AS k_item, a2.category_key AS k_gtin, cr.category_key AS k_contract,
              cm.category_key AS k_class, sm.category_key AS k_supplier
       FROM src_lines l
       JOIN md_orgs o ON o.code = l.hf_code
       JOIN suppliers s ON s.supplier_scheme = l.supplier_scheme AND s.supplier_id = l.supplier_id
       LEFT JOIN cat_by_item a1 ON l.supplier_scheme = '0192' AND a1.supplier_org_number = l.supplier_id AND a1.item = l.seller_item_id
       LEFT JOIN cat_by_gtin a2 ON a2.gtin = l.gtin
       LEFT JOIN cat_by_contract cr ON cr.agreement_number = l.contract_reference
       LEFT JOIN cat_by_classification cm ON cm.classification_scheme = l.classification_scheme AND cm.classification_code = l.classification_code
       LEFT JOIN cat_by_supplier sm ON l.supplier_scheme = '0192' AND sm.supplier_org_number = l.supplier_id
     ),
     rated AS (
       SELECT t.*, CASE WHEN r.rate_date >= t.issue_date - ${RATE_LOOKBACK_DAYS} THEN r.nok_per_unit END AS rate
       FROM typed t ASOF LEFT JOIN md_rates r ON r.currency = t.currency AND t.issue_date >= r.rate_date
     )
     SELECT (issue_date - DATE '1970-01-01')::INTEGER AS day,
            (year(issue_date) * 100 + month(issue_date))::INTEGER AS month,
            hf_key, rhf_key, supplier_key,
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
     FROM rated
     ORDER BY day`,
  );
  // New lines: every coverage flag must be computed afresh.
  await c.run(`DROP TABLE IF EXISTS cov_iv; DROP TABLE IF EXISTS base_iv`);
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
  await connection.run(
    `CREATE OR REPLACE TABLE agreement_cover AS
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
     CREATE OR REPLACE TABLE cov_iv_next AS ${mergedIntervals(`(supplier_key::BIGINT * ${MAX_CATEGORIES} + category_key) * ${MAX_ORGANISATIONS} + hf_key`, 'supplier_key IS NOT NULL')};
     CREATE OR REPLACE TABLE base_iv_next AS ${mergedIntervals(`category_key::INTEGER * ${MAX_ORGANISATIONS} + hf_key`, 'true')};`,
  );
  const hasPrevious =
    Number(
      (
        await connection.runAndReadAll(
          `SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('cov_iv', 'base_iv') AND NOT temporary`,
        )
      ).getRows()[0]![0],
    ) === 2;
  let changedKeys = 0;
  if (!hasPrevious) {
    await rebuildAllFlags(connection);
  } else {
    for (const [flag, key, current, next] of [
      ['is_covered', 'cov_key', 'cov_iv', 'cov_iv_next'],
      ['is_in_agreement_category', 'base_key', 'base_iv', 'base_iv_next'],
    ] as const) {
      await connection.run(
        `CREATE OR REPLACE TABLE changed_keys AS SELECT DISTINCT k FROM (
           (SELECT * FROM ${current} EXCEPT SELECT * FROM ${next}) UNION ALL (SELECT * FROM ${next} EXCEPT SELECT * FROM ${current}))`,
      );
      changedKeys += Number(
        (await connection.runAndReadAll(`SELECT count(*) FROM changed_keys`)).getRows()[0]![0],
      );
      await connection.run(
        `UPDATE lines SET ${flag} = EXISTS (SELECT 1 FROM ${next} i WHERE i.k = lines.${key} AND lines.day BETWEEN i.from_day AND i.to_day)
         WHERE ${key} IN (SELECT k FROM changed_keys)`,
      );
    }
  }
  await connection.run(
    `CREATE OR REPLACE TABLE cov_iv AS SELECT * FROM cov_iv_next; CREATE OR REPLACE TABLE base_iv AS SELECT * FROM base_iv_next;
     CREATE OR REPLACE VIEW kpi_lines AS SELECT * FROM lines;`,
  );
  return { mode: hasPrevious ? 'incremental' : 'full', changedKeys };
}

/** Flags every line from the merged intervals with two equi-joins (no line matches more than one interval). */
export async function rebuildAllFlags(connection: DuckDBConnection) {
  await connection.run(
    `CREATE OR REPLACE TABLE lines AS
     SELECT l.* REPLACE (c.k IS NOT NULL AS is_covered, b.k IS NOT NULL AS is_in_agreement_category)
     FROM lines l
     LEFT JOIN cov_iv_next c ON c.k = l.cov_key AND l.day BETWEEN c.from_day AND c.to_day
     LEFT JOIN base_iv_next b ON b.k = l.base_key AND l.day BETWEEN b.from_day AND b.to_day`,
  );
}

/** The KPI recomputation: all measures per month × organisation × category, from the flagged lines. */
export async function recomputeKpiCube(connection: DuckDBConnection) {
  await connection.run(
    `CREATE OR REPLACE TABLE kpi_cube AS
     SELECT month, hf_key, rhf_key, category_key,
            count(*)::BIGINT AS lines,
            coalesce(sum(amount_nok), 0) AS total,
            coalesce(sum(amount_nok) FILTER (is_covered), 0) AS covered,
            coalesce(sum(amount_nok) FILTER (is_in_agreement_category), 0) AS in_agreement_category,
            coalesce(sum(amount_nok) FILTER (is_free_text), 0) AS free_text,
            coalesce(sum(amount_nok) FILTER (has_order), 0) AS with_order,
            count(*) FILTER (is_rate_missing)::BIGINT AS rate_missing_lines
     FROM lines GROUP BY ALL`,
  );
}

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
