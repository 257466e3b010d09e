// The annual procurement plan (anskaffelsesplan, årshjul) over /api/annual-plans. The contract's schema file
// also reads the server's table enums, so only its types are imported here; the server validates.
import type { AnnualPlanDto } from '@server/features/annual-plan/annual-plan.schemas.js';
import { api, withQuery } from '../../shared/api-client.js';

export type AnnualPlan = AnnualPlanDto;
export type AnnualPlanItem = AnnualPlan['items'][number];
export type AnnualPlanComment = AnnualPlanItem['comments'][number];
export type AnnualPlanStatus = AnnualPlan['status'];
export type Level = AnnualPlanItem['initialSignificance'];
export interface PlanYear {
  year: number;
  status: AnnualPlanStatus;
}

export const levels: readonly Level[] = ['høy', 'medium', 'lav'];
export const annualPlanStatusLabels: Record<AnnualPlanStatus, string> = {
  draft: 'Utkast',
  rhfFeedback: 'Til innspill hos RHF-ene',
  approved: 'Godkjent',
};
export const annualPlanStatusTones = { draft: 'neutral', rhfFeedback: 'warning', approved: 'ok' } as const;

export const annualPlansPath = '/api/annual-plans';
export const annualPlanPath = (year: number) => `${annualPlansPath}/${year}`;

export const createPlan = (year: number) => api.post<AnnualPlan>(annualPlanPath(year));

export interface ItemBody {
  procurementId: string;
  initialSignificance: Level;
  gainEstimateNok: string | null;
  riskProfile: Level | null;
  note: string | null;
}
export const putItem = (year: number, body: ItemBody) =>
  api.put<AnnualPlan>(`${annualPlanPath(year)}/items`, body);

export const changeStatus = (year: number, status: AnnualPlanStatus) =>
  api.post<AnnualPlan>(`${annualPlanPath(year)}/status`, { status });

export const approvePlan = (year: number, body: { rhfId: string; note: string | null }) =>
  api.post<AnnualPlan>(`${annualPlanPath(year)}/approvals`, body);

export interface CommentBody {
  rhfId: string;
  agreesWithSignificance: 'ja' | 'nei';
  proposedSignificance: Level | null;
  comment: string | null;
}
export const putComment = (year: number, itemId: string, body: CommentBody) =>
  api.put<AnnualPlan>(`${annualPlanPath(year)}/items/${itemId}/comments`, body);

export interface ImportResult {
  imported: number;
  wouldImport: number;
  dryRun: boolean;
}
export const importPlan = (
  year: number,
  body: { format: 'csv' | 'xlsx'; content: string },
  dryRun: boolean,
) => api.post<ImportResult>(withQuery(`${annualPlanPath(year)}/import`, { dryRun: String(dryRun) }), body);

/** Reads a chosen file as the import expects it: CSV as text, XLSX as base64. */
export async function readPlanFile(file: File): Promise<{ format: 'csv' | 'xlsx'; content: string }> {
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { format: 'xlsx', content: btoa(binary) };
  }
  return { format: 'csv', content: await file.text() };
}
