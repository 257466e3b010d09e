// Implementeringsplaner (seed 000 «Implementeringsforum»): per awarded agreement a plan per HF with checklist,
// responsible, due date and status; Implementeringsforum sees every plan and the late items.
import { useState, type FormEvent } from 'react';
import { canActForHf } from '@server/domain/regional-access.rules.js';
import { implementationStatusIds, type ImplementationStatus } from '@server/domain/implementation.rules.js';
import { useCurrentUser } from '../auth/session.js';
import type { Agreement } from '../agreements/agreements-api.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import { Badge, Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import {
  createPlans,
  overviewPath,
  statusLabels,
  updateItem,
  type ImplementationOverview,
  type Plan,
} from './implementation-api.js';

interface Organisation {
  id: string;
  name: string;
  kind: string;
  rhfId: string | null;
}

export function ImplementationPage() {
  const [lateOnly, setLateOnly] = useState(false);
  const overview = useApi<ImplementationOverview>(overviewPath(lateOnly));
  const [problem, setProblem] = useState<Problem>();
  const [message, setMessage] = useState('');
  const run = async (work: () => Promise<unknown>, done: string) => {
    setProblem(undefined);
    setMessage('');
    try {
      await work();
      setMessage(done);
      overview.reload();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  };
  const figures = overview.data?.figures;
  return (
    <div data-testid="implementation-page" data-busy={overview.isLoading}>
      <PageHeader
        title="Implementeringsplaner"
        lead="Implementeringsforum: overlevering av tildelte avtaler til helseforetakenes drift – én plan per avtale og HF med sjekkliste, ansvarlig, frist og status."
      />
      <ErrorBox problem={overview.problem ?? problem} />
      {message && (
        <Notice tone="success" testId="saved">
          {message}
        </Notice>
      )}
      {figures && (
        <dl
          data-testid="implementation-figures"
          style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}
        >
          {[
            ['Avtaler', figures.agreements],
            ['Planer', figures.plans],
            ['Ferdige planer', figures.plansDone],
            ['Planer med forsinkede punkter', figures.plansWithLateItems],
            ['Forsinkede punkter', figures.lateItems],
          ].map(([label, value]) => (
            <div key={label} className="stat-card">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="filters">
        <label>
          <input type="checkbox" checked={lateOnly} onChange={(event) => setLateOnly(event.target.checked)} />{' '}
          Bare planer med forsinkede punkter
        </label>
      </div>
      {overview.isLoading && !overview.data && <Loading />}
      {overview.data?.plans.length === 0 && <p className="muted">Ingen planer i utvalget.</p>}
      {overview.data?.plans.map((plan) => (
        <PlanPanel key={plan.id} plan={plan} run={run} />
      ))}
      <NewPlans run={run} />
    </div>
  );
}

function PlanPanel({
  plan,
  run,
}: {
  plan: Plan;
  run: (work: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const user = useCurrentUser();
  const canEdit = canActForHf(user, plan.hf.regionId ?? '', plan.hf.id);
  return (
    <details
      className="panel"
      data-testid="plan"
      data-hf={plan.hf.name}
      data-agreement={plan.agreement.agreementNumber}
    >
      <summary>
        {plan.agreement.agreementNumber} {plan.agreement.name} – {plan.hf.name}: {plan.summary.done} av{' '}
        {plan.summary.items} ferdig · frist {formatDate(plan.dueDate)}{' '}
        {plan.summary.late > 0 && <Badge tone="error">{plan.summary.late} forsinket</Badge>}
      </summary>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Punkt</th>
            <th scope="col">Ansvarlig</th>
            <th scope="col">Frist</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {plan.items.map((item) => (
            <tr key={item.id} data-testid="plan-item" data-late={item.isLate}>
              <th scope="row">{item.title}</th>
              <td>{item.responsibleName ?? '–'}</td>
              <td>
                {formatDate(item.dueDate)} {item.isLate && <Badge tone="error">Forsinket</Badge>}
              </td>
              <td>
                {canEdit ? (
                  <select
                    aria-label={`Status: ${item.title}`}
                    value={item.status}
                    onChange={(event) =>
                      void run(
                        () => updateItem(item.id, { status: event.target.value as ImplementationStatus }),
                        'Status er lagret.',
                      )
                    }
                  >
                    {implementationStatusIds.map((status) => (
                      <option key={status} value={status}>
                        {statusLabels[status]}
                      </option>
                    ))}
                  </select>
                ) : (
                  statusLabels[item.status]
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function NewPlans({ run }: { run: (work: () => Promise<unknown>, done: string) => Promise<void> }) {
  const user = useCurrentUser();
  const agreements = useApi<{ items: Agreement[] }>('/api/agreements?status=active&limit=500');
  const organisations = useApi<Organisation[]>('/api/organisations');
  const hfs = (organisations.data ?? []).filter(
    (org) => org.kind === 'HF' && canActForHf(user, org.rhfId ?? '', org.id),
  );
  const [agreementId, setAgreementId] = useState('');
  const [hfIds, setHfIds] = useState<string[]>([]);
  const [dueDate, setDueDate] = useState('');
  const [responsibleName, setResponsibleName] = useState('');
  if (hfs.length === 0) return null;
  function submit(event: FormEvent) {
    event.preventDefault();
    void run(
      () => createPlans(agreementId, { hfIds, dueDate, responsibleName: responsibleName || null }),
      'Implementeringsplanene er opprettet.',
    );
  }
  return (
    <section className="panel" aria-labelledby="new-plans">
      <h2 id="new-plans">Nye implementeringsplaner</h2>
      <form onSubmit={submit}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="ip-agreement">Avtale</label>
            <select
              id="ip-agreement"
              value={agreementId}
              onChange={(event) => setAgreementId(event.target.value)}
            >
              <option value="">– velg avtale –</option>
              {agreements.data?.items.map((agreement) => (
                <option key={agreement.id} value={agreement.id}>
                  {agreement.agreementNumber} {agreement.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ip-due">Frist</label>
            <input
              id="ip-due"
              type="date"
              value={dueDate}
              onChange={(event) => setDueDate(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="ip-responsible">Ansvarlig (valgfritt)</label>
            <input
              id="ip-responsible"
              value={responsibleName}
              onChange={(event) => setResponsibleName(event.target.value)}
            />
          </div>
        </div>
        <fieldset>
          <legend>Helseforetak</legend>
          {hfs.map((hf) => (
            <label key={hf.id} style={{ display: 'block' }}>
              <input
                type="checkbox"
                checked={hfIds.includes(hf.id)}
                onChange={(event) =>
                  setHfIds((ids) =>
                    event.target.checked ? [...ids, hf.id] : ids.filter((id) => id !== hf.id),
                  )
                }
              />{' '}
              {hf.name}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            Opprett planer
          </button>
        </div>
      </form>
    </section>
  );
}
