// Referat: oppmøte, per punkt referat, vedtak (for punkter uten sak) og dissens ved navn; godkjenning låser
// versjonen, og en senere endring blir en ny versjon. Skjemaet starter alltid fra det serveren har lagret
// (møtesiden monterer det på nytt når referatet endres), så feltene aldri viser noe annet enn det som er lagret.
import { useState, type FormEvent } from 'react';
import { formatTimestamp } from '../../shared/format.js';
import { Badge } from '../../shared/ui.js';
import { meetingsApi, type MeetingDetail } from './meetings-api.js';
import { TextField } from '../../shared/fields.js';

interface Dissent {
  personId: string;
  reason: string;
}

export function MinutesPanel({
  meeting,
  run,
}: {
  meeting: MeetingDetail;
  run: (action: () => Promise<unknown>) => Promise<void>;
}) {
  const minutes = meeting.minutes;
  const stored = new Map((minutes?.items ?? []).map((i) => [i.agendaItemId, i]));
  const [summaries, setSummaries] = useState<Record<string, string>>(() =>
    Object.fromEntries((minutes?.items ?? []).map((i) => [i.agendaItemId, i.summary])),
  );
  const [decisions, setDecisions] = useState<Record<string, string>>(() =>
    Object.fromEntries((minutes?.items ?? []).map((i) => [i.agendaItemId, i.decision ?? ''])),
  );
  const [dissents, setDissents] = useState<Record<string, Dissent[]>>(() =>
    Object.fromEntries(
      (minutes?.items ?? []).map((i) => [
        i.agendaItemId,
        i.dissent.map((d) => ({ personId: d.personId, reason: d.reason })),
      ]),
    ),
  );
  const [present, setPresent] = useState<Record<string, boolean>>(() => {
    const recorded = new Map((minutes?.attendance ?? []).map((a) => [a.personId, a.present]));
    return Object.fromEntries(meeting.members.map((m) => [m.personId, recorded.get(m.personId) ?? true]));
  });
  const [changeNote, setChangeNote] = useState('');
  const isLocked = minutes?.status === 'approved';
  const memberName = new Map(meeting.members.map((m) => [m.personId, m.name]));

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(() =>
      meetingsApi.saveMinutes(meeting.id, {
        attendance: meeting.members.map((m) => ({
          personId: m.personId,
          present: present[m.personId] ?? true,
        })),
        items: meeting.agenda.map((item) => ({
          agendaItemId: item.id,
          summary: summaries[item.id] ?? '',
          decision: item.caseId ? null : decisions[item.id] || null,
          dissent: (dissents[item.id] ?? [])
            .filter((d) => d.personId)
            .map((d) => ({ personId: d.personId, reason: d.reason.trim() })),
        })),
        changeNote: changeNote || null,
      }),
    );
  };

  return (
    <section className="panel" aria-labelledby="minutes-heading">
      <div className="panel-header">
        <h2 id="minutes-heading">Referat</h2>
        {minutes && (
          <span data-testid="minutes-status">
            {isLocked ? (
              <Badge tone="ok">Godkjent referat – versjon {minutes.version} (låst)</Badge>
            ) : (
              <Badge tone="warning">Utkast – versjon {minutes.version}</Badge>
            )}
          </span>
        )}
      </div>
      {minutes && (
        <>
          <p className="muted" data-testid="minutes-attendance">
            Til stede:{' '}
            {minutes.attendance
              .filter((a) => a.present)
              .map((a) => a.name)
              .join(', ') || 'ingen registrert'}
            {minutes.attendance.some((a) => !a.present) &&
              `. Forfall: ${minutes.attendance
                .filter((a) => !a.present)
                .map((a) => a.name)
                .join(', ')}`}
          </p>
          <ol className="plain-list" data-testid="minutes-items">
            {minutes.items.map((item) => (
              <li key={item.agendaItemId}>
                <strong>{item.title}</strong>: {item.summary}
                {item.decisionNumber && <> Vedtak {item.decisionNumber} (se saken).</>}
                {item.decision && <> Vedtak: {item.decision}</>}
                {item.dissent.map((d) => (
                  <span key={d.personId} className="subtle" data-testid="minutes-dissent">
                    {' '}
                    Dissens: {d.name} – {d.reason}
                  </span>
                ))}
              </li>
            ))}
          </ol>
          {minutes.changeNote && <p className="subtle">Endring: {minutes.changeNote}</p>}
        </>
      )}
      {meeting.minutesHistory.length > 0 && (
        <p className="muted">
          Tidligere versjoner:{' '}
          {meeting.minutesHistory
            .map(
              (v) =>
                `versjon ${v.version} (${v.status === 'approved' ? `godkjent ${v.approvedAt ? formatTimestamp(v.approvedAt) : ''}` : 'utkast'})`,
            )
            .join(', ')}
        </p>
      )}
      {meeting.viewer.canApproveMinutes && (
        <button
          type="button"
          className="button button-primary"
          onClick={() => void run(() => meetingsApi.approveMinutes(meeting.id))}
          data-testid="approve-minutes"
        >
          Godkjenn referatet
        </button>
      )}
      {meeting.viewer.canEdit && meeting.agenda.length > 0 && (
        <form className="subform" onSubmit={save} aria-label="Skriv referat">
          <fieldset className="field">
            <legend>Oppmøte</legend>
            <div className="inline-options">
              {meeting.members.map((m) => (
                <label key={m.personId} className="check-label">
                  <input
                    type="checkbox"
                    checked={present[m.personId] ?? true}
                    onChange={(e) => setPresent({ ...present, [m.personId]: e.target.checked })}
                    data-testid="attendance"
                  />
                  {m.name}
                </label>
              ))}
            </div>
          </fieldset>
          {meeting.agenda.map((item) => {
            const conflicted = new Set(item.conflicts.map((c) => c.personId));
            const itemDissents = dissents[item.id] ?? [];
            const setItemDissents = (next: Dissent[]) => setDissents({ ...dissents, [item.id]: next });
            const candidates = meeting.members.filter(
              (m) => !conflicted.has(m.personId) && (present[m.personId] ?? true),
            );
            return (
              <fieldset key={item.id} className="field" data-testid="minutes-item" data-title={item.title}>
                <legend>
                  {item.position}. {item.title}
                </legend>
                <label htmlFor={`summary-${item.id}`}>Referat</label>
                <textarea
                  id={`summary-${item.id}`}
                  data-testid="minutes-summary"
                  value={summaries[item.id] ?? ''}
                  onChange={(e) => setSummaries({ ...summaries, [item.id]: e.target.value })}
                />
                {item.caseId ? (
                  <p className="hint">
                    Vedtaket i saken registreres i saken og vises her med vedtaksnummeret
                    {stored.get(item.id)?.decisionNumber ? ` (${stored.get(item.id)?.decisionNumber})` : ''}.
                  </p>
                ) : (
                  <>
                    <label htmlFor={`decision-${item.id}`}>Vedtak</label>
                    <input
                      id={`decision-${item.id}`}
                      data-testid="minutes-decision"
                      value={decisions[item.id] ?? ''}
                      onChange={(e) => setDecisions({ ...decisions, [item.id]: e.target.value })}
                    />
                  </>
                )}
                {itemDissents.map((dissent, index) => (
                  <div key={index} className="form-grid" data-testid="dissent-row">
                    <div className="field">
                      <label htmlFor={`dissent-person-${item.id}-${index}`}>Dissens fra</label>
                      <select
                        id={`dissent-person-${item.id}-${index}`}
                        value={dissent.personId}
                        onChange={(e) =>
                          setItemDissents(
                            itemDissents.map((d, i) =>
                              i === index ? { ...d, personId: e.target.value } : d,
                            ),
                          )
                        }
                        data-testid="dissent-person"
                      >
                        <option value="">Velg medlem …</option>
                        {candidates
                          .filter(
                            (m) =>
                              m.personId === dissent.personId ||
                              !itemDissents.some((d) => d.personId === m.personId),
                          )
                          .map((m) => (
                            <option key={m.personId} value={m.personId}>
                              {m.name} ({m.rhfName})
                            </option>
                          ))}
                        {dissent.personId && !candidates.some((m) => m.personId === dissent.personId) && (
                          <option value={dissent.personId}>
                            {memberName.get(dissent.personId) ?? 'Tidligere medlem'}
                          </option>
                        )}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`dissent-reason-${item.id}-${index}`}>Begrunnelse for dissensen</label>
                      <input
                        id={`dissent-reason-${item.id}-${index}`}
                        value={dissent.reason}
                        onChange={(e) =>
                          setItemDissents(
                            itemDissents.map((d, i) => (i === index ? { ...d, reason: e.target.value } : d)),
                          )
                        }
                        data-testid="dissent-reason"
                      />
                      <button
                        type="button"
                        className="button-link"
                        onClick={() => setItemDissents(itemDissents.filter((_, i) => i !== index))}
                      >
                        Fjern dissensen
                      </button>
                    </div>
                  </div>
                ))}
                {candidates.length > itemDissents.length && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setItemDissents([...itemDissents, { personId: '', reason: '' }])}
                    data-testid="add-dissent"
                  >
                    Registrer dissens
                  </button>
                )}
                {conflicted.size > 0 && (
                  <p className="hint">
                    Inhabile medlemmer deltok ikke i behandlingen og kan ikke dissentere.
                  </p>
                )}
              </fieldset>
            );
          })}
          {isLocked && (
            <TextField
              id="change-note"
              label="Hva er endret (ny versjon)"
              value={changeNote}
              onChange={setChangeNote}
            />
          )}
          <div className="form-actions">
            <button type="submit" className="button" data-testid="save-minutes">
              {isLocked ? 'Lagre som ny versjon' : 'Lagre referat'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
