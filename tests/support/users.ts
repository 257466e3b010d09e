import type { Db } from '../../src/db/client.js';
import type { CurrentUser } from '../../src/features/auth/access.rules.js';
import { findAccountByUsername, loadCurrentUser } from '../../src/features/auth/auth.repo.js';

/** The CurrentUser of a seeded demo login, as the session middleware would load it. */
export async function demoUser(db: Db, username: string): Promise<CurrentUser> {
  const account = await findAccountByUsername(db, username);
  if (!account) throw new Error(`No demo user ${username}`);
  return (await loadCurrentUser(db, account.userId))!;
}
