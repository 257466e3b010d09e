// Møteplan: sekretariatet foreslår årets møtedatoer for gruppen; lederen (eller sekretariatet for gruppen)
// godkjenner planen, som da blir et nummerert vedtak i gruppens vedtaksserie.
import { useState, type FormEvent } from 'react';
import { localProblem, toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatTimestamp, todayIso } from '../../shared/format.js';
import { Badge, FormActions } from '../../shared/ui.js';
import { meetingsApi, toInstant, type Workspace } from './meetings-api.js';

type Plan = Workspace['plans'][number];

interface PlanRow {
  key: number;
  date: string;
  start: string;
  end: string;
  location: string;
}

export function MeetingPlans({
  groupId,
  plans,
  canPropose,
  canApprove,
  onChanged,
}: {
  groupId: string;
  plans: Plan[];
  canPropose: boolean;
  canApprove: boolean;
  onChanged: (message: string) => void;
}) {
  const [isProposing, setIsProposing] = useState(false);
  const [confirming, setConfirming] = useState<Plan | null>(null);
  const [problem, setProblem] = useState<Problem>();
  const approve = async (plan: Plan) => {
    setProblem(undefined);
    try {
      const { decisionNumber } = await meetingsApi.approvePlan(plan.id);
      setConfirming(null);
      onChanged(`Møteplanen for ${plan.year} er godkjent (vedtak ${decisionNumber}).`);
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  };
  return (
    <div className="subform" data-testid="meeting-plans">
      <h3 className="h-small">Møteplan</h3>
      <ErrorBox problem={confirming ? undefined : problem} />
      {plans.length === 0 && <p className="muted">Ingen møteplan er foreslått ennå.</p>}
      <ul className="plain-list">
        {plans.map((plan) => (
          <li key={plan.id} data-testid="meeting-plan" data-year={plan.year}>
            <strong>Møteplan {plan.year}</strong>: {plan.meetingCount} møter, foreslått av {plan.proposedBy} –{' '}
            {plan.status === 'approved' ? (
              <>
                <Badge tone="ok">
                  Godkjent{plan.decisionNumber ? ` – vedtak ${plan.decisionNumber}` : ''}
                </Badge>
                {plan.approvedBy && (
                  <span className="subtle">
                    {' '}
                    av {plan.approvedBy}
                    {plan.approvedAt ? ` ${formatTimestamp(plan.approvedAt)}` : ''}
                  </span>
                )}
              </>
            ) : (
              <>
                <Badge tone="warning">Foreslått – venter på gruppens godkjenning</Badge>{' '}
                {canApprove && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setConfirming(plan)}
                    data-testid="approve-plan"
                  >
                    Godkjenn møteplanen
                  </button>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {canPropose && (
        <button
          type="button"
          className="button button-small"
          onClick={() => setIsProposing(true)}
          data-testid="propose-plan"
        >
          Foreslå møteplan
        </button>
      )}
      {isProposing && (
        <ProposePlanDialog
          groupId={groupId}
          onClose={() => setIsProposing(false)}
          onSaved={(message) => {
            setIsProposing(false);
            onChanged(message);
          }}
        />
      )}
      {confirming && (
        <Dialog title={`Godkjenn møteplanen for ${confirming.year}`} onClose={() => setConfirming(null)}>
          <ErrorBox problem={problem} isFocusedOnShow />
          <p>
            Godkjenningen registreres som et vedtak i styringsgruppen med eget vedtaksnummer. Planen har{' '}
            {confirming.meetingCount} møter.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => void approve(confirming)}
              data-testid="approve-plan-confirm"
            >
              Godkjenn
            </button>
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              Avbryt
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

function ProposePlanDialog({
  groupId,
  onClose,
  onSaved,
}: {
  groupId: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const nextYear = Number(todayIso().slice(0, 4)) + 1;
  const [year, setYear] = useState(String(nextYear));
  const [rows, setRows] = useState<PlanRow[]>([
    { key: 1, date: '', start: '10:00', end: '12:00', location: 'Teams' },
  ]);
  const [isSaving, setIsSaving] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const update = (key: number, patch: Partial<PlanRow>) =>
    setRows(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const missing = rows.findIndex((row) => !row.date || !row.start || !row.end);
    if (missing >= 0) {
      setProblem(
        localProblem(400, 'Skjemaet har feil', `Møte ${missing + 1} mangler dato eller klokkeslett.`),
      );
      return;
    }
    setIsSaving(true);
    try {
      await meetingsApi.proposePlan(groupId, {
        year: Number(year),
        meetings: [...rows]
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((row) => ({
            startsAt: toInstant(row.date, row.start),
            endsAt: toInstant(row.date, row.end),
            location: row.location.trim() || null,
          })),
      });
      onSaved(`Møteplanen for ${year} er foreslått med ${rows.length} møter. Gruppen må godkjenne den.`);
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  };

  return (
    <Dialog title="Foreslå møteplan" onClose={onClose} testId="plan-form" wide>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorBox problem={problem} isFocusedOnShow testId="plan-error" />
        <div className="field field-narrow">
          <label htmlFor="plan-year">År</label>
          <input
            id="plan-year"
            type="number"
            min={2020}
            max={2100}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            data-testid="plan-year"
          />
        </div>
        <table className="table table-dense">
          <thead>
            <tr>
              <th scope="col">Dato</th>
              <th scope="col">Fra</th>
              <th scope="col">Til</th>
              <th scope="col">Sted</th>
              <th scope="col">
                <span className="visually-hidden">Fjern</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.key} data-testid="plan-row">
                <td>
                  <input
                    type="date"
                    aria-label={`Dato, møte ${index + 1}`}
                    value={row.date}
                    onChange={(e) => update(row.key, { date: e.target.value })}
                    data-testid="plan-date"
                  />
                </td>
                <td>
                  <input
                    type="time"
                    aria-label={`Fra, møte ${index + 1}`}
                    value={row.start}
                    onChange={(e) => update(row.key, { start: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="time"
                    aria-label={`Til, møte ${index + 1}`}
                    value={row.end}
                    onChange={(e) => update(row.key, { end: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Sted, møte ${index + 1}`}
                    value={row.location}
                    onChange={(e) => update(row.key, { location: e.target.value })}
                  />
                </td>
                <td>
                  {rows.length > 1 && (
                    <button
                      type="button"
                      className="button-link"
                      onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
                    >
                      Fjern
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-actions">
          <button
            type="button"
            className="button button-small"
            disabled={rows.length >= 24}
            onClick={() =>
              setRows([
                ...rows,
                {
                  ...(rows[rows.length - 1] ?? { start: '10:00', end: '12:00', location: 'Teams' }),
                  key: Math.max(0, ...rows.map((r) => r.key)) + 1,
                  date: '',
                },
              ])
            }
            data-testid="plan-add-row"
          >
            Legg til møte
          </button>
        </div>
        <p className="hint">Planen blir et forslag til gruppen; møtene legges i kalenderen med en gang.</p>
        <FormActions
          isSaving={isSaving}
          onCancel={onClose}
          saveLabel="Foreslå møteplanen"
          savingLabel="Sender …"
          saveTestId="plan-submit"
        />
      </form>
    </Dialog>
  );
}
