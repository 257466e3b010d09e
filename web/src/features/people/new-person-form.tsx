import { useState } from 'react';
import { createPersonSchema } from '@server/features/people/people.schemas.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { validate } from '../../shared/validate.js';
import { sortByName, type Organisation } from '../organisations/organisations-api.js';
import { createPerson, type Person } from './people-api.js';
import { SelectField, TextField } from '../../shared/fields.js';

interface NewPersonFormProps {
  organisations: readonly Organisation[];
  onCreated: (person: Person) => void;
  onCancel: () => void;
}

/** Registers a person inline (no nested <form>: it sits inside the membership form). */
export function NewPersonForm({ organisations, onCreated, onCancel }: NewPersonFormProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [title, setTitle] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  async function save() {
    const body = { name, email: email.trim() || null, title: title.trim() || null, organisationId };
    const invalid = validate(createPersonSchema, body);
    setProblem(invalid);
    if (invalid) return;
    setIsSaving(true);
    try {
      onCreated(await createPerson(body));
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <div className="subform" role="group" aria-labelledby="new-person-heading">
      <h3 id="new-person-heading">Ny person</h3>
      <ErrorBox
        problem={problem}
        fieldLabels={{ name: 'Navn', email: 'E-post', title: 'Stilling', organisationId: 'Organisasjon' }}
      />
      <div className="form-grid">
        <TextField
          id="person-name"
          label="Navn"
          value={name}
          onChange={setName}
          problem={problem}
          path="name"
        />
        <TextField
          id="person-email"
          label="E-post"
          type="email"
          value={email}
          onChange={setEmail}
          problem={problem}
          path="email"
        />
        <TextField id="person-title" label="Stilling" value={title} onChange={setTitle} />
        <SelectField
          id="person-organisation"
          label="Organisasjon"
          value={organisationId}
          onChange={setOrganisationId}
          problem={problem}
          path="organisationId"
        >
          <option value="">Velg organisasjon</option>
          {sortByName(organisations.filter((org) => org.active)).map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={save} disabled={isSaving}>
          {isSaving ? 'Registrerer …' : 'Registrer person'}
        </button>
        <button type="button" className="button-link" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </div>
  );
}
