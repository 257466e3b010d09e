// Spend analytics (forbruksanalyse): the national KPI figures with drill-down RHF → HF → category → supplier.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { withQuery } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatNok, formatNokCompact } from '../../shared/format.js';
import { EmptyRow, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { EChart, type ChartOption } from '../../shared/echart.js';
import { SpendImportLink } from './spend-import-page.js';
import {
  dimensionLabels,
  formatShare,
  type ASupplierCategory,
  type BreakdownRow,
  type Dimension,
  type KpiSummary,
  type SupplierAmount,
} from './spend-api.js';
import { SelectField } from '../../shared/fields.js';

/** URL names (Norwegian, shareable) → API filter names. */
const filterParams = {
  rhf: 'rhf',
  hf: 'hf',
  kategori: 'category',
  leverandor: 'supplier',
  fra: 'from',
  til: 'to',
} as const;
type FilterName = keyof typeof filterParams;
const drillOrder: Array<[FilterName, Dimension]> = [
  ['rhf', 'rhf'],
  ['hf', 'hf'],
  ['kategori', 'category'],
  ['leverandor', 'supplier'],
];
const filterOfDimension: Partial<Record<Dimension, FilterName>> = {
  rhf: 'rhf',
  hf: 'hf',
  category: 'kategori',
  supplier: 'leverandor',
};

export function SpendPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = Object.fromEntries(
    (Object.keys(filterParams) as FilterName[]).map((name) => [name, searchParams.get(name) ?? '']),
  ) as Record<FilterName, string>;
  const query = Object.fromEntries(
    (Object.keys(filterParams) as FilterName[]).map((name) => [filterParams[name], filters[name]]),
  );
  const nextLevel = drillOrder.find(([name]) => !filters[name])?.[1] ?? 'month';
  const by = (searchParams.get('vis') as Dimension | null) ?? nextLevel;

  const summary = useApi<KpiSummary>(withQuery('/api/spend/kpis', query));
  const breakdown = useApi<BreakdownRow[]>(withQuery('/api/spend/breakdown', { ...query, by, limit: 200 }));
  const months = useApi<BreakdownRow[]>(withQuery('/api/spend/breakdown', { ...query, by: 'month' }));
  const leakage = useApi<SupplierAmount[]>(withQuery('/api/spend/leakage', query));
  const aSuppliers = useApi<ASupplierCategory[]>(withQuery('/api/spend/a-suppliers', query));
  // Busy until every table shows the current filter (stale rows stay visible while a new drill-down loads).
  const isBusy = [summary, breakdown, months, leakage, aSuppliers].some((resource) => resource.isLoading);

  function update(changes: Partial<Record<FilterName | 'vis', string>>) {
    const next = new URLSearchParams(searchParams);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setSearchParams(next);
  }

  function drill(row: BreakdownRow) {
    const filter = filterOfDimension[by];
    if (filter) update({ [filter]: row.key, vis: '' });
  }

  const crumbs = drillOrder.filter(([name]) => filters[name]);
  const measures = summary.data?.measures;
  const rows = useMemo(() => breakdown.data ?? [], [breakdown.data]);

  const coverageChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatShare(Number(value) / 100) },
      grid: { left: 48, right: 24, top: 24, bottom: 90 },
      xAxis: {
        type: 'category',
        data: rows.slice(0, 30).map((row) => row.name),
        axisLabel: { rotate: 35, fontSize: 11 },
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        {
          name: 'Avtaledekning',
          type: 'bar',
          data: rows
            .slice(0, 30)
            .map((row) => (row.coverage === null ? null : Math.round(row.coverage * 1000) / 10)),
          itemStyle: { color: '#005aa0' },
          markLine: {
            symbol: 'none',
            data: [{ yAxis: 85, name: 'Mål 85 %' }],
            lineStyle: { color: '#c05621' },
            label: { formatter: 'Mål 85 %' },
          },
        },
        {
          name: 'Avtalelojalitet',
          type: 'bar',
          data: rows
            .slice(0, 30)
            .map((row) => (row.loyalty === null ? null : Math.round(row.loyalty * 1000) / 10)),
          itemStyle: { color: '#2f855a' },
        },
      ],
      legend: { bottom: 0 },
    }),
    [rows],
  );
  const monthChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 80, right: 48, top: 24, bottom: 40 },
      legend: { bottom: 0 },
      xAxis: { type: 'category', data: (months.data ?? []).map((row) => row.key) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (value: number) => `${Math.round(value / 1e6)} mill.` } },
        { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      ],
      series: [
        {
          name: 'Forbruk (NOK)',
          type: 'bar',
          data: (months.data ?? []).map((row) => Number(row.total)),
          itemStyle: { color: '#90cdf4' },
        },
        {
          name: 'Avtaledekning (%)',
          type: 'line',
          yAxisIndex: 1,
          data: (months.data ?? []).map((row) =>
            row.coverage === null ? null : Math.round(row.coverage * 1000) / 10,
          ),
          itemStyle: { color: '#005aa0' },
        },
      ],
    }),
    [months.data],
  );

  const exportPath = (format: 'csv' | 'xlsx') =>
    withQuery('/api/spend/export', { ...query, by, format, limit: 5000 });

  return (
    <div data-testid="spend-page" data-busy={String(isBusy)} data-level={by}>
      <PageHeader
        title="Forbruksanalyse"
        lead="Avtaledekning, avtalelojalitet og lekkasjekjøp fra EHF-fakturaer og reskontro, med drill-down fra nasjonalt nivå til RHF, helseforetak, kategori og leverandør."
        actions={<SpendImportLink />}
      />
      <nav aria-label="Drill-down" className="breadcrumbs" data-testid="spend-breadcrumb">
        <button type="button" className="button-link" onClick={() => setSearchParams(new URLSearchParams())}>
          Nasjonalt
        </button>
        {crumbs.map(([name], index) => (
          <span key={name}>
            {' › '}
            <button
              type="button"
              className="button-link"
              onClick={() =>
                update(Object.fromEntries(crumbs.slice(index + 1).map(([later]) => [later, ''])))
              }
              data-testid={`crumb-${name}`}
            >
              {filters[name]}
            </button>
          </span>
        ))}
      </nav>

      <form className="filters" aria-label="Periode" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          id="spend-from"
          label="Fra måned"
          value={filters.fra}
          onChange={(value) => update({ fra: value })}
          data-testid="filter-from"
        >
          <option value="">Første</option>
          {(summary.data?.months ?? []).map((month) => (
            <option key={month}>{month}</option>
          ))}
        </SelectField>
        <SelectField
          id="spend-to"
          label="Til måned"
          value={filters.til}
          onChange={(value) => update({ til: value })}
          data-testid="filter-to"
        >
          <option value="">Siste</option>
          {(summary.data?.months ?? []).map((month) => (
            <option key={month}>{month}</option>
          ))}
        </SelectField>
        <SelectField
          id="spend-by"
          label="Vis etter"
          value={by}
          onChange={(value) => update({ vis: value })}
          data-testid="spend-by"
        >
          {(Object.keys(dimensionLabels) as Dimension[]).map((dimension) => (
            <option key={dimension} value={dimension}>
              {dimensionLabels[dimension]}
            </option>
          ))}
        </SelectField>
      </form>

      <ErrorBox problem={summary.problem ?? breakdown.problem} />
      {!measures && !summary.problem && <Loading />}
      {measures && (
        <div className="stat-grid" data-testid="spend-kpis">
          <Stat
            label="Forbruk"
            value={formatNokCompact(measures.total)}
            title={formatNok(measures.total)}
            testId="kpi-total"
          />
          <Stat
            label="Avtaledekning (mål 85 %)"
            value={formatShare(measures.coverage)}
            tone={
              measures.coverage !== null && measures.coverage < (summary.data?.coverageTarget ?? 0.85)
                ? 'warning'
                : undefined
            }
            testId="kpi-coverage"
          />
          <Stat label="Avtalelojalitet" value={formatShare(measures.loyalty)} testId="kpi-loyalty" />
          <Stat
            label="Lekkasjekjøp"
            value={formatNokCompact(measures.leakage)}
            title={formatNok(measures.leakage)}
            testId="kpi-leakage"
          />
          <Stat label="Fritekstkjøp" value={formatShare(measures.freeTextShare)} testId="kpi-free-text" />
          <Stat
            label="E-handelsandel"
            value={formatShare(measures.eProcurementShare)}
            testId="kpi-eprocurement"
          />
          <Stat
            label="Uklassifisert"
            value={formatShare(measures.unclassifiedShare)}
            testId="kpi-unclassified"
          />
          {measures.rateMissingLines > 0 && (
            <Stat
              label="Linjer uten valutakurs (ikke med i beløpene)"
              value={String(measures.rateMissingLines)}
              tone="warning"
            />
          )}
        </div>
      )}

      <section className="panel">
        <h2>Avtaledekning og avtalelojalitet per {inSentence(dimensionLabels[by])}</h2>
        <EChart
          option={coverageChart}
          label={`Avtaledekning per ${inSentence(dimensionLabels[by])}`}
          testId="chart-coverage"
          onClickName={(name) => {
            const row = rows.find((candidate) => candidate.name === name);
            if (row) drill(row);
          }}
        />
      </section>

      <section className="panel">
        <div className="panel-header">
          <h2>{dimensionLabels[by]}</h2>
          <div className="page-actions">
            <a className="button" href={exportPath('csv')} download data-testid="export-csv">
              Last ned CSV
            </a>
            <a className="button" href={exportPath('xlsx')} download data-testid="export-xlsx">
              Last ned XLSX
            </a>
          </div>
        </div>
        <div className="table-wrap">
          <table className="table" data-testid="spend-table">
            <thead>
              <tr>
                <th scope="col">{dimensionLabels[by]}</th>
                <th scope="col" className="numeric">
                  Forbruk
                </th>
                <th scope="col" className="numeric">
                  Avtaledekning
                </th>
                <th scope="col" className="numeric">
                  Avtalelojalitet
                </th>
                <th scope="col" className="numeric">
                  Lekkasjekjøp
                </th>
                <th scope="col" className="numeric">
                  Fritekstkjøp
                </th>
                <th scope="col" className="numeric">
                  E-handelsandel
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && !breakdown.isLoading && (
                <EmptyRow colSpan={7}>Ingen fakturalinjer for utvalget.</EmptyRow>
              )}
              {rows.map((row) => (
                <tr key={row.key} data-testid="spend-row" data-key={row.key}>
                  <th scope="row">
                    {filterOfDimension[by] ? (
                      <button
                        type="button"
                        className="button-link"
                        onClick={() => drill(row)}
                        data-testid="drill"
                      >
                        {row.name}
                      </button>
                    ) : (
                      row.name
                    )}
                  </th>
                  <td className="numeric">{formatNok(row.total)}</td>
                  <td className="numeric">{formatShare(row.coverage)}</td>
                  <td className="numeric">{formatShare(row.loyalty)}</td>
                  <td className="numeric">{formatNok(row.leakage)}</td>
                  <td className="numeric">{formatShare(row.freeTextShare)}</td>
                  <td className="numeric">{formatShare(row.eProcurementShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel">
        <h2>Forbruk og avtaledekning per måned</h2>
        <EChart
          option={monthChart}
          label="Forbruk og avtaledekning per måned"
          height={280}
          testId="chart-months"
        />
      </section>

      <div
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: '1rem' }}
      >
        <section className="panel">
          <h2>Lekkasjekjøp – største leverandører</h2>
          <table className="table" data-testid="leakage-table">
            <thead>
              <tr>
                <th scope="col">Leverandør</th>
                <th scope="col" className="numeric">
                  Lekkasjekjøp
                </th>
                <th scope="col" className="numeric">
                  Andel
                </th>
              </tr>
            </thead>
            <tbody>
              {(leakage.data ?? []).length === 0 && (
                <EmptyRow colSpan={3}>Ingen lekkasjekjøp i utvalget.</EmptyRow>
              )}
              {(leakage.data ?? []).map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.name}</th>
                  <td className="numeric">{formatNok(row.amount)}</td>
                  <td className="numeric">{formatShare(row.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="panel">
          <h2>A-leverandører (80 % av forbruket i kategorien)</h2>
          <table className="table" data-testid="a-suppliers-table">
            <thead>
              <tr>
                <th scope="col">Kategori</th>
                <th scope="col" className="numeric">
                  Forbruk
                </th>
                <th scope="col" className="numeric">
                  A-leverandører
                </th>
                <th scope="col">Største</th>
              </tr>
            </thead>
            <tbody>
              {(aSuppliers.data ?? []).length === 0 && (
                <EmptyRow colSpan={4}>Ingen klassifisert forbruk i utvalget.</EmptyRow>
              )}
              {(aSuppliers.data ?? []).map((row) => (
                <tr key={row.key} data-testid="a-supplier-row" data-key={row.key}>
                  <th scope="row">{row.name}</th>
                  <td className="numeric">{formatNok(row.total)}</td>
                  <td className="numeric">
                    {row.aSuppliers} av {row.suppliers}
                  </td>
                  <td>
                    {row.top
                      .slice(0, 3)
                      .map((supplier) => `${supplier.name} (${formatShare(supplier.share)})`)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}

/** A label inside a sentence: lower case, but abbreviations such as RHF stay as they are. */
const inSentence = (label: string) => (label === label.toUpperCase() ? label : label.toLowerCase());

function Stat({
  label,
  value,
  tone,
  title,
  testId,
}: {
  label: string;
  value: string;
  tone?: 'warning';
  /** The exact figure, shown on hover when the value is rounded. */
  title?: string;
  testId?: string;
}) {
  return (
    <div className={`stat-card${tone ? ` stat-card-${tone}` : ''}`} data-testid={testId} title={title}>
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}
