import { z } from 'zod';
import { isoDate, nokAmount, pageOf, pageQuery, searchText, uuid } from '../../shared/schemas.js';
import { procurementStatusIds } from '../../shared/enums.js';

export const procurementStatus = z.enum(procurementStatusIds);

export const procurementSchema = z.object({
  id: uuid,
  name: z.string(),
  description: z.string().nullable(),
  categoryId: uuid,
  categoryCode: z.string(),
  categoryName: z.string(),
  purchaseGroupId: uuid.nullable(),
  purchaseGroupCode: z.string().nullable(),
  purchaseGroupName: z.string().nullable(),
  participatingHfIds: z.array(uuid),
  contractValueNok: z.string().nullable().describe('Decimal string in NOK, e.g. "250000000.00"'),
  projectStart: isoDate.nullable(),
  announcementDate: isoDate.nullable(),
  announcementDatePrecision: z.enum(['day', 'month']),
  transferToNewModel: z.boolean(),
  status: procurementStatus,
  procurementLeadId: uuid.nullable(),
  procurementLeadName: z.string().nullable(),
  steeringGroupId: uuid.nullable(),
  steeringGroupName: z.string().nullable(),
  level: z
    .enum(['lokal', 'regional', 'flerregional', 'nasjonal'])
    .nullable()
    .describe('Derived from the participating HFs'),
  routing: z.enum(['resolved', 'none', 'ambiguous', 'outsideModel']),
  routingMessage: z.string().nullable(),
  updatedAt: z.string(),
});
export type Procurement = z.infer<typeof procurementSchema>;

const fields = {
  name: z.string().trim().min(2, 'Navn må ha minst to tegn').max(300),
  description: z.string().trim().max(10000).nullable(),
  categoryCode: z.string().trim().min(1, 'Kategori mangler'),
  purchaseGroupCode: z.string().trim().min(1).nullable(),
  participatingHfIds: z.array(uuid).max(200),
  contractValueNok: nokAmount.nullable(),
  projectStart: isoDate.nullable(),
  announcementDate: isoDate.nullable(),
  announcementDatePrecision: z.enum(['day', 'month']),
  transferToNewModel: z.boolean(),
  status: procurementStatus,
  procurementLeadId: uuid.nullable(),
};

export const createProcurementSchema = z.object({
  ...fields,
  description: fields.description.default(null),
  purchaseGroupCode: fields.purchaseGroupCode.default(null),
  participatingHfIds: fields.participatingHfIds.default([]),
  contractValueNok: fields.contractValueNok.default(null),
  projectStart: fields.projectStart.default(null),
  announcementDate: fields.announcementDate.default(null),
  announcementDatePrecision: fields.announcementDatePrecision.default('day'),
  transferToNewModel: fields.transferToNewModel.default(true),
  status: fields.status.default('planned'),
  procurementLeadId: fields.procurementLeadId.default(null),
});
export type CreateProcurement = z.infer<typeof createProcurementSchema>;

export const updateProcurementSchema = z.object(fields).partial();
export type UpdateProcurement = z.infer<typeof updateProcurementSchema>;

export const listProcurementsQuery = z.object({
  steeringGroupId: uuid.optional(),
  categoryCode: z.string().trim().min(1).optional().describe('Category or purchase-group code'),
  status: procurementStatus.optional(),
  q: searchText(200).trim().optional().describe('Free text, matched against name and description'),
});
export type ListProcurementsQuery = z.infer<typeof listProcurementsQuery>;

export const procurementSortIds = [
  'name',
  'status',
  'projectStart',
  'announcementDate',
  'contractValueNok',
  'updatedAt',
] as const;
export const procurementPageQuery = listProcurementsQuery.extend({
  sort: z.enum(procurementSortIds).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...pageQuery,
});
export type ProcurementPageQuery = z.infer<typeof procurementPageQuery>;
export const procurementPageSchema = pageOf(procurementSchema);
