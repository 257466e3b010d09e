// The spend half of the harmonisation KPI, computed in DuckDB over the EHF lines in Parquet (the spend
// feature's line source): per HF, the NOK of lines from the agreement's supplier within its validity, and the
// part on master articles the HF has mapped (seller's item id or GTIN). Node holds only the per-HF sums.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { lineSource, RATE_LOOKBACK_DAYS, sqlString } from '../spend/index.js';

let instance: Promise<DuckDBInstance> | null = null;
const duckdb = () => (instance ??= DuckDBInstance.create(':memory:', { threads: '2' }));

export interface SpendQuery {
  spendDir: string;
  supplierOrgNumber: string;
  validFrom: string;
  validTo: string;
  hfCodes: readonly string[];
  /** The master articles each HF has mapped, as EHF lines name them. */
  mappedArticles: ReadonlyArray<{
    hfCode: string;
    supplierArticleNumber: string | null;
    gtin: string | null;
  }>;
  rates: ReadonlyArray<{ currency: string; rateDate: string; nokPerUnit: string }>;
}

export interface HfSpend {
  /** null: the sum over all the HFs asked for. */
  hfCode: string | null;
  supplierSpend: string;
  spendOnMapped: string;
}

async function loadRows(
  c: DuckDBConnection,
  table: string,
  columns: string,
  rows: ReadonlyArray<ReadonlyArray<string | null>>,
) {
  await c.run(`CREATE OR REPLACE TEMP TABLE ${table} (${columns})`);
  const appender = await c.createAppender(table, 'main', 'temp');
  for (const row of rows) {
    for (const value of row) {
      if (value === null) appender.appendNull();
      else appender.appendVarchar(value);
    }
    appender.endRow();
  }
  appender.closeSync();
}

const SPEND_SQL = (source: string, q: SpendQuery) => `
  WITH lines AS (
    SELECT l.hf_code, l.seller_item_id, l.gtin,
           CASE WHEN l.currency = 'NOK' THEN l.amount
                WHEN r.rate_date >= l.issue_date - ${RATE_LOOKBACK_DAYS} THEN round(l.amount * CAST(r.nok_per_unit AS DECIMAL(18,8)), 2) END AS amount_nok
    FROM (${source}) l
    ASOF LEFT JOIN (SELECT currency, CAST(rate_date AS DATE) AS rate_date, nok_per_unit FROM h_rates) r
      ON r.currency = l.currency AND l.issue_date >= r.rate_date
    WHERE l.supplier_scheme = '0192' AND l.supplier_id = ${sqlString(q.supplierOrgNumber)}
      AND l.issue_date BETWEEN DATE ${sqlString(q.validFrom)} AND DATE ${sqlString(q.validTo)}
      AND l.hf_code IN (SELECT hf_code FROM h_hfs)
  ), items AS (SELECT DISTINCT hf_code, item FROM h_mapped WHERE item IS NOT NULL),
     gtins AS (SELECT DISTINCT hf_code, gtin FROM h_mapped WHERE gtin IS NOT NULL)
  SELECT l.hf_code,
         CAST(coalesce(sum(l.amount_nok), 0) AS DECIMAL(18,2))::VARCHAR AS supplier_spend,
         CAST(coalesce(sum(l.amount_nok) FILTER (WHERE i.item IS NOT NULL OR g.gtin IS NOT NULL), 0) AS DECIMAL(18,2))::VARCHAR AS on_mapped
  FROM lines l
  LEFT JOIN items i ON i.hf_code = l.hf_code AND i.item = l.seller_item_id
  LEFT JOIN gtins g ON g.hf_code = l.hf_code AND g.gtin = l.gtin
  GROUP BY GROUPING SETS ((l.hf_code), ())`;

/** Per HF and in total; an empty store gives zeros. */
export async function sumHarmonisationSpend(q: SpendQuery): Promise<HfSpend[]> {
  const c = await (await duckdb()).connect();
  try {
    await loadRows(
      c,
      'h_hfs',
      'hf_code VARCHAR',
      q.hfCodes.map((code) => [code]),
    );
    await loadRows(
      c,
      'h_mapped',
      'hf_code VARCHAR, item VARCHAR, gtin VARCHAR',
      q.mappedArticles.map((a) => [a.hfCode, a.supplierArticleNumber, a.gtin]),
    );
    await loadRows(
      c,
      'h_rates',
      'currency VARCHAR, rate_date VARCHAR, nok_per_unit VARCHAR',
      q.rates.map((r) => [r.currency, r.rateDate, r.nokPerUnit]),
    );
    const reader = await c.runAndReadAll(SPEND_SQL(lineSource({ dir: q.spendDir }), q));
    return reader.getRows().map(([hfCode, supplierSpend, onMapped]) => ({
      hfCode: hfCode === null ? null : String(hfCode),
      supplierSpend: String(supplierSpend),
      spendOnMapped: String(onMapped),
    }));
  } finally {
    c.closeSync();
  }
}
