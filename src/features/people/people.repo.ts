import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations, people, userAccounts, userRoles } from '../../db/schema.js';
import type { Role } from '../auth/index.js';

export async function findPerson(db: Db, id: string) {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row ?? null;
}

export async function listPeople(db: Db) {
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      title: people.title,
      organisationId: people.organisationId,
      organisationName: organisations.name,
      userId: userAccounts.id,
      username: userAccounts.username,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .leftJoin(userAccounts, eq(userAccounts.personId, people.id))
    .orderBy(asc(people.name));
  const grants = await db.select().from(userRoles);
  return rows.map(({ userId, ...row }) => ({
    ...row,
    roles: grants
      .filter((grant) => grant.userId === userId)
      .map((grant) => ({ role: grant.role, organisationId: grant.organisationId })),
  }));
}

export async function insertPerson(db: Db, values: typeof people.$inferInsert) {
  const [row] = await db.insert(people).values(values).returning();
  return row!;
}

export async function findUserByUsername(db: Db, username: string) {
  const [row] = await db
    .select({ id: userAccounts.id })
    .from(userAccounts)
    .where(eq(userAccounts.username, username));
  return row ?? null;
}

export async function findUserByPerson(db: Db, personId: string) {
  const [row] = await db
    .select({ id: userAccounts.id })
    .from(userAccounts)
    .where(eq(userAccounts.personId, personId));
  return row ?? null;
}

export async function insertUser(
  db: Db,
  values: { personId: string; username: string; passwordHash: string; isDemo?: boolean },
  roles: Array<{ role: Role; organisationId: string }>,
) {
  const [row] = await db.insert(userAccounts).values(values).returning({ id: userAccounts.id });
  if (roles.length > 0)
    await db.insert(userRoles).values(roles.map((grant) => ({ userId: row!.id, ...grant })));
  return row!.id;
}
