import { z } from 'zod';
import { roleIds } from '../../shared/enums.js';
import { uuid } from '../../shared/schemas.js';

export const roleSchema = z.enum(roleIds);

export const loginSchema = z.object({
  username: z.string().trim().min(1, 'Brukernavn mangler').max(100),
  password: z.string().min(1, 'Passord mangler').max(1000),
});

export const currentUserSchema = z.object({
  userId: uuid,
  username: z.string(),
  personId: uuid,
  personName: z.string(),
  organisationId: uuid,
  roles: z.array(z.object({ role: roleSchema, organisationId: uuid })),
});

/** The ways to log in: local passwords (unless STYR_LOCAL_PASSWORDS=false) and the organisation's account. */
export const authMethodsSchema = z.object({
  passwords: z.boolean(),
  sso: z.boolean(),
});
