import { useState, type FormEvent } from 'react';
import { FormActions } from '../../shared/ui.js';
import type { KpiDto } from '@server/features/kpis/kpis.schemas.js';
import {
  localProblem,
  request,
  toDisplayProblem,
  type Problem,
  type ProblemItem,
} from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { SelectField, TextAreaField, TextField } from '../../shared/fields.js';

export const directionLabels: Record<KpiDto['direction'], string> = {
  higherIsBetter: 'Høyere er bedre',
  lowerIsBetter: 'Lavere er bedre',
  withinRange: 'Innenfor et intervall',
  minimumBand: 'Minst et intervall (over er også bra)',
};
export const sourceLabels: Record<KpiDto['source'], string> = {
  manual: 'Legges inn manuelt',
  onTimeDelivery: 'Beregnet: levert på avtalt tid',
  categoryStrategies: 'Beregnet: kategoristrategier',
  innovativeShare: 'Beregnet: andel innovative anskaffelser',
  gainOnCompleted: 'Beregnet: gevinst på gjennomførte anskaffelser',
  agreementCoverage: 'Beregnet: avtaledekning (forbruk)',
};
const fieldLabels = {
  name: 'Navn',
  description: 'Beskrivelse',
  source: 'Kilde',
  unit: 'Enhet',
  direction: 'Retning',
  target: 'Mål',
  targetMax: 'Øvre mål',
  amberTolerance: 'Toleranse for gul',
  yearlyTargets: 'Årlige mål',
  origin: 'Opphav',
};

/** Number from a Norwegian input ("82,5"), or null when empty; NaN when not a number. */
function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '').replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

/** The secretariat edits a KPI definition: target, yearly targets, direction, unit, source. */
export function KpiDefinitionForm({
  kpi,
  onClose,
  onSaved,
}: {
  kpi: KpiDto;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [name, setName] = useState(kpi.name);
  const [description, setDescription] = useState(kpi.description ?? '');
  const [source, setSource] = useState(kpi.source);
  const [unit, setUnit] = useState(kpi.unit);
  const [direction, setDirection] = useState(kpi.direction);
  const hasBand = direction === 'withinRange' || direction === 'minimumBand';
  const [target, setTarget] = useState(String(kpi.target).replace('.', ','));
  const [targetMax, setTargetMax] = useState(
    kpi.targetMax === null ? '' : String(kpi.targetMax).replace('.', ','),
  );
  const [amberTolerance, setAmberTolerance] = useState(String(kpi.amberTolerance).replace('.', ','));
  const [origin, setOrigin] = useState(kpi.origin ?? '');
  const [yearly, setYearly] = useState(() =>
    Object.entries(kpi.yearlyTargets)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([year, value]) => ({ year, value: String(value).replace('.', ',') })),
  );
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: ProblemItem[] = [];
    const number = (path: string, text: string, isRequired: boolean) => {
      const value = parseNumber(text);
      if (value === null && isRequired) errors.push({ path, message: 'Må fylles ut' });
      if (value !== null && Number.isNaN(value)) errors.push({ path, message: 'Må være et tall' });
      return value === null || Number.isNaN(value) ? null : value;
    };
    const body = {
      name: name.trim(),
      description: description.trim() === '' ? null : description.trim(),
      source,
      unit,
      direction,
      target: number('target', target, true),
      targetMax: hasBand ? number('targetMax', targetMax, true) : null,
      amberTolerance: number('amberTolerance', amberTolerance, true),
      origin: origin.trim() === '' ? null : origin.trim(),
      yearlyTargets: Object.fromEntries(
        yearly
          .filter((row) => row.year.trim() !== '' || row.value.trim() !== '')
          .map((row) => {
            if (!/^\d{4}$/.test(row.year.trim()))
              errors.push({ path: 'yearlyTargets', message: `«${row.year}» er ikke et årstall (ÅÅÅÅ)` });
            return [row.year.trim(), number('yearlyTargets', row.value, true)];
          }),
      ),
    };
    if (errors.length > 0) {
      setProblem(
        localProblem(400, 'Skjemaet har feil', 'Rett opp feltene som er merket, og lagre igjen.', errors),
      );
      return;
    }
    setIsSaving(true);
    try {
      await request('PATCH', `/api/kpis/${kpi.id}`, body);
      onSaved();
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <Dialog title={`Endre nøkkelindikator ${kpi.code}`} onClose={onClose} testId="kpi-definition-form" wide>
      <form onSubmit={submit} noValidate>
        <ErrorBox problem={problem} fieldLabels={fieldLabels} isFocusedOnShow testId="kpi-definition-error" />
        <TextField
          id="kpi-def-name"
          label="Navn"
          value={name}
          onChange={setName}
          problem={problem}
          path="name"
        />
        <TextAreaField
          id="kpi-def-description"
          label="Beskrivelse"
          rows={2}
          value={description}
          onChange={setDescription}
        />
        <div className="form-grid">
          <SelectField
            id="kpi-def-source"
            label="Kilde"
            value={source}
            onChange={(value) => setSource(value as KpiDto['source'])}
            options={sourceLabels}
          />
          <SelectField
            id="kpi-def-unit"
            label="Enhet"
            value={unit}
            onChange={(value) => setUnit(value as KpiDto['unit'])}
          >
            <option value="percent">Prosent</option>
            <option value="count">Antall</option>
          </SelectField>
          <SelectField
            id="kpi-def-direction"
            label="Retning"
            value={direction}
            onChange={(value) => setDirection(value as KpiDto['direction'])}
            data-testid="kpi-def-direction"
            options={directionLabels}
          />
        </div>
        <div className="form-grid">
          <TextField
            id="kpi-def-target"
            label={hasBand ? 'Mål fra' : 'Mål'}
            inputMode="decimal"
            value={target}
            onChange={setTarget}
            data-testid="kpi-def-target"
            problem={problem}
            path="target"
          />
          {hasBand && (
            <TextField
              id="kpi-def-target-max"
              label="Mål til"
              inputMode="decimal"
              value={targetMax}
              onChange={setTargetMax}
              problem={problem}
              path="targetMax"
            />
          )}
          <div className="field">
            <label htmlFor="kpi-def-amber">Toleranse for gul</label>
            <input
              id="kpi-def-amber"
              inputMode="decimal"
              value={amberTolerance}
              onChange={(e) => setAmberTolerance(e.target.value)}
              aria-describedby="kpi-def-amber-hint kpi-def-amber-error"
            />
            <p className="hint" id="kpi-def-amber-hint">
              Hvor langt fra målet verdien kan være og fortsatt være gul (samme enhet).
            </p>
            <FieldError problem={problem} path="amberTolerance" id="kpi-def-amber-error" />
          </div>
        </div>
        <fieldset className="field" aria-describedby="kpi-def-yearly-error">
          <legend>Årlige mål</legend>
          <p className="hint">Et års eget mål gjelder i stedet for det overordnede målet det året.</p>
          {yearly.map((row, index) => (
            <div key={index} className="inline-options">
              <label>
                År{' '}
                <input
                  value={row.year}
                  size={5}
                  inputMode="numeric"
                  onChange={(e) =>
                    setYearly((rows) =>
                      rows.map((r, i) => (i === index ? { ...r, year: e.target.value } : r)),
                    )
                  }
                  data-testid="kpi-def-yearly-year"
                />
              </label>
              <label>
                Mål{' '}
                <input
                  value={row.value}
                  size={6}
                  inputMode="decimal"
                  onChange={(e) =>
                    setYearly((rows) =>
                      rows.map((r, i) => (i === index ? { ...r, value: e.target.value } : r)),
                    )
                  }
                  data-testid="kpi-def-yearly-value"
                />
              </label>
              <button
                type="button"
                className="button-link"
                onClick={() => setYearly((rows) => rows.filter((_, i) => i !== index))}
              >
                Fjern
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button-small"
            onClick={() => setYearly((rows) => [...rows, { year: '', value: '' }])}
            data-testid="kpi-def-yearly-add"
          >
            Legg til år
          </button>
          <FieldError problem={problem} path="yearlyTargets" id="kpi-def-yearly-error" />
        </fieldset>
        <TextField id="kpi-def-origin" label="Opphav" value={origin} onChange={setOrigin} />
        <FormActions isSaving={isSaving} onCancel={onClose} saveTestId="kpi-def-save" />
      </form>
    </Dialog>
  );
}
