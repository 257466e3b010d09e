// Public decisions (vedtak) of the steering groups, numbered per group and year.
import { useState } from 'react';
import { formatDate } from '../../shared/format.js';
import { pageCountOf, pageOffset, Pager } from '../../shared/pager.js';
import { EmptyRow, Loading, PageHeader } from '../../shared/ui.js';
import { ErrorBox } from '../../shared/error-box.js';
import { useApi } from '../../shared/use-api.js';
import type { PublicDecision } from './public-access-api.js';

const PAGE_SIZE = 50;

export function PublicDecisionsPage() {
  const [page, setPage] = useState(1);
  const decisions = useApi<{ items: PublicDecision[]; total: number }>(
    `/api/public/decisions?limit=${PAGE_SIZE}&offset=${pageOffset(page, PAGE_SIZE)}`,
  );
  return (
    <>
      <PageHeader
        title="Vedtak"
        lead="Styringsgruppenes vedtak ved fasegatene i anskaffelsene, og vedtakene om møteplan."
      />
      <ErrorBox problem={decisions.problem} />
      {decisions.isLoading && !decisions.data && <Loading />}
      {decisions.data && (
        <div className="table-wrap">
          <table className="table" data-testid="public-decisions">
            <thead>
              <tr>
                <th scope="col">Vedtak</th>
                <th scope="col">Dato</th>
                <th scope="col">Sak</th>
                <th scope="col">Anskaffelse</th>
                <th scope="col">Utfall</th>
              </tr>
            </thead>
            <tbody>
              {decisions.data.items.length === 0 && <EmptyRow colSpan={5}>Ingen vedtak ennå.</EmptyRow>}
              {decisions.data.items.map((d) => (
                <tr key={d.decisionNumber}>
                  <td className="nowrap">{d.decisionNumber}</td>
                  <td className="nowrap">{formatDate(d.decidedOn)}</td>
                  <td>
                    {d.title}
                    <div className="subtle">
                      {d.gate} · {d.steeringGroup.name}
                    </div>
                  </td>
                  <td>{d.procurement?.name ?? '–'}</td>
                  <td>
                    {d.status}
                    {d.journalNumber && <div className="subtle">Journalpost {d.journalNumber}</div>}
                    {d.legalBasisTexts.length > 0 && (
                      <div className="subtle">Skjermet: {d.legalBasisTexts.join('; ')}</div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            page={page}
            pageCount={pageCountOf(decisions.data.total, PAGE_SIZE)}
            onPage={setPage}
            testId="public-decisions-pager"
          />
        </div>
      )}
    </>
  );
}
