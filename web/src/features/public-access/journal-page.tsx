// The public journal (/innsyn): search and filter, download what is public, see the legal basis of what is
// not, and ask for access («Be om innsyn») — anonymous, an e-mail address to answer to is all it takes.
import { useState, type FormEvent } from 'react';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import { Badge, EmptyRow, Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { accessStatusLabels, accessTone } from '../documents/access-labels.js';
import {
  directionLabels,
  documentTypeLabels,
  publicAccessApi,
  publicFiltersPath,
  publicJournalPath,
  type JournalPage,
  type PublicFilters,
  type PublicJournalEntry,
  type Receipt,
} from './public-access-api.js';
import { SelectField, TextAreaField, TextField } from '../../shared/fields.js';
import { FilterForm, useUrlFilters } from '../../shared/url-filters.js';

const filterNames = [
  'q',
  'steeringGroupId',
  'procurementId',
  'documentType',
  'accessStatus',
  'from',
  'to',
] as const;

export function PublicJournalPage() {
  const urlFilters = useUrlFilters(filterNames);
  const { filters, bind, searchParams, setSearchParams } = urlFilters;
  const page = Number(searchParams.get('side') ?? '1') || 1;
  const journal = useApi<JournalPage>(publicJournalPath({ ...filters, page }));
  const options = useApi<PublicFilters>(publicFiltersPath);
  const [selected, setSelected] = useState<PublicJournalEntry[]>([]);

  const toggle = (entry: PublicJournalEntry) =>
    setSelected((current) =>
      current.some((e) => e.id === entry.id) ? current.filter((e) => e.id !== entry.id) : [...current, entry],
    );
  const pages = journal.data ? Math.max(1, Math.ceil(journal.data.total / journal.data.pageSize)) : 1;

  return (
    <>
      <PageHeader
        title="Offentlig postjournal"
        lead="Dokumentene i styringsgruppenes saker er offentlige med mindre et unntak er hjemlet i offentleglova. Last ned offentlige dokumenter direkte, eller be om innsyn i dokumenter som er helt eller delvis unntatt."
      />
      <FilterForm label="Søk i journalen" filters={urlFilters} submitLabel="Søk">
        <TextField id="journal-q" label="Søk" type="search" {...bind('q')} />
        <SelectField id="journal-group" label="Styringsgruppe" {...bind('steeringGroupId')}>
          <option value="">Alle</option>
          {options.data?.steeringGroups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="journal-procurement" label="Anskaffelse" {...bind('procurementId')}>
          <option value="">Alle</option>
          {options.data?.procurements.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="journal-type" label="Dokumenttype" {...bind('documentType')}>
          <option value="">Alle</option>
          {Object.entries(documentTypeLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField id="journal-from" label="Journaldato fra" type="date" {...bind('from')} />
        <TextField id="journal-to" label="til" type="date" {...bind('to')} />
      </FilterForm>
      <ErrorBox problem={journal.problem} />
      {journal.isLoading && !journal.data && <Loading />}
      {selected.length > 0 && (
        <RequestForm selected={selected} onRemove={toggle} onSent={() => setSelected([])} />
      )}
      {journal.data && (
        <>
          <p className="result-count" aria-live="polite">
            {journal.data.total} journalposter
          </p>
          <div className="table-wrap">
            <table
              className="table"
              data-testid="public-journal"
              data-busy={journal.isLoading ? 'true' : 'false'}
            >
              <caption className="visually-hidden">Journalposter</caption>
              <thead>
                <tr>
                  <th scope="col">Journalpost</th>
                  <th scope="col">Dato</th>
                  <th scope="col">Tittel</th>
                  <th scope="col">Sak</th>
                  <th scope="col">Offentlighet</th>
                  <th scope="col">Dokument</th>
                </tr>
              </thead>
              <tbody>
                {journal.data.entries.length === 0 && (
                  <EmptyRow colSpan={6}>Ingen journalposter passer søket.</EmptyRow>
                )}
                {journal.data.entries.map((entry) => (
                  <JournalRow
                    key={entry.id}
                    entry={entry}
                    isSelected={selected.some((e) => e.id === entry.id)}
                    onToggle={() => toggle(entry)}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav aria-label="Sider" className="filters-buttons">
              {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
                <button
                  key={n}
                  type="button"
                  className="button button-small"
                  aria-current={n === page ? 'page' : undefined}
                  onClick={() => {
                    const next = new URLSearchParams(searchParams);
                    next.set('side', String(n));
                    setSearchParams(next);
                  }}
                >
                  {n}
                </button>
              ))}
            </nav>
          )}
        </>
      )}
    </>
  );
}

function JournalRow({
  entry,
  isSelected,
  onToggle,
}: {
  entry: PublicJournalEntry;
  isSelected: boolean;
  onToggle: () => void;
}) {
  return (
    <tr data-testid="journal-row" data-entry-id={entry.id}>
      <td className="nowrap">
        {entry.journalNumber}
        <div className="subtle">{directionLabels[entry.direction]}</div>
      </td>
      <td className="nowrap">{formatDate(entry.journalDate)}</td>
      <td>
        <span data-testid="journal-title">{entry.publicTitle}</span>
        <div className="subtle">
          {documentTypeLabels[entry.documentType]}
          {entry.senderRecipient ? ` · ${entry.senderRecipient}` : ''}
        </div>
      </td>
      <td>
        {entry.procurement?.name ?? entry.caseTitle}
        <div className="subtle">
          Sak {entry.caseNumber} · {entry.steeringGroup.name}
        </div>
      </td>
      <td>
        <Badge tone={accessTone[entry.accessStatus]}>{accessStatusLabels[entry.accessStatus]}</Badge>
        {entry.legalBasisTexts.length > 0 && (
          <div className="subtle" data-testid="legal-basis">
            Hjemmel: {entry.legalBasisTexts.join('; ')}
          </div>
        )}
        {entry.exemptionLifted && entry.accessStatus === 'public' && (
          <div className="subtle">Unntaket er opphevet</div>
        )}
      </td>
      <td>
        {entry.file && (
          <a href={entry.file.url} className="button button-small" data-testid="download">
            Last ned{entry.file.kind === 'variant' ? ' (sladdet versjon)' : ''}
            <span className="visually-hidden"> {entry.publicTitle}</span>
          </a>
        )}
        {entry.documentType === 'minutes' && entry.meetingId && entry.accessStatus !== 'exempt' && (
          <a href={`/innsyn/moter#meeting-${entry.meetingId}`} className="button button-small">
            Les referatet<span className="visually-hidden"> {entry.publicTitle}</span>
          </a>
        )}
        {(entry.accessStatus !== 'public' || (!entry.file && entry.documentType !== 'minutes')) && (
          <button
            type="button"
            className="button button-small"
            aria-pressed={isSelected}
            onClick={onToggle}
            data-testid="ask-access"
          >
            {isSelected ? 'Valgt for innsynskrav' : 'Be om innsyn'}
            <span className="visually-hidden"> i {entry.publicTitle}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

function RequestForm({
  selected,
  onRemove,
  onSent,
}: {
  selected: PublicJournalEntry[];
  onRemove: (entry: PublicJournalEntry) => void;
  onSent: () => void;
}) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [receipt, setReceipt] = useState<Receipt>();
  const [isSending, setIsSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSending(true);
    setProblem(undefined);
    try {
      setReceipt(
        await publicAccessApi.submitRequest({
          journalEntryIds: selected.map((e) => e.id),
          email,
          name: name.trim() || null,
          message,
        }),
      );
    } catch (error) {
      setProblem(toDisplayProblem(error));
    } finally {
      setIsSending(false);
    }
  }

  if (receipt)
    return (
      <Notice tone="success" testId="request-receipt">
        Innsynskravet er mottatt med referanse <strong>{receipt.reference}</strong>. Vi tar sikte på å svare
        innen {formatDate(receipt.dueOn)}. Har du ikke fått svar etter{' '}
        {formatDate(receipt.deemedRefusedAfter)}, regnes det som et avslag du kan klage på.{' '}
        <button type="button" className="button-link" onClick={onSent}>
          Nytt innsynskrav
        </button>
      </Notice>
    );
  return (
    <section className="panel" aria-labelledby="request-heading" data-testid="request-form">
      <h2 id="request-heading">Be om innsyn</h2>
      <ul>
        {selected.map((entry) => (
          <li key={entry.id}>
            {entry.journalNumber} {entry.publicTitle}{' '}
            <button type="button" className="button-link" onClick={() => onRemove(entry)}>
              Fjern<span className="visually-hidden"> {entry.publicTitle}</span>
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="form-grid">
        <ErrorBox
          problem={problem}
          isFocusedOnShow
          fieldLabels={{ 'body.email': 'E-post', email: 'E-post' }}
        />
        <TextField
          id="request-email"
          label="E-postadresse svaret skal sendes til (påkrevd)"
          type="email"
          required
          autoComplete="email"
          value={email}
          onChange={setEmail}
        />
        <TextField
          id="request-name"
          label="Navn (valgfritt – du kan være anonym)"
          autoComplete="name"
          value={name}
          onChange={setName}
        />
        <TextAreaField
          id="request-message"
          label="Melding (valgfritt)"
          rows={3}
          value={message}
          onChange={setMessage}
        />
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={isSending}
            data-testid="send-request"
          >
            {isSending ? 'Sender …' : 'Send innsynskrav'}
          </button>
        </div>
      </form>
    </section>
  );
}
