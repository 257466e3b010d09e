// Completes a single sign-on: the provider has vouched for an e-mail; the portal finds the one person with that
// address and their user account, and opens its normal session. Roles stay as granted in the portal. Every
// outcome, refused or not, is in the audit log.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { people, userAccounts } from '../../../db/schema.js';
import { systemActor, writeAudited } from '../../../db/unit-of-work.js';
import type { CurrentUser } from '../access.rules.js';
import * as repo from '../auth.repo.js';
import { newSessionToken, type SessionPolicy } from '../auth.service.js';
import { verifiedEmailOf, type EmailPolicy, type SsoRefusal } from './sso-identity.rules.js';

/** A login the portal refused; `refusal` picks the login page's message. */
export class SsoLoginRefused extends Error {
  constructor(readonly refusal: SsoRefusal) {
    super(`Single sign-on refused: ${refusal}`);
  }
}

const ssoActor = systemActor('innlogging');

export interface SsoAttempt {
  issuer: string;
  clientAddress: string;
}

/** Records a refused single sign-on (with what the provider said, never a token) and throws it. */
export async function refuseSsoLogin(
  db: Db,
  refusal: SsoRefusal,
  attempt: SsoAttempt,
  details: { email?: string | null; subject?: string | null; reason?: string } = {},
): Promise<never> {
  const who = details.email ?? details.subject ?? 'ukjent bruker';
  await writeAudited(db, ssoActor, (_tx, recordAudit) =>
    recordAudit({
      action: 'ssoLoginRefused',
      entityType: 'session',
      entityId: null,
      summary: `Innlogging med virksomhetens konto for ${who} fra ${attempt.clientAddress} avvist (${refusal})`,
      after: { refusal, issuer: attempt.issuer, clientAddress: attempt.clientAddress, ...details },
    }),
  );
  throw new SsoLoginRefused(refusal);
}

async function findAccountsByEmail(db: Db, email: string) {
  return db
    .select({ personId: people.id, userId: userAccounts.id, disabled: userAccounts.disabled })
    .from(people)
    .leftJoin(userAccounts, sql`${userAccounts.personId} = ${people.id}`)
    .where(sql`lower(${people.email}) = ${email}`);
}

export async function completeSsoLogin(
  db: Db,
  policy: SessionPolicy & EmailPolicy,
  provided: { claims: Readonly<Record<string, unknown>>; idToken: string },
  attempt: SsoAttempt,
  now: Date,
): Promise<{ token: string; user: CurrentUser; expiresAt: Date }> {
  const subject = typeof provided.claims.sub === 'string' ? provided.claims.sub : null;
  const verified = verifiedEmailOf(provided.claims, policy);
  if ('refusal' in verified)
    return refuseSsoLogin(db, verified.refusal, attempt, { email: verified.email, subject });
  const { email } = verified;
  const matches = await findAccountsByEmail(db, email);
  if (matches.length === 0) return refuseSsoLogin(db, 'unknownPerson', attempt, { email, subject });
  if (matches.length > 1) return refuseSsoLogin(db, 'ambiguousPerson', attempt, { email, subject });
  const [match] = matches;
  if (!match!.userId) return refuseSsoLogin(db, 'noAccount', attempt, { email, subject });
  const user = match!.disabled ? null : await repo.loadCurrentUser(db, match!.userId);
  if (!user) return refuseSsoLogin(db, 'accountDisabled', attempt, { email, subject });

  const session = newSessionToken(policy, now);
  await writeAudited(db, { userId: user.userId, username: user.username }, async (tx, recordAudit) => {
    await repo.deleteExpiredSessions(tx, now);
    await repo.insertSession(tx, {
      tokenHash: session.tokenHash,
      userId: user.userId,
      expiresAt: session.expiresAt,
      absoluteExpiresAt: session.absoluteExpiresAt,
      idToken: provided.idToken,
    });
    await recordAudit({
      action: 'login',
      entityType: 'session',
      entityId: user.userId,
      summary: `${user.username} logget inn med virksomhetens konto (${email})`,
      after: { method: 'sso', email, subject, issuer: attempt.issuer, clientAddress: attempt.clientAddress },
    });
  });
  return { token: session.token, user, expiresAt: session.expiresAt };
}
