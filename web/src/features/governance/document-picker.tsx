import { useId, useRef } from 'react';
import { legalBases } from '@server/domain/offentleglova.rules.js';
import type { LegalBasis } from '../documents/access-labels.js';
import { contentTypeOf, formatBytes, readFileAsBase64, type DocumentInput } from './governance-api.js';

export interface PickedDocument {
  key: string;
  file: File;
  /** Null: public. An exemption always names its legal basis (offentleglova); none is assumed. */
  legalBasis: Exclude<LegalBasis, 'offl14'> | null;
}

const basisOptions = Object.entries(legalBases) as Array<
  [Exclude<LegalBasis, 'offl14'>, (typeof legalBases)[keyof typeof legalBases]]
>;

/** Reads the chosen files as base64 for the API. */
export async function readDocuments(documents: readonly PickedDocument[]): Promise<DocumentInput[]> {
  return Promise.all(
    documents.map(async (document) => ({
      fileName: document.file.name,
      contentType: contentTypeOf(document.file),
      contentBase64: await readFileAsBase64(document.file),
      restricted: document.legalBasis !== null,
      ...(document.legalBasis ? { legalBasis: document.legalBasis } : {}),
    })),
  );
}

/**
 * Files for a case, each with its own offentlighet choice: documents are public by default (offentleglova);
 * an exemption applies to the document that needs it and names its legal basis (§ 13 and § 23 first
 * paragraph exempt only the information, so the document is then partly exempt).
 */
export function DocumentPicker({
  documents,
  onChange,
  label = 'Dokumenter',
}: {
  documents: PickedDocument[];
  onChange: (documents: PickedDocument[]) => void;
  label?: string;
}) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // Each chosen file gets a key of its own, also when the same file is chosen twice.
  const nextKey = useRef(0);
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        ref={inputRef}
        type="file"
        multiple
        accept=".pdf,.docx,.xlsx,.pptx,.doc,.xls,.txt,.png,.jpg,.jpeg"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          onChange([
            ...documents,
            ...files.map((file, index) => ({
              key: `${(nextKey.current += 1)}-${index}-${file.name}`,
              file,
              legalBasis: null,
            })),
          ]);
          if (inputRef.current) inputRef.current.value = '';
        }}
        aria-describedby={`${inputId}-hint`}
        data-testid="document-input"
      />
      <p className="hint" id={`${inputId}-hint`}>
        PDF, Office-dokumenter, PNG, JPEG eller tekst, inntil 10 MB per fil. Dokumentene er offentlige med
        mindre du velger en hjemmel for unntak fra offentlighet.
      </p>
      {documents.length > 0 && (
        <ul className="document-list" data-testid="picked-documents">
          {documents.map((document) => (
            <li key={document.key} data-testid="picked-document" data-file-name={document.file.name}>
              <span>
                {document.file.name} <span className="muted">({formatBytes(document.file.size)})</span>
              </span>
              <label>
                <span className="visually-hidden">Offentlighet for {document.file.name}</span>
                <select
                  value={document.legalBasis ?? ''}
                  onChange={(event) =>
                    onChange(
                      documents.map((candidate) =>
                        candidate.key === document.key
                          ? {
                              ...candidate,
                              legalBasis:
                                event.target.value === ''
                                  ? null
                                  : (event.target.value as Exclude<LegalBasis, 'offl14'>),
                            }
                          : candidate,
                      ),
                    )
                  }
                  data-testid="document-legal-basis"
                >
                  <option value="">Offentlig</option>
                  {basisOptions.map(([basis, rule]) => (
                    <option key={basis} value={basis}>
                      Unntatt: {rule.text} ({rule.label.toLowerCase()})
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button-link"
                onClick={() => onChange(documents.filter((candidate) => candidate.key !== document.key))}
                aria-label={`Fjern ${document.file.name}`}
              >
                Fjern
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
