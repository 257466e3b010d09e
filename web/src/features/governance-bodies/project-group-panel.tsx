// The procurement's own Prosjektgruppe (seed 000 §6): where it stands, its members and the HFs it represents,
// and — once the decision level is decided — the form that sets it up: a leader from Sykehusinnkjøp and a
// member per affected HF, any HF left out exempted with a reason for the board to approve.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { createProjectGroupSchema } from '@server/features/governance-bodies/governance-bodies.schemas.js';
import { compareNb } from '../../shared/format.js';
import { SelectField, TextAreaField } from '../../shared/fields.js';
import { useApi } from '../../shared/use-api.js';
import { validate } from '../../shared/validate.js';
import { peoplePath, type Person } from '../people/people-api.js';
import { ActionForm, useAction } from '../governance/case-actions.js';
import {
  createProjectGroup,
  type CreateProjectGroupInput,
  type RegionalGovernance,
} from './governance-bodies-api.js';

type ProjectGroup = NonNullable<RegionalGovernance['regions'][number]['projectGroup']>;

const statusLabels: Record<ProjectGroup['status'], string> = {
  locked: 'Ikke åpnet',
  toCreate: 'Skal settes sammen',
  awaitingCase: 'Sammensetningen venter på sak til styret',
  open: 'Sammensetningen er til behandling',
  escalated: 'Eskalert',
  dissent: 'Uenighet om sammensetningen',
  approved: 'Sammensetningen er godkjent',
};

export function ProjectGroupPanel({
  procurementId,
  group,
  onChanged,
}: {
  procurementId: string;
  group: ProjectGroup;
  onChanged: (message: string) => void;
}) {
  return (
    <div data-testid="project-group">
      <h3 className="h-small">Prosjektgruppe</h3>
      <p>
        {group.body ? (
          <Link to={`/styringsgrupper/${group.body.id}`}>{group.body.name}</Link>
        ) : (
          'Prosjektgruppen'
        )}{' '}
        ·{' '}
        <span data-testid="project-group-status">
          {group.caseId ? (
            <Link to={`/saker/${group.caseId}`}>{statusLabels[group.status]}</Link>
          ) : (
            statusLabels[group.status]
          )}
        </span>
        {group.approvingBody && <span className="muted"> (godkjennes av {group.approvingBody.name})</span>}
      </p>
      {group.blockingReason && <p className="muted small">{group.blockingReason}</p>}
      {group.members.length > 0 && (
        <ul className="plain-list" data-testid="project-group-members">
          {group.members.map((m) => (
            <li key={m.id}>
              {m.personName}
              {m.isLeader ? ' (leder, Sykehusinnkjøp)' : m.representsName ? ` – ${m.representsName}` : ''}
            </li>
          ))}
        </ul>
      )}
      {group.exemptHfNames.length > 0 && (
        <p data-testid="project-group-exemptions">
          Ikke representert: {group.exemptHfNames.join(', ')}
          {group.exemptionNote ? ` – ${group.exemptionNote}` : ''}
        </p>
      )}
      {group.canCreate && (
        <ProjectGroupForm procurementId={procurementId} group={group} onChanged={onChanged} />
      )}
    </div>
  );
}

function ProjectGroupForm({
  procurementId,
  group,
  onChanged,
}: {
  procurementId: string;
  group: ProjectGroup;
  onChanged: (message: string) => void;
}) {
  const people = useApi<Person[]>(peoplePath);
  const [leaderPersonId, setLeader] = useState('');
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [exemptionNote, setExemptionNote] = useState('');
  const action = useAction(onChanged);
  const sorted = [...(people.data ?? [])].sort((a, b) => compareNb(a.name, b.name));
  const exempt = group.affectedHfs.filter((hf) => !chosen[hf.id]);
  const input: CreateProjectGroupInput = {
    leaderPersonId,
    members: group.affectedHfs
      .filter((hf) => chosen[hf.id])
      .map((hf) => ({ personId: chosen[hf.id]!, representsOrganisationId: hf.id })),
    exemptHfIds: exempt.map((hf) => hf.id),
    exemptionNote: exemptionNote.trim() === '' ? null : exemptionNote,
  };
  return (
    <ActionForm
      title="Sett sammen prosjektgruppen"
      testId="project-group-form"
      submitLabel="Opprett prosjektgruppen"
      problem={action.problem}
      isSaving={action.isSaving}
      onSubmit={() =>
        void action.run(
          validate(createProjectGroupSchema, input),
          () => createProjectGroup(procurementId, input),
          'Prosjektgruppen er opprettet; legg sammensetningen fram for styret.',
        )
      }
    >
      <SelectField
        id="project-group-leader"
        label="Leder (Sykehusinnkjøp)"
        value={leaderPersonId}
        onChange={setLeader}
        problem={action.problem}
        path="leaderPersonId"
      >
        <option value="">{people.isLoading ? 'Laster personer …' : 'Velg leder'}</option>
        {sorted.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name} – {person.organisationName}
          </option>
        ))}
      </SelectField>
      {group.affectedHfs.map((hf) => (
        <SelectField
          key={hf.id}
          id={`project-group-hf-${hf.id}`}
          label={`Representant for ${hf.name}`}
          value={chosen[hf.id] ?? ''}
          onChange={(value) => setChosen((current) => ({ ...current, [hf.id]: value }))}
        >
          <option value="">Ikke representert (styret bestemmer unntak)</option>
          {sorted.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} – {person.organisationName}
            </option>
          ))}
        </SelectField>
      ))}
      {exempt.length > 0 && (
        <TextAreaField
          id="project-group-exemption"
          label={`Begrunnelse for at ${exempt.map((hf) => hf.name).join(', ')} ikke er representert`}
          rows={2}
          value={exemptionNote}
          onChange={setExemptionNote}
          problem={action.problem}
          path="exemptionNote"
        />
      )}
    </ActionForm>
  );
}
