// The category-responsibility contract for the web: types, Norwegian labels of the duties and the writes.
import type { z } from 'zod';
import type {
  AssignCategory,
  RegionResponsibilityDto,
  regionSummarySchema,
  UpdateDuty,
} from '@server/features/category-responsibility/category-responsibility.schemas.js';
import type { CategoryDuty, DutyStatus } from '@server/domain/category-responsibility.rules.js';
import { api } from '../../shared/api-client.js';

export type RegionResponsibility = RegionResponsibilityDto;
export type RegionSummary = z.infer<typeof regionSummarySchema>;

export const regionsPath = '/api/category-responsibility';
export const regionPath = (regionId: string) => `${regionsPath}/${regionId}`;

/** The duties of seed 000 §7, in the users' words. */
export const dutyLabels: Record<CategoryDuty, string> = {
  planOverview:
    'Ha oversikt over anskaffelsesplaner og informere de andre HF-ene om tidsplan for iverksetting',
  nominateParticipants: 'Innhente forslag til deltakere i prosjektgrupper og referansegrupper',
  assistReferenceGroup: 'Bistå prosjektdeltaker med involvering av referansegruppe',
  followUpInvolvement: 'Følge opp at involvering av interessenter skjer som forventet i alle foretak',
  communicate: 'Ivareta kommunikasjon med Sykehusinnkjøp, leverandører og HF-ene om kategorien',
  followUpImplementation: 'Følge opp at avtaler implementeres og at Clockwork (ERP) holdes oppdatert',
  bringCases: 'Fremme saker for Innkjøpsforum om iverksetting og oppfølging av avtaler',
};

export const dutyStatusLabels: Record<DutyStatus, string> = {
  notStarted: 'Ikke startet',
  inProgress: 'Pågår',
  done: 'Utført',
};

export const assignCategory = (regionId: string, categoryId: string, body: AssignCategory) =>
  api.put<void>(`${regionPath(regionId)}/categories/${categoryId}`, body);

export const updateDuty = (responsibilityId: string, duty: CategoryDuty, body: UpdateDuty) =>
  api.patch<void>(`${regionsPath}/responsibilities/${responsibilityId}/duties/${duty}`, body);
