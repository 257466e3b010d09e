import { useState, type FormEvent } from 'react';
import { FormActions } from '../../shared/ui.js';
import { riskInputSchema } from '@server/features/governance/governance.schemas.js';
import {
  assessRisk,
  riskParameters,
  riskRuleDefault,
  type RiskRule,
  type RiskScores,
} from '@server/domain/risk.rules.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { level3Labels, level3Order } from '../../shared/labels.js';
import { useApi } from '../../shared/use-api.js';
import { validate } from '../../shared/validate.js';
import { configPath, setRisk, type ConfigView, type GovernanceView, type Level3 } from './governance-api.js';
import { Level3Badge } from './governance-ui.js';

interface RiskFormProps {
  procurementId: string;
  current: GovernanceView['risk'];
  onClose: () => void;
  onSaved: () => void;
}

/** Risk assessment: the 15 parameters scored 1–5 with help texts, or a profile from the user's own tool. */
export function RiskForm({ procurementId, current, onClose, onSaved }: RiskFormProps) {
  const config = useApi<ConfigView>(configPath);
  const [method, setMethod] = useState<'scored' | 'direct'>(current?.method ?? 'scored');
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      riskParameters.map((parameter) => [
        parameter.key,
        current?.scores?.[parameter.key] ? String(current.scores[parameter.key]) : '',
      ]),
    ),
  );
  const [profile, setProfile] = useState<Level3 | ''>('');
  const [note, setNote] = useState(current?.note ?? '');
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  const rule = (config.data?.current.riskRule.value as RiskRule | undefined) ?? riskRuleDefault;
  const isComplete = riskParameters.every((parameter) => scores[parameter.key] !== '');
  const preview = isComplete
    ? assessRisk(
        Object.fromEntries(
          riskParameters.map((parameter) => [parameter.key, Number(scores[parameter.key])]),
        ) as RiskScores,
        rule,
      )
    : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmedNote = note.trim() === '' ? null : note.trim();
    const body =
      method === 'scored'
        ? {
            scores: Object.fromEntries(
              riskParameters.map((parameter) => [
                parameter.key,
                scores[parameter.key] === '' ? undefined : Number(scores[parameter.key]),
              ]),
            ),
            note: trimmedNote,
          }
        : { profile: profile === '' ? undefined : profile, note: trimmedNote };
    const invalid = validate(riskInputSchema, body);
    setProblem(
      invalid && method === 'scored' && !isComplete
        ? { ...invalid, detail: 'Gi alle de 15 risikoparameterne en score fra 1 til 5.' }
        : invalid,
    );
    if (invalid) return;
    setIsSaving(true);
    try {
      await setRisk(procurementId, body as Parameters<typeof setRisk>[1]);
      onSaved();
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <Dialog title="Risikovurdering" onClose={onClose} testId="risk-form" wide>
      <form onSubmit={submit} noValidate>
        <ErrorBox
          problem={problem}
          isFocusedOnShow
          testId="risk-error"
          fieldLabels={Object.fromEntries(riskParameters.map((p) => [`scores.${p.key}`, p.label]))}
        />
        <fieldset className="field">
          <legend>Hvordan vil du vurdere risikoen?</legend>
          <div className="inline-options">
            <label className="check-label">
              <input
                type="radio"
                name="risk-method"
                checked={method === 'scored'}
                onChange={() => setMethod('scored')}
                data-testid="risk-method-scored"
              />{' '}
              Score de 15 risikoparameterne
            </label>
            <label className="check-label">
              <input
                type="radio"
                name="risk-method"
                checked={method === 'direct'}
                onChange={() => setMethod('direct')}
                data-testid="risk-method-direct"
              />{' '}
              Legg inn profil direkte (vurdert i eget verktøy, f.eks. Quantus)
            </label>
          </div>
        </fieldset>

        {method === 'scored' ? (
          <>
            <p className="hint">
              Score hver parameter fra 1 (lav risiko) til 5 (høy risiko). Profilen beregnes etter regelen i
              styringsmodellen: høy ved gjennomsnitt ≥ {rule.highMeanAtLeast} eller score 5 på{' '}
              {rule.criticalParameters
                .map((key) => riskParameters.find((p) => p.key === key)?.label.toLowerCase() ?? key)
                .join(' eller ')}
              ; medium ved gjennomsnitt ≥ {rule.mediumMeanAtLeast}
              {rule.anyFiveRaisesToMedium ? ' eller score 5 på en annen parameter' : ''}; ellers lav.
            </p>
            <div className="risk-grid">
              {riskParameters.map((parameter) => (
                <div className="field risk-parameter" key={parameter.key}>
                  <label htmlFor={`risk-${parameter.key}`}>{parameter.label}</label>
                  <p className="hint" id={`risk-${parameter.key}-help`}>
                    {parameter.help}
                  </p>
                  <select
                    id={`risk-${parameter.key}`}
                    value={scores[parameter.key]}
                    onChange={(event) =>
                      setScores((previous) => ({ ...previous, [parameter.key]: event.target.value }))
                    }
                    aria-describedby={`risk-${parameter.key}-help risk-${parameter.key}-error`}
                    data-testid={`risk-score-${parameter.key}`}
                  >
                    <option value="">Velg score</option>
                    {[1, 2, 3, 4, 5].map((value) => (
                      <option key={value} value={value}>
                        {value}
                      </option>
                    ))}
                  </select>
                  <FieldError
                    problem={problem}
                    path={`scores.${parameter.key}`}
                    id={`risk-${parameter.key}-error`}
                  />
                </div>
              ))}
            </div>
            <p aria-live="polite" data-testid="risk-preview">
              {preview ? (
                <>
                  Beregnet profil: <Level3Badge value={preview.profile} /> (gjennomsnitt{' '}
                  {preview.mean.toLocaleString('nb-NO')}; {preview.reasons.join('; ')})
                </>
              ) : (
                <span className="muted">
                  {riskParameters.filter((parameter) => scores[parameter.key] !== '').length} av 15 parametere
                  er scoret.
                </span>
              )}
            </p>
          </>
        ) : (
          <fieldset className="field">
            <legend>Risikoprofil</legend>
            <div className="inline-options">
              {level3Order.map((value) => (
                <label key={value} className="check-label">
                  <input
                    type="radio"
                    name="risk-profile"
                    checked={profile === value}
                    onChange={() => setProfile(value)}
                    data-testid={`risk-profile-${value}`}
                  />{' '}
                  {level3Labels[value]}
                </label>
              ))}
            </div>
            <FieldError problem={problem} path="profile" id="risk-profile-error" />
          </fieldset>
        )}

        <div className="field">
          <label htmlFor="risk-note">Merknad (valgfritt)</label>
          <textarea id="risk-note" rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <FormActions
          isSaving={isSaving}
          onCancel={onClose}
          saveLabel="Lagre risikovurdering"
          saveTestId="risk-save"
        />
      </form>
    </Dialog>
  );
}
