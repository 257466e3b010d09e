import { Link } from 'react-router-dom';
import { ErrorBox } from '../../shared/error-box.js';
import { compareNb } from '../../shared/format.js';
import { pluralise, Badge, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { useCurrentUser } from '../auth/session.js';
import { NotificationsInbox } from '../governance/member-home.js';
import { MyHome } from '../home/my-home.js';
import { procurementChoicesPath, type ProcurementPage } from '../procurements/procurements-api.js';
import {
  countChecks,
  steeringGroupsPath,
  type SteeringGroup,
} from '../steering-groups/steering-groups-api.js';

export function OverviewPage() {
  const user = useCurrentUser();
  const groups = useApi<SteeringGroup[]>(steeringGroupsPath);
  const procurements = useApi<ProcurementPage>(procurementChoicesPath);

  const activeGroups = (groups.data ?? []).filter((group) => group.active);
  const withErrors = activeGroups
    .filter((group) => countChecks(group).errors > 0)
    .sort((a, b) => compareNb(a.name, b.name));
  const withWarningsOnly = activeGroups.filter((group) => {
    const { errors, warnings } = countChecks(group);
    return errors === 0 && warnings > 0;
  });
  const unrouted = (procurements.data?.items ?? []).filter(
    (procurement) => procurement.routing !== 'resolved',
  );

  return (
    <>
      <PageHeader title="Oversikt" lead={`Velkommen, ${user.personName}.`} />
      <MyHome />
      <ErrorBox problem={groups.problem ?? procurements.problem} />
      {(!groups.data || !procurements.data) && !groups.problem && !procurements.problem && <Loading />}
      <div className="stat-grid">
        <Link to="/styringsgrupper" className="stat-card" data-testid="stat-steering-groups">
          <span className="stat-value">{groups.data ? activeGroups.length : '–'}</span>
          <span className="stat-label">Styringsgrupper</span>
        </Link>
        <Link to="/anskaffelser" className="stat-card" data-testid="stat-procurements">
          <span className="stat-value">{procurements.data ? procurements.data.total : '–'}</span>
          <span className="stat-label">Anskaffelser</span>
        </Link>
        <a
          href="#sammensetningsfeil"
          className={`stat-card${withErrors.length > 0 ? ' stat-card-error' : ''}`}
          data-testid="stat-composition-errors"
        >
          <span className="stat-value">{groups.data ? withErrors.length : '–'}</span>
          <span className="stat-label">Grupper med feil i sammensetningen</span>
        </a>
        {unrouted.length > 0 && (
          <Link to="/anskaffelser" className="stat-card stat-card-warning">
            <span className="stat-value">{unrouted.length}</span>
            <span className="stat-label">Anskaffelser uten entydig styringsgruppe</span>
          </Link>
        )}
      </div>

      {groups.data && (
        <section className="panel" aria-labelledby="sammensetningsfeil">
          <h2 id="sammensetningsfeil">Sammensetning av styringsgruppene</h2>
          {withErrors.length === 0 ? (
            <p className="check check-ok">Ingen styringsgrupper har feil i sammensetningen.</p>
          ) : (
            <ul className="link-list" data-testid="groups-with-errors">
              {withErrors.map((group) => {
                const { errors, warnings } = countChecks(group);
                return (
                  <li key={group.id}>
                    <Link to={`/styringsgrupper/${group.id}`}>{group.name}</Link>{' '}
                    <Badge tone="error">{errors} feil</Badge>{' '}
                    {warnings > 0 && (
                      <Badge tone="warning">{pluralise(warnings, 'advarsel', 'advarsler')}</Badge>
                    )}
                    <span className="subtle">
                      {group.checks.find((check) => check.level === 'error')?.message}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          {withWarningsOnly.length > 0 && (
            <p className="muted">
              {withWarningsOnly.length} {withWarningsOnly.length === 1 ? 'gruppe har' : 'grupper har'} bare
              advarsler (for eksempel opplæring som ikke er fullført).
            </p>
          )}
        </section>
      )}
      <NotificationsInbox />
    </>
  );
}
