// Handlingsplaner: the status overview of seed 004 (counts per area and status, measures not started)
// and every measure with priority, benefit, latest status and ● / ◑ / ○.
import type { ActionPlanDto } from '@server/features/action-plans/action-plans.schemas.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import { Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';

const symbols = { done: '●', inProgress: '◑', notStarted: '○', unknown: '–' } as const;
const labels = {
  done: 'Gjennomført',
  inProgress: 'Pågår',
  notStarted: 'Ikke startet',
  unknown: 'Ikke rapportert',
} as const;
const lines = (text: string | null) =>
  text ? text.split('\n').map((line, i) => <div key={i}>• {line}</div>) : null;

export function ActionPlansPage() {
  const plans = useApi<ActionPlanDto[]>('/api/action-plans');
  return (
    <>
      <PageHeader
        title="Handlingsplaner"
        lead="Tiltak per område med prioritet, gevinst, siste status og status ● gjennomført / ◑ pågår / ○ ikke startet."
      />
      <ErrorBox problem={plans.problem} />
      {plans.isLoading && !plans.data && <Loading />}
      {plans.data?.map((plan) => (
        <section key={plan.id} className="panel" data-testid="action-plan" data-code={plan.code}>
          <h2>{plan.name}</h2>
          <p className="muted">
            {plan.owner} · {plan.period}
            {plan.statusDate ? ` · status per ${formatDate(plan.statusDate)}` : ''}
          </p>
          <h3>Oversikt</h3>
          <table className="table" data-testid="overview-table">
            <thead>
              <tr>
                <th scope="col">Område</th>
                <th scope="col" className="numeric">
                  ● Gjennomført
                </th>
                <th scope="col" className="numeric">
                  ◑ Pågår
                </th>
                <th scope="col" className="numeric">
                  ○ Ikke startet
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.areas.map((area) => (
                <tr key={area.id} data-testid="overview-row" data-area={area.name}>
                  <th scope="row">{area.name}</th>
                  <td className="numeric" data-testid="count-done">
                    {area.counts.done}
                  </td>
                  <td className="numeric" data-testid="count-inProgress">
                    {area.counts.inProgress}
                  </td>
                  <td className="numeric" data-testid="count-notStarted">
                    {area.counts.notStarted}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.areas.some((a) => a.notStarted.length > 0) && (
            <>
              <h3>Ikke startede tiltak</h3>
              {plan.areas
                .filter((a) => a.notStarted.length > 0)
                .map((area) => (
                  <div key={area.id}>
                    <h4>{area.name}</h4>
                    <ul data-testid="not-started-list">
                      {area.notStarted.map((m) => (
                        <li key={m.id}>
                          ○ {m.title} (pri. {m.priority ?? '–'})
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
            </>
          )}
          {plan.areas.map((area) => (
            <div key={area.id}>
              <h3>{area.name}</h3>
              {area.focusAreas.length > 0 && <p className="muted">{area.focusAreas.join(' · ')}</p>}
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Tiltak</th>
                      <th scope="col">Pri</th>
                      <th scope="col">Gevinst / innhold</th>
                      <th scope="col">Siste status</th>
                      <th scope="col">Ansvar / år</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {area.measures.map((m) => (
                      <tr key={m.id} data-testid="measure-row" data-status={m.status}>
                        <td data-testid="measure-title">{m.title}</td>
                        <td>{m.priority ?? '–'}</td>
                        <td>{lines(m.benefit ?? m.details)}</td>
                        <td>{lines(m.latestStatus)}</td>
                        <td>{[m.responsible, m.year].filter(Boolean).join(' · ')}</td>
                        <td title={labels[m.status]}>
                          {symbols[m.status]} {labels[m.status]}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
