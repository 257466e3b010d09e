import type {
  CreateProcurement,
  Procurement,
  UpdateProcurement,
} from '@server/features/procurements/procurements.schemas.js';
import type { ProcurementOverviewPage } from '@server/features/reporting/procurement-overview.schemas.js';
import { api } from '../../shared/api-client.js';

export type { Procurement };
export type ProcurementInput = Partial<CreateProcurement>;

export const procurementsPath = '/api/procurements';
/** The list is paged on the server; pickers and overviews ask for the largest page. */
export const procurementChoicesPath = `${procurementsPath}?limit=500`;

export interface ProcurementPage {
  items: Procurement[];
  total: number;
  limit: number;
  offset: number;
}
/** The list at a glance (level, significance, phase, next gate, risk, on time / late): filtered, sorted, paged. */
export const procurementOverviewPath = '/api/reports/procurements';
export type { ProcurementOverviewPage };
export type ProcurementOverviewRow = ProcurementOverviewPage['items'][number];

export const procurementPath = (id: string) => `${procurementsPath}/${id}`;

export const createProcurement = (body: ProcurementInput) => api.post<Procurement>(procurementsPath, body);
export const updateProcurement = (id: string, body: UpdateProcurement) =>
  api.patch<Procurement>(procurementPath(id), body);
