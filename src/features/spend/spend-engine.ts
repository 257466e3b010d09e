// The KPI engine: DuckDB scans the Parquet lines; Node never holds them. Two steps:
//  prepare   — read the Parquet files once into a compact in-memory table with integer keys (organisation,
//              supplier, category), the category of each line (article → contract reference → classification
//              → the supplier's main category) and the amount in NOK;
//  recompute — merge agreement validity intervals per supplier/category/organisation (so no line needs
//              de-duplication), then flag each line as covered / in an agreement category with two equi-joins.
// The KPI and drill-down queries then aggregate the flagged lines.
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
            (coalesce(k_item, k_gtin, k_contract, k_class, k_supplier)::INTEGER * ${MAX_ORGANISATIONS} + hf_key) AS base_key
     FROM rated
     ORDER BY day`,
  );
}

/**
 * Full KPI recomputation: expand agreements to the organisations they cover, merge their validity intervals
 * per (supplier, category, organisation) and per (category, organisation), then flag every line.
 */
export async function recomputeCoverage(connection: DuckDBConnection) {
  await connection.run(
    `CREATE OR REPLACE TABLE agreement_cover AS
     SELECT s.supplier_key, a.category_key, o.hf_key, a.from_day, a.to_day
     FROM md_agreements a
     JOIN md_orgs o ON a.scope = 'national'
        OR (a.scope = 'regional' AND o.rhf_key = a.rhf_key)
        OR (a.scope = 'local' AND o.hf_key IN (SELECT h.hf_key FROM md_agreement_orgs h WHERE h.agreement_id = a.agreement_id))
     LEFT JOIN suppliers s ON s.supplier_scheme = '0192' AND s.supplier_id = a.supplier_org_number
     WHERE a.category_key IS NOT NULL;
     CREATE OR REPLACE TABLE cov_iv AS ${mergedIntervals(`(supplier_key::BIGINT * ${MAX_CATEGORIES} + category_key) * ${MAX_ORGANISATIONS} + hf_key`, 'supplier_key IS NOT NULL')};
     CREATE OR REPLACE TABLE base_iv AS ${mergedIntervals(`category_key::INTEGER * ${MAX_ORGANISATIONS} + hf_key`, 'true')};
     CREATE OR REPLACE TABLE kpi_lines AS
     SELECT l.day, l.month, l.hf_key, l.rhf_key, l.supplier_key, l.category_key, l.amount_nok, l.is_rate_missing,
            l.is_free_text, l.has_order, c.k IS NOT NULL AS is_covered, b.k IS NOT NULL AS is_in_agreement_category
     FROM lines l
     LEFT JOIN cov_iv c ON c.k = l.cov_key AND l.day BETWEEN c.from_day AND c.to_day
     LEFT JOIN base_iv b ON b.k = l.base_key AND l.day BETWEEN b.from_day AND b.to_day;`,
  );
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
    coalesce(sum(amount_nok), 0)::VARCHAR AS total,
    coalesce(sum(amount_nok) FILTER (is_covered), 0)::VARCHAR AS covered,
    coalesce(sum(amount_nok) FILTER (is_in_agreement_category), 0)::VARCHAR AS in_agreement_category
  FROM kpi_lines GROUP BY ALL ORDER BY hf_key, category_key NULLS FIRST`;

export async function computeKpiTable(connection: DuckDBConnection) {
  await recomputeCoverage(connection);
  return (await connection.runAndReadAll(KPI_TABLE_SQL)).getRows();
}
