import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorBox } from '../../shared/error-box.js';
import { compareNb } from '../../shared/format.js';
import { pluralise, Badge, EmptyRow, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { can } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { SteeringGroupForm } from './steering-group-form.js';
import { countChecks, steeringGroupsPath, type SteeringGroup } from './steering-groups-api.js';

export function SteeringGroupsPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const groups = useApi<SteeringGroup[]>(steeringGroupsPath);
  const [isCreating, setIsCreating] = useState(false);
  const sorted = [...(groups.data ?? [])].sort(
    (a, b) => (a.phase ?? 0) - (b.phase ?? 0) || compareNb(a.name, b.name),
  );

  return (
    <>
      <PageHeader
        title="Styringsgrupper"
        lead="Hver nasjonale og flerregionale anskaffelse er knyttet til én styringsgruppe, som dekker en kategori, flere kategorier eller en innkjøpsgruppe."
        actions={
          can.editReferenceData(user) && (
            <button type="button" className="button button-primary" onClick={() => setIsCreating(true)}>
              Ny styringsgruppe
            </button>
          )
        }
      />
      <ErrorBox problem={groups.problem} />
      {groups.isLoading && !groups.data && <Loading />}
      {groups.data && (
        <div className="table-wrap">
          <table className="table" data-testid="steering-group-list">
            <thead>
              <tr>
                <th scope="col">Styringsgruppe</th>
                <th scope="col">Fase</th>
                <th scope="col">Dekker</th>
                <th scope="col" className="numeric">
                  Medlemmer
                </th>
                <th scope="col">Sammensetning</th>
                <th scope="col" className="numeric">
                  Anskaffelser
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.length === 0 && <EmptyRow colSpan={6}>Ingen styringsgrupper er registrert.</EmptyRow>}
              {sorted.map((group) => {
                const { errors, warnings } = countChecks(group);
                const activeMembers = group.members.filter((member) => member.isActive).length;
                return (
                  <tr
                    key={group.id}
                    data-testid="steering-group-row"
                    className={group.active ? undefined : 'inactive'}
                  >
                    <th scope="row">
                      <Link to={`/styringsgrupper/${group.id}`}>{group.name}</Link>
                      {!group.active && <span className="muted"> (inaktiv)</span>}
                    </th>
                    <td className="nowrap">Fase {group.phase}</td>
                    <td>
                      {group.covers.map((cover) => (
                        <span
                          key={cover.id}
                          className="chip"
                          title={cover.kind === 'purchaseGroup' ? 'Innkjøpsgruppe' : 'Kategori'}
                        >
                          {cover.name}
                        </span>
                      ))}
                    </td>
                    <td className="numeric">{activeMembers}</td>
                    <td>
                      <div className="badges">
                        {errors > 0 && <Badge tone="error">{errors} feil</Badge>}
                        {warnings > 0 && (
                          <Badge tone="warning">{pluralise(warnings, 'advarsel', 'advarsler')}</Badge>
                        )}
                        {errors === 0 && warnings === 0 && <Badge tone="ok">I orden</Badge>}
                      </div>
                    </td>
                    <td className="numeric">
                      <Link
                        to={`/anskaffelser?styringsgruppe=${group.id}`}
                        aria-label={`${group.procurementCount} anskaffelser i ${group.name}`}
                      >
                        {group.procurementCount}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {isCreating && (
        <SteeringGroupForm
          onClose={() => setIsCreating(false)}
          onSaved={(group) => {
            setIsCreating(false);
            void navigate(`/styringsgrupper/${group.id}`);
          }}
        />
      )}
    </>
  );
}
