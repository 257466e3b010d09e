// Dokumenter i arbeidsrommet (og på et møte): offentlighet med hjemmel og offentlig tittel, versjoner,
// nedlasting for dem som har tilgang, opplasting og nye versjoner (sekretariatet).
import { useState, type FormEvent } from 'react';
import { MAX_UPLOAD_BYTES } from '@server/domain/upload.rules.js';
import { localProblem, toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate, formatTimestamp } from '../../shared/format.js';
import { Badge, EmptyRow, Loading, Notice } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { formatBytes } from '../governance/governance-api.js';
import { AccessFields, accessBody, publicAccess, type AccessValue } from './access-fields.js';
import { accessStatusLabels, accessTone, legalBasisText } from './access-labels.js';
import {
  documentsApi,
  groupDocumentsPath,
  newestVersion,
  readFileInput,
  versionUrl,
  type DocumentDto,
} from './documents-api.js';

const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.doc,.xls,.txt,.png,.jpg,.jpeg';

export interface MeetingOption {
  id: string;
  label: string;
}

/** A too large file is refused before it is read; everything else is the server's call. */
function tooLargeProblem(file: File): Problem | undefined {
  if (file.size <= MAX_UPLOAD_BYTES) return undefined;
  return localProblem(
    413,
    'Filen er for stor',
    `${file.name} er ${formatBytes(file.size)}; grensen er ${formatBytes(MAX_UPLOAD_BYTES)}. Ingenting er lagret.`,
  );
}

/** The server's refusal with a line saying nothing was stored. */
function refusal(error: unknown): Problem {
  const problem = toDisplayProblem(error);
  if (problem.status === 413 || problem.status === 400 || problem.status === 415)
    return { ...problem, title: `${problem.title} – dokumentet er ikke lagret` };
  return problem;
}

export function DocumentsPanel({
  groupId,
  canUpload,
  meetingId = null,
  meetings = [],
  headingId = 'documents-heading',
}: {
  groupId: string;
  canUpload: boolean;
  /** Only this meeting's documents, and uploads go to it. */
  meetingId?: string | null;
  /** Meetings a workspace upload can be attached to. */
  meetings?: MeetingOption[];
  headingId?: string;
}) {
  const documents = useApi<DocumentDto[]>(groupDocumentsPath(groupId));
  const [isUploading, setIsUploading] = useState(false);
  const [versionsOf, setVersionsOf] = useState<string | null>(null);
  const [message, setMessage] = useState<string>();
  const list = (documents.data ?? []).filter((d) => meetingId === null || d.meetingId === meetingId);
  const meetingLabel = new Map(meetings.map((m) => [m.id, m.label]));
  const selected = list.find((d) => d.id === versionsOf);

  return (
    <section className="panel" aria-labelledby={headingId} data-testid="documents-panel">
      <div className="panel-header">
        <h2 id={headingId}>{meetingId ? 'Møtedokumenter' : 'Dokumenter'}</h2>
        {canUpload && (
          <button
            type="button"
            className="button button-small"
            onClick={() => (setMessage(undefined), setIsUploading(true))}
            data-testid="upload-document"
          >
            Last opp dokument
          </button>
        )}
      </div>
      {message && <Notice tone="success">{message}</Notice>}
      <ErrorBox problem={documents.problem} />
      {!documents.data && !documents.problem && <Loading />}
      <div className="table-wrap">
        <table className="table table-dense" data-testid="documents">
          <thead>
            <tr>
              <th scope="col">Dokument</th>
              <th scope="col">Offentlig tittel</th>
              <th scope="col">Offentlighet</th>
              <th scope="col">Hjemmel</th>
              <th scope="col">Versjon</th>
            </tr>
          </thead>
          <tbody>
            {documents.data && list.length === 0 && <EmptyRow colSpan={5}>Ingen dokumenter.</EmptyRow>}
            {list.map((document) => {
              const newest = newestVersion(document);
              return (
                <tr key={document.id} data-testid="document-row" data-title={document.title}>
                  <td>
                    {document.canRead ? (
                      <a href={document.downloadUrl} data-testid="document-download">
                        {document.title}
                      </a>
                    ) : (
                      <>
                        {document.publicTitle} <span className="subtle">(ingen tilgang)</span>
                      </>
                    )}
                    {document.caseId && <span className="subtle"> · saksdokument</span>}
                    {document.meetingId && meetingId === null && (
                      <span className="subtle"> · {meetingLabel.get(document.meetingId) ?? 'møte'}</span>
                    )}
                  </td>
                  <td data-testid="public-title">{document.publicTitle}</td>
                  <td>
                    <Badge tone={accessTone[document.accessStatus]}>
                      {accessStatusLabels[document.accessStatus]}
                    </Badge>
                    {document.exemptionLifted && <span className="subtle"> (unntaket er opphørt)</span>}
                    {document.noark.skjermingOpphoererDato && !document.exemptionLifted && (
                      <span className="subtle"> til {formatDate(document.noark.skjermingOpphoererDato)}</span>
                    )}
                  </td>
                  <td>{legalBasisText(document.legalBasis)}</td>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="button-link"
                      onClick={() => (setMessage(undefined), setVersionsOf(document.id))}
                      data-testid="document-versions"
                    >
                      {newest ? `v${newest.version}` : '–'} ({document.versions.length})
                      <span className="visually-hidden">
                        {' '}
                        versjoner av {document.canRead ? document.title : document.publicTitle}
                      </span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {isUploading && (
        <UploadDocumentDialog
          groupId={groupId}
          meetingId={meetingId}
          meetings={meetingId === null ? meetings : []}
          onClose={() => setIsUploading(false)}
          onSaved={(document) => {
            setIsUploading(false);
            setMessage(`«${document.title}» er lastet opp (${accessStatusLabels[document.accessStatus]}).`);
            documents.reload();
          }}
        />
      )}
      {selected && (
        <VersionsDialog
          document={selected}
          canUpload={canUpload && !selected.caseId}
          canClassify={canUpload}
          onClose={() => setVersionsOf(null)}
          onSaved={() => documents.reload()}
        />
      )}
    </section>
  );
}

function UploadDocumentDialog({
  groupId,
  meetingId,
  meetings,
  onClose,
  onSaved,
}: {
  groupId: string;
  meetingId: string | null;
  meetings: MeetingOption[];
  onClose: () => void;
  onSaved: (document: DocumentDto) => void;
}) {
  const procurements = useApi<{ items: Array<{ id: string; name: string }> }>(
    `/api/procurements?steeringGroupId=${groupId}&limit=500`,
  );
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [meeting, setMeeting] = useState(meetingId ?? '');
  const [procurementId, setProcurementId] = useState('');
  const [access, setAccess] = useState<AccessValue>(publicAccess);
  const [isSaving, setIsSaving] = useState(false);
  const [problem, setProblem] = useState<Problem>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    if (!file) {
      setProblem(localProblem(400, 'Velg en fil', 'Velg filen som skal lastes opp.'));
      return;
    }
    const tooLarge = tooLargeProblem(file);
    if (tooLarge) {
      setProblem(tooLarge);
      return;
    }
    setIsSaving(true);
    try {
      const saved = await documentsApi.upload(groupId, {
        ...(await readFileInput(file)),
        ...accessBody(access),
        title: title.trim() || undefined,
        meetingId: meeting || null,
        procurementId: procurementId || null,
      });
      onSaved(saved);
    } catch (error) {
      setProblem(refusal(error));
      setIsSaving(false);
    }
  };

  return (
    <Dialog title="Last opp dokument" onClose={onClose} testId="upload-form" wide>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorBox
          problem={problem}
          isFocusedOnShow
          testId="upload-error"
          fieldLabels={{
            fileName: 'Filnavn',
            contentType: 'Filtype',
            contentBase64: 'Innhold',
            legalBasis: 'Hjemmel',
            accessStatus: 'Offentlighet',
            shieldedWords: 'Skjermede ord',
            title: 'Tittel',
          }}
        />
        <div className="field">
          <label htmlFor="upload-file">Fil</label>
          <input
            id="upload-file"
            type="file"
            accept={ACCEPT}
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              if (chosen && !title) setTitle(chosen.name.replace(/\.[^.]+$/, ''));
            }}
            aria-describedby="upload-file-hint"
            data-testid="upload-file"
          />
          <p className="hint" id="upload-file-hint">
            PDF, Office-dokumenter, PNG, JPEG eller tekst, inntil {formatBytes(MAX_UPLOAD_BYTES)}. Filtypen
            kontrolleres mot innholdet.
          </p>
        </div>
        <div className="field">
          <label htmlFor="upload-title">Tittel</label>
          <input
            id="upload-title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="upload-title"
          />
        </div>
        <div className="form-grid">
          {meetings.length > 0 && (
            <div className="field">
              <label htmlFor="upload-meeting">Møte (valgfritt)</label>
              <select id="upload-meeting" value={meeting} onChange={(e) => setMeeting(e.target.value)}>
                <option value="">Ikke knyttet til et møte</option>
                {meetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            </div>
          )}
          {(procurements.data?.items ?? []).length > 0 && (
            <div className="field">
              <label htmlFor="upload-procurement">Anskaffelse (valgfritt)</label>
              <select
                id="upload-procurement"
                value={procurementId}
                onChange={(e) => setProcurementId(e.target.value)}
                data-testid="upload-procurement"
              >
                <option value="">Ingen</option>
                {(procurements.data?.items ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <AccessFields idPrefix="upload" value={access} onChange={setAccess} title={title} />
        <p className="hint">Saksdokumenter lastes opp i saken.</p>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={isSaving}
            data-testid="upload-submit"
          >
            {isSaving ? 'Laster opp …' : 'Last opp'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Avbryt
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The stored access fields of a document, as the form edits them. */
function accessValueOf(document: DocumentDto): AccessValue {
  return {
    accessStatus: document.storedAccessStatus,
    legalBasis: document.legalBasis,
    shieldedText: document.shieldedWords.join(', '),
  };
}

/** The secretariat changes a stored document's access status later (e.g. when access is requested). */
function ClassifyForm({
  document,
  onSaved,
}: {
  document: DocumentDto;
  onSaved: (saved: DocumentDto) => void;
}) {
  const [access, setAccess] = useState<AccessValue>(() => accessValueOf(document));
  const [isSaving, setIsSaving] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setIsSaving(true);
    try {
      const saved = await documentsApi.classify(document.id, accessBody(access));
      setAccess(accessValueOf(saved));
      onSaved(saved);
    } catch (error) {
      const refused = toDisplayProblem(error);
      setProblem({ ...refused, title: `${refused.title} – offentligheten er ikke endret` });
    }
    setIsSaving(false);
  };
  return (
    <form className="subform" onSubmit={(event) => void submit(event)} noValidate data-testid="classify-form">
      <h3>Endre offentlighet</h3>
      <ErrorBox
        problem={problem}
        isFocusedOnShow
        testId="classify-error"
        fieldLabels={{ legalBasis: 'Hjemmel', accessStatus: 'Offentlighet', shieldedWords: 'Skjermede ord' }}
      />
      <AccessFields idPrefix="classify" value={access} onChange={setAccess} title={document.title} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={isSaving} data-testid="classify-submit">
          {isSaving ? 'Lagrer …' : 'Lagre offentlighet'}
        </button>
      </div>
    </form>
  );
}

function VersionsDialog({
  document,
  canUpload,
  canClassify,
  onClose,
  onSaved,
}: {
  document: DocumentDto;
  canUpload: boolean;
  /** The secretariat: may change the access status (PUT /api/documents/:id/access). */
  canClassify: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [message, setMessage] = useState<string>();
  const versions = [...document.versions].sort((a, b) => b.version - a.version);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setMessage(undefined);
    if (!file) {
      setProblem(localProblem(400, 'Velg en fil', 'Velg filen med den nye versjonen.'));
      return;
    }
    const tooLarge = tooLargeProblem(file);
    if (tooLarge) {
      setProblem(tooLarge);
      return;
    }
    setIsSaving(true);
    try {
      const saved = await documentsApi.addVersion(document.id, await readFileInput(file));
      setMessage(`Versjon ${newestVersion(saved)?.version ?? ''} er lastet opp.`);
      setFile(null);
      onSaved();
    } catch (error) {
      setProblem(refusal(error));
    }
    setIsSaving(false);
  };
  const name = document.canRead ? document.title : document.publicTitle;
  return (
    <Dialog title={`Versjoner – ${name}`} onClose={onClose} testId="versions-dialog" wide>
      {message && <Notice tone="success">{message}</Notice>}
      <dl className="facts facts-compact">
        <dt>Offentlighet</dt>
        <dd>
          {accessStatusLabels[document.accessStatus]}
          {document.legalBasis && ` – ${legalBasisText(document.legalBasis)}`}
        </dd>
        <dt>Offentlig tittel</dt>
        <dd>{document.publicTitle}</dd>
        {document.noark.skjermingsvarighet && (
          <>
            <dt>Skjermingsvarighet</dt>
            <dd>{document.noark.skjermingsvarighet} år</dd>
          </>
        )}
        {document.noark.skjermingOpphoererDato && (
          <>
            <dt>Skjerming opphører</dt>
            <dd>{formatDate(document.noark.skjermingOpphoererDato)}</dd>
          </>
        )}
      </dl>
      <table className="table table-dense" data-testid="version-list">
        <thead>
          <tr>
            <th scope="col">Versjon</th>
            <th scope="col">Fil</th>
            <th scope="col">Størrelse</th>
            <th scope="col">Lastet opp</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} data-testid="version-row">
              <td>{v.version}</td>
              <td>
                {document.canRead && (!document.caseId || v === versions[0]) ? (
                  <a href={versionUrl(document, v.version)}>{v.fileName}</a>
                ) : (
                  v.fileName
                )}
              </td>
              <td className="nowrap">{formatBytes(v.sizeBytes)}</td>
              <td>
                {formatTimestamp(v.uploadedAt)}, {v.uploadedBy}
              </td>
              <td>
                <code title={v.sha256}>{v.sha256.slice(0, 12)}…</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!document.canRead && (
        <p className="muted">Du har ikke tilgang til innholdet i dokumentet; bare metadata vises.</p>
      )}
      {canClassify && (
        <ClassifyForm
          document={document}
          onSaved={(saved) => {
            setMessage(
              `Offentligheten er endret: ${accessStatusLabels[saved.accessStatus]}` +
                (saved.legalBasis ? ` – ${legalBasisText(saved.legalBasis)}` : '') +
                '.',
            );
            onSaved();
          }}
        />
      )}
      {canUpload && (
        <form className="subform" onSubmit={(event) => void submit(event)} noValidate>
          <ErrorBox problem={problem} isFocusedOnShow testId="version-error" />
          <div className="field">
            <label htmlFor="version-file">Ny versjon</label>
            <input
              id="version-file"
              type="file"
              accept={ACCEPT}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              data-testid="version-file"
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={isSaving} data-testid="version-submit">
              {isSaving ? 'Laster opp …' : 'Last opp ny versjon'}
            </button>
          </div>
        </form>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Lukk
        </button>
      </div>
    </Dialog>
  );
}
