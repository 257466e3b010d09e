// Laste opp et dokument: fil, tittel, møte, offentlighet med hjemmel (sekretariatet).
import { useState, type FormEvent } from 'react';
import { MAX_UPLOAD_BYTES } from '@server/domain/upload.rules.js';
import { localProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox } from '../../shared/error-box.js';
import { useApi } from '../../shared/use-api.js';
import { formatBytes } from '../governance/governance-api.js';
import { AccessFields, accessBody, publicAccess, type AccessValue } from './access-fields.js';
import { documentsApi, readFileInput, type DocumentDto } from './documents-api.js';
import { ACCEPT, refusal, tooLargeProblem, type MeetingOption } from './upload-checks.js';
import { FormActions } from '../../shared/ui.js';
import { SelectField, TextField } from '../../shared/fields.js';

export function UploadDocumentDialog({
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
        <TextField
          id="upload-title"
          label="Tittel"
          value={title}
          onChange={setTitle}
          data-testid="upload-title"
        />
        <div className="form-grid">
          {meetings.length > 0 && (
            <SelectField
              id="upload-meeting"
              label="Møte (valgfritt)"
              value={meeting}
              onChange={setMeeting}
              empty="Ikke knyttet til et møte"
              options={meetings.map((m) => [m.id, m.label] as const)}
            />
          )}
          {(procurements.data?.items ?? []).length > 0 && (
            <SelectField
              id="upload-procurement"
              label="Anskaffelse (valgfritt)"
              value={procurementId}
              onChange={setProcurementId}
              data-testid="upload-procurement"
              empty="Ingen"
              options={(procurements.data?.items ?? []).map((p) => [p.id, p.name] as const)}
            />
          )}
        </div>
        <AccessFields idPrefix="upload" value={access} onChange={setAccess} title={title} />
        <p className="hint">Saksdokumenter lastes opp i saken.</p>
        <FormActions
          isSaving={isSaving}
          onCancel={onClose}
          saveLabel="Last opp"
          savingLabel="Laster opp …"
          saveTestId="upload-submit"
        />
      </form>
    </Dialog>
  );
}
