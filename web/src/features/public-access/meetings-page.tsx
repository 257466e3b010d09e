// Public meetings: the agenda once the invitation is sent, the minutes once approved, the meeting's documents
// as the journal shows them.
import { useEffect, useState } from 'react';
import { accessStatusLabels, accessTone } from '../documents/access-labels.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatTimestamp } from '../../shared/format.js';
import { pageCountOf, pageOffset, Pager } from '../../shared/pager.js';
import { Badge, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import type { PublicMeeting } from './public-access-api.js';

const PAGE_SIZE = 20;

export function PublicMeetingsPage() {
  const [page, setPage] = useState(1);
  // The server answers only meetings whose agenda is published, newest first, one page at a time.
  const meetings = useApi<{ items: PublicMeeting[]; total: number }>(
    `/api/public/meetings?limit=${PAGE_SIZE}&offset=${pageOffset(page, PAGE_SIZE)}`,
  );
  const shown = meetings.data?.items ?? [];
  // A link from the journal (#meeting-<id>) lands on that meeting once the list has loaded.
  useEffect(() => {
    const hash = window.location.hash.slice(1);
    if (meetings.data && hash) document.getElementById(hash)?.focus();
  }, [meetings.data]);
  return (
    <>
      <PageHeader title="Møter" lead="Møter i styringsgruppene med saksliste og godkjent referat." />
      <ErrorBox problem={meetings.problem} />
      {meetings.isLoading && !meetings.data && <Loading />}
      {meetings.data && shown.length === 0 && (
        <p className="muted">Ingen møter med publisert saksliste ennå.</p>
      )}
      {shown.map((meeting) => (
        <section
          key={meeting.id}
          className="panel"
          aria-labelledby={`meeting-${meeting.id}`}
          data-testid="public-meeting"
        >
          <h2 id={`meeting-${meeting.id}`} tabIndex={-1}>
            {meeting.steeringGroup.name}: {meeting.title}
          </h2>
          <p className="subtle">
            {formatTimestamp(meeting.startsAt)}
            {meeting.location ? ` · ${meeting.location}` : ''}
          </p>
          <h3>Saksliste</h3>
          <ol>
            {meeting.agenda.map((item) => (
              <li key={item.position}>{item.title}</li>
            ))}
          </ol>
          {meeting.minutes && (
            <>
              <h3>Referat (godkjent, versjon {meeting.minutes.version})</h3>
              {meeting.minutes.accessStatus === 'exempt' ? (
                <p data-testid="minutes-withheld">
                  Referatet er unntatt offentlighet
                  {meeting.minutes.legalBasisTexts.length > 0
                    ? ` (hjemmel: ${meeting.minutes.legalBasisTexts.join('; ')})`
                    : ''}
                  . Du kan be om innsyn fra <a href="/innsyn">journalen</a>.
                </p>
              ) : (
                <dl>
                  {meeting.minutes.items.map((item, index) => (
                    <div key={index}>
                      <dt>{item.title}</dt>
                      <dd>
                        {item.summary}
                        {item.decision && <p>Vedtak: {item.decision}</p>}
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </>
          )}
          {meeting.documents.length > 0 && (
            <>
              <h3>Dokumenter</h3>
              <ul>
                {meeting.documents.map((d) => (
                  <li key={d.journalEntryId}>
                    {d.url ? <a href={d.url}>{d.publicTitle}</a> : d.publicTitle}{' '}
                    <Badge tone={accessTone[d.accessStatus]}>{accessStatusLabels[d.accessStatus]}</Badge>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
      {meetings.data && (
        <Pager
          page={page}
          pageCount={pageCountOf(meetings.data.total, PAGE_SIZE)}
          onPage={setPage}
          testId="public-meetings-pager"
        />
      )}
    </>
  );
}
