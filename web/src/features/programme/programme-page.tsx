// Implementeringsprogram (seed 001 Vedlegg 02–05): the timeline as a Gantt chart, the risk register,
// the stakeholder plan and the transition of ongoing procurements.
import { useMemo } from 'react';
import type { z } from 'zod';
import type { programmeSchema } from '@server/features/programme/programme.schemas.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate, formatYesNo } from '../../shared/format.js';
import { Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { EChart } from '../../shared/echart.js';

type Programme = z.infer<typeof programmeSchema>;
const statusLabels = {
  planned: 'Planlagt',
  inProgress: 'Pågår',
  done: 'Utført',
  notStarted: 'Ikke påbegynt',
} as const;
const statusColours = {
  planned: '#5b8db8',
  inProgress: '#f9a825',
  done: '#2e7d32',
  notStarted: '#b0b0b0',
} as const;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function Gantt({ activities }: { activities: Programme['activities'] }) {
  const dated = activities.filter((a) => a.startOn && a.endOn);
  const option = useMemo(() => {
    const names = dated.map((a) => `${'  '.repeat(a.depth)}${a.name}`).reverse();
    const rows = [...dated].reverse();
    return {
      tooltip: {
        formatter: (p: { dataIndex: number; seriesIndex: number }) => {
          const a = rows[p.dataIndex]!;
          return `${a.name}<br/>${formatDate(a.startOn)} – ${formatDate(a.endOn)}<br/>${a.responsible ?? ''} ${a.status ? statusLabels[a.status] : ''}`;
        },
      },
      grid: { left: 330, right: 24, top: 16, bottom: 32 },
      xAxis: {
        type: 'time',
        min: Math.min(...rows.map((a) => day(a.startOn!))) - 7 * 86_400_000,
        max: Math.max(...rows.map((a) => day(a.endOn!))) + 7 * 86_400_000,
      },
      yAxis: { type: 'category', data: names, axisLabel: { fontSize: 11 } },
      series: [
        {
          type: 'bar',
          stack: 'g',
          itemStyle: { color: 'transparent' },
          data: rows.map((a) => day(a.startOn!)),
          silent: true,
        },
        {
          type: 'bar',
          stack: 'g',
          data: rows.map((a) => ({
            value: Math.max(day(a.endOn!) - day(a.startOn!), 86_400_000),
            itemStyle: { color: a.status ? statusColours[a.status] : '#7a7a7a' },
          })),
        },
      ],
    };
  }, [dated]);
  // Stacked bars on a time axis: the transparent first bar is the offset from 1970, so it starts at 0.
  return (
    <EChart
      option={option}
      height={Math.max(300, dated.length * 18 + 60)}
      label="Gantt-diagram for implementeringsprogrammet"
      testId="gantt"
    />
  );
}

export function ProgrammePage() {
  const programme = useApi<Programme>('/api/programme');
  const data = programme.data;
  return (
    <>
      <PageHeader
        title="Implementeringsprogram"
        lead="Tidsplan, risikoregister, interessentplan og overgang for pågående anskaffelser (implementeringsplanen 2023, vedlegg 02–05)."
      />
      <ErrorBox problem={programme.problem} />
      {programme.isLoading && !data && <Loading />}
      {data && (
        <div data-testid="programme-page">
          <h2>Tidsplan</h2>
          <p className="muted">
            {Object.entries(statusLabels).map(([k, label]) => (
              <span key={k} style={{ marginRight: '1em' }}>
                <span style={{ color: statusColours[k as keyof typeof statusColours] }}>■</span> {label}
              </span>
            ))}
          </p>
          <Gantt activities={data.activities} />
          <h2>Risikoregister</h2>
          <table className="table" data-testid="risk-register">
            <thead>
              <tr>
                <th>#</th>
                <th>Risikoområde</th>
                <th>Beskrivelse av risiko</th>
                <th>Risiko ved oppstart</th>
                <th>Risikoreduserende tiltak</th>
              </tr>
            </thead>
            <tbody>
              {data.risks.map((r) => (
                <tr key={r.number}>
                  <td>{r.number}</td>
                  <td>{r.area}</td>
                  <td style={{ whiteSpace: 'pre-line' }}>{r.description}</td>
                  <td>{r.levelAtStart ?? 'Ikke angitt'}</td>
                  <td style={{ whiteSpace: 'pre-line' }}>{r.measures}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Interessentplan</h2>
          <table className="table">
            <thead>
              <tr>
                <th>Gruppe</th>
                <th>Interessent</th>
                <th>Rolle/status</th>
                <th>Tiltak</th>
                <th>Ansvar/tid</th>
              </tr>
            </thead>
            <tbody>
              {data.stakeholders.map((s) => (
                <tr key={s.id}>
                  <td>{s.stakeholderGroup}</td>
                  <td>{s.stakeholder}</td>
                  <td>{s.roleStatus}</td>
                  <td style={{ whiteSpace: 'pre-line' }}>{s.measures}</td>
                  <td style={{ whiteSpace: 'pre-line' }}>{s.responsibleWhen}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Overgang pågående anskaffelser</h2>
          <table className="table">
            <thead>
              <tr>
                <th>Kategori</th>
                <th>Anskaffelse</th>
                <th>Prosjektoppstart</th>
                <th>Kunngjøring</th>
                <th>Overgang til ny modell</th>
              </tr>
            </thead>
            <tbody>
              {data.transitions.map((t) => (
                <tr key={t.id}>
                  <td>{t.categoryHeading}</td>
                  <td>
                    {t.procurementId ? <a href={`/anskaffelser/${t.procurementId}`}>{t.name}</a> : t.name}
                  </td>
                  <td>{formatDate(t.projectStart)}</td>
                  <td>{t.announcement}</td>
                  <td>{formatYesNo(t.transferToNewModel)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
