import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { toDisplayProblem, withQuery, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { compareNb, formatAnnouncement, formatDate, formatYesNo } from '../../shared/format.js';
import { competenceLabels, statusLabels } from '../../shared/labels.js';
import { ActionsHeader, Badge, EmptyRow, Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { can } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { organisationsPath, type Organisation } from '../organisations/organisations-api.js';
import { procurementsPath, type ProcurementPage } from '../procurements/procurements-api.js';
import { BodyPanel } from '../governance-bodies/body-panel.js';
import { CompositionChecks } from './composition-checks.js';
import { DecisionRegister } from './decision-register.js';
import { MembershipForm } from './membership-form.js';
import { SteeringGroupForm } from './steering-group-form.js';
import {
  checkLevelByMembership,
  removeMember,
  steeringGroupPath,
  type Member,
  type SteeringGroup,
} from './steering-groups-api.js';

type Editing = { kind: 'group' } | { kind: 'member'; member?: Member } | null;

export function SteeringGroupPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const group = useApi<SteeringGroup>(steeringGroupPath(id));
  const organisations = useApi<Organisation[]>(organisationsPath);
  const procurements = useApi<ProcurementPage>(
    withQuery(procurementsPath, { steeringGroupId: id, limit: 500 }),
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState('');
  const [actionProblem, setActionProblem] = useState<Problem>();

  // After navigating between groups the previous group's data is stale: wait for the right one.
  if (group.problem && group.data?.id !== id) return <ErrorBox problem={group.problem} />;
  if (!group.data || group.data.id !== id) return <Loading />;

  const current = group.data;
  const levels = checkLevelByMembership(current.checks);
  const members = [...current.members].sort(
    (a, b) =>
      Number(b.isActive) - Number(a.isActive) ||
      Number(b.isLeader) - Number(a.isLeader) ||
      compareNb(a.rhfName, b.rhfName),
  );
  const mayEditAnyMember = can.editMemberships(user);

  async function endMembership(member: Member) {
    if (
      !window.confirm(
        `Avslutte medlemskapet til ${member.personName} i ${current.name}? Det beholdes i historikken.`,
      )
    )
      return;
    setActionProblem(undefined);
    try {
      await removeMember(current.id, member.id);
      setMessage(`Medlemskapet til ${member.personName} er avsluttet.`);
      group.reload();
    } catch (error) {
      setActionProblem(toDisplayProblem(error));
    }
  }

  return (
    <div data-testid="steering-group-page" data-busy={group.isLoading ? 'true' : 'false'}>
      <nav className="breadcrumbs" aria-label="Brødsmuler">
        <Link to="/styringsgrupper">Styringsgrupper</Link> <span aria-hidden="true">›</span> {current.name}
      </nav>
      <PageHeader
        title={current.name}
        lead={
          <>
            <Badge tone="info">Fase {current.phase}</Badge> <span className="code">{current.code}</span>
            {!current.active && <Badge tone="neutral">Inaktiv</Badge>}
            {current.description && <span className="description">{current.description}</span>}
          </>
        }
        actions={
          can.editReferenceData(user) && (
            <button
              type="button"
              className="button"
              onClick={() => setEditing({ kind: 'group' })}
              data-testid="edit-group"
            >
              Endre styringsgruppe
            </button>
          )
        }
      />
      <p>
        <Link to={`/styringsgrupper/${current.id}/arbeidsrom`} data-testid="workspace-link">
          Arbeidsrom: møter, referater, oppfølging, dokumenter og opplæring
        </Link>
      </p>

      {message && (
        <Notice tone="success" testId="save-message">
          {message}
        </Notice>
      )}
      <ErrorBox problem={actionProblem ?? group.problem} />

      {current.regionId !== null && <BodyPanel body={current} />}

      <section className="panel" aria-labelledby="covers-heading">
        <h2 id="covers-heading">Dekker</h2>
        <ul className="chip-list" data-testid="group-covers">
          {current.covers.map((cover) => (
            <li key={cover.id} className="chip">
              <span className="muted">{cover.kind === 'purchaseGroup' ? 'Innkjøpsgruppe' : 'Kategori'}:</span>{' '}
              {cover.name} <span className="code">({cover.code})</span>
            </li>
          ))}
        </ul>
      </section>

      <CompositionChecks checks={current.checks} />

      <section className="panel" aria-labelledby="members-heading">
        <div className="panel-header">
          <h2 id="members-heading">Medlemmer</h2>
          {mayEditAnyMember && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setEditing({ kind: 'member' })}
              data-testid="add-member"
            >
              Legg til medlem
            </button>
          )}
        </div>
        <div className="table-wrap">
          <table className="table table-dense" data-testid="members-table">
            <thead>
              <tr>
                <th scope="col">Navn</th>
                <th scope="col">{current.regionId ? 'Representerer' : 'RHF'}</th>
                <th scope="col">Leder</th>
                <th scope="col">Observatør</th>
                <th scope="col">Kompetanseområder</th>
                <th scope="col">Engasjementstid</th>
                <th scope="col">Opplæring fullført</th>
                <th scope="col">Aktiv</th>
                {mayEditAnyMember && <ActionsHeader />}
              </tr>
            </thead>
            <tbody>
              {members.length === 0 && <EmptyRow colSpan={9}>Gruppen har ingen medlemmer ennå.</EmptyRow>}
              {members.map((member) => {
                const level = levels.get(member.id);
                const mayEdit = can.editMembership(user, member.rhfId);
                return (
                  <tr
                    key={member.id}
                    className={
                      [
                        level ? `row-${level}` : '',
                        member.isActive ? '' : 'inactive',
                        member.endedOn ? 'ended' : '',
                      ]
                        .join(' ')
                        .trim() || undefined
                    }
                    data-testid="member-row"
                    data-member-id={member.id}
                    data-person-name={member.personName}
                    data-active={member.isActive ? 'true' : 'false'}
                    data-ended={member.endedOn ? 'true' : 'false'}
                    data-check-level={level ?? 'none'}
                  >
                    <th scope="row">
                      {level && (
                        <span
                          className={`row-marker row-marker-${level}`}
                          title={level === 'error' ? 'Berøres av en feil' : 'Berøres av en advarsel'}
                        >
                          <span aria-hidden="true">{level === 'error' ? '✕' : '!'}</span>
                          <span className="visually-hidden">
                            {level === 'error' ? 'Feil: ' : 'Advarsel: '}
                          </span>
                        </span>
                      )}
                      {member.personName}
                      {member.personEmail && <span className="subtle">{member.personEmail}</span>}
                    </th>
                    <td className="nowrap" data-testid="member-represents">
                      {member.representsName ?? member.rhfName}
                    </td>
                    <td data-testid="member-leader">
                      {member.isLeader ? <Badge tone="info">Leder</Badge> : 'Nei'}
                    </td>
                    <td>{formatYesNo(member.isObserver)}</td>
                    <td data-testid="member-competence">
                      {member.competenceAreas.length === 0 ? (
                        <span className="muted">Ingen</span>
                      ) : (
                        member.competenceAreas.map((area) => competenceLabels[area]).join(', ')
                      )}
                    </td>
                    <td data-testid="member-term">
                      <span className="nowrap">{formatDate(member.termStart)} –</span>{' '}
                      <span className="nowrap">
                        {member.termEnd ? formatDate(member.termEnd) : 'inntil videre'}
                      </span>
                    </td>
                    <td data-testid="member-training">
                      {member.trainingCompletedOn ? (
                        formatDate(member.trainingCompletedOn)
                      ) : (
                        <span className="muted">Ikke fullført</span>
                      )}
                    </td>
                    <td data-testid="member-active">
                      {member.endedOn ? (
                        <span className="muted">Avsluttet {formatDate(member.endedOn)}</span>
                      ) : (
                        formatYesNo(member.isActive)
                      )}
                    </td>
                    {mayEditAnyMember && (
                      <td className="actions">
                        {mayEdit && (
                          <>
                            <button
                              type="button"
                              className="button button-small"
                              onClick={() => setEditing({ kind: 'member', member })}
                              data-testid="edit-member"
                            >
                              Endre
                              <span className="visually-hidden"> medlemskapet til {member.personName}</span>
                            </button>
                            {!member.endedOn && (
                              <button
                                type="button"
                                className="button button-small button-danger"
                                onClick={() => endMembership(member)}
                                data-testid="remove-member"
                              >
                                Avslutt medlemskap
                                <span className="visually-hidden"> for {member.personName}</span>
                              </button>
                            )}
                          </>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="procurements-heading">
        <div className="panel-header">
          <h2 id="procurements-heading">Anskaffelser ({current.procurementCount})</h2>
          <Link to={`/anskaffelser?styringsgruppe=${current.id}`}>Vis i anskaffelseslisten</Link>
        </div>
        <ErrorBox problem={procurements.problem} />
        {procurements.isLoading && !procurements.data && <Loading />}
        {procurements.data && (
          <div className="table-wrap">
            <table className="table" data-testid="group-procurements">
              <thead>
                <tr>
                  <th scope="col">Anskaffelse</th>
                  <th scope="col">Kategori</th>
                  <th scope="col">Status</th>
                  <th scope="col">Prosjektoppstart</th>
                  <th scope="col">Kunngjøring</th>
                </tr>
              </thead>
              <tbody>
                {procurements.data.items.length === 0 && (
                  <EmptyRow colSpan={5}>Ingen anskaffelser er knyttet til gruppen.</EmptyRow>
                )}
                {procurements.data.items.map((procurement) => (
                  <tr key={procurement.id}>
                    <th scope="row">
                      <Link to={`/anskaffelser/${procurement.id}`}>{procurement.name}</Link>
                    </th>
                    <td>
                      {procurement.categoryName}
                      {procurement.purchaseGroupName && (
                        <span className="subtle">{procurement.purchaseGroupName}</span>
                      )}
                    </td>
                    <td>
                      <span className={`status status-${procurement.status}`}>
                        {statusLabels[procurement.status]}
                      </span>
                    </td>
                    <td>{formatDate(procurement.projectStart)}</td>
                    <td>
                      {formatAnnouncement(
                        procurement.announcementDate,
                        procurement.announcementDatePrecision,
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <DecisionRegister groupId={current.id} />

      {editing?.kind === 'member' && (
        <MembershipForm
          user={user}
          groupId={current.id}
          groupName={current.name}
          regionId={current.regionId}
          member={editing.member}
          organisations={organisations.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setActionProblem(undefined);
            setMessage(
              editing.member
                ? `Medlemskapet til ${saved.personName} er lagret.`
                : `${saved.personName} er lagt til i gruppen.`,
            );
            group.reload();
          }}
        />
      )}
      {editing?.kind === 'group' && (
        <SteeringGroupForm
          group={current}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setMessage('Styringsgruppen er lagret.');
            group.reload();
            procurements.reload();
          }}
        />
      )}
    </div>
  );
}
