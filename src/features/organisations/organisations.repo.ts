import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations } from '../../db/schema.js';
import { transactionTime } from '../../db/transaction-time.js';

const columns = {
  id: organisations.id,
  code: organisations.code,
  name: organisations.name,
  kind: organisations.kind,
  subtype: organisations.subtype,
  rhfId: organisations.rhfId,
  parentId: organisations.parentId,
  orgNumber: organisations.orgNumber,
  active: organisations.active,
};

export type OrganisationRow = Awaited<ReturnType<typeof listOrganisations>>[number];

export function listOrganisations(db: Db) {
  return db.select(columns).from(organisations).orderBy(asc(organisations.kind), asc(organisations.name));
}

export async function findOrganisation(db: Db, id: string) {
  const [row] = await db.select(columns).from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

export async function findOrganisationByCode(db: Db, code: string) {
  const [row] = await db.select(columns).from(organisations).where(eq(organisations.code, code));
  return row ?? null;
}

export async function insertOrganisation(db: Db, values: typeof organisations.$inferInsert) {
  const [row] = await db.insert(organisations).values(values).returning(columns);
  return row!;
}

export async function updateOrganisation(
  db: Db,
  id: string,
  values: Partial<typeof organisations.$inferInsert>,
) {
  const [row] = await db
    .update(organisations)
    .set({ ...values, updatedAt: transactionTime() })
    .where(eq(organisations.id, id))
    .returning(columns);
  return row!;
}
