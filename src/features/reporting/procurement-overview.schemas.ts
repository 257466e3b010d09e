import { z } from 'zod';
import { overviewSortIds, scheduleFilterIds } from '../../domain/procurement-overview.rules.js';
import { pageOf, pageQuery } from '../../shared/schemas.js';
import { listProcurementsQuery, procurementSchema } from '../procurements/procurements.schemas.js';
import { reportRowSchema } from './reporting.schemas.js';

const level3OrUnknown = z.enum(['høy', 'medium', 'lav', 'ukjent']);

export const procurementOverviewQuery = listProcurementsQuery.extend({
  level: z.enum(['lokal', 'regional', 'flerregional', 'nasjonal']).optional(),
  significance: level3OrUnknown.optional().describe('The significance in force; ukjent for none'),
  riskProfile: level3OrUnknown.optional(),
  schedule: z.enum(scheduleFilterIds).optional().describe('late: some gate late or overdue'),
  sort: z.enum(overviewSortIds).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...pageQuery,
});
export type ProcurementOverviewQuery = z.infer<typeof procurementOverviewQuery>;

export const procurementOverviewRowSchema = reportRowSchema.extend({
  nextGate: reportRowSchema.shape.gates.element.nullable().describe('The gate of the current phase'),
  steeringGroupId: z.string().nullable(),
  routing: procurementSchema.shape.routing,
  routingMessage: z.string().nullable(),
});
export const procurementOverviewPageSchema = pageOf(procurementOverviewRowSchema).extend({
  today: z.string().describe('The day the timeliness is measured on (from the clock)'),
});
export type ProcurementOverviewPage = z.infer<typeof procurementOverviewPageSchema>;
