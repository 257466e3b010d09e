// Kalender (issue 11 item 2): month and week views of the meetings I may see — every group's for the
// secretariat, my groups' for the others — with their status, each linking to the meeting; my calendar
// links (.ics for Outlook/Teams) beside it. View and day live in the URL.
import { Link, useSearchParams } from 'react-router-dom';
import type { MeetingCalendar } from '@server/features/meetings/meeting-calendar.schemas.js';
import {
  calendarStatusLabels,
  isoWeek,
  monthWeeks,
  viewRange,
  weekDays,
  type CalendarStatus,
} from '@server/domain/meeting-calendar.rules.js';
import { addDays, addMonths } from '@server/shared/calendar-date.js';
import { withQuery } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate, formatMonth, todayIso } from '../../shared/format.js';
import { Badge, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { CalendarFeeds } from './calendar-feeds.js';

type Meeting = MeetingCalendar['meetings'][number];
type View = 'month' | 'week';

const weekdayNames = ['man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn'];
const statusTone: Record<CalendarStatus, 'info' | 'warning' | 'ok' | 'neutral' | 'error'> = {
  planned: 'neutral',
  invited: 'info',
  held: 'warning',
  minutesApproved: 'ok',
  cancelled: 'error',
};
const timeFormat = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  hour: '2-digit',
  minute: '2-digit',
});

function MeetingEntry({ meeting }: { meeting: Meeting }) {
  return (
    <li
      className={`calendar-meeting calendar-meeting-${meeting.status}`}
      data-testid="calendar-meeting"
      data-status={meeting.status}
    >
      <Link to={`/moter/${meeting.id}`}>
        <span className="calendar-time">{timeFormat.format(new Date(meeting.startsAt))}</span> {meeting.title}
      </Link>
      <span className="subtle">{meeting.steeringGroupName}</span>
      <Badge tone={statusTone[meeting.status]}>{calendarStatusLabels[meeting.status]}</Badge>
    </li>
  );
}

function DayCell({
  day,
  meetings,
  today,
  outside,
}: {
  day: string;
  meetings: Meeting[];
  today: string;
  outside: boolean;
}) {
  return (
    <td
      className={['calendar-day', outside ? 'calendar-outside' : '', day === today ? 'calendar-today' : '']
        .join(' ')
        .trim()}
      data-testid="calendar-day"
      data-day={day}
      aria-current={day === today ? 'date' : undefined}
    >
      <span className="calendar-date">{Number(day.slice(8, 10))}.</span>
      {meetings.length > 0 && (
        <ul className="plain-list">
          {meetings.map((meeting) => (
            <MeetingEntry key={meeting.id} meeting={meeting} />
          ))}
        </ul>
      )}
    </td>
  );
}

export function MeetingCalendarPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view: View = searchParams.get('visning') === 'uke' ? 'week' : 'month';
  const requested = searchParams.get('dato') ?? '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested : todayIso();
  const range = viewRange(view, day);
  const calendar = useApi<MeetingCalendar>(withQuery('/api/meeting-calendar', range));
  const groups = useApi<Array<{ id: string; name: string }>>('/api/steering-groups');
  const names = new Map((groups.data ?? []).map((g) => [g.id, g.name]));
  const today = calendar.data?.today ?? todayIso();
  const byDay = new Map<string, Meeting[]>();
  for (const meeting of calendar.data?.meetings ?? [])
    byDay.set(meeting.day, [...(byDay.get(meeting.day) ?? []), meeting]);

  const go = (next: { view?: View; day?: string }) => {
    const params = new URLSearchParams(searchParams);
    const nextView = next.view ?? view;
    if (nextView === 'week') params.set('visning', 'uke');
    else params.delete('visning');
    if (next.day) params.set('dato', next.day);
    setSearchParams(params);
  };
  const step = (direction: 1 | -1) =>
    go({ day: view === 'week' ? addDays(day, 7 * direction) : addMonths(day.slice(0, 8) + '01', direction) });
  const title =
    view === 'week'
      ? `Uke ${isoWeek(day)} · ${formatDate(range.from)}–${formatDate(range.to)}`
      : formatMonth(day.slice(0, 8) + '01');
  const month = day.slice(0, 7);

  return (
    <>
      <PageHeader
        title="Kalender"
        lead={
          calendar.data?.scope === 'all'
            ? 'Alle styringsgruppenes møter, med status: planlagt, innkalt, avholdt, referat godkjent.'
            : 'Møtene i styringsgruppene dine, med status: planlagt, innkalt, avholdt, referat godkjent.'
        }
      />
      <div className="calendar-layout">
        <section className="panel calendar-panel" aria-labelledby="calendar-heading">
          <div className="panel-header calendar-toolbar">
            <h2 id="calendar-heading" data-testid="calendar-title">
              {title}
            </h2>
            <div className="button-row">
              <button
                type="button"
                className="button"
                onClick={() => step(-1)}
                data-testid="calendar-previous"
              >
                Forrige
              </button>
              <button
                type="button"
                className="button"
                onClick={() => go({ day: today })}
                data-testid="calendar-today"
              >
                I dag
              </button>
              <button type="button" className="button" onClick={() => step(1)} data-testid="calendar-next">
                Neste
              </button>
              <span role="group" aria-label="Visning" className="segmented">
                <button
                  type="button"
                  className={`button${view === 'month' ? ' button-primary' : ''}`}
                  aria-pressed={view === 'month'}
                  onClick={() => go({ view: 'month' })}
                  data-testid="calendar-view-month"
                >
                  Måned
                </button>
                <button
                  type="button"
                  className={`button${view === 'week' ? ' button-primary' : ''}`}
                  aria-pressed={view === 'week'}
                  onClick={() => go({ view: 'week' })}
                  data-testid="calendar-view-week"
                >
                  Uke
                </button>
              </span>
            </div>
          </div>
          <ErrorBox problem={calendar.problem} />
          {calendar.isLoading && !calendar.data && <Loading />}
          {calendar.data && (
            <div className="table-wrap">
              <table
                className="calendar"
                data-testid="meeting-calendar"
                data-view={view}
                data-from={range.from}
                data-busy={calendar.isLoading ? 'true' : 'false'}
              >
                <thead>
                  <tr>
                    <th scope="col" className="calendar-week">
                      Uke
                    </th>
                    {(view === 'week' ? weekDays(day) : weekdayNames).map((label, index) => (
                      <th key={label} scope="col">
                        {view === 'week' ? `${weekdayNames[index]} ${formatDate(label).slice(0, 5)}` : label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {(view === 'week' ? [weekDays(day)] : monthWeeks(day)).map((week) => (
                    <tr key={week[0]}>
                      <th scope="row" className="calendar-week">
                        {isoWeek(week[0]!)}
                      </th>
                      {week.map((d) => (
                        <DayCell
                          key={d}
                          day={d}
                          meetings={byDay.get(d) ?? []}
                          today={today}
                          outside={view === 'month' && d.slice(0, 7) !== month}
                        />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              {calendar.data.meetings.length === 0 && (
                <p className="muted" data-testid="calendar-empty">
                  Ingen møter i perioden.
                </p>
              )}
            </div>
          )}
        </section>
        <aside className="panel calendar-feeds" aria-labelledby="feeds-heading">
          <div className="panel-header">
            <h2 id="feeds-heading">Kalenderabonnement</h2>
          </div>
          <p className="muted">
            Møtene dine i Outlook og Teams. Gruppens egne lenker lager du i arbeidsrommet.
          </p>
          <CalendarFeeds
            steeringGroupId={null}
            showAll
            groupName={(id) => names.get(id) ?? 'Styringsgruppe'}
          />
        </aside>
      </div>
    </>
  );
}
