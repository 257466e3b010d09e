// Møte: the agenda (from open cases and added items), conflicts per item, the invitation, minutes with
// versions and approval, and the action items from the meeting's decisions.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate, formatTimestamp, todayIso } from '../../shared/format.js';
import { Badge, Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import {
  actionStatusLabels,
  formatMeetingTime,
  meetingPath,
  meetingsApi,
  type MeetingDetail,
} from './meetings-api.js';
import { DocumentsPanel } from '../documents/documents-panel.js';
import { CancelMeetingDialog, MeetingStateBadge, MoveMeetingDialog } from './meeting-change-dialogs.js';
import { MinutesPanel } from './minutes-panel.js';
import { SelectField, TextField } from '../../shared/fields.js';

export function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useApi<MeetingDetail>(meetingPath(id));
  const [problem, setProblem] = useState<Problem>();
  const [change, setChange] = useState<'move' | 'cancel' | null>(null);
  const [message, setMessage] = useState<string>();
  const run = async (action: () => Promise<unknown>) => {
    setProblem(undefined);
    setMessage(undefined);
    try {
      await action();
      meeting.reload();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  };
  if (meeting.errorStatus === 403)
    return (
      <PageHeader
        title="Ingen tilgang"
        lead="Møtet er bare for gruppens medlemmer, sekretariatet og RHF-kontaktene."
      />
    );
  if (!meeting.data) return meeting.problem ? <ErrorBox problem={meeting.problem} /> : <Loading />;
  const data = meeting.data;
  const changed = (text: string) => {
    setChange(null);
    setMessage(text);
    meeting.reload();
  };
  // The form starts from what the server has stored: a new version, status or save remounts it.
  const minutesKey = data.minutes
    ? `${data.minutes.id}:${data.minutes.version}:${data.minutes.status}:${data.minutes.updatedAt}`
    : 'none';

  return (
    <>
      <nav className="breadcrumbs" aria-label="Brødsmuler">
        <Link to={`/styringsgrupper/${data.steeringGroupId}/arbeidsrom`}>
          Arbeidsrom – {data.steeringGroupName}
        </Link>
      </nav>
      <PageHeader
        title={`${data.title} ${formatMeetingTime(data.startsAt)}`}
        lead={
          <>
            {data.steeringGroupName} · {data.location ?? 'sted ikke satt'} ·{' '}
            {data.invitationSentAt
              ? `innkalling sendt ${formatTimestamp(data.invitationSentAt)}`
              : `innkalling sendes ${formatDate(data.invitationDueOn)}`}
            {(data.cancelled || data.sequence > 0) && (
              <>
                {' '}
                <MeetingStateBadge meeting={data} />
              </>
            )}
          </>
        }
        actions={
          data.viewer.canEdit &&
          !data.cancelled && (
            <>
              <button
                type="button"
                className="button"
                onClick={() => void run(() => meetingsApi.sendInvitation(id))}
                data-testid="send-invitation"
              >
                Send innkalling nå
              </button>
              <button
                type="button"
                className="button"
                onClick={() => (setMessage(undefined), setChange('move'))}
                data-testid="move-meeting"
              >
                Flytt eller endre
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => (setMessage(undefined), setChange('cancel'))}
                data-testid="cancel-meeting"
              >
                Avlys møtet
              </button>
            </>
          )
        }
      />
      {message && (
        <Notice tone="success" testId="meeting-message">
          {message}
        </Notice>
      )}
      {data.cancelled && (
        <div className="alert alert-warning" role="status" data-testid="meeting-cancelled">
          Møtet er avlyst. Det står fortsatt i kalenderabonnementene, merket som avlyst.
        </div>
      )}
      <ErrorBox problem={problem} />
      {change === 'move' && (
        <MoveMeetingDialog meeting={data} onClose={() => setChange(null)} onSaved={changed} />
      )}
      {change === 'cancel' && (
        <CancelMeetingDialog meeting={data} onClose={() => setChange(null)} onSaved={changed} />
      )}

      <section className="panel" aria-labelledby="agenda-heading">
        <div className="panel-header">
          <h2 id="agenda-heading">Saksliste</h2>
          {data.viewer.canEdit && (
            <button
              type="button"
              className="button button-small"
              onClick={() => void run(() => meetingsApi.fillAgenda(id))}
              data-testid="fill-agenda"
            >
              Hent åpne saker
            </button>
          )}
        </div>
        <ol className="plain-list" data-testid="agenda">
          {data.agenda.map((item) => (
            <li key={item.id} data-testid="agenda-item" data-title={item.title}>
              <strong>{item.position}. </strong>
              {item.caseId ? <Link to={`/saker/${item.caseId}`}>{item.title}</Link> : item.title}
              {item.decisionNumber && <Badge tone="info">Vedtak {item.decisionNumber}</Badge>}
              {item.description && <span className="subtle"> – {item.description}</span>}
              {item.conflicts.length > 0 && (
                <span className="subtle" data-testid="conflicts">
                  {' '}
                  Inhabil: {item.conflicts.map((c) => c.name).join(', ')}
                </span>
              )}
              {data.viewer.canDeclareConflict && (
                <ConflictControl
                  isConflicted={item.myConflict}
                  onDeclare={(reason) => run(() => meetingsApi.declareConflict(item.id, reason))}
                  onWithdraw={() => run(() => meetingsApi.withdrawConflict(item.id))}
                />
              )}
            </li>
          ))}
        </ol>
        {data.agenda.length === 0 && <p className="muted">Sakslisten er tom.</p>}
        {data.viewer.canEdit && (
          <AddAgendaItem onAdd={(title) => run(() => meetingsApi.addAgendaItem(id, title))} />
        )}
      </section>

      <MinutesPanel key={minutesKey} meeting={data} run={run} />

      <DocumentsPanel
        groupId={data.steeringGroupId}
        meetingId={data.id}
        canUpload={data.viewer.isSecretariat}
        headingId="meeting-documents-heading"
      />

      <section className="panel" aria-labelledby="meeting-actions-heading">
        <div className="panel-header">
          <h2 id="meeting-actions-heading">Tiltak fra møtet</h2>
        </div>
        <ul className="plain-list" data-testid="meeting-actions">
          {data.actions.map((action) => (
            <li key={action.id}>
              {action.title} – {action.owner.name}, frist {formatDate(action.dueDate)} (
              {actionStatusLabels[action.status]}){action.overdue && <Badge tone="error">Forfalt</Badge>}
            </li>
          ))}
        </ul>
        {data.viewer.isSecretariat && (
          <NewActionForm
            meeting={data}
            onCreate={(body) => run(() => meetingsApi.createAction(data.steeringGroupId, body))}
          />
        )}
      </section>
    </>
  );
}

function ConflictControl({
  isConflicted,
  onDeclare,
  onWithdraw,
}: {
  isConflicted: boolean;
  onDeclare: (reason: string) => Promise<void>;
  onWithdraw: () => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  if (isConflicted)
    return (
      <span>
        {' '}
        <Badge tone="warning">Du er inhabil</Badge>{' '}
        <button type="button" className="button-link" onClick={() => void onWithdraw()}>
          Trekk
        </button>
      </span>
    );
  return (
    <form className="inline-options" onSubmit={(e) => (e.preventDefault(), void onDeclare(reason))}>
      <input
        placeholder="Begrunnelse"
        aria-label="Begrunnelse for inhabilitet"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="conflict-reason"
      />
      <button type="submit" className="button button-small" data-testid="declare-conflict">
        Meld inhabilitet
      </button>
    </form>
  );
}

function AddAgendaItem({ onAdd }: { onAdd: (title: string) => Promise<void> }) {
  const [title, setTitle] = useState('');
  return (
    <form
      className="input-with-button"
      onSubmit={(e) => {
        e.preventDefault();
        void onAdd(title).then(() => setTitle(''));
      }}
    >
      <label className="visually-hidden" htmlFor="agenda-title">
        Nytt punkt
      </label>
      <input
        id="agenda-title"
        placeholder="Nytt punkt på sakslisten"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <button type="submit" className="button button-small" data-testid="add-agenda-item">
        Legg til punkt
      </button>
    </form>
  );
}

function NewActionForm({
  meeting,
  onCreate,
}: {
  meeting: MeetingDetail;
  onCreate: (body: {
    title: string;
    ownerPersonId: string;
    dueDate: string;
    meetingId: string;
  }) => Promise<void>;
}) {
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState(meeting.members[0]?.personId ?? '');
  const [dueDate, setDueDate] = useState(todayIso());
  return (
    <form
      className="subform"
      aria-label="Nytt tiltak"
      onSubmit={(e) => {
        e.preventDefault();
        void onCreate({ title, ownerPersonId: owner, dueDate, meetingId: meeting.id }).then(() =>
          setTitle(''),
        );
      }}
    >
      <div className="form-grid">
        <TextField
          id="action-title"
          label="Tiltak"
          value={title}
          onChange={setTitle}
          data-testid="action-title"
        />
        <SelectField id="action-owner" label="Ansvarlig" value={owner} onChange={setOwner}>
          {meeting.members.map((m) => (
            <option key={m.personId} value={m.personId}>
              {m.name} ({m.rhfName})
            </option>
          ))}
        </SelectField>
        <TextField
          id="action-due"
          label="Frist"
          type="date"
          value={dueDate}
          onChange={setDueDate}
          data-testid="action-due"
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" data-testid="add-action">
          Opprett tiltak
        </button>
      </div>
    </form>
  );
}
