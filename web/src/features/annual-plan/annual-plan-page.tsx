// Anskaffelsesplan (årshjul, seed 001 §7.7): a plan per year with its procurements, initial significance,
// gain estimate and risk; utkast → til innspill hos RHF-ene (each RHF comments for itself) → godkjent.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { currentYear, formatNok, formatTimestamp } from '../../shared/format.js';
import { Badge, EmptyRow, Loading, Notice, PageHeader, pluralise } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import type { CurrentUser } from '../auth/auth-api.js';
import { hasRole } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { listRhfs, organisationsPath, type Organisation } from '../organisations/organisations-api.js';
import {
  annualPlanPath,
  annualPlansPath,
  annualPlanStatusLabels,
  annualPlanStatusTones,
  changeStatus,
  createPlan,
  type AnnualPlan,
  type AnnualPlanItem,
  type AnnualPlanStatus,
  type PlanYear,
} from './annual-plan-api.js';
import { PlanApprovals } from './plan-approvals.js';
import { PlanCommentForm } from './plan-comment-form.js';
import { PlanImport } from './plan-import.js';
import { PlanItemForm } from './plan-item-form.js';

const statusSteps: AnnualPlanStatus[] = ['draft', 'rhfFeedback', 'approved'];

/** `/anskaffelsesplan` and `/anskaffelsesplan/:year`. */
export function AnnualPlanPage() {
  const { year: yearParam } = useParams();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const years = useApi<PlanYear[]>(annualPlansPath);
  const isSecretariat = hasRole(user, 'secretariat');
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  const known = years.data ?? [];
  const [newYear, setNewYear] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const suggested = String(Math.max(currentYear() + 1, ...known.map((plan) => plan.year + 1)));

  async function create(event: FormEvent) {
    event.preventDefault();
    const value = Number(newYear || suggested);
    try {
      await createPlan(value);
      setProblem(undefined);
      setNewYear('');
      years.reload();
      void navigate(`/anskaffelsesplan/${value}`);
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  }

  return (
    <>
      <PageHeader
        title={year ? `Anskaffelsesplan ${year}` : 'Anskaffelsesplan (årshjul)'}
        lead="Årets nasjonale og flerregionale anskaffelser med initial strategisk betydning, gevinstestimat og risiko. Planen utarbeides av Sykehusinnkjøp, sendes på innspill til RHF-ene og godkjennes av hvert RHF."
      />
      <ErrorBox problem={years.problem} />
      <nav aria-label="Planår" className="panel" data-testid="plan-years">
        <h2 className="h-small">Planer</h2>
        {years.isLoading && !years.data && <Loading />}
        {years.data && known.length === 0 && <p className="muted">Ingen planer er registrert ennå.</p>}
        <ul className="link-list">
          {known.map((plan) => (
            <li key={plan.year}>
              <Link
                to={`/anskaffelsesplan/${plan.year}`}
                aria-current={plan.year === year ? 'page' : undefined}
                data-testid="plan-year-link"
                data-year={plan.year}
              >
                {plan.year}
              </Link>{' '}
              <Badge tone={annualPlanStatusTones[plan.status]}>{annualPlanStatusLabels[plan.status]}</Badge>
            </li>
          ))}
        </ul>
        {isSecretariat && (
          <form className="filters" onSubmit={create}>
            <label>
              Ny plan for år{' '}
              <input
                value={newYear}
                onChange={(event) => setNewYear(event.target.value)}
                placeholder={suggested}
                inputMode="numeric"
                size={6}
                data-testid="plan-new-year"
              />
            </label>
            <button type="submit" className="button" data-testid="plan-create">
              Opprett plan
            </button>
          </form>
        )}
        <ErrorBox problem={problem} testId="plan-create-error" />
      </nav>
      {yearParam && !year && <Notice tone="warning">«{yearParam}» er ikke et årstall.</Notice>}
      {year && <PlanView key={year} year={year} user={user} onStatusChanged={years.reload} />}
    </>
  );
}

function PlanView({
  year,
  user,
  onStatusChanged,
}: {
  year: number;
  user: CurrentUser;
  onStatusChanged: () => void;
}) {
  const plan = useApi<AnnualPlan>(annualPlanPath(year));
  const organisations = useApi<Organisation[]>(organisationsPath);
  const [problem, setProblem] = useState<Problem>();
  const [isBusy, setIsBusy] = useState(false);
  const [editing, setEditing] = useState<AnnualPlanItem | 'new'>();
  const [commenting, setCommenting] = useState<AnnualPlanItem>();
  const [message, setMessage] = useState('');
  const isSecretariat = hasRole(user, 'secretariat');
  const ownRhfIds = user.roles
    .filter((grant) => grant.role === 'rhfContact')
    .map((grant) => grant.organisationId);
  const rhfs = listRhfs(organisations.data ?? []).filter(
    (rhf) => isSecretariat || ownRhfIds.includes(rhf.id),
  );

  if (plan.errorStatus === 404)
    return (
      <Notice tone="info" testId="plan-missing">
        Det finnes ingen anskaffelsesplan for {year}.{isSecretariat && ' Opprett den med skjemaet over.'}
      </Notice>
    );
  if (plan.problem && !plan.data) return <ErrorBox problem={plan.problem} />;
  if (!plan.data) return <Loading />;
  const data = plan.data;
  const isDraft = data.status === 'draft';
  const mayComment = data.status === 'rhfFeedback' && rhfs.length > 0;

  async function move(status: AnnualPlanStatus, text: string) {
    setIsBusy(true);
    try {
      await changeStatus(year, status);
      setProblem(undefined);
      setMessage(text);
      plan.reload();
      onStatusChanged();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    } finally {
      setIsBusy(false);
    }
  }

  function saved(text: string) {
    setEditing(undefined);
    setCommenting(undefined);
    setMessage(text);
    plan.reload();
  }

  return (
    <div data-testid="annual-plan" data-status={data.status} data-busy={plan.isLoading ? 'true' : 'false'}>
      <section className="panel" aria-labelledby="plan-status-heading">
        <div className="panel-header">
          <h2 id="plan-status-heading">
            Status:{' '}
            <Badge tone={annualPlanStatusTones[data.status]}>
              <span data-testid="plan-status">{annualPlanStatusLabels[data.status]}</span>
            </Badge>
          </h2>
        </div>
        <ol className="plain-list" aria-label="Planens gang">
          {statusSteps.map((step, index) => (
            <li key={step} aria-current={step === data.status ? 'step' : undefined}>
              {index + 1}.{' '}
              {step === data.status ? (
                <strong>{annualPlanStatusLabels[step]}</strong>
              ) : (
                annualPlanStatusLabels[step]
              )}
            </li>
          ))}
        </ol>
        <p className="muted">
          Sist endret av {data.statusChangedBy} {formatTimestamp(data.statusChangedAt)} ·{' '}
          {pluralise(data.items.length, 'anskaffelse', 'anskaffelser')}
        </p>
        {data.status === 'rhfFeedback' && (
          <p className="hint">
            Kontaktpersonene i RHF-ene gir innspill på den initiale strategiske betydningen for hver
            anskaffelse og godkjenner planen, hver for sitt RHF.
          </p>
        )}
        {isSecretariat && data.status !== 'approved' && (
          <div className="form-actions">
            {isDraft && (
              <button
                type="button"
                className="button button-primary"
                disabled={isBusy || data.items.length === 0}
                title={data.items.length === 0 ? 'Legg til anskaffelser først' : undefined}
                onClick={() => move('rhfFeedback', 'Planen er sendt til innspill hos RHF-ene.')}
                data-testid="plan-to-feedback"
              >
                Send til innspill hos RHF-ene
              </button>
            )}
            {data.status === 'rhfFeedback' && (
              <>
                <button
                  type="button"
                  className="button"
                  disabled={isBusy}
                  onClick={() => move('draft', 'Planen er tilbake som utkast.')}
                  data-testid="plan-to-draft"
                >
                  Tilbake til utkast
                </button>
              </>
            )}
          </div>
        )}
        <ErrorBox problem={problem} testId="plan-status-error" />
      </section>
      {data.status !== 'draft' && (
        <PlanApprovals
          plan={data}
          rhfs={rhfs}
          ownRhfIds={ownRhfIds}
          onApproved={(approved) => {
            setProblem(undefined);
            setMessage(
              approved.status === 'approved'
                ? 'Planen er godkjent av alle RHF-ene. Initial betydning og risiko er overført til anskaffelsene.'
                : 'Godkjenningen er registrert.',
            );
            plan.reload();
            onStatusChanged();
          }}
        />
      )}
      {message && (
        <Notice tone="success" testId="plan-message">
          {message}
        </Notice>
      )}

      <section className="panel" aria-labelledby="plan-items-heading">
        <div className="panel-header">
          <h2 id="plan-items-heading">Anskaffelser i planen</h2>
          {isSecretariat && isDraft && (
            <button
              type="button"
              className="button"
              onClick={() => setEditing('new')}
              data-testid="plan-item-add"
            >
              Legg til anskaffelse
            </button>
          )}
        </div>
        <div className="table-wrap">
          <table className="table" data-testid="plan-items">
            <thead>
              <tr>
                <th scope="col">Anskaffelse</th>
                <th scope="col">Kategori</th>
                <th scope="col">Initial betydning</th>
                <th scope="col" className="numeric">
                  Gevinstestimat
                </th>
                <th scope="col">Risiko</th>
                <th scope="col">Merknad</th>
                <th scope="col">Innspill fra RHF-ene</th>
                <th scope="col">
                  <span className="visually-hidden">Handlinger</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.length === 0 && (
                <EmptyRow colSpan={8}>
                  Ingen anskaffelser i planen ennå. Legg dem til eller importer en fil.
                </EmptyRow>
              )}
              {data.items.map((item) => (
                <tr key={item.id} data-testid="plan-item" data-name={item.procurementName}>
                  <td>
                    <Link to={`/anskaffelser/${item.procurementId}`}>{item.procurementName}</Link>
                  </td>
                  <td>{item.categoryCode}</td>
                  <td data-testid="plan-item-significance-value">{item.initialSignificance}</td>
                  <td className="numeric">{formatNok(item.gainEstimateNok)}</td>
                  <td>{item.riskProfile ?? '–'}</td>
                  <td>{item.note ?? ''}</td>
                  <td>
                    {item.comments.length === 0 ? (
                      <span className="muted">Ingen innspill</span>
                    ) : (
                      <ul className="plain-list" data-testid="plan-item-comments">
                        {item.comments.map((c) => (
                          <li key={c.rhfId} data-testid="plan-comment" data-rhf={c.rhfName}>
                            <strong>{c.rhfName}:</strong>{' '}
                            {c.agreesWithSignificance === 'ja' ? (
                              <Badge tone="ok">enig</Badge>
                            ) : (
                              <Badge tone="warning">
                                uenig{c.proposedSignificance ? ` – foreslår ${c.proposedSignificance}` : ''}
                              </Badge>
                            )}
                            {c.comment && <> «{c.comment}»</>}{' '}
                            <span className="muted">
                              ({c.commentedBy}, {formatTimestamp(c.commentedAt)})
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="nowrap">
                    {isSecretariat && isDraft && (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setEditing(item)}
                        data-testid="plan-item-edit"
                      >
                        Endre
                      </button>
                    )}
                    {mayComment && (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setCommenting(item)}
                        data-testid="plan-item-comment"
                      >
                        Gi innspill
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {isSecretariat && isDraft && (
        <PlanImport
          year={year}
          onImported={() => {
            setMessage('');
            plan.reload();
          }}
        />
      )}
      {editing && (
        <PlanItemForm
          year={year}
          item={editing === 'new' ? undefined : editing}
          plannedIds={data.items.map((item) => item.procurementId)}
          onClose={() => setEditing(undefined)}
          onSaved={() => saved('Anskaffelsen er lagret i planen.')}
        />
      )}
      {commenting && (
        <PlanCommentForm
          year={year}
          item={commenting}
          rhfs={rhfs}
          onClose={() => setCommenting(undefined)}
          onSaved={() => saved('Innspillet er lagret.')}
        />
      )}
    </div>
  );
}
