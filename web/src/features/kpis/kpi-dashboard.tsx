// Nøkkelindikatorer: each KPI's values per year against its target, red/amber/green, trend as a chart.
import { useMemo, useState } from 'react';
import type { KpiDto } from '@server/features/kpis/kpis.schemas.js';
import { api, toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { currentYear, formatTimestamp } from '../../shared/format.js';
import { Badge, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { useCurrentUser } from '../auth/session.js';
import { EChart } from '../../shared/echart.js';
import { CategoryStrategies } from './category-strategies.js';
import { directionLabels, KpiDefinitionForm } from './kpi-definition-form.js';

const ragTone = { green: 'ok', amber: 'warning', red: 'error', none: 'neutral' } as const;
const ragText = { green: 'Grønn', amber: 'Gul', red: 'Rød', none: 'Ingen verdi' } as const;
const unitText = (kpi: KpiDto, value: number | null) =>
  value === null
    ? '–'
    : kpi.unit === 'percent'
      ? `${value.toLocaleString('nb-NO')} %`
      : value.toLocaleString('nb-NO');
const targetText = (kpi: KpiDto) =>
  kpi.direction === 'withinRange' || kpi.direction === 'minimumBand'
    ? `${kpi.target}–${kpi.targetMax} %`
    : unitText(kpi, kpi.target);

function KpiCard({ kpi, canEdit, onSaved }: { kpi: KpiDto; canEdit: boolean; onSaved: () => void }) {
  const [year, setYear] = useState(String(kpi.values.at(-1)?.year ?? currentYear()));
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [isEditing, setIsEditing] = useState(false);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 24 },
      xAxis: { type: 'category', data: kpi.values.map((v) => String(v.year)) },
      yAxis: { type: 'value' },
      series: [
        {
          name: 'Faktisk',
          type: 'bar',
          data: kpi.values.map((v) => ({
            value: v.value,
            itemStyle: {
              color: { green: '#2e7d32', amber: '#f9a825', red: '#c62828', none: '#9e9e9e' }[v.rag],
            },
          })),
        },
        {
          name: 'Mål',
          type: 'line',
          step: 'middle',
          data: kpi.values.map((v) => v.target),
          lineStyle: { type: 'dashed' },
          itemStyle: { color: '#003b5c' },
        },
      ],
    }),
    [kpi],
  );
  const latest = kpi.latest;
  return (
    <section className="panel" data-testid="kpi-card" data-code={kpi.code}>
      <div className="panel-header">
        <h2>{kpi.name}</h2>
        {canEdit && (
          <button
            type="button"
            className="button button-small"
            onClick={() => setIsEditing(true)}
            data-testid="kpi-edit"
          >
            Endre definisjon
          </button>
        )}
      </div>
      <p className="muted">
        {kpi.origin} · mål <span data-testid="kpi-target">{targetText(kpi)}</span> ·{' '}
        {directionLabels[kpi.direction].toLowerCase()}
        {Object.keys(kpi.yearlyTargets).length > 0 &&
          ` · årlige mål ${Object.entries(kpi.yearlyTargets)
            .map(([year, target]) => `${year}: ${unitText(kpi, target)}`)
            .join(', ')}`}
      </p>
      <p>
        <strong data-testid="kpi-latest">
          {latest ? `${unitText(kpi, latest.value)} (${latest.year})` : 'Ingen verdi ennå'}
        </strong>{' '}
        <Badge tone={ragTone[latest?.rag ?? 'none']}>{ragText[latest?.rag ?? 'none']}</Badge>
      </p>
      {latest?.origin === 'manual' && (
        <p className="muted">
          Manuell verdi av {latest.enteredBy} {latest.enteredAt ? formatTimestamp(latest.enteredAt) : ''}
        </p>
      )}
      {latest?.detail && <p className="muted">{latest.detail}</p>}
      <EChart option={option} height={180} label={`Utvikling for ${kpi.name}`} />
      <details>
        <summary>Verdier per år</summary>
        <table className="table table-compact" data-testid="kpi-values">
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col" className="numeric">
                Verdi
              </th>
              <th scope="col" className="numeric">
                Mål
              </th>
              <th scope="col">Status</th>
              <th scope="col">Kilde</th>
            </tr>
          </thead>
          <tbody>
            {kpi.values.map((v) => (
              <tr key={v.year}>
                <td>{v.year}</td>
                <td className="numeric">{unitText(kpi, v.value)}</td>
                <td className="numeric">{unitText(kpi, v.target)}</td>
                <td>
                  <Badge tone={ragTone[v.rag]}>{ragText[v.rag]}</Badge>
                </td>
                <td>
                  {v.origin === 'computed'
                    ? 'Beregnet'
                    : v.origin === 'manual'
                      ? `Manuell: ${v.enteredBy ?? ''} ${v.enteredAt ? formatTimestamp(v.enteredAt) : ''}`
                      : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {canEdit && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            api
              .put(`/api/kpis/${kpi.id}/values/${year}`, {
                value: Number(value.replace(',', '.')),
                note: null,
              })
              .then(
                () => {
                  setValue('');
                  onSaved();
                },
                (error: unknown) => setProblem(toDisplayProblem(error)),
              );
          }}
        >
          <label>
            År{' '}
            <input value={year} onChange={(e) => setYear(e.target.value)} size={5} data-testid="kpi-year" />
          </label>
          <label>
            Verdi{' '}
            <input
              value={value}
              onChange={(e) => setValue(e.target.value)}
              size={6}
              data-testid="kpi-value"
            />
          </label>
          <button type="submit" className="button" data-testid="kpi-save">
            Lagre verdi
          </button>
          <ErrorBox problem={problem} />
        </form>
      )}
      {isEditing && (
        <KpiDefinitionForm
          kpi={kpi}
          onClose={() => setIsEditing(false)}
          onSaved={() => {
            setIsEditing(false);
            onSaved();
          }}
        />
      )}
    </section>
  );
}

export function KpiDashboard() {
  const user = useCurrentUser();
  const kpis = useApi<KpiDto[]>('/api/kpis');
  const canEdit = user.roles.some((grant) => grant.role === 'secretariat');
  return (
    <>
      <PageHeader
        title="Nøkkelindikatorer (KPI)"
        lead="Mål fra Sykehusinnkjøps strategi 2020–2023 og Helse Sør-Østs handlingsplan 2009–2012. Verdier beregnes fra portalens egne data der de finnes, ellers legges de inn manuelt."
      />
      <ErrorBox problem={kpis.problem} />
      {kpis.isLoading && !kpis.data && <Loading />}
      <div
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(380px, 1fr))', gap: '1rem' }}
        data-testid="kpi-dashboard"
        data-busy={kpis.isLoading ? 'true' : 'false'}
      >
        {kpis.data?.map((kpi) => (
          <KpiCard key={kpi.id} kpi={kpi} canEdit={canEdit} onSaved={kpis.reload} />
        ))}
      </div>
      <CategoryStrategies canEdit={canEdit} onChanged={kpis.reload} />
    </>
  );
}
