import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { submitCaseSchema } from '@server/features/governance/governance.schemas.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { gateLabels, involvementLabels, level3Labels, level3Order } from '../../shared/labels.js';
import { validate } from '../../shared/validate.js';
import { submitCase, type Gate, type GovernanceView, type Level3 } from './governance-api.js';
import { DocumentPicker, readDocuments, type PickedDocument } from './document-picker.js';
import { FormActions } from '../../shared/ui.js';

const fieldLabels = {
  gate: 'Fase',
  title: 'Tittel',
  text: 'Saksframstilling',
  proposedSignificance: 'Foreslått strategisk betydning',
  documents: 'Dokumenter',
};

interface CaseFormProps {
  procurementId: string;
  governance: GovernanceView;
  initialGate?: Gate;
  onClose: () => void;
}

/** The gates a case can be brought to: not passed, and not merely informed (unless delegated — not possible). */
function openGates(governance: GovernanceView) {
  return governance.gates.filter((gate) => gate.status !== 'passed' && gate.involvement !== 'informed');
}

/** A case (sak) at a gate: text, proposed significance, delegation to the faggruppe, documents. */
export function CaseForm({ procurementId, governance, initialGate, onClose }: CaseFormProps) {
  const navigate = useNavigate();
  const gates = openGates(governance);
  const [gate, setGate] = useState<Gate | ''>(initialGate ?? gates[0]?.gate ?? '');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [proposed, setProposed] = useState<Level3 | ''>(
    // The group confirms or adjusts Sykehusinnkjøp's initial value (§5.1.3); without one, the recommendation.
    governance.significance.initial ?? governance.significance.recommended ?? '',
  );
  const [delegate, setDelegate] = useState(false);
  const [documents, setDocuments] = useState<PickedDocument[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  const gateView = governance.gates.find((candidate) => candidate.gate === gate);
  const mayDelegate = gateView?.involvement === 'decide' && gate !== 'significance';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    try {
      const body = {
        gate: gate === '' ? undefined : gate,
        title,
        text,
        ...(gate === 'significance' ? { proposedSignificance: proposed === '' ? undefined : proposed } : {}),
        delegate: mayDelegate && delegate,
        documents: await readDocuments(documents),
      };
      const invalid = validate(submitCaseSchema, body);
      setProblem(invalid);
      if (invalid) {
        setIsSaving(false);
        return;
      }
      const created = await submitCase(procurementId, body as Parameters<typeof submitCase>[1]);
      void navigate(`/saker/${created.id}`, { state: { message: 'Saken er fremmet for styringsgruppen.' } });
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <Dialog title="Fremme sak for styringsgruppen" onClose={onClose} testId="case-form" wide>
      <form onSubmit={submit} noValidate>
        <ErrorBox problem={problem} fieldLabels={fieldLabels} isFocusedOnShow testId="case-error" />
        <div className="field">
          <label htmlFor="case-gate">Faseport</label>
          <select
            id="case-gate"
            value={gate}
            onChange={(event) => setGate(event.target.value as Gate)}
            data-testid="case-gate"
          >
            <option value="">Velg fase</option>
            {gates.map((candidate) => (
              <option key={candidate.gate} value={candidate.gate}>
                {gateLabels[candidate.gate]} – {involvementLabels[candidate.involvement].toLowerCase()}
              </option>
            ))}
          </select>
          {gateView && (
            <p className="hint">
              {gateView.involvement === 'decide'
                ? 'Styringsgruppen beslutter ved konsensus blant stemmeberettigede, habile medlemmer.'
                : 'Styringsgruppen konsulteres; innspillene registreres før fasen kan passeres.'}
            </p>
          )}
          <FieldError problem={problem} path="gate" id="case-gate-error" />
        </div>
        <div className="field">
          <label htmlFor="case-title">Tittel</label>
          <input
            id="case-title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            data-testid="case-title"
          />
          <FieldError problem={problem} path="title" id="case-title-error" />
        </div>
        <div className="field">
          <label htmlFor="case-text">Saksframstilling</label>
          <textarea
            id="case-text"
            rows={6}
            value={text}
            onChange={(event) => setText(event.target.value)}
            data-testid="case-text"
          />
          <FieldError problem={problem} path="text" id="case-text-error" />
        </div>
        {gate === 'significance' && (
          <fieldset className="field">
            <legend>Foreslått endelig strategisk betydning</legend>
            {governance.significance.initial && (
              <p className="hint" data-testid="case-initial-significance">
                Initial klassifisering
                {governance.significance.initialFromPlanYear !== null
                  ? ` (anskaffelsesplan ${governance.significance.initialFromPlanYear})`
                  : ''}
                : {level3Labels[governance.significance.initial].toLowerCase()}. Styringsgruppen bekrefter
                eller justerer den.
              </p>
            )}
            {governance.significance.recommended && (
              <p className="hint">
                Systemet anbefaler {level3Labels[governance.significance.recommended].toLowerCase()}:{' '}
                {governance.significance.reasons.join(' ')}
              </p>
            )}
            <div className="inline-options">
              {level3Order.map((level) => (
                <label key={level} className="check-label">
                  <input
                    type="radio"
                    name="case-proposed"
                    checked={proposed === level}
                    onChange={() => setProposed(level)}
                    data-testid={`case-proposed-${level}`}
                  />{' '}
                  {level3Labels[level]}
                </label>
              ))}
            </div>
            <FieldError problem={problem} path="proposedSignificance" id="case-proposed-error" />
          </fieldset>
        )}
        {mayDelegate && (
          <div className="field">
            <label className="check-label">
              <input
                type="checkbox"
                checked={delegate}
                onChange={(event) => setDelegate(event.target.checked)}
                data-testid="case-delegate"
              />{' '}
              Deleger godkjenningen til faggruppen
            </label>
            <p className="hint">
              Styringsgruppen vedtar da å delegere fasen; når delegeringen er vedtatt, kan fasen passeres uten
              eget vedtak.
            </p>
          </div>
        )}
        <DocumentPicker documents={documents} onChange={setDocuments} />
        <FieldError problem={problem} path="documents" id="case-documents-error" />
        <FormActions
          isSaving={isSaving}
          onCancel={onClose}
          saveLabel="Fremme sak"
          savingLabel="Sender …"
          saveTestId="case-submit"
        />
      </form>
    </Dialog>
  );
}
