// Raising an unresolved faggruppe matter as a case to the steering group (seed 001 Vedlegg 01 §7.3): the leder
// anskaffelse (or the secretariat) names the matter, the phase it arose in and what the faggruppe cannot settle.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { raiseFaggruppeMatterSchema } from '@server/features/governance/cases/faggruppe-matter.schemas.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { gateLabels } from '../../shared/labels.js';
import { validate } from '../../shared/validate.js';
import { useApi } from '../../shared/use-api.js';
import {
  configPath,
  raiseFaggruppeMatter,
  type ConfigView,
  type Gate,
  type GovernanceView,
} from './governance-api.js';
import { FormActions } from '../../shared/ui.js';

const fieldLabels = { gate: 'Fase', title: 'Tittel', text: 'Hva faggruppen ikke har avklart' };

export function FaggruppeMatterForm({
  procurementId,
  governance,
  onClose,
}: {
  procurementId: string;
  governance: GovernanceView;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  // The days in force now (versioned habilitetRule); the matter keeps them once raised.
  const config = useApi<ConfigView>(configPath);
  const rule = config.data?.current.habilitetRule.value as { faggruppeEscalationDays?: number } | undefined;
  const escalationDays = rule?.faggruppeEscalationDays ?? null;
  const [gate, setGate] = useState<Gate | ''>(
    governance.gates.find((candidate) => candidate.status !== 'passed')?.gate ?? '',
  );
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { title, text, ...(gate === '' ? {} : { gate }) };
    const invalid = validate(raiseFaggruppeMatterSchema, body);
    setProblem(invalid);
    if (invalid) return;
    setIsSaving(true);
    try {
      const created = await raiseFaggruppeMatter(procurementId, body);
      void navigate(`/saker/${created.id}`, {
        state: { message: 'Den uavklarte saken fra faggruppen er fremmet for styringsgruppen.' },
      });
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <Dialog title="Uavklart sak fra faggruppen" onClose={onClose} testId="faggruppe-matter-form" wide>
      <form onSubmit={submit} noValidate>
        <ErrorBox
          problem={problem}
          fieldLabels={fieldLabels}
          isFocusedOnShow
          testId="faggruppe-matter-error"
        />
        <p className="hint">
          Styringsgruppen behandler saken ved konsensus
          {escalationDays !== null ? ` og har ${escalationDays} dager på det` : ''}. Blir den ikke behandlet i
          tide, kan du eskalere den i linjen til Sykehusinnkjøp, som tar den videre til RHF-ene.
        </p>
        <div className="field">
          <label htmlFor="faggruppe-matter-gate">Fase saken gjelder</label>
          <select
            id="faggruppe-matter-gate"
            value={gate}
            onChange={(event) => setGate(event.target.value as Gate)}
            data-testid="faggruppe-matter-gate"
          >
            {governance.gates.map((candidate) => (
              <option key={candidate.gate} value={candidate.gate}>
                {gateLabels[candidate.gate]}
              </option>
            ))}
          </select>
          <FieldError problem={problem} path="gate" id="faggruppe-matter-gate-error" />
        </div>
        <div className="field">
          <label htmlFor="faggruppe-matter-title">Tittel</label>
          <input
            id="faggruppe-matter-title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            data-testid="faggruppe-matter-title"
          />
          <FieldError problem={problem} path="title" id="faggruppe-matter-title-error" />
        </div>
        <div className="field">
          <label htmlFor="faggruppe-matter-text">Hva faggruppen ikke har avklart</label>
          <textarea
            id="faggruppe-matter-text"
            rows={6}
            value={text}
            onChange={(event) => setText(event.target.value)}
            data-testid="faggruppe-matter-text"
          />
          <FieldError problem={problem} path="text" id="faggruppe-matter-text-error" />
        </div>
        <FormActions
          isSaving={isSaving}
          onCancel={onClose}
          saveLabel="Fremme for styringsgruppen"
          savingLabel="Sender …"
          saveTestId="faggruppe-matter-submit"
        />
      </form>
    </Dialog>
  );
}

/** The procurement page's button for the leder anskaffelse (and the secretariat), with its dialog. */
export function RaiseFaggruppeMatterButton({
  procurementId,
  governance,
}: {
  procurementId: string;
  governance: GovernanceView;
}) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => setIsOpen(true)}
        data-testid="new-faggruppe-matter"
      >
        Uavklart sak fra faggruppen
      </button>
      {isOpen && (
        <FaggruppeMatterForm
          procurementId={procurementId}
          governance={governance}
          onClose={() => setIsOpen(false)}
        />
      )}
    </>
  );
}
