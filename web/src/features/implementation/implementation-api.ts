// The implementation-plan contract for the web: types, labels and the writes.
import type { z } from 'zod';
import type {
  CreatePlans,
  implementationOverviewSchema,
  PlanDto,
  UpdateItem,
} from '@server/features/implementation/implementation.schemas.js';
import type { ImplementationStatus } from '@server/domain/implementation.rules.js';
import { api } from '../../shared/api-client.js';

export type Plan = PlanDto;
export type ImplementationOverview = z.infer<typeof implementationOverviewSchema>;

export const statusLabels: Record<ImplementationStatus, string> = {
  notStarted: 'Ikke startet',
  inProgress: 'Pågår',
  done: 'Ferdig',
};

export const overviewPath = (lateOnly: boolean) => `/api/implementation?lateOnly=${lateOnly}`;
export const createPlans = (agreementId: string, body: Partial<CreatePlans>) =>
  api.post<{ ids: string[] }>(`/api/implementation/agreements/${agreementId}/plans`, body);
export const updateItem = (id: string, body: Partial<UpdateItem>) =>
  api.patch<void>(`/api/implementation/items/${id}`, body);
