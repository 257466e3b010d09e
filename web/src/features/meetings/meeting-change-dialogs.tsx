// Flytte og avlyse et møte (sekretariatet): endringen går ut som oppdatert innkalling (samme UID, ny SEQUENCE)
// og vises i kalenderabonnementene; en avlysning kan ikke angres.
import { useState, type FormEvent } from 'react';
import { localProblem, toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox } from '../../shared/error-box.js';
import { Badge } from '../../shared/ui.js';
import {
  fromInstant,
  formatMeetingTime,
  meetingsApi,
  toInstant,
  type MeetingDetail,
} from './meetings-api.js';
import { TextAreaField, TextField } from '../../shared/fields.js';

/** The instant, or '' while a field is empty or half typed (toInstant throws on an invalid date). */
function instantOrEmpty(date: string, time: string): string {
  try {
    return toInstant(date, time);
  } catch {
    return '';
  }
}

type MeetingFacts = Pick<MeetingDetail, 'id' | 'title' | 'startsAt' | 'endsAt' | 'location'>;

export function MoveMeetingDialog({
  meeting,
  onClose,
  onSaved,
}: {
  meeting: MeetingFacts;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const start = fromInstant(meeting.startsAt);
  const end = fromInstant(meeting.endsAt);
  const [title, setTitle] = useState(meeting.title);
  const [date, setDate] = useState(start.date);
  const [from, setFrom] = useState(start.time);
  const [to, setTo] = useState(end.time);
  const [location, setLocation] = useState(meeting.location ?? '');
  const [isConfirming, setIsConfirming] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [problem, setProblem] = useState<Problem>();

  const change = {
    title: title.trim(),
    startsAt: instantOrEmpty(date, from),
    endsAt: instantOrEmpty(date, to),
    location: location.trim() || null,
  };
  const isUnchanged =
    change.title === meeting.title &&
    change.startsAt === new Date(meeting.startsAt).toISOString() &&
    change.endsAt === new Date(meeting.endsAt).toISOString() &&
    change.location === meeting.location;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!change.startsAt || !change.endsAt) {
      setProblem(localProblem(400, 'Skjemaet har feil', 'Fyll inn dato og klokkeslett.'));
      return;
    }
    if (!isConfirming) {
      setIsConfirming(true);
      return;
    }
    setIsSaving(true);
    setProblem(undefined);
    try {
      await meetingsApi.moveMeeting(meeting.id, change);
      onSaved(
        `Møtet er endret til ${formatMeetingTime(change.startsAt)}. Deltakerne får oppdatert innkalling.`,
      );
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
      setIsConfirming(false);
    }
  };

  return (
    <Dialog title="Flytt eller endre møtet" onClose={onClose} testId="move-meeting-form">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorBox problem={problem} isFocusedOnShow testId="move-meeting-error" />
        <p className="muted">Nå: {formatMeetingTime(meeting.startsAt)}</p>
        <TextField
          id="move-title"
          label="Tittel"
          value={title}
          onChange={(value) => (setTitle(value), setIsConfirming(false))}
        />
        <div className="form-grid">
          <TextField
            id="move-date"
            label="Dato"
            type="date"
            value={date}
            onChange={(value) => (setDate(value), setIsConfirming(false))}
            required
            data-testid="move-date"
          />
          <TextField
            id="move-start"
            label="Fra"
            type="time"
            value={from}
            onChange={(value) => (setFrom(value), setIsConfirming(false))}
            required
            data-testid="move-start"
          />
          <TextField
            id="move-end"
            label="Til"
            type="time"
            value={to}
            onChange={(value) => (setTo(value), setIsConfirming(false))}
            required
            data-testid="move-end"
          />
        </div>
        <TextField
          id="move-location"
          label="Sted"
          value={location}
          onChange={(value) => (setLocation(value), setIsConfirming(false))}
          data-testid="move-location"
        />
        {isConfirming && (
          <div className="alert alert-warning" role="status" data-testid="move-confirm-text">
            Flytte møtet til <strong>{change.startsAt && formatMeetingTime(change.startsAt)}</strong>
            {change.location ? `, ${change.location}` : ''}? Alle deltakerne får en oppdatert innkalling, og
            møtet endres i kalenderabonnementene.
          </div>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={isSaving || isUnchanged}
            data-testid="move-meeting-confirm"
          >
            {isSaving ? 'Lagrer …' : isConfirming ? 'Bekreft endringen' : 'Lagre endringen'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Avbryt
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function CancelMeetingDialog({
  meeting,
  onClose,
  onSaved,
}: {
  meeting: MeetingFacts;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [isConfirmed, setIsConfirmed] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setProblem(undefined);
    try {
      await meetingsApi.cancelMeeting(meeting.id, reason.trim());
      onSaved('Møtet er avlyst. Deltakerne får beskjed, og møtet vises som avlyst i kalenderen.');
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  };
  return (
    <Dialog title="Avlys møtet" onClose={onClose} testId="cancel-meeting-form">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorBox problem={problem} isFocusedOnShow testId="cancel-meeting-error" />
        <p>
          <strong>{meeting.title}</strong> {formatMeetingTime(meeting.startsAt)} avlyses. Deltakerne får en
          avlysning på e-post, og møtet står som avlyst i kalenderne. Avlysningen kan ikke angres.
        </p>
        <TextAreaField
          id="cancel-reason"
          label="Grunn (sendes til deltakerne)"
          rows={3}
          value={reason}
          onChange={setReason}
          required
          data-testid="cancel-reason"
        />
        <label className="check-label">
          <input
            type="checkbox"
            checked={isConfirmed}
            onChange={(e) => setIsConfirmed(e.target.checked)}
            data-testid="cancel-confirm-check"
          />
          Ja, jeg vil avlyse møtet
        </label>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-danger"
            disabled={isSaving || !isConfirmed || reason.trim().length < 3}
            data-testid="cancel-meeting-confirm"
          >
            {isSaving ? 'Avlyser …' : 'Avlys møtet'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Behold møtet
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Avlyst, or flyttet/endret once the time, place or title changed after it was added (SEQUENCE > 0). */
export function MeetingStateBadge({
  meeting,
}: {
  meeting: Pick<MeetingDetail, 'cancelled' | 'sequence'> & { cancelReason?: string | null };
}) {
  if (meeting.cancelled)
    return (
      <span data-testid="meeting-state">
        <Badge tone="error" title={meeting.cancelReason ? `Grunn: ${meeting.cancelReason}` : undefined}>
          Avlyst
        </Badge>
        {meeting.cancelReason ? <span className="muted"> – {meeting.cancelReason}</span> : null}
      </span>
    );
  if (meeting.sequence > 0)
    return (
      <span data-testid="meeting-state">
        <Badge
          tone="warning"
          title="Tid, sted eller tittel er endret; deltakerne har fått oppdatert innkalling."
        >
          Flyttet/endret
        </Badge>
      </span>
    );
  return null;
}
