// "Mine oppgaver" over /api/my/home: the sections the server gives for the roles I hold.
import type { z } from 'zod';
import type { myHomeSchema } from '@server/features/home/home.schemas.js';

export type MyHome = z.infer<typeof myHomeSchema>;
export type MemberHome = NonNullable<MyHome['member']>;
export type ProcurementLeadHome = NonNullable<MyHome['procurementLead']>;
export type RhfContactHome = MyHome['rhfContact'][number];
export type Cockpit = NonNullable<MyHome['cockpit']>;

export const myHomePath = '/api/my/home';
