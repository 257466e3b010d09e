// Storage of unresolved faggruppe matters (V01 §7.3) and who holds a role on the Sykehusinnkjøp line.
import { and, eq, inArray } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { faggruppeMatters, userAccounts, userRoles } from '../../../db/schema.js';
import type { Role } from '../../auth/index.js';

export type FaggruppeMatterRow = typeof faggruppeMatters.$inferSelect;

export async function findMatter(db: Db, caseId: string): Promise<FaggruppeMatterRow | null> {
  const [row] = await db.select().from(faggruppeMatters).where(eq(faggruppeMatters.caseId, caseId));
  return row ?? null;
}

export async function insertMatter(db: Db, values: typeof faggruppeMatters.$inferInsert) {
  await db.insert(faggruppeMatters).values(values);
}

export async function updateMatter(
  db: Db,
  caseId: string,
  values: PgUpdateSetSource<typeof faggruppeMatters>,
) {
  await db.update(faggruppeMatters).set(values).where(eq(faggruppeMatters.caseId, caseId));
}

/** People with an enabled login holding one of the roles (any organisation). */
export async function personIdsWithRole(db: Db, roles: readonly Role[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: userAccounts.personId })
    .from(userRoles)
    .innerJoin(userAccounts, eq(userAccounts.id, userRoles.userId))
    .where(and(inArray(userRoles.role, [...roles]), eq(userAccounts.disabled, false)));
  return rows.map((row) => row.personId).sort();
}
