// The master-agreement contract for the web: types, paths and the calls that change a master agreement.
import type { z } from 'zod';
import type {
  CreateMasterAgreement,
  HarmonisationDto,
  MappingImportSummary,
  MasterAgreementDto,
} from '@server/features/master-agreements/master-agreements.schemas.js';
import { api, ApiError, type Problem } from '../../shared/api-client.js';
import { afterWrite } from '../../shared/query-client.js';

export type MasterAgreement = MasterAgreementDto;
export type Harmonisation = HarmonisationDto;
export type { MappingImportSummary };
export type CreateMasterAgreementInput = z.input<
  typeof import('@server/features/master-agreements/master-agreements.schemas.js').createMasterAgreementSchema
>;

export const masterAgreementsPath = '/api/master-agreements';
export const masterAgreementPath = (id: string) => `${masterAgreementsPath}/${id}`;

export const createMasterAgreement = (body: Partial<CreateMasterAgreement>) =>
  api.post<{ id: string }>(masterAgreementsPath, body);
export const recordSignature = (id: string, signedOn: string) =>
  api.post<void>(`${masterAgreementPath(id)}/signature`, { signedOn });
export const recordCompletion = (id: string, hfId: string) =>
  api.post<void>(`${masterAgreementPath(id)}/completions`, { hfId });
export const transferMaintenance = (id: string) =>
  api.post<void>(`${masterAgreementPath(id)}/maintenance-transfer`);

/** Sends the file itself as the body (the browser streams it; nothing is read into the page). */
export async function uploadMappings(id: string, hfId: string, file: File, dryRun: boolean) {
  const isXlsx = file.name.toLowerCase().endsWith('.xlsx');
  const response = await fetch(
    `${masterAgreementPath(id)}/mappings/import?hfId=${encodeURIComponent(hfId)}&dryRun=${dryRun}`,
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': isXlsx
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv',
        Accept: 'application/json, application/problem+json',
      },
      body: file,
    },
  );
  const body = (await response.json()) as unknown;
  if (!response.ok) throw new ApiError(body as Problem);
  if (!dryRun) afterWrite();
  return body as MappingImportSummary;
}

export const formatShare = (share: number | null) =>
  share === null ? '–' : `${(share * 100).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} %`;
