// Versjoner av et dokument: nedlasting, ny versjon, og endring av offentligheten (sekretariatet).
import { useState, type FormEvent } from 'react';
import { localProblem, toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate, formatTimestamp } from '../../shared/format.js';
import { Notice } from '../../shared/ui.js';
import { formatBytes } from '../governance/governance-api.js';
import { AccessFields, accessBody, type AccessValue } from './access-fields.js';
import { accessStatusLabels, legalBasisText } from './access-labels.js';
import { documentsApi, newestVersion, readFileInput, versionUrl, type DocumentDto } from './documents-api.js';
import { ACCEPT, refusal, tooLargeProblem } from './upload-checks.js';

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

export function VersionsDialog({
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
