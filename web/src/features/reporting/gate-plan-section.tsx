// Planned gate dates and follow-up of one procurement (the report's "planned vs. actual" and "needed
// measures"): shown to everyone, editable by the secretariat and the procurement's own lead.
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { setGatePlanSchema, type gatePlanSchema } from '@server/features/reporting/reporting.schemas.js';
import { gateIds } from '@server/domain/involvement.rules.js';
import { api, toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate, formatNok } from '../../shared/format.js';
import { gateLabels } from '../../shared/labels.js';
import { Loading, Notice } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { validate } from '../../shared/validate.js';
import { SelectField, TextAreaField, TextField } from '../../shared/fields.js';

type GatePlan = z.infer<typeof gatePlanSchema>;
type Gate = (typeof gateIds)[number];

const gatePlanPath = (procurementId: string) => `/api/reports/procurements/${procurementId}/plan`;
const innovativeText = (value: boolean | null) => (value === null ? 'Ikke vurdert' : value ? 'Ja' : 'Nei');
const fieldLabels: Record<string, string> = {
  gates: 'Planlagte datoer',
  isInnovative: 'Innovativ anskaffelse',
  realisedGainNok: 'Realisert gevinst',
  neededMeasures: 'Behov for tiltak',
  ...Object.fromEntries(gateIds.map((gate, index) => [`gates.${index}.plannedOn`, gateLabels[gate]])),
};

export function GatePlanSection({ procurementId }: { procurementId: string }) {
  const plan = useApi<GatePlan>(gatePlanPath(procurementId));
  const data = plan.data?.procurementId === procurementId ? plan.data : undefined;
  const [message, setMessage] = useState('');
  return (
    <section className="panel" aria-labelledby="gate-plan-heading" data-testid="gate-plan">
      <div className="panel-header">
        <h2 id="gate-plan-heading">Planlagte faseporter og oppfølging</h2>
      </div>
      <p className="hint">
        Avtalte datoer per faseport sammenlignes med faktiske datoer i porteføljerapporten og i KPI-en «levert
        på avtalt tid».
      </p>
      <ErrorBox problem={plan.problem} />
      {message && (
        <Notice tone="success" testId="gate-plan-message">
          {message}
        </Notice>
      )}
      {!data && !plan.problem && <Loading />}
      {data &&
        (data.canEdit ? (
          <GatePlanForm
            // A fresh form after each save, so the fields show what the server stored.
            key={JSON.stringify(data)}
            plan={data}
            onChange={() => setMessage('')}
            onSaved={() => {
              setMessage('Planlagte datoer og oppfølging er lagret.');
              plan.reload();
            }}
          />
        ) : (
          <GatePlanFacts plan={data} />
        ))}
    </section>
  );
}

function GatePlanFacts({ plan }: { plan: GatePlan }) {
  const planned = new Map(plan.gates.map((g) => [g.gate, g.plannedOn]));
  return (
    <dl className="facts">
      {gateIds.map((gate) => (
        <div key={gate}>
          <dt>{gateLabels[gate]}</dt>
          <dd data-testid={`gate-plan-value-${gate}`}>{formatDate(planned.get(gate)) || '–'}</dd>
        </div>
      ))}
      <div>
        <dt>Innovativ anskaffelse</dt>
        <dd>{innovativeText(plan.isInnovative)}</dd>
      </div>
      <div>
        <dt>Realisert gevinst</dt>
        <dd>{formatNok(plan.realisedGainNok) || '–'}</dd>
      </div>
      <div>
        <dt>Behov for tiltak</dt>
        <dd>{plan.neededMeasures ?? '–'}</dd>
      </div>
    </dl>
  );
}

function GatePlanForm({
  plan,
  onChange,
  onSaved,
}: {
  plan: GatePlan;
  onChange: () => void;
  onSaved: () => void;
}) {
  const [dates, setDates] = useState<Record<Gate, string>>(
    () =>
      Object.fromEntries(
        gateIds.map((gate) => [gate, plan.gates.find((g) => g.gate === gate)?.plannedOn ?? '']),
      ) as Record<Gate, string>,
  );
  const [innovative, setInnovative] = useState(
    plan.isInnovative === null ? '' : plan.isInnovative ? 'ja' : 'nei',
  );
  const [realisedGain, setRealisedGain] = useState(plan.realisedGainNok ?? '');
  const [neededMeasures, setNeededMeasures] = useState(plan.neededMeasures ?? '');
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      gates: gateIds.filter((gate) => dates[gate] !== '').map((gate) => ({ gate, plannedOn: dates[gate] })),
      isInnovative: innovative === '' ? null : innovative === 'ja',
      realisedGainNok: realisedGain.trim() === '' ? null : realisedGain.trim(),
      neededMeasures: neededMeasures.trim() === '' ? null : neededMeasures.trim(),
    };
    const invalid = validate(setGatePlanSchema, body);
    setProblem(invalid);
    onChange();
    if (invalid) return;
    setIsSaving(true);
    try {
      await api.put(gatePlanPath(plan.procurementId), body);
      onSaved();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="gate-plan-form">
      <ErrorBox problem={problem} fieldLabels={fieldLabels} isFocusedOnShow testId="gate-plan-error" />
      <div className="form-grid">
        {gateIds.map((gate) => (
          <div className="field" key={gate}>
            <label htmlFor={`gate-plan-${gate}`}>{gateLabels[gate]}</label>
            <input
              id={`gate-plan-${gate}`}
              type="date"
              value={dates[gate]}
              onChange={(event) => setDates((current) => ({ ...current, [gate]: event.target.value }))}
              data-testid={`gate-plan-date-${gate}`}
            />
          </div>
        ))}
      </div>
      <div className="form-grid">
        <SelectField
          id="gate-plan-innovative"
          label="Innovativ anskaffelse"
          value={innovative}
          onChange={setInnovative}
          data-testid="gate-plan-innovative"
        >
          <option value="">Ikke vurdert</option>
          <option value="ja">Ja</option>
          <option value="nei">Nei</option>
        </SelectField>
        <TextField
          id="gate-plan-gain"
          label="Realisert gevinst (NOK)"
          inputMode="decimal"
          value={realisedGain}
          onChange={setRealisedGain}
          data-testid="gate-plan-gain"
          problem={problem}
          path="realisedGainNok"
        />
      </div>
      <TextAreaField
        id="gate-plan-measures"
        label="Behov for tiltak"
        rows={2}
        value={neededMeasures}
        onChange={setNeededMeasures}
        data-testid="gate-plan-measures"
        problem={problem}
        path="neededMeasures"
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={isSaving}
          data-testid="gate-plan-save"
        >
          {isSaving ? 'Lagrer …' : 'Lagre datoer og oppfølging'}
        </button>
      </div>
    </form>
  );
}
