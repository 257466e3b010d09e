import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { systemActor, writeAudited } from '../../db/unit-of-work.js';
import { AppError } from '../../shared/app-error.js';
import type { CurrentUser } from './access.rules.js';
import * as repo from './auth.repo.js';
import {
  decideLoginThrottle,
  defaultLoginThrottle,
  throttleKeys,
  throttleMessage,
  type LoginThrottlePolicy,
} from './login-throttle.rules.js';
import { hashPassword, isWeakerThanTarget, verifyPassword } from './password.js';

export interface SessionPolicy {
  idleHours: number;
  maxHours: number;
}

const HOUR = 3_600_000;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session's cookie token (random, 256 bits), the hash stored for it and its two expiry times. */
export function newSessionToken(policy: SessionPolicy, now: Date) {
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + policy.idleHours * HOUR),
    absoluteExpiresAt: new Date(now.getTime() + policy.maxHours * HOUR),
  };
}
// Verifying against a real hash for unknown users keeps the response time from revealing which usernames exist.
// Made on first use (not at import: a CLI command should not pay a second for it).
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword('no-such-user'));

export interface LoginAttempt {
  /** The client's address as the server sees it (behind a trusted proxy: X-Forwarded-For). */
  clientAddress: string;
  throttle: LoginThrottlePolicy;
}

const loginActor = systemActor('innlogging');

export async function login(
  db: Db,
  policy: SessionPolicy,
  credentials: { username: string; password: string },
  now: Date,
  attempt: LoginAttempt = { clientAddress: 'ukjent', throttle: defaultLoginThrottle },
): Promise<{ token: string; user: CurrentUser; expiresAt: Date }> {
  const username = credentials.username.toLowerCase();
  const keys = throttleKeys(username, attempt.clientAddress);
  const windowStart = new Date(now.getTime() - attempt.throttle.windowMinutes * 60_000);
  const failures = await repo.findLoginFailures(db, [keys.user, keys.address], windowStart);
  const verdict = decideLoginThrottle(
    {
      user: failures.filter((f) => f.key === keys.user).map((f) => f.at),
      address: failures.filter((f) => f.key === keys.address).map((f) => f.at),
    },
    attempt.throttle,
    now,
  );
  if (verdict.refused) {
    await writeAudited(db, loginActor, (_tx, recordAudit) =>
      recordAudit({
        action: 'loginThrottled',
        entityType: 'session',
        entityId: null,
        summary: `Innlogging som ${username} fra ${attempt.clientAddress} avvist: for mange mislykkede forsøk for ${verdict.scope === 'user' ? 'brukernavnet' : 'adressen'}`,
        after: { username, clientAddress: attempt.clientAddress, scope: verdict.scope },
      }),
    );
    throw new AppError('tooManyRequests', throttleMessage(verdict.retryAfterSeconds), [], {
      retryAfterSeconds: verdict.retryAfterSeconds,
    });
  }

  const account = await repo.findAccountByUsername(db, username);
  const valid = await verifyPassword(
    credentials.password,
    account?.passwordHash ?? (await unknownUserHash()),
  );
  const user = account && valid && !account.disabled ? await repo.loadCurrentUser(db, account.userId) : null;
  if (!user) {
    // Unknown users take the same path (a real hash verified, a failure stored), so timing tells nothing.
    await writeAudited(db, loginActor, async (tx, recordAudit) => {
      await repo.insertLoginFailures(tx, [keys.user, keys.address], now);
      await recordAudit({
        action: 'loginFailed',
        entityType: 'session',
        entityId: null,
        summary: `Mislykket innlogging som ${username} fra ${attempt.clientAddress}`,
        after: { username, clientAddress: attempt.clientAddress },
      });
    });
    throw new AppError('unauthenticated', 'Feil brukernavn eller passord.');
  }
  // A hash from before the cost was raised is replaced now that the password is known; hashed before the
  // transaction opens, so the slow scrypt never holds a connection (PGlite has only one).
  const upgradedHash = isWeakerThanTarget(account!.passwordHash)
    ? await hashPassword(credentials.password)
    : null;
  const { token, tokenHash, expiresAt, absoluteExpiresAt } = newSessionToken(policy, now);
  await writeAudited(db, { userId: user.userId, username: user.username }, async (tx, recordAudit) => {
    await repo.deleteExpiredSessions(tx, now);
    await repo.clearLoginFailures(tx, keys.user, windowStart);
    if (upgradedHash) await repo.replacePasswordHash(tx, user.userId, account!.passwordHash, upgradedHash);
    await repo.insertSession(tx, {
      tokenHash,
      userId: user.userId,
      expiresAt,
      absoluteExpiresAt,
    });
    await recordAudit({
      action: 'login',
      entityType: 'session',
      entityId: user.userId,
      summary: `${user.username} logget inn`,
      ...(upgradedHash
        ? { after: { passwordHashUpgraded: upgradedHash.split('$').slice(0, 4).join('$') } }
        : {}),
    });
  });
  return { token, user, expiresAt };
}

/** Resolves a cookie token to its user, sliding the idle expiry forward (at most once a minute). */
export async function authenticate(db: Db, policy: SessionPolicy, token: string, now: Date) {
  const tokenHash = hashToken(token);
  const session = await repo.findLiveSessionUser(db, tokenHash, now);
  if (!session) return null;
  const { user } = session;
  const nextExpiry = new Date(
    Math.min(now.getTime() + policy.idleHours * HOUR, session.absoluteExpiresAt.getTime()),
  );
  if (nextExpiry.getTime() - session.expiresAt.getTime() > 60_000)
    await repo.extendSession(db, tokenHash, nextExpiry);
  return user;
}

/** Ends the session; returns its ID token when it was a single sign-on session (for the provider's logout). */
export async function logout(db: Db, token: string, user: CurrentUser): Promise<{ idToken: string | null }> {
  return writeAudited(db, { userId: user.userId, username: user.username }, async (tx, recordAudit) => {
    const ended = await repo.deleteSession(tx, hashToken(token));
    await recordAudit({
      action: 'logout',
      entityType: 'session',
      entityId: user.userId,
      summary: `${user.username} logget ut`,
      ...(ended?.idToken ? { after: { method: 'sso' } } : {}),
    });
    return { idToken: ended?.idToken ?? null };
  });
}
