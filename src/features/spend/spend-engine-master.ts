// Master data for the KPI engine: the small main-database tables (organisations, top-level categories,
// agreements, articles, classification mapping, exchange rates) exported into DuckDB with integer keys.
import type { DuckDBConnection } from '@duckdb/node-api';
import { MAX_CATEGORIES, MAX_ORGANISATIONS } from './spend-engine.js';
import type { MasterData } from './spend-master-data.js';
import { dayNumber } from './spend.rules.js';

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
  // An article's category is its agreement's; of an agreement in several categories, the lowest key (the
  // first code), whatever order the rows came in.
  const firstCategory = new Map<string, number | null>();
  for (const row of master.agreementCategories) {
    const key = rollUp(row.categoryId);
    const known = firstCategory.get(row.agreementId);
    if (known === undefined || (key !== null && (known === null || key < known)))
      firstCategory.set(row.agreementId, key);
  }
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
