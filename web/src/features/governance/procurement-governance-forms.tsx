// The smaller governance dialogs of the procurement page: initial significance, faggruppe, passing a gate.
import { useState, type FormEvent } from 'react';
import { initialSignificanceSchema } from '@server/features/governance/governance.schemas.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { compareNb } from '../../shared/format.js';
import { gateLabels, involvementLabels, level3Labels, level3Order } from '../../shared/labels.js';
import { FormActions, Loading, Notice } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { validate } from '../../shared/validate.js';
import { peoplePath, type Person } from '../people/people-api.js';
import {
  passGate,
  setFaggruppe,
  setInitialSignificance,
  type GateView,
  type GovernanceView,
  type Level3,
} from './governance-api.js';

interface FormProps {
  procurementId: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}

/** Sykehusinnkjøp's initial significance from the annual procurement plan. */
export function InitialSignificanceForm({
  procurementId,
  significance,
  onClose,
  onSaved,
}: FormProps & { significance: GovernanceView['significance'] }) {
  const [value, setValue] = useState<Level3 | ''>(significance.initial ?? significance.recommended ?? '');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { value: value === '' ? undefined : value, note: note.trim() === '' ? null : note.trim() };
    const invalid = validate(initialSignificanceSchema, body);
    setProblem(invalid);
    if (invalid || value === '') return;
    setIsSaving(true);
    try {
      await setInitialSignificance(procurementId, { value, note: body.note });
      onSaved(`Initial strategisk betydning er satt til ${level3Labels[value].toLowerCase()}.`);
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <Dialog title="Initial strategisk betydning" onClose={onClose} testId="initial-significance-form">
      <form onSubmit={submit} noValidate>
        <ErrorBox problem={problem} isFocusedOnShow />
        <p className="hint">
          Sykehusinnkjøp foreslår den initiale verdien i den årlige anskaffelsesplanen. Styringsgruppen
          bekrefter eller justerer den (endelig betydning) ved vedtak.
        </p>
        {significance.recommended && (
          <p>
            Systemet anbefaler <strong>{level3Labels[significance.recommended].toLowerCase()}</strong>.
          </p>
        )}
        <fieldset className="field">
          <legend>Initial strategisk betydning</legend>
          <div className="inline-options">
            {level3Order.map((level) => (
              <label key={level} className="check-label">
                <input
                  type="radio"
                  name="initial-significance"
                  checked={value === level}
                  onChange={() => setValue(level)}
                  data-testid={`initial-significance-${level}`}
                />{' '}
                {level3Labels[level]}
              </label>
            ))}
          </div>
          <FieldError problem={problem} path="value" id="initial-significance-error" />
        </fieldset>
        <div className="field">
          <label htmlFor="initial-significance-note">Begrunnelse (valgfritt)</label>
          <textarea
            id="initial-significance-note"
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <FormActions isSaving={isSaving} onCancel={onClose} saveTestId="initial-significance-save" />
      </form>
    </Dialog>
  );
}

/** The faggruppe does the procurement work; its members may not decide the procurement in the group. */
export function FaggruppeForm({
  procurementId,
  faggruppe,
  onClose,
  onSaved,
}: FormProps & { faggruppe: GovernanceView['faggruppe'] }) {
  const people = useApi<Person[]>(peoplePath);
  const [selected, setSelected] = useState<string[]>(faggruppe.map((member) => member.personId));
  const [filter, setFilter] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  const needle = filter.trim().toLowerCase();
  const sorted = [...(people.data ?? [])]
    .filter(
      (person) =>
        selected.includes(person.id) ||
        needle === '' ||
        `${person.name} ${person.organisationName}`.toLowerCase().includes(needle),
    )
    .sort(
      (a, b) =>
        Number(selected.includes(b.id)) - Number(selected.includes(a.id)) || compareNb(a.name, b.name),
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    try {
      await setFaggruppe(procurementId, selected);
      onSaved('Faggruppen er lagret.');
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <Dialog title="Faggruppe" onClose={onClose} testId="faggruppe-form" wide>
      <form onSubmit={submit} noValidate>
        <ErrorBox problem={problem ?? people.problem} isFocusedOnShow />
        <Notice tone="info">
          Et medlem av faggruppen kan ikke sitte i styringsgruppen som beslutter for den samme anskaffelsen.
        </Notice>
        <div className="field field-narrow">
          <label htmlFor="faggruppe-filter">Søk etter person</label>
          <input
            id="faggruppe-filter"
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
        <p className="hint" aria-live="polite">
          {selected.length === 0 ? 'Ingen valgt.' : `${selected.length} valgt.`}
        </p>
        {people.isLoading && !people.data && <Loading />}
        <ul className="person-picker" data-testid="faggruppe-people">
          {sorted.slice(0, 80).map((person) => (
            <li key={person.id}>
              <label className="check-label">
                <input
                  type="checkbox"
                  checked={selected.includes(person.id)}
                  onChange={(event) =>
                    setSelected((ids) =>
                      event.target.checked ? [...ids, person.id] : ids.filter((id) => id !== person.id),
                    )
                  }
                />{' '}
                {person.name} <span className="muted">– {person.organisationName}</span>
              </label>
            </li>
          ))}
        </ul>
        <FormActions
          isSaving={isSaving}
          onCancel={onClose}
          saveLabel="Lagre faggruppe"
          saveTestId="faggruppe-save"
        />
      </form>
    </Dialog>
  );
}

/** Moves the procurement past a gate; the server checks the decision, delegation or consultation. */
export function PassGateForm({ procurementId, gate, onClose, onSaved }: FormProps & { gate: GateView }) {
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    try {
      await passGate(procurementId, gate.gate, note.trim() === '' ? null : note.trim());
      onSaved(`Fasen «${gateLabels[gate.gate]}» er passert.`);
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <Dialog title={`Passer fasen: ${gateLabels[gate.gate]}`} onClose={onClose} testId="pass-gate-form">
      <form onSubmit={submit} noValidate>
        <ErrorBox problem={problem} isFocusedOnShow testId="pass-gate-error" />
        <p>
          Styringsgruppens rolle: <strong>{involvementLabels[gate.involvement]}</strong>.{' '}
          {gate.involvement === 'informed'
            ? 'Styringsgruppen får beskjed når fasen passeres.'
            : gate.delegated
              ? 'Godkjenningen er delegert til faggruppen.'
              : gate.involvement === 'consulted'
                ? 'Konsultasjonen er registrert.'
                : 'Styringsgruppen har fattet vedtak.'}
        </p>
        <div className="field">
          <label htmlFor="pass-gate-note">Merknad (valgfritt)</label>
          <textarea
            id="pass-gate-note"
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <FormActions
          isSaving={isSaving}
          onCancel={onClose}
          saveLabel="Passer fasen"
          savingLabel="Passerer …"
          saveTestId="pass-gate-confirm"
        />
      </form>
    </Dialog>
  );
}
