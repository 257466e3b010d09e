import { z } from 'zod';
import { uuid } from '../../shared/schemas.js';
import { roleSchema } from '../auth/auth.schemas.js';

export const personSchema = z.object({
  id: uuid,
  name: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  organisationId: uuid,
  organisationName: z.string(),
  username: z.string().nullable(),
  roles: z.array(z.object({ role: roleSchema, organisationId: uuid })),
});
export type Person = z.infer<typeof personSchema>;

export const createPersonSchema = z.object({
  name: z.string().trim().min(2).max(200),
  email: z.string().trim().email('Ugyldig e-postadresse').nullable().default(null),
  title: z.string().trim().max(200).nullable().default(null),
  organisationId: uuid,
});
export type CreatePerson = z.infer<typeof createPersonSchema>;

export const createUserSchema = z.object({
  personId: uuid,
  username: z
    .string()
    .trim()
    .min(3)
    .max(60)
    .regex(/^[a-z0-9._-]+$/, 'Brukernavn kan bare ha små bokstaver, tall, punktum, bindestrek og understrek'),
  /** Left out: the account logs in only with the organisation's account (single sign-on). */
  password: z.string().min(10, 'Passordet må ha minst 10 tegn').max(1000).optional(),
  roles: z
    .array(z.object({ role: roleSchema, organisationId: uuid }))
    .min(1, 'Brukeren må ha minst én rolle'),
});
export type CreateUser = z.infer<typeof createUserSchema>;
