import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createSeededDatabase, databaseKinds, type TestDatabase } from '../../../tests/support/databases.js';
import { auditLog, sessions, userAccounts } from '../../db/schema.js';
import { authenticate, login, logout } from './auth.service.js';
import { defaultLoginThrottle } from './login-throttle.rules.js';
import { hashPassword, targetScryptParameters } from './password.js';

const policy = { idleHours: 8, maxHours: 24 };
const hours = (start: Date, h: number) => new Date(start.getTime() + h * 3_600_000);

describe.each(databaseKinds)('sessions on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase(kind);
  });
  afterAll(() => database.dispose());

  it('stores only a hash of the token and audits the login', async () => {
    const start = new Date('2026-06-15T08:00:00Z');
    const session = await login(database.db, policy, { username: 'sekretariat', password: 'demo' }, start);
    const stored = await database.db.select().from(sessions).where(eq(sessions.userId, session.user.userId));
    expect(stored.some((row) => row.tokenHash === session.token)).toBe(false);
    expect(stored.length).toBeGreaterThan(0);
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.action, 'login'));
    expect(entries.some((entry) => entry.actorUsername === 'sekretariat')).toBe(true);
  });

  it('verifies an old, cheaper hash with its own parameters and upgrades it at that login', async () => {
    const now = new Date('2026-06-15T08:30:00Z');
    const storedHash = async () =>
      (
        await database.db
          .select({ hash: userAccounts.passwordHash })
          .from(userAccounts)
          .where(eq(userAccounts.username, 'leder'))
      )[0]!.hash;
    const old = await hashPassword('gammelt passord', { N: 2 ** 10, r: 8, p: 1 });
    await database.db
      .update(userAccounts)
      .set({ passwordHash: old })
      .where(eq(userAccounts.username, 'leder'));

    await expect(
      login(database.db, policy, { username: 'leder', password: 'feil' }, now),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await storedHash()).toBe(old);

    const session = await login(database.db, policy, { username: 'leder', password: 'gammelt passord' }, now);
    const upgraded = await storedHash();
    const { N } = targetScryptParameters();
    expect(upgraded.startsWith(`scrypt$${N}$8$1$`)).toBe(true);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, session.user.userId))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ action: 'login', after: { passwordHashUpgraded: `scrypt$${N}$8$1` } });

    // The new hash works, and is not rehashed again.
    await login(database.db, policy, { username: 'leder', password: 'gammelt passord' }, now);
    expect(await storedHash()).toBe(upgraded);
  });

  it('expires after idle time, slides while in use, and ends at the absolute limit', async () => {
    const start = new Date('2026-06-15T08:00:00Z');
    const { token } = await login(database.db, policy, { username: 'medlem', password: 'demo' }, start);
    expect(await authenticate(database.db, policy, token, hours(start, 7))).toMatchObject({
      username: 'medlem',
    });
    // Used at 7 h, so the idle window now runs to 15 h.
    expect(await authenticate(database.db, policy, token, hours(start, 14))).not.toBeNull();
    expect(await authenticate(database.db, policy, token, hours(start, 21))).not.toBeNull();
    expect(await authenticate(database.db, policy, token, hours(start, 24.5))).toBeNull();

    const idle = await login(database.db, policy, { username: 'medlem', password: 'demo' }, start);
    expect(await authenticate(database.db, policy, idle.token, hours(start, 9))).toBeNull();
  });

  it('refuses wrong passwords and unknown users alike, and logout ends the session', async () => {
    const now = new Date('2026-06-15T09:00:00Z');
    await expect(
      login(database.db, policy, { username: 'sekretariat', password: 'feil' }, now),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(
      login(database.db, policy, { username: 'ingen', password: 'demo' }, now),
    ).rejects.toMatchObject({
      code: 'unauthenticated',
      message: 'Feil brukernavn eller passord.',
    });
    const session = await login(database.db, policy, { username: 'kontakt', password: 'demo' }, now);
    expect(await authenticate(database.db, policy, session.token, hours(now, 1))).not.toBeNull();
    await logout(database.db, session.token, session.user);
    expect(await authenticate(database.db, policy, session.token, hours(now, 1))).toBeNull();
  });

  it('throttles by the clock: refused inside the window, free once the failures are 15 minutes old', async () => {
    const start = new Date('2026-06-15T09:00:00Z');
    const minutes = (m: number) => new Date(start.getTime() + m * 60_000);
    const attempt = { clientAddress: '10.3.0.1', throttle: defaultLoginThrottle };
    for (let i = 0; i < 10; i += 1)
      await expect(
        login(database.db, policy, { username: 'medlem', password: 'feil' }, minutes(i * 0.5), attempt),
      ).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(
      login(database.db, policy, { username: 'medlem', password: 'demo' }, minutes(14.9), attempt),
    ).rejects.toMatchObject({ code: 'tooManyRequests', retryAfterSeconds: 6 });
    const session = await login(
      database.db,
      policy,
      { username: 'medlem', password: 'demo' },
      minutes(15),
      attempt,
    );
    expect(session.user.username).toBe('medlem');
    // A success forgets the username's failures: one more miss does not refuse again.
    await expect(
      login(database.db, policy, { username: 'medlem', password: 'feil' }, minutes(15.1), attempt),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
