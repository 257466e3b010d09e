// Throttling over HTTP: failed logins per username and per address (429 with Retry-After, audited, even with
// the right password), the request ceilings (login, public routes, everything), and unknown users answered
// in the same time as known ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { App } from '../../src/shared/http.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';

describe.each(databaseKinds)('login throttling on %s', (kind) => {
  let database: TestDatabase;
  const apps: App[] = [];

  const appWith = async (env: Record<string, string> = {}) => {
    const app = await buildApp(
      { db: database.db, config: loadConfig({ LOG_LEVEL: 'silent', ...env }), clock: fixedClock(TEST_TODAY) },
      { serveWeb: false },
    );
    apps.push(app);
    return app;
  };
  const attempt = (app: App, username: string, password: string, address = '10.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': address },
      payload: { username, password },
    });
  const auditActions = async (app: App, action: string) => {
    const login = await attempt(app, 'sekretariat', 'demo', '10.9.9.9');
    expect(login.statusCode).toBe(200);
    const cookie = `styr_session=${login.cookies.find((c) => c.name === 'styr_session')!.value}`;
    const response = await app.inject({
      method: 'GET',
      url: `/api/audit?action=${action}&limit=200`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ entries: Array<{ summary: string; actorUsername: string }> }>().entries;
  };

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database.dispose();
  });

  it('refuses a username after 10 failures with 429, Retry-After and a Norwegian message, and audits it', async () => {
    const app = await appWith();
    for (let i = 0; i < 10; i += 1) {
      const response = await attempt(app, 'leder', `feil-${i}`, `10.0.1.${i}`);
      expect(response.statusCode, `attempt ${i + 1}`).toBe(401);
    }
    // The right password no longer helps, from any address.
    const refused = await attempt(app, 'Leder', 'demo', '10.0.2.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ status: 429, code: 'tooManyRequests' });
    expect(refused.json().detail).toMatch(
      /^For mange mislykkede innlogginger\. Prøv igjen om 15 minutter\.$/,
    );
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another user is not affected.
    expect((await attempt(app, 'medlem', 'demo', '10.0.2.1')).statusCode).toBe(200);

    const failed = await auditActions(app, 'loginFailed');
    expect(failed.filter((entry) => entry.summary.includes('som leder fra'))).toHaveLength(10);
    const throttled = await auditActions(app, 'loginThrottled');
    expect(throttled).toHaveLength(1);
    expect(throttled[0]!.summary).toContain('leder fra 10.0.2.1');
  });

  it('refuses an address after too many failures across usernames; other addresses still log in', async () => {
    const app = await appWith({ STYR_LOGIN_MAX_FAILURES_PER_ADDRESS: '4' });
    for (const username of ['ingen-1', 'ingen-2', 'kontakt', 'ingen-3'])
      expect((await attempt(app, username, 'feil', '10.0.3.3')).statusCode).toBe(401);
    const refused = await attempt(app, 'kontakt', 'demo', '10.0.3.3');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(app, 'kontakt', 'demo', '10.0.3.4')).statusCode).toBe(200);
  });

  it('puts a request ceiling on the login route, the public routes and every route, before the session lookup', async () => {
    const app = await appWith({
      STYR_LOGIN_RATE_LIMIT_PER_MINUTE: '3',
      STYR_PUBLIC_RATE_LIMIT_PER_MINUTE: '5',
      STYR_RATE_LIMIT_PER_MINUTE: '8',
    });
    for (let i = 0; i < 3; i += 1)
      expect((await attempt(app, 'innkjop', 'demo', '10.0.4.1')).statusCode).toBe(200);
    const login = await attempt(app, 'innkjop', 'demo', '10.0.4.1');
    expect(login.statusCode).toBe(429);
    expect(login.json().detail).toMatch(
      /^For mange forespørsler fra denne adressen\. Prøv igjen om \d+ sekunder\.$/,
    );
    expect(Number(login.headers['retry-after'])).toBeGreaterThan(0);

    const health = (address: string) =>
      app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-for': address } });
    for (let i = 0; i < 5; i += 1) expect((await health('10.0.4.2')).statusCode).toBe(200);
    expect((await health('10.0.4.2')).statusCode).toBe(429);
    expect((await health('10.0.4.3')).statusCode).toBe(200);

    const organisations = () =>
      app.inject({ method: 'GET', url: '/api/organisations', headers: { 'x-forwarded-for': '10.0.4.4' } });
    for (let i = 0; i < 8; i += 1) expect((await organisations()).statusCode).toBe(401);
    const ceiling = await organisations();
    expect(ceiling.statusCode).toBe(429);
    expect(ceiling.headers['retry-after']).toBeDefined();
  });

  it('counts logged-in requests per session, so colleagues behind one address do not throttle each other', async () => {
    const app = await appWith({ STYR_RATE_LIMIT_PER_MINUTE: '6', STYR_NETWORK_RATE_LIMIT_PER_MINUTE: '40' });
    const address = '10.0.5.1';
    const cookieOf = async (username: string) => {
      const login = await attempt(app, username, 'demo', address);
      expect(login.statusCode).toBe(200);
      return `styr_session=${login.cookies.find((c) => c.name === 'styr_session')!.value}`;
    };
    const first = await cookieOf('sekretariat');
    const second = await cookieOf('innkjop');
    const get = (cookie: string | undefined, from = address) =>
      app.inject({
        method: 'GET',
        url: '/api/organisations',
        headers: { 'x-forwarded-for': from, ...(cookie ? { cookie } : {}) },
      });
    for (let i = 0; i < 6; i += 1) expect((await get(first)).statusCode).toBe(200);
    const refused = await get(first);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toMatch(/^For mange forespørsler fra denne innloggingen\./);
    // The colleague on the same address still has the whole allowance.
    for (let i = 0; i < 6; i += 1) expect((await get(second)).statusCode).toBe(200);

    // Made-up cookies each get a bucket of their own, but the address as a whole has a ceiling.
    let status = 200;
    for (let i = 0; i <= 40 && status !== 429; i += 1)
      status = (await get(`styr_session=made-up-${i}`, '10.0.5.2')).statusCode;
    expect(status).toBe(429);
    expect((await get(undefined, '10.0.5.2')).statusCode).toBe(429);
    // The session's own allowance follows it to another address.
    expect((await get(first, '10.0.5.3')).statusCode).toBe(429);
  });

  it('does not trust X-Forwarded-For from a client that is not a trusted proxy', async () => {
    const app = await appWith({ STYR_TRUST_PROXY: 'false', STYR_PUBLIC_RATE_LIMIT_PER_MINUTE: '2' });
    const health = (address: string) =>
      app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-for': address } });
    expect((await health('10.1.0.1')).statusCode).toBe(200);
    expect((await health('10.1.0.2')).statusCode).toBe(200);
    // A forged header does not buy a fresh allowance.
    expect((await health('10.1.0.3')).statusCode).toBe(429);
  });

  it('answers an unknown username in about the time of a known one with a wrong password', async () => {
    const app = await appWith({ STYR_LOGIN_RATE_LIMIT_PER_MINUTE: '1000', STYR_LOGIN_MAX_FAILURES: '1000' });
    const time = async (username: string, address: string) => {
      const started = performance.now();
      const response = await attempt(app, username, 'feil', address);
      expect(response.statusCode).toBe(401);
      expect(response.json().detail).toBe('Feil brukernavn eller passord.');
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      known.push(await time('lesetilgang', `10.2.0.${i}`));
      unknown.push(await time(`finnes-ikke-${i}`, `10.2.1.${i}`));
    }
    // Without the dummy hash an unknown user would answer in a few per cent of the password hashing time. The
    // bounds are wide because a loaded machine (other test files run beside this one) adds noise to both sides.
    expect(median(unknown) / median(known)).toBeGreaterThan(0.4);
    expect(median(unknown) / median(known)).toBeLessThan(2.5);
  });
});
