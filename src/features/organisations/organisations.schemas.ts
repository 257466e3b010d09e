import { z } from 'zod';
import { uuid } from '../../shared/schemas.js';

export const organisationKind = z.enum(['RHF', 'HF', 'SHI', 'other']);
export const organisationSubtype = z.enum(['division', 'jointlyOwned', 'stateEnterprise']);

export const organisationSchema = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  kind: organisationKind,
  subtype: organisationSubtype.nullable(),
  rhfId: uuid.nullable(),
  parentId: uuid.nullable(),
  orgNumber: z.string().nullable(),
  active: z.boolean(),
});
export type Organisation = z.infer<typeof organisationSchema>;

const orgNumber = z.string().regex(/^\d{9}$/, 'Organisasjonsnummer må ha ni sifre');

export const createOrganisationSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9-]+$/, 'Kode kan bare ha bokstaver, tall og bindestrek'),
  name: z.string().trim().min(2).max(200),
  kind: organisationKind,
  subtype: organisationSubtype.nullable().default(null),
  rhfId: uuid.nullable().default(null),
  parentId: uuid.nullable().default(null),
  orgNumber: orgNumber.nullable().default(null),
});
export type CreateOrganisation = z.infer<typeof createOrganisationSchema>;

export const updateOrganisationSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    rhfId: uuid.nullable(),
    parentId: uuid.nullable(),
    orgNumber: orgNumber.nullable(),
    active: z.boolean(),
  })
  .partial();
export type UpdateOrganisation = z.infer<typeof updateOrganisationSchema>;
