import { useState, type FormEvent } from 'react';
import { ActiveField, FormActions } from '../../shared/ui.js';
import {
  createOrganisationSchema,
  updateOrganisationSchema,
} from '@server/features/organisations/organisations.schemas.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox } from '../../shared/error-box.js';
import { organisationKindLabels, organisationSubtypeLabels } from '../../shared/labels.js';
import { validate } from '../../shared/validate.js';
import {
  createOrganisation,
  listRhfs,
  sortByName,
  updateOrganisation,
  type Organisation,
} from './organisations-api.js';
import { SelectField, TextField } from '../../shared/fields.js';

type Kind = Organisation['kind'];
type Subtype = NonNullable<Organisation['subtype']>;

const fieldLabels = {
  code: 'Kode',
  name: 'Navn',
  kind: 'Type',
  subtype: 'Undertype',
  rhfId: 'RHF',
  parentId: 'Overordnet',
  orgNumber: 'Organisasjonsnummer',
};

interface OrganisationFormProps {
  organisation?: Organisation;
  organisations: readonly Organisation[];
  onClose: () => void;
  onSaved: () => void;
}

export function OrganisationForm({ organisation, organisations, onClose, onSaved }: OrganisationFormProps) {
  const [code, setCode] = useState('');
  const [name, setName] = useState(organisation?.name ?? '');
  const [kind, setKind] = useState<Kind>(organisation?.kind ?? 'HF');
  const [subtype, setSubtype] = useState<Subtype | ''>(organisation?.subtype ?? '');
  const [rhfId, setRhfId] = useState(organisation?.rhfId ?? '');
  const [parentId, setParentId] = useState(organisation?.parentId ?? '');
  const [orgNumber, setOrgNumber] = useState(organisation?.orgNumber ?? '');
  const [active, setActive] = useState(organisation?.active ?? true);
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  const parents = sortByName(organisations.filter((org) => org.id !== organisation?.id && org.kind !== 'HF'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const shared = {
      name,
      rhfId: rhfId || null,
      parentId: parentId || null,
      orgNumber: orgNumber.replace(/\s/g, '') || null,
    };
    const update = { ...shared, active };
    const create = { ...shared, code, kind, subtype: subtype || null };
    const invalid = organisation
      ? validate(updateOrganisationSchema, update)
      : validate(createOrganisationSchema, create);
    setProblem(invalid);
    if (invalid) return;
    setIsSaving(true);
    try {
      if (organisation) await updateOrganisation(organisation.id, update);
      else await createOrganisation(create);
      onSaved();
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <Dialog
      title={organisation ? `Endre ${organisation.name}` : 'Ny organisasjon'}
      onClose={onClose}
      testId="organisation-form"
    >
      <form onSubmit={submit} noValidate>
        <ErrorBox problem={problem} fieldLabels={fieldLabels} isFocusedOnShow />
        {!organisation && (
          <div className="form-grid">
            <TextField
              id="org-code"
              label="Kode"
              value={code}
              onChange={setCode}
              problem={problem}
              path="code"
            />
            <SelectField
              id="org-kind"
              label="Type"
              value={kind}
              onChange={(value) => setKind(value as Kind)}
              options={organisationKindLabels}
            />
            <SelectField
              id="org-subtype"
              label="Undertype"
              value={subtype}
              onChange={(value) => setSubtype(value as Subtype | '')}
              empty="Ingen"
              options={organisationSubtypeLabels}
            />
          </div>
        )}
        <TextField id="org-name" label="Navn" value={name} onChange={setName} problem={problem} path="name" />
        <div className="form-grid">
          <SelectField
            id="org-rhf"
            label="Regionalt helseforetak"
            value={rhfId}
            onChange={setRhfId}
            problem={problem}
            path="rhfId"
            empty="Ingen"
            options={listRhfs(organisations).map((rhf) => [rhf.id, rhf.name] as const)}
          />
          <SelectField
            id="org-parent"
            label="Overordnet virksomhet"
            value={parentId}
            onChange={setParentId}
            problem={problem}
            path="parentId"
            empty="Ingen"
            options={parents.map((parent) => [parent.id, parent.name] as const)}
          />
          <TextField
            id="org-number"
            label="Organisasjonsnummer"
            inputMode="numeric"
            value={orgNumber}
            onChange={setOrgNumber}
            problem={problem}
            path="orgNumber"
          />
          {organisation && <ActiveField active={active} onChange={setActive} />}
        </div>
        <FormActions isSaving={isSaving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
