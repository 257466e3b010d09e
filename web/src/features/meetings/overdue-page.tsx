// Forfalte tiltak: the secretariat's follow-up list across every steering group.
import { Link } from 'react-router-dom';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import { Badge, EmptyRow, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { actionStatusLabels, overduePath, type Action } from './meetings-api.js';

export function OverduePage() {
  const overdue = useApi<Action[]>(overduePath);
  return (
    <>
      <PageHeader title="Oppfølging av vedtak" lead="Forfalte tiltak i alle styringsgrupper." />
      <ErrorBox problem={overdue.problem} />
      {overdue.isLoading && !overdue.data && <Loading />}
      {overdue.data && (
        <div className="table-wrap">
          <table className="table table-dense" data-testid="overdue-actions">
            <thead>
              <tr>
                <th scope="col">Tiltak</th>
                <th scope="col">Styringsgruppe</th>
                <th scope="col">Ansvarlig</th>
                <th scope="col">Frist</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {overdue.data.length === 0 && <EmptyRow colSpan={5}>Ingen forfalte tiltak.</EmptyRow>}
              {overdue.data.map((action) => (
                <tr key={action.id} data-testid="overdue-row">
                  <td>{action.title}</td>
                  <td>
                    <Link to={`/styringsgrupper/${action.steeringGroupId}/arbeidsrom`}>
                      {action.steeringGroupName}
                    </Link>
                  </td>
                  <td>{action.owner.name}</td>
                  <td className="nowrap">{formatDate(action.dueDate)}</td>
                  <td>
                    {actionStatusLabels[action.status]}{' '}
                    <Badge tone="error">Forfalt ({action.daysOverdue} d)</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
