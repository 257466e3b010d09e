import { and, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loginFailures, people, sessions, userAccounts, userRoles } from '../../db/schema.js';
import type { CurrentUser } from './access.rules.js';

export async function findAccountByUsername(db: Db, username: string) {
  const [row] = await db
    .select({
      userId: userAccounts.id,
      username: userAccounts.username,
      passwordHash: userAccounts.passwordHash,
      disabled: userAccounts.disabled,
    })
    .from(userAccounts)
    .where(eq(userAccounts.username, username));
  return row ?? null;
}

/** Replaces a password hash only if it is still the one read (a password changed meanwhile wins). */
export async function replacePasswordHash(db: Db, userId: string, previous: string, next: string) {
  await db
    .update(userAccounts)
    .set({ passwordHash: next })
    .where(and(eq(userAccounts.id, userId), eq(userAccounts.passwordHash, previous)));
}

export async function loadCurrentUser(db: Db, userId: string): Promise<CurrentUser | null> {
  const [row] = await db
    .select({
      userId: userAccounts.id,
      username: userAccounts.username,
      disabled: userAccounts.disabled,
      personId: people.id,
      personName: people.name,
      organisationId: people.organisationId,
    })
    .from(userAccounts)
    .innerJoin(people, eq(people.id, userAccounts.personId))
    .where(eq(userAccounts.id, userId));
  if (!row || row.disabled) return null;
  const roles = await db
    .select({ role: userRoles.role, organisationId: userRoles.organisationId })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
  return {
    userId: row.userId,
    username: row.username,
    personId: row.personId,
    personName: row.personName,
    organisationId: row.organisationId,
    roles: roles.map((grant) => ({ role: grant.role, organisationId: grant.organisationId })),
  };
}

export async function insertSession(
  db: Db,
  session: {
    tokenHash: string;
    userId: string;
    expiresAt: Date;
    absoluteExpiresAt: Date;
    idToken?: string | null;
  },
) {
  await db.insert(sessions).values(session);
}

/**
 * The live session of a token with its user and roles in one query (every API request runs it): the session
 * by its primary key, the account and person by theirs, the roles as one json_agg over user_roles' key.
 */
export async function findLiveSessionUser(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({
      expiresAt: sessions.expiresAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      userId: userAccounts.id,
      username: userAccounts.username,
      disabled: userAccounts.disabled,
      personId: people.id,
      personName: people.name,
      organisationId: people.organisationId,
      roles: sql<
        CurrentUser['roles'] | string
      >`coalesce((select json_agg(json_build_object('role', ${userRoles.role}, 'organisationId', ${userRoles.organisationId})) from ${userRoles} where ${userRoles.userId} = ${userAccounts.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(userAccounts, eq(userAccounts.id, sessions.userId))
    .innerJoin(people, eq(people.id, userAccounts.personId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        gt(sessions.absoluteExpiresAt, now),
      ),
    );
  if (!row || row.disabled) return null;
  const roles = typeof row.roles === 'string' ? (JSON.parse(row.roles) as CurrentUser['roles']) : row.roles;
  const user: CurrentUser = {
    userId: row.userId,
    username: row.username,
    personId: row.personId,
    personName: row.personName,
    organisationId: row.organisationId,
    roles: roles.map((grant) => ({ role: grant.role, organisationId: grant.organisationId })),
  };
  return { expiresAt: row.expiresAt, absoluteExpiresAt: row.absoluteExpiresAt, user };
}

export async function extendSession(db: Db, tokenHash: string, expiresAt: Date) {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string) {
  const deleted = await db
    .delete(sessions)
    .where(eq(sessions.tokenHash, tokenHash))
    .returning({ userId: sessions.userId, idToken: sessions.idToken });
  return deleted[0] ?? null;
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function findLoginFailures(db: Db, keys: string[], since: Date) {
  return db
    .select({ key: loginFailures.key, at: loginFailures.at })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gt(loginFailures.at, since)));
}

export async function insertLoginFailures(db: Db, keys: string[], at: Date) {
  await db.insert(loginFailures).values(keys.map((key) => ({ key, at })));
}

/** Forgets a username's failures after a successful login, and every failure older than the window. */
export async function clearLoginFailures(db: Db, key: string, olderThan: Date) {
  await db.delete(loginFailures).where(or(eq(loginFailures.key, key), lt(loginFailures.at, olderThan)));
}
