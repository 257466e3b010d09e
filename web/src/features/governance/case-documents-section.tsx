// Dokumentene i en sak: liste, nedlasting for dem som har tilgang, nye dokumenter mens saken behandles.
import { useState } from 'react';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { Badge, EmptyRow } from '../../shared/ui.js';
import { accessStatusLabels, legalBasisText } from '../documents/access-labels.js';
import { DocumentPicker, readDocuments, type PickedDocument } from './document-picker.js';
import { addDocument, caseDocumentPath, formatBytes, type CaseDto } from './governance-api.js';

export function DocumentsSection({ sak, onChanged }: { sak: CaseDto; onChanged: (message: string) => void }) {
  const [picked, setPicked] = useState<PickedDocument[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  async function upload() {
    setIsSaving(true);
    setProblem(undefined);
    try {
      for (const document of await readDocuments(picked)) await addDocument(sak.id, document);
      setPicked([]);
      onChanged('Dokumentene er lagt ved saken.');
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
    setIsSaving(false);
  }

  return (
    <section className="panel" aria-labelledby="documents-heading">
      <h2 id="documents-heading">Dokumenter</h2>
      <table className="table table-compact" data-testid="case-documents">
        <thead>
          <tr>
            <th scope="col">Dokument</th>
            <th scope="col">Offentlighet</th>
            <th scope="col" className="numeric">
              Størrelse
            </th>
          </tr>
        </thead>
        <tbody>
          {sak.documents.length === 0 && <EmptyRow colSpan={3}>Ingen dokumenter.</EmptyRow>}
          {sak.documents.map((document) => (
            <tr
              key={document.id}
              data-testid="case-document"
              data-file-name={document.fileName}
              data-restricted={document.restricted ? 'true' : 'false'}
            >
              <th scope="row">
                {document.canRead ? (
                  <a
                    href={caseDocumentPath(sak.id, document.id)}
                    download={document.fileName}
                    data-testid="document-link"
                  >
                    {document.fileName}
                  </a>
                ) : (
                  <>
                    {document.fileName}
                    <span className="subtle text-warning" data-testid="document-no-access">
                      Du har ikke tilgang
                      {sak.viewer.exemptBlockedReason ? ` – ${sak.viewer.exemptBlockedReason}` : ''}
                    </span>
                  </>
                )}
              </th>
              <td>
                {document.restricted ? (
                  <>
                    <Badge tone="warning">{accessStatusLabels[document.accessStatus]}</Badge>{' '}
                    <span className="muted" data-testid="case-document-basis">
                      {legalBasisText(document.legalBasis)}
                    </span>
                  </>
                ) : (
                  <span className="muted">Offentlig</span>
                )}
              </td>
              <td className="numeric nowrap">{formatBytes(document.sizeBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sak.viewer.canAddDocuments && (
        <div className="subform">
          <ErrorBox problem={problem} />
          <DocumentPicker documents={picked} onChange={setPicked} label="Legg ved flere dokumenter" />
          {picked.length > 0 && (
            <button type="button" className="button" onClick={upload} disabled={isSaving}>
              {isSaving ? 'Laster opp …' : 'Last opp'}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
