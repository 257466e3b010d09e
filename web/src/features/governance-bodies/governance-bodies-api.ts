// A region's governance model (seed 000) and a procurement's regional governance over /api.
import type { z } from 'zod';
import type {
  createProjectGroupSchema,
  ModelView,
  RegionalGovernance,
  submitBodyCaseSchema,
  SubmitBodyMatter,
} from '@server/features/governance-bodies/governance-bodies.schemas.js';
import { api } from '../../shared/api-client.js';

export type { ModelView, RegionalGovernance };
export type SubmitBodyCaseInput = z.input<typeof submitBodyCaseSchema>;

export const modelPath = (regionCode: string) => `/api/governance-models/${regionCode}`;
export const regionalGovernancePath = (procurementId: string) =>
  `/api/procurements/${procurementId}/regional-governance`;

export const submitBodyCase = (procurementId: string, input: SubmitBodyCaseInput) =>
  api.post<{ id: string }>(`/api/procurements/${procurementId}/body-cases`, input);

export const submitBodyMatter = (bodyId: string, input: SubmitBodyMatter) =>
  api.post<{ id: string }>(`/api/governance-bodies/${bodyId}/cases`, input);

export type CreateProjectGroupInput = z.input<typeof createProjectGroupSchema>;
export const createProjectGroup = (procurementId: string, input: CreateProjectGroupInput) =>
  api.post<{ id: string; code: string; name: string }>(
    `/api/procurements/${procurementId}/project-group`,
    input,
  );
