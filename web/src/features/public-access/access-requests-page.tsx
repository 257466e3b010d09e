// The secretariat's queue of access requests (/innsynskrav) with working-day deadlines and escalating
// warnings, and monthly statistics with CSV.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { withQuery } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import { pageCountOf, pageOffset, Pager } from '../../shared/pager.js';
import { Badge, EmptyRow, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import type { AccessRequestDto, MonthStatistics } from './public-access-api.js';

export const urgencyLabels: Record<AccessRequestDto['urgency'], string> = {
  answered: 'Besvart',
  onTime: 'I rute',
  dueSoon: 'Frist i morgen',
  dueToday: 'Frist i dag',
  overdue: 'Over fristen',
  deemedRefused: 'Regnes som avslag',
};
export const urgencyTone: Record<
  AccessRequestDto['urgency'],
  'ok' | 'info' | 'warning' | 'error' | 'neutral'
> = {
  answered: 'neutral',
  onTime: 'ok',
  dueSoon: 'info',
  dueToday: 'warning',
  overdue: 'error',
  deemedRefused: 'error',
};

const PAGE_SIZE = 50;

export function AccessRequestsPage() {
  const [page, setPage] = useState(1);
  const queue = useApi<{ items: AccessRequestDto[]; total: number }>(
    withQuery('/api/access-requests', {
      status: 'all',
      limit: PAGE_SIZE,
      offset: pageOffset(page, PAGE_SIZE),
    }),
  );
  const statistics = useApi<MonthStatistics[]>('/api/access-requests/statistics');
  return (
    <>
      <PageHeader
        title="Innsynskrav"
        lead="Svar innen tre arbeidsdager. Et krav som ikke er avgjort innen fem arbeidsdager regnes som avslag (offentleglova § 32)."
        actions={
          <Link className="button" to="/innsyn">
            Offentlig journal
          </Link>
        }
      />
      <ErrorBox problem={queue.problem} />
      {queue.isLoading && !queue.data && <Loading />}
      {queue.data && (
        <div className="table-wrap">
          <table className="table" data-testid="access-request-queue">
            <thead>
              <tr>
                <th scope="col">Referanse</th>
                <th scope="col">Mottatt</th>
                <th scope="col">Frist</th>
                <th scope="col">Status</th>
                <th scope="col">Dokumenter</th>
                <th scope="col">Fra</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.items.length === 0 && <EmptyRow colSpan={6}>Ingen innsynskrav.</EmptyRow>}
              {queue.data.items.map((r) => (
                <tr key={r.id} data-testid="access-request-row">
                  <td>
                    <Link to={`/innsynskrav/${r.id}`}>{r.reference}</Link>
                  </td>
                  <td className="nowrap">{formatDate(r.receivedOn)}</td>
                  <td className="nowrap">
                    {formatDate(r.dueOn)}
                    <div className="subtle">{r.workingDaysElapsed} arbeidsdager gått</div>
                  </td>
                  <td>
                    <Badge tone={urgencyTone[r.urgency]}>{urgencyLabels[r.urgency]}</Badge>
                  </td>
                  <td>{r.items.map((i) => i.publicTitle ?? i.description).join('; ')}</td>
                  <td>{r.requesterName ?? 'Anonym'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            page={page}
            pageCount={pageCountOf(queue.data.total, PAGE_SIZE)}
            onPage={setPage}
            testId="access-request-pager"
          />
        </div>
      )}
      <section className="panel" aria-labelledby="stats-heading">
        <div className="panel-header">
          <h2 id="stats-heading">Statistikk per måned</h2>
          <a className="button button-small" href="/api/access-requests/statistics.csv">
            Last ned CSV
          </a>
        </div>
        <ErrorBox problem={statistics.problem} />
        {statistics.data && (
          <div className="table-wrap">
            <table className="table" data-testid="access-statistics">
              <thead>
                <tr>
                  <th scope="col">Måned</th>
                  <th scope="col">Krav</th>
                  <th scope="col">Innen 1 / 3 / 5 arbeidsdager</th>
                  <th scope="col">Regnet som avslag</th>
                  <th scope="col">Innsyn / delvis / avslag</th>
                  <th scope="col">Klager (opprettholdt / omgjort)</th>
                </tr>
              </thead>
              <tbody>
                {statistics.data.length === 0 && <EmptyRow colSpan={6}>Ingen innsynskrav ennå.</EmptyRow>}
                {statistics.data.map((s) => (
                  <tr key={s.month}>
                    <td>{s.month}</td>
                    <td>{s.requests}</td>
                    <td>
                      {s.answeredWithin1} / {s.answeredWithin3} / {s.answeredWithin5}
                    </td>
                    <td>{s.deemedRefused}</td>
                    <td>
                      {s.granted} / {s.partly} / {s.refused}
                    </td>
                    <td>
                      {s.appeals} ({s.appealsUpheld} / {s.appealsReversed})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
