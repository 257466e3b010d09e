// Dokumenter i arbeidsrommet (og på et møte): offentlighet med hjemmel og offentlig tittel, versjoner,
// nedlasting for dem som har tilgang, opplasting og nye versjoner (sekretariatet).
import { useState } from 'react';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import { Badge, EmptyRow, Loading, Notice } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { accessStatusLabels, accessTone, legalBasisText } from './access-labels.js';
import { withQuery } from '../../shared/api-client.js';
import { Pager } from '../../shared/pager.js';
import { groupDocumentsPath, newestVersion, type DocumentDto } from './documents-api.js';

interface DocumentPage {
  items: DocumentDto[];
  total: number;
}
import { type MeetingOption } from './upload-checks.js';
import { VersionsDialog } from './document-versions-dialog.js';
import { UploadDocumentDialog } from './upload-document-dialog.js';
export type { MeetingOption } from './upload-checks.js';

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
  // Paged on the server in upload order; a meeting's panel reads the largest page and keeps its own documents.
  const [page, setPage] = useState(1);
  const pageSize = meetingId ? 500 : 100;
  const documents = useApi<DocumentPage>(
    withQuery(groupDocumentsPath(groupId), { limit: pageSize, offset: (page - 1) * pageSize }),
  );
  const [isUploading, setIsUploading] = useState(false);
  const [versionsOf, setVersionsOf] = useState<string | null>(null);
  const [message, setMessage] = useState<string>();
  const pageCount = documents.data ? Math.max(1, Math.ceil(documents.data.total / pageSize)) : 1;
  const list = (documents.data?.items ?? []).filter((d) => meetingId === null || d.meetingId === meetingId);
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
      <Pager page={page} pageCount={pageCount} onPage={setPage} testId="documents-pager" />
    </section>
  );
}
