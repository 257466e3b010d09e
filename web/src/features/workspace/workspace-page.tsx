// Arbeidsrom: a steering group's meetings, meeting plans, decisions, follow-up actions, documents and
// training, for its members, the portfolio secretariat and the RHF contacts.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Problem } from '../../shared/api-client.js';
import { toDisplayProblem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate, todayIso } from '../../shared/format.js';
import { Badge, EmptyRow, Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { DocumentsPanel } from '../documents/documents-panel.js';
import { CalendarFeeds } from '../meetings/calendar-feeds.js';
import {
  CancelMeetingDialog,
  MeetingStateBadge,
  MoveMeetingDialog,
} from '../meetings/meeting-change-dialogs.js';
import { MeetingPlans } from '../meetings/meeting-plan.js';
import {
  actionStatusLabels,
  formatMeetingTime,
  meetingsApi,
  toInstant,
  workspacePath,
  type Workspace,
} from '../meetings/meetings-api.js';
import { TextField } from '../../shared/fields.js';

type MeetingSummary = Workspace['meetings'][number];

export function WorkspacePage() {
  const { id = '' } = useParams();
  const workspace = useApi<Workspace>(workspacePath(id));
  const [change, setChange] = useState<{ kind: 'move' | 'cancel'; meeting: MeetingSummary } | null>(null);
  const [message, setMessage] = useState<string>();

  if (workspace.errorStatus === 403)
    return (
      <PageHeader
        title="Ingen tilgang til arbeidsrommet"
        lead="Arbeidsrommet er bare for gruppens medlemmer, porteføljesekretariatet og kontaktpersonene i RHF-ene."
      />
    );
  if (!workspace.data) return workspace.problem ? <ErrorBox problem={workspace.problem} /> : <Loading />;
  const data = workspace.data;
  const changed = (text: string) => {
    setChange(null);
    setMessage(text);
    workspace.reload();
  };
  const meetingOptions = data.meetings
    .filter((m) => !m.cancelled)
    .map((m) => ({ id: m.id, label: `${m.title} ${formatMeetingTime(m.startsAt)}` }));
  const toOnboard = data.training.filter((t) => t.needsOnboarding);

  return (
    <>
      <nav className="breadcrumbs" aria-label="Brødsmuler">
        <Link to="/styringsgrupper">Styringsgrupper</Link> /{' '}
        <Link to={`/styringsgrupper/${id}`}>{data.group.name}</Link>
      </nav>
      <PageHeader
        title={`Arbeidsrom – ${data.group.name}`}
        lead="Møter, referater, vedtak, oppfølging, dokumenter og opplæring."
      />
      {message && (
        <Notice tone="success" testId="workspace-message">
          {message}
        </Notice>
      )}

      <section className="panel" aria-labelledby="meetings-heading">
        <div className="panel-header">
          <h2 id="meetings-heading">Møter</h2>
        </div>
        <MeetingPlans
          groupId={id}
          plans={data.plans}
          canPropose={data.viewer.isSecretariat}
          canApprove={data.viewer.isLeader}
          onChanged={changed}
        />
        <div className="table-wrap">
          <table className="table table-dense" data-testid="meetings">
            <thead>
              <tr>
                <th scope="col">Tidspunkt</th>
                <th scope="col">Møte</th>
                <th scope="col">Sted</th>
                <th scope="col">Innkalling</th>
                <th scope="col">Referat</th>
                {data.viewer.isSecretariat && (
                  <th scope="col">
                    <span className="visually-hidden">Endre</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {data.meetings.length === 0 && (
                <EmptyRow colSpan={data.viewer.isSecretariat ? 6 : 5}>Ingen møter ennå.</EmptyRow>
              )}
              {data.meetings.map((meeting) => (
                <tr
                  key={meeting.id}
                  data-testid="meeting-row"
                  data-state={meeting.cancelled ? 'cancelled' : meeting.sequence > 0 ? 'moved' : 'planned'}
                >
                  <td className="nowrap">
                    {meeting.cancelled ? (
                      <del>{formatMeetingTime(meeting.startsAt)}</del>
                    ) : (
                      formatMeetingTime(meeting.startsAt)
                    )}
                  </td>
                  <td>
                    <Link to={`/moter/${meeting.id}`}>{meeting.title}</Link>{' '}
                    <MeetingStateBadge meeting={meeting} />
                  </td>
                  <td>{meeting.location ?? ''}</td>
                  <td>
                    {meeting.invitationSentAt ? 'Sendt' : `Sendes ${formatDate(meeting.invitationDueOn)}`}
                  </td>
                  <td>
                    {meeting.minutesStatus === 'approved' ? (
                      <Badge tone="ok">Godkjent referat</Badge>
                    ) : meeting.minutesStatus === 'draft' ? (
                      <Badge tone="warning">Utkast</Badge>
                    ) : (
                      ''
                    )}
                  </td>
                  {data.viewer.isSecretariat && (
                    <td className="nowrap">
                      {!meeting.cancelled && (
                        <>
                          <button
                            type="button"
                            className="button-link"
                            onClick={() => (setMessage(undefined), setChange({ kind: 'move', meeting }))}
                            data-testid="move-meeting"
                          >
                            Flytt
                          </button>{' '}
                          <button
                            type="button"
                            className="button-link"
                            onClick={() => (setMessage(undefined), setChange({ kind: 'cancel', meeting }))}
                            data-testid="cancel-meeting"
                          >
                            Avlys
                          </button>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {data.viewer.isSecretariat && <NewMeetingForm groupId={id} />}
        {change?.kind === 'move' && (
          <MoveMeetingDialog meeting={change.meeting} onClose={() => setChange(null)} onSaved={changed} />
        )}
        {change?.kind === 'cancel' && (
          <CancelMeetingDialog meeting={change.meeting} onClose={() => setChange(null)} onSaved={changed} />
        )}
      </section>

      <section className="panel" aria-labelledby="calendar-heading">
        <div className="panel-header">
          <h2 id="calendar-heading">Kalender i Outlook</h2>
          <Link to="/kalender">Alle mine kalenderlenker</Link>
        </div>
        <CalendarFeeds steeringGroupId={id} />
      </section>

      <section className="panel" aria-labelledby="actions-heading">
        <div className="panel-header">
          <h2 id="actions-heading">Oppfølging av vedtak</h2>
        </div>
        <div className="table-wrap">
          <table className="table table-dense" data-testid="actions">
            <thead>
              <tr>
                <th scope="col">Tiltak</th>
                <th scope="col">Ansvarlig</th>
                <th scope="col">Frist</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {data.actions.length === 0 && <EmptyRow colSpan={4}>Ingen tiltak.</EmptyRow>}
              {data.actions.map((action) => (
                <tr key={action.id} data-testid="action-row">
                  <td>{action.title}</td>
                  <td>{action.owner.name}</td>
                  <td className="nowrap">{formatDate(action.dueDate)}</td>
                  <td>
                    {actionStatusLabels[action.status]}{' '}
                    {action.overdue && <Badge tone="error">Forfalt ({action.daysOverdue} d)</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="ws-decisions-heading">
        <div className="panel-header">
          <h2 id="ws-decisions-heading">Vedtak</h2>
          <span className="muted">{data.decisions.length} vedtak</span>
        </div>
        <ul className="plain-list">
          {data.decisions.map((decision) => (
            <li key={decision.decisionNumber}>
              <strong>{decision.decisionNumber}</strong>{' '}
              <Link to={`/saker/${decision.caseId}`}>{decision.title}</Link>
            </li>
          ))}
        </ul>
      </section>

      <DocumentsPanel groupId={id} canUpload={data.viewer.isSecretariat} meetings={meetingOptions} />

      <section className="panel" aria-labelledby="training-heading">
        <div className="panel-header">
          <h2 id="training-heading">Opplæring</h2>
          <Link to="/opplaering">Mitt opplæringsprogram</Link>
        </div>
        {data.viewer.isLeader && toOnboard.length > 0 && (
          <div className="alert alert-warning" role="status" data-testid="onboarding">
            Nye medlemmer å følge opp: {toOnboard.map((t) => t.name).join(', ')}
          </div>
        )}
        <ul className="plain-list" data-testid="training-list">
          {data.training.map((t) => (
            <li key={t.personId}>
              {t.name} ({t.rhfName}):{' '}
              {t.trainingCompletedOn ? (
                <Badge tone="ok">Fullført {formatDate(t.trainingCompletedOn)}</Badge>
              ) : (
                <Badge tone="warning">Ikke fullført – {t.modulesCompleted} av 6 moduler</Badge>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function NewMeetingForm({ groupId }: { groupId: string }) {
  const navigate = useNavigate();
  const [date, setDate] = useState(todayIso());
  const [start, setStart] = useState('10:00');
  const [end, setEnd] = useState('12:00');
  const [location, setLocation] = useState('Teams');
  const [problem, setProblem] = useState<Problem>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const meeting = await meetingsApi.addMeeting(groupId, {
        startsAt: toInstant(date, start),
        endsAt: toInstant(date, end),
        location: location || null,
      });
      void navigate(`/moter/${meeting.id}`);
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  };
  return (
    <form className="subform" onSubmit={(event) => void submit(event)} aria-labelledby="new-meeting-heading">
      <h3 id="new-meeting-heading" className="h-small">
        Nytt møte
      </h3>
      <ErrorBox problem={problem} />
      <div className="form-grid">
        <TextField id="meeting-date" label="Dato" type="date" value={date} onChange={setDate} required />
        <TextField id="meeting-start" label="Fra" type="time" value={start} onChange={setStart} required />
        <TextField id="meeting-end" label="Til" type="time" value={end} onChange={setEnd} required />
        <TextField id="meeting-location" label="Sted" value={location} onChange={setLocation} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="add-meeting">
          Legg til møte
        </button>
      </div>
    </form>
  );
}
