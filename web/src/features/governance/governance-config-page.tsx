// `/styringsmodell`: the involvement matrix, the risk rule and the significance rule in force, with their
// history. Everyone reads; the secretariat stores a new version (seed 001 §5.1.3, Figure 16).
import { useState } from 'react';
import { gateIds, type InvolvementMatrix } from '@server/domain/involvement.rules.js';
import type { RiskRule } from '@server/domain/risk.rules.js';
import type { SignificanceRule } from '@server/domain/significance.rules.js';
import {
  involvementMatrixSchema,
  riskRuleSchema,
  significanceRuleSchema,
} from '@server/features/governance/governance.schemas.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatNok, formatTimestamp, formatYesNo } from '../../shared/format.js';
import { gateLabels, involvementLabels, level3Labels, level3Order } from '../../shared/labels.js';
import { Badge, Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { validate } from '../../shared/validate.js';
import { can } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { configPath, updateConfig, type ConfigEntry, type ConfigView } from './governance-api.js';

type Involvement = InvolvementMatrix['plan']['høy'];
const involvementOrder: Involvement[] = ['decide', 'consulted', 'informed'];

export function GovernanceConfigPage() {
  const user = useCurrentUser();
  const config = useApi<ConfigView>(configPath);
  const [message, setMessage] = useState('');
  const mayEdit = can.editReferenceData(user);

  if (config.problem && !config.data) return <ErrorBox problem={config.problem} />;
  if (!config.data) return <Loading />;
  const { current, history, riskParameters } = config.data;

  function saved(text: string) {
    setMessage(text);
    config.reload();
  }

  return (
    <div data-testid="governance-config-page" data-busy={config.isLoading ? 'true' : 'false'}>
      <PageHeader
        title="Styringsmodell"
        lead="Når styringsgruppen beslutter, konsulteres eller informeres, og reglene for risikoprofil og strategisk betydning. Hver endring lagres som en ny versjon."
      />
      {message && (
        <Notice tone="success" testId="save-message">
          {message}
        </Notice>
      )}
      <MatrixSection
        key={`matrix-${current.involvementMatrix.version}`}
        entry={current.involvementMatrix}
        mayEdit={mayEdit}
        onSaved={saved}
      />
      <div className="governance-columns">
        <RiskRuleSection
          key={`risk-${current.riskRule.version}`}
          entry={current.riskRule}
          parameters={riskParameters}
          mayEdit={mayEdit}
          onSaved={saved}
        />
        <SignificanceRuleSection
          key={`significance-${current.significanceRule.version}`}
          entry={current.significanceRule}
          mayEdit={mayEdit}
          onSaved={saved}
        />
      </div>
      <section className="panel" aria-labelledby="config-history-heading">
        <h2 id="config-history-heading">Historikk</h2>
        {history.length === 0 ? (
          <p className="muted">Standardreglene fra styringsmodellen (versjon 0) har ikke vært endret.</p>
        ) : (
          <table className="table table-dense" data-testid="config-history">
            <thead>
              <tr>
                <th scope="col">Regel</th>
                <th scope="col">Versjon</th>
                <th scope="col">Endret</th>
                <th scope="col">Av</th>
                <th scope="col">Merknad</th>
              </tr>
            </thead>
            <tbody>
              {[...history].reverse().map((row) => (
                <tr key={`${row.key}-${row.version}`}>
                  <th scope="row">{configKeyLabels[row.key]}</th>
                  <td>{row.version}</td>
                  <td className="nowrap">{row.createdAt ? formatTimestamp(row.createdAt) : ''}</td>
                  <td>{row.createdBy}</td>
                  <td>{row.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

const configKeyLabels: Record<ConfigEntry['key'], string> = {
  involvementMatrix: 'Involveringsmatrise',
  riskRule: 'Regel for risikoprofil',
  significanceRule: 'Regel for strategisk betydning',
  quorumRule: 'Regel for beslutningsdyktighet',
  habilitetRule: 'Regel for habilitet',
};

function VersionLine({ entry }: { entry: ConfigEntry }) {
  return (
    <p className="muted" data-testid={`${entry.key}-version`} data-version={entry.version}>
      Versjon {entry.version}
      {entry.createdAt ? `, ${formatTimestamp(entry.createdAt)} av ${entry.createdBy}` : ''}
      {entry.note ? ` – ${entry.note}` : ''}
    </p>
  );
}

function useSave(key: ConfigEntry['key'], onSaved: (message: string) => void) {
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);
  const [note, setNote] = useState('');
  async function save(invalid: Problem | undefined, value: unknown) {
    setProblem(invalid);
    if (invalid) return;
    setIsSaving(true);
    try {
      const result = await updateConfig(key, value, note.trim() === '' ? null : note.trim());
      onSaved(`${configKeyLabels[key]} er lagret som versjon ${result.version}.`);
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }
  return { problem, isSaving, note, setNote, save };
}

function SaveRow({
  id,
  state,
  onSave,
  testId,
}: {
  id: string;
  state: ReturnType<typeof useSave>;
  onSave: () => void;
  testId: string;
}) {
  return (
    <>
      <ErrorBox problem={state.problem} testId={`${testId}-error`} />
      <div className="form-actions">
        <div className="field field-grow">
          <label htmlFor={id}>Begrunnelse for endringen</label>
          <input id={id} value={state.note} onChange={(event) => state.setNote(event.target.value)} />
        </div>
        <button
          type="button"
          className="button button-primary"
          disabled={state.isSaving}
          onClick={onSave}
          data-testid={testId}
        >
          {state.isSaving ? 'Lagrer …' : 'Lagre ny versjon'}
        </button>
      </div>
    </>
  );
}

function MatrixSection({
  entry,
  mayEdit,
  onSaved,
}: {
  entry: ConfigEntry;
  mayEdit: boolean;
  onSaved: (message: string) => void;
}) {
  const [matrix, setMatrix] = useState(() => structuredClone(entry.value as InvolvementMatrix));
  const state = useSave('involvementMatrix', onSaved);
  const original = entry.value as InvolvementMatrix;
  const isChanged = JSON.stringify(matrix) !== JSON.stringify(original);

  return (
    <section className="panel" aria-labelledby="matrix-heading">
      <div className="panel-header">
        <h2 id="matrix-heading">Involveringsmatrise</h2>
        <Badge tone="info">Versjon {entry.version}</Badge>
      </div>
      <VersionLine entry={entry} />
      <p className="hint">
        Styringsgruppens rolle i hver faseport, etter anskaffelsens strategiske betydning (mandatet 2023,
        §5.1.3). Gruppen beslutter alltid den endelige strategiske betydningen.
      </p>
      <div className="table-wrap">
        <table className="table" data-testid="involvement-matrix">
          <thead>
            <tr>
              <th scope="col">Steg</th>
              {level3Order.map((level) => (
                <th scope="col" key={level}>
                  {level3Labels[level]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {gateIds.map((gate) => (
              <tr key={gate} data-testid="matrix-row" data-gate={gate}>
                <th scope="row">{gateLabels[gate]}</th>
                {level3Order.map((level) => (
                  <td key={level} data-testid={`matrix-${gate}-${level}`} data-value={matrix[gate][level]}>
                    {mayEdit && gate !== 'significance' ? (
                      <select
                        aria-label={`${gateLabels[gate]}, ${level3Labels[level].toLowerCase()}`}
                        value={matrix[gate][level]}
                        className={matrix[gate][level] !== original[gate][level] ? 'changed' : undefined}
                        onChange={(event) =>
                          setMatrix((previous) => ({
                            ...previous,
                            [gate]: { ...previous[gate], [level]: event.target.value as Involvement },
                          }))
                        }
                      >
                        {involvementOrder.map((involvement) => (
                          <option key={involvement} value={involvement}>
                            {involvementLabels[involvement]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span className={`involvement involvement-${matrix[gate][level]}`}>
                        {involvementLabels[matrix[gate][level]]}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mayEdit && isChanged && (
        <SaveRow
          id="matrix-note"
          state={state}
          testId="matrix-save"
          onSave={() => void state.save(validate(involvementMatrixSchema, matrix), matrix)}
        />
      )}
    </section>
  );
}

function RiskRuleSection({
  entry,
  parameters,
  mayEdit,
  onSaved,
}: {
  entry: ConfigEntry;
  parameters: ConfigView['riskParameters'];
  mayEdit: boolean;
  onSaved: (message: string) => void;
}) {
  const original = entry.value as RiskRule;
  const [rule, setRule] = useState<RiskRule>(() => structuredClone(original));
  const state = useSave('riskRule', onSaved);
  const isChanged = JSON.stringify(rule) !== JSON.stringify(original);
  const labelOf = (key: string) => parameters.find((p) => p.key === key)?.label ?? key;

  return (
    <section className="panel" aria-labelledby="risk-rule-heading" data-testid="risk-rule">
      <div className="panel-header">
        <h2 id="risk-rule-heading">Regel for risikoprofil</h2>
        <Badge tone="info">Versjon {entry.version}</Badge>
      </div>
      <VersionLine entry={entry} />
      <p>
        <strong>Høy</strong> når gjennomsnittet av de 15 scorene er minst {original.highMeanAtLeast}, eller
        når {original.criticalParameters.map(labelOf).join(' eller ').toLowerCase() || '(ingen)'} har score 5.{' '}
        <strong>Medium</strong> når gjennomsnittet er minst {original.mediumMeanAtLeast}
        {original.anyFiveRaisesToMedium ? ', eller en annen parameter har score 5' : ''}. Ellers{' '}
        <strong>lav</strong>.
      </p>
      {mayEdit && (
        <details>
          <summary>Endre regelen</summary>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="rule-high">Høy fra gjennomsnitt</label>
              <input
                id="rule-high"
                type="number"
                step="0.1"
                min={1}
                max={5}
                value={rule.highMeanAtLeast}
                onChange={(event) => setRule({ ...rule, highMeanAtLeast: Number(event.target.value) })}
              />
            </div>
            <div className="field">
              <label htmlFor="rule-medium">Medium fra gjennomsnitt</label>
              <input
                id="rule-medium"
                type="number"
                step="0.1"
                min={1}
                max={5}
                value={rule.mediumMeanAtLeast}
                onChange={(event) => setRule({ ...rule, mediumMeanAtLeast: Number(event.target.value) })}
              />
            </div>
          </div>
          <fieldset className="field">
            <legend>Score 5 på disse gir alltid høy</legend>
            <div className="check-columns">
              {parameters.map((parameter) => (
                <label key={parameter.key} className="check-label">
                  <input
                    type="checkbox"
                    checked={rule.criticalParameters.includes(
                      parameter.key as RiskRule['criticalParameters'][number],
                    )}
                    onChange={(event) =>
                      setRule({
                        ...rule,
                        criticalParameters: event.target.checked
                          ? [
                              ...rule.criticalParameters,
                              parameter.key as RiskRule['criticalParameters'][number],
                            ]
                          : rule.criticalParameters.filter((key) => key !== parameter.key),
                      })
                    }
                  />{' '}
                  {parameter.label}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="check-label">
            <input
              type="checkbox"
              checked={rule.anyFiveRaisesToMedium}
              onChange={(event) => setRule({ ...rule, anyFiveRaisesToMedium: event.target.checked })}
            />{' '}
            Score 5 på en annen parameter gir minst medium
          </label>
          {isChanged && (
            <SaveRow
              id="risk-rule-note"
              state={state}
              testId="risk-rule-save"
              onSave={() => void state.save(validate(riskRuleSchema, rule), rule)}
            />
          )}
        </details>
      )}
    </section>
  );
}

function SignificanceRuleSection({
  entry,
  mayEdit,
  onSaved,
}: {
  entry: ConfigEntry;
  mayEdit: boolean;
  onSaved: (message: string) => void;
}) {
  const original = entry.value as SignificanceRule;
  const [rule, setRule] = useState<SignificanceRule>(() => structuredClone(original));
  const state = useSave('significanceRule', onSaved);
  const isChanged = JSON.stringify(rule) !== JSON.stringify(original);

  return (
    <section className="panel" aria-labelledby="significance-rule-heading" data-testid="significance-rule">
      <div className="panel-header">
        <h2 id="significance-rule-heading">Regel for strategisk betydning</h2>
        <Badge tone="info">Versjon {entry.version}</Badge>
      </div>
      <VersionLine entry={entry} />
      <p>Anbefalingen starter på risikoprofilen og heves ett trinn for hvert kriterium, aldri over høy:</p>
      <ul>
        <li>
          Kontraktsverdi over {formatNok(String(original.valueThresholdNok))}:{' '}
          {formatYesNo(original.raiseForValue).toLowerCase()}
        </li>
        <li>
          Kategori i det medisinske hovedområdet:{' '}
          {formatYesNo(original.raiseForMedicalMainArea).toLowerCase()}
        </li>
      </ul>
      <p className="hint">Systemet anbefaler og viser hvorfor; styringsgruppen beslutter ved vedtak.</p>
      {mayEdit && (
        <details>
          <summary>Endre regelen</summary>
          <div className="field field-narrow">
            <label htmlFor="rule-threshold">Terskel for kontraktsverdi (NOK)</label>
            <input
              id="rule-threshold"
              type="number"
              step="1000000"
              min={0}
              value={rule.valueThresholdNok}
              onChange={(event) => setRule({ ...rule, valueThresholdNok: Number(event.target.value) })}
            />
          </div>
          <label className="check-label">
            <input
              type="checkbox"
              checked={rule.raiseForValue}
              onChange={(event) => setRule({ ...rule, raiseForValue: event.target.checked })}
            />{' '}
            Hev ett trinn når kontraktsverdien er over terskelen
          </label>
          <label className="check-label">
            <input
              type="checkbox"
              checked={rule.raiseForMedicalMainArea}
              onChange={(event) => setRule({ ...rule, raiseForMedicalMainArea: event.target.checked })}
            />{' '}
            Hev ett trinn for kategorier i det medisinske hovedområdet
          </label>
          {isChanged && (
            <SaveRow
              id="significance-rule-note"
              state={state}
              testId="significance-rule-save"
              onSave={() => void state.save(validate(significanceRuleSchema, rule), rule)}
            />
          )}
        </details>
      )}
    </section>
  );
}
