// The document store over /api: a group's documents with their access status (offentleglova), versions,
// upload and download.
import type { z } from 'zod';
import type {
  accessInputSchema,
  DocumentDto,
  fileInputSchema,
  uploadDocumentSchema,
} from '@server/features/documents/documents.schemas.js';
import { api, withQuery } from '../../shared/api-client.js';
import { contentTypeOf, readFileAsBase64 } from '../governance/governance-api.js';

export type { DocumentDto };
export type FileInput = z.infer<typeof fileInputSchema>;
export type UploadInput = z.input<typeof uploadDocumentSchema>;
export type AccessInput = z.input<typeof accessInputSchema>;

export const groupDocumentsPath = (groupId: string) => `/api/steering-groups/${groupId}/documents`;

export const documentsApi = {
  upload: (groupId: string, body: UploadInput) => api.post<DocumentDto>(groupDocumentsPath(groupId), body),
  addVersion: (id: string, body: FileInput) => api.post<DocumentDto>(`/api/documents/${id}/versions`, body),
  classify: (id: string, body: AccessInput) => api.put<DocumentDto>(`/api/documents/${id}/access`, body),
};

/** A chosen file as the API's base64 body. */
export async function readFileInput(file: File): Promise<FileInput> {
  return {
    fileName: file.name,
    contentType: contentTypeOf(file),
    contentBase64: await readFileAsBase64(file),
  };
}

/** The link for one version (the case route serves only the newest). */
export function versionUrl(document: DocumentDto, version: number): string {
  if (document.caseId) return document.downloadUrl;
  return withQuery(document.downloadUrl, { version });
}

/** The newest version first. */
export function newestVersion(document: DocumentDto) {
  return [...document.versions].sort((a, b) => b.version - a.version)[0];
}
