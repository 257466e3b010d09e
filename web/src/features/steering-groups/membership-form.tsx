import { useState, type FormEvent } from 'react';
import {
  createMembershipSchema,
  updateMembershipSchema,
} from '@server/features/steering-groups/steering-groups.schemas.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { SelectField, TextField } from '../../shared/fields.js';
import { compareNb, formatDate, todayIso } from '../../shared/format.js';
import { competenceLabels, competenceOrder, type CompetenceArea } from '../../shared/labels.js';
import { FormActions, Notice } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { validate } from '../../shared/validate.js';
import type { CurrentUser } from '../auth/auth-api.js';
import { can, hasRole } from '../auth/permissions.js';
import { listRhfs, type Organisation } from '../organisations/organisations-api.js';
import { NewPersonForm } from '../people/new-person-form.js';
import { peoplePath, type Person } from '../people/people-api.js';
import { addMember, updateMember, type Member } from './steering-groups-api.js';

const fieldLabels = {
  personId: 'Person',
  rhfId: 'RHF',
  representsOrganisationId: 'Representerer',
  competenceAreas: 'Kompetanseområder',
  termStart: 'Engasjement fra',
  termEnd: 'Engasjement til',
};

interface MembershipFormProps {
  user: CurrentUser;
  groupId: string;
  groupName: string;
  /** A regional body's region (seed 000): each member then represents an HF of it, or the RHF itself. */
  regionId?: string | null;
  member?: Member;
  organisations: readonly Organisation[];
  onClose: () => void;
  onSaved: (member: Member) => void;
}

/** Add a member to a steering group or change a membership (seed 001 §7.5: one per RHF, one leader). */
export function MembershipForm({
  user,
  groupId,
  groupName,
  regionId = null,
  member,
  organisations,
  onClose,
  onSaved,
}: MembershipFormProps) {
  const people = useApi<Person[]>(can.readPeople(user) ? peoplePath : null);
  const [personId, setPersonId] = useState(member?.personId ?? '');
  const [rhfId, setRhfId] = useState(member?.rhfId ?? '');
  const [representsId, setRepresentsId] = useState(member?.representsOrganisationId ?? '');
  const [isLeader, setIsLeader] = useState(member?.isLeader ?? false);
  const [isObserver, setIsObserver] = useState(member?.isObserver ?? false);
  const [competenceAreas, setCompetenceAreas] = useState<CompetenceArea[]>(member?.competenceAreas ?? []);
  const [termStart, setTermStart] = useState(member?.termStart ?? todayIso());
  const [termEnd, setTermEnd] = useState(member?.termEnd ?? '');
  const [isAddingPerson, setIsAddingPerson] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  // A contact person appoints for their own RHF only; the secretariat for all.
  const rhfs = listRhfs(organisations).filter(
    (rhf) => hasRole(user, 'secretariat') || can.editMembership(user, rhf.id) || rhf.id === member?.rhfId,
  );
  const region = regionId ? organisations.find((org) => org.id === regionId) : undefined;
  const representable = region
    ? [region, ...organisations.filter((org) => org.kind === 'HF' && org.rhfId === region.id)]
    : [];
  const sortedPeople = [...(people.data ?? [])].sort((a, b) => compareNb(a.name, b.name));
  const isPersonKnown = sortedPeople.some((person) => person.id === personId);

  function toggleCompetence(area: CompetenceArea, isChecked: boolean) {
    setCompetenceAreas((areas) =>
      isChecked
        ? competenceOrder.filter((known) => known === area || areas.includes(known))
        : areas.filter((known) => known !== area),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      personId,
      rhfId,
      ...(regionId ? { representsOrganisationId: representsId === '' ? null : representsId } : {}),
      isLeader,
      isObserver,
      competenceAreas,
      termStart,
      termEnd: termEnd === '' ? null : termEnd,
    };
    const invalid = validate(member ? updateMembershipSchema : createMembershipSchema, body);
    setProblem(invalid);
    if (invalid) return;
    setIsSaving(true);
    try {
      onSaved(member ? await updateMember(groupId, member.id, body) : await addMember(groupId, body));
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <Dialog
      title={member ? `Endre medlemskap: ${member.personName}` : `Nytt medlem i ${groupName}`}
      onClose={onClose}
      testId="membership-form"
      wide
    >
      <form onSubmit={submit} noValidate>
        <ErrorBox problem={problem} fieldLabels={fieldLabels} isFocusedOnShow testId="membership-error" />
        <div className="form-grid">
          <div className="field">
            <label htmlFor="membership-person">Person</label>
            {people.errorStatus === 403 || !can.readPeople(user) ? (
              <p className="readonly-value">
                {member?.personName ?? 'Du har ikke tilgang til personregisteret.'}
              </p>
            ) : (
              <select
                id="membership-person"
                value={personId}
                onChange={(event) => setPersonId(event.target.value)}
                aria-describedby="membership-person-error"
                data-testid="membership-person"
              >
                <option value="">{people.isLoading ? 'Laster personer …' : 'Velg person'}</option>
                {member && !isPersonKnown && <option value={member.personId}>{member.personName}</option>}
                {sortedPeople.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name} – {person.organisationName}
                  </option>
                ))}
              </select>
            )}
            <FieldError problem={problem} path="personId" id="membership-person-error" />
            {can.createPeople(user) && !isAddingPerson && (
              <button type="button" className="button-link" onClick={() => setIsAddingPerson(true)}>
                Registrer ny person
              </button>
            )}
          </div>
          <SelectField
            id="membership-rhf"
            label="Representerer RHF"
            value={rhfId}
            onChange={setRhfId}
            problem={problem}
            path="rhfId"
            data-testid="membership-rhf"
            empty="Velg RHF"
            options={rhfs.map((rhf) => [rhf.id, rhf.name] as const)}
          />
          {region && (
            <SelectField
              id="membership-represents"
              label="Representerer"
              value={representsId}
              onChange={setRepresentsId}
              problem={problem}
              path="representsOrganisationId"
              data-testid="membership-represents"
              empty="Velg helseforetak"
              options={representable.map((org) => [org.id, org.name] as const)}
            />
          )}
        </div>

        {isAddingPerson && (
          <NewPersonForm
            organisations={organisations}
            onCancel={() => setIsAddingPerson(false)}
            onCreated={(person) => {
              setIsAddingPerson(false);
              people.reload();
              setPersonId(person.id);
            }}
          />
        )}

        <div className="form-grid">
          <fieldset className="field">
            <legend>Rolle i gruppen</legend>
            <label className="check-label">
              <input
                type="checkbox"
                checked={isLeader}
                onChange={(event) => setIsLeader(event.target.checked)}
                data-testid="membership-leader"
              />{' '}
              Leder
            </label>
            <label className="check-label">
              <input
                type="checkbox"
                checked={isObserver}
                onChange={(event) => setIsObserver(event.target.checked)}
                data-testid="membership-observer"
              />{' '}
              Observatør <span className="muted">(deltar uten å beslutte)</span>
            </label>
          </fieldset>
          <fieldset className="field" aria-describedby="membership-competence-error">
            <legend>Kompetanseområder</legend>
            {competenceOrder.map((area) => (
              <label key={area} className="check-label">
                <input
                  type="checkbox"
                  checked={competenceAreas.includes(area)}
                  onChange={(event) => toggleCompetence(area, event.target.checked)}
                  data-testid={`membership-competence-${area}`}
                />{' '}
                {competenceLabels[area]}
              </label>
            ))}
            <FieldError problem={problem} path="competenceAreas" id="membership-competence-error" />
          </fieldset>
        </div>

        <fieldset className="field">
          <legend>Engasjementstid</legend>
          <p className="hint">Engasjementet skal vare minst to år, og medlemmer skiftes ut ett om gangen.</p>
          <div className="form-grid">
            <TextField
              id="membership-term-start"
              label="Fra"
              type="date"
              value={termStart}
              onChange={setTermStart}
              problem={problem}
              path="termStart"
              data-testid="membership-term-start"
            />
            <TextField
              id="membership-term-end"
              label="Til (tomt betyr inntil videre)"
              type="date"
              value={termEnd}
              onChange={setTermEnd}
              problem={problem}
              path="termEnd"
              data-testid="membership-term-end"
            />
          </div>
        </fieldset>

        {/* Training is the person's (Vedlegg 06): approved when all six modules are done, not set here. */}
        <p className="hint" data-testid="membership-training">
          Opplæring:{' '}
          {member?.trainingCompletedOn
            ? `godkjent ${formatDate(member.trainingCompletedOn)} (alle seks modulene fullført)`
            : 'godkjennes når personen har fullført alle seks modulene i e-læringskurset (Opplæring).'}
        </p>

        {isLeader && isObserver && (
          <Notice tone="warning">
            En observatør beslutter ikke; er det riktig at observatøren også er leder?
          </Notice>
        )}

        <FormActions isSaving={isSaving} onCancel={onClose} saveTestId="membership-save" />
      </form>
    </Dialog>
  );
}
