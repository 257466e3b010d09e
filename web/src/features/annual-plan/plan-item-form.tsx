import { useState, type FormEvent } from 'react';
import { FormActions } from '../../shared/ui.js';
import { localProblem, toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { compareNb } from '../../shared/format.js';
import { useApi } from '../../shared/use-api.js';
import { procurementChoicesPath, type ProcurementPage } from '../procurements/procurements-api.js';
import { levels, putItem, type AnnualPlan, type AnnualPlanItem, type Level } from './annual-plan-api.js';
import { SelectField, TextAreaField, TextField } from '../../shared/fields.js';

const fieldLabels = {
  procurementId: 'Anskaffelse',
  initialSignificance: 'Initial strategisk betydning',
  gainEstimateNok: 'Gevinstestimat',
  riskProfile: 'Risikoprofil',
  note: 'Merknad',
};

/** Add a procurement to a draft plan, or change its initial significance, gain estimate, risk and note. */
export function PlanItemForm({
  year,
  item,
  plannedIds,
  onClose,
  onSaved,
}: {
  year: number;
  item?: AnnualPlanItem;
  plannedIds: readonly string[];
  onClose: () => void;
  onSaved: (plan: AnnualPlan) => void;
}) {
  const procurements = useApi<ProcurementPage>(item ? null : procurementChoicesPath);
  const [procurementId, setProcurementId] = useState(item?.procurementId ?? '');
  const [initialSignificance, setInitialSignificance] = useState<Level | ''>(item?.initialSignificance ?? '');
  const [gainEstimateNok, setGainEstimateNok] = useState(item?.gainEstimateNok ?? '');
  const [riskProfile, setRiskProfile] = useState<Level | ''>(item?.riskProfile ?? '');
  const [note, setNote] = useState(item?.note ?? '');
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);
  const choices = (procurements.data?.items ?? [])
    .filter((p) => !plannedIds.includes(p.id))
    .sort((a, b) => compareNb(a.name, b.name));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors = [
      ...(procurementId ? [] : [{ path: 'procurementId', message: 'Velg en anskaffelse' }]),
      ...(initialSignificance
        ? []
        : [{ path: 'initialSignificance', message: 'Velg høy, medium eller lav' }]),
    ];
    if (errors.length > 0 || !initialSignificance) {
      setProblem(localProblem(400, 'Skjemaet har feil', 'Rett opp feltene som er merket.', errors));
      return;
    }
    setIsSaving(true);
    try {
      onSaved(
        await putItem(year, {
          procurementId,
          initialSignificance,
          gainEstimateNok: gainEstimateNok.trim() === '' ? null : gainEstimateNok.trim(),
          riskProfile: riskProfile === '' ? null : riskProfile,
          note: note.trim() === '' ? null : note.trim(),
        }),
      );
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <Dialog
      title={item ? `Endre «${item.procurementName}»` : `Legg til anskaffelse i planen for ${year}`}
      onClose={onClose}
      testId="plan-item-form"
      wide
    >
      <form onSubmit={submit} noValidate>
        <ErrorBox problem={problem} fieldLabels={fieldLabels} isFocusedOnShow testId="plan-item-error" />
        <ErrorBox problem={procurements.problem} />
        <div className="form-grid">
          <div className="field">
            <label htmlFor="plan-item-procurement">Anskaffelse</label>
            {item ? (
              <p className="readonly-value">{item.procurementName}</p>
            ) : (
              <select
                id="plan-item-procurement"
                value={procurementId}
                onChange={(event) => setProcurementId(event.target.value)}
                aria-describedby="plan-item-procurement-error"
                data-testid="plan-item-procurement"
              >
                <option value="">
                  {procurements.isLoading ? 'Laster anskaffelser …' : 'Velg anskaffelse'}
                </option>
                {choices.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
            <FieldError problem={problem} path="procurementId" id="plan-item-procurement-error" />
          </div>
          <SelectField
            id="plan-item-significance"
            label="Initial strategisk betydning"
            value={initialSignificance}
            onChange={(value) => setInitialSignificance(value as Level | '')}
            data-testid="plan-item-significance"
            problem={problem}
            path="initialSignificance"
          >
            <option value="">Velg</option>
            {levels.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </SelectField>
          <TextField
            id="plan-item-gain"
            label="Gevinstestimat (NOK)"
            inputMode="decimal"
            value={gainEstimateNok}
            onChange={setGainEstimateNok}
            data-testid="plan-item-gain"
            problem={problem}
            path="gainEstimateNok"
          />
          <SelectField
            id="plan-item-risk"
            label="Risikoprofil"
            value={riskProfile}
            onChange={(value) => setRiskProfile(value as Level | '')}
            data-testid="plan-item-risk"
          >
            <option value="">Ikke vurdert</option>
            {levels.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField
          id="plan-item-note"
          label="Merknad"
          rows={2}
          value={note}
          onChange={setNote}
          problem={problem}
          path="note"
        />
        <FormActions isSaving={isSaving} onCancel={onClose} saveTestId="plan-item-save" />
      </form>
    </Dialog>
  );
}
