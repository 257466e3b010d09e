// Single sign-on end to end against a real OpenID Connect provider (oidc-provider on 127.0.0.1): the portal's
// start and callback routes, the provider's own login and consent pages walked over HTTP, code + PKCE, state
// and nonce. A verified e-mail that matches one person with a user account opens the portal's normal session
// with the roles granted in the portal; everything else is refused with its code and audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { App } from '../../src/shared/http.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';
import { ProviderBrowser, startTestProvider, type TestProvider } from '../support/oidc-provider.js';

const PORTAL = 'http://portal.test';
const accounts = [
  // Mixed case at the provider: the portal compares e-mail addresses case-insensitively.
  {
    login: 'kari',
    password: 'hemmelig-1',
    email: 'Sekretariat@demo.styringsportalen.no',
    emailVerified: true,
    name: 'Kari',
  },
  {
    login: 'lars',
    password: 'hemmelig-2',
    email: 'leder@demo.styringsportalen.no',
    emailVerified: false,
    name: 'Lars',
  },
  {
    login: 'ukjent',
    password: 'hemmelig-3',
    email: 'ukjent@demo.styringsportalen.no',
    emailVerified: true,
    name: 'Ukjent',
  },
  {
    login: 'nyansatt',
    password: 'hemmelig-4',
    email: 'ny.ansatt@demo.styringsportalen.no',
    emailVerified: true,
    name: 'Ny',
  },
  {
    login: 'annet',
    password: 'hemmelig-5',
    email: 'kontakt@demo.styringsportalen.no',
    emailVerified: true,
    name: 'Annet domene',
  },
];

describe.each(databaseKinds)('single sign-on on %s', (kind) => {
  let database: TestDatabase;
  let provider: TestProvider;
  const apps: App[] = [];
  let app: App;

  const appWith = async (env: Record<string, string> = {}) => {
    const built = await buildApp(
      {
        db: database.db,
        config: loadConfig({ LOG_LEVEL: 'silent', ...provider.env, ...env }),
        clock: fixedClock(`${TEST_TODAY}T09:00:00Z`),
      },
      { serveWeb: false },
    );
    apps.push(built);
    return built;
  };

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    provider = await startTestProvider({ portalUrl: PORTAL, accounts });
    app = await appWith();
  });
  afterAll(async () => {
    for (const built of apps) await built.close();
    await provider.close();
    await database.dispose();
  });

  const cookieValue = (response: { cookies: Array<{ name: string; value: string }> }, name: string) =>
    response.cookies.find((cookie) => cookie.name === name)?.value;

  /** Start at the portal, sign in at the provider, and return what the callback needs. */
  async function throughProvider(target: App, login: string, password: string, next = '/saker') {
    const start = await target.inject({
      method: 'GET',
      url: `/api/auth/sso/start?neste=${encodeURIComponent(next)}`,
    });
    expect(start.statusCode).toBe(302);
    const authorization = new URL(start.headers.location as string);
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    const stateCookie = cookieValue(start, 'styr_sso')!;
    expect([start.headers['set-cookie']].flat().join('\n')).toMatch(/styr_sso=.*HttpOnly/i);
    const callback = await new ProviderBrowser().signIn(authorization.href, login, password);
    return { callback, stateCookie };
  }
  const callbackWith = (target: App, callback: URL, stateCookie: string | undefined) =>
    target.inject({
      method: 'GET',
      url: callback.pathname + callback.search,
      ...(stateCookie ? { cookies: { styr_sso: stateCookie } } : {}),
    });
  const refusalsFor = async (summaryPart: string) => {
    const cookie = `styr_session=${cookieValue(
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'sekretariat', password: 'demo' },
      }),
      'styr_session',
    )}`;
    const response = await app.inject({
      method: 'GET',
      url: '/api/audit?action=ssoLoginRefused&limit=200',
      headers: { cookie },
    });
    return response
      .json<{ entries: Array<{ summary: string; after: Record<string, unknown> }> }>()
      .entries.filter((entry) => entry.summary.includes(summaryPart));
  };

  it('tells the login page which methods there are', async () => {
    const methods = await app.inject({ method: 'GET', url: '/api/auth/methods' });
    expect(methods.json()).toEqual({ passwords: true, sso: true });
  });

  it('logs in a verified e-mail that matches a person, with the roles granted in the portal', async () => {
    const { callback, stateCookie } = await throughProvider(app, 'kari', 'hemmelig-1');
    const answer = await callbackWith(app, callback, stateCookie);
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe('/saker');
    // The state cookie is spent; the portal's normal session cookie is set.
    expect(cookieValue(answer, 'styr_sso')).toBe('');
    const session = cookieValue(answer, 'styr_session');
    expect(session).toBeTruthy();
    expect([answer.headers['set-cookie']].flat().join('\n')).toMatch(/styr_session=[^;]+;.*HttpOnly/i);

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { styr_session: session! } });
    expect(me.statusCode).toBe(200);
    const passwordLogin = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sekretariat', password: 'demo' },
    });
    expect(me.json()).toEqual(passwordLogin.json());
    expect(me.json<{ roles: Array<{ role: string }> }>().roles.map((r) => r.role)).toEqual(['secretariat']);

    const audit = await app.inject({
      method: 'GET',
      url: '/api/audit?action=login&limit=5',
      cookies: { styr_session: session! },
    });
    const entry = audit
      .json<{ entries: Array<{ summary: string; after: Record<string, unknown> }> }>()
      .entries.find((e) => e.after?.method === 'sso');
    expect(entry).toMatchObject({
      after: { method: 'sso', email: 'sekretariat@demo.styringsportalen.no', subject: 'kari' },
    });

    // The same answer again (a replayed code, the spent cookie resent) opens nothing.
    const replay = await callbackWith(app, callback, stateCookie);
    expect(replay.headers.location).toBe('/logg-inn?sso=invalidResponse');
    expect(cookieValue(replay, 'styr_session')).toBeUndefined();
  });

  it('logs out of the portal and hands the browser the provider’s end_session address', async () => {
    const { callback, stateCookie } = await throughProvider(app, 'kari', 'hemmelig-1');
    const session = cookieValue(await callbackWith(app, callback, stateCookie), 'styr_session')!;
    const logout = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { styr_session: session },
    });
    expect(logout.statusCode).toBe(200);
    const endSession = new URL(logout.json<{ endSessionUrl: string }>().endSessionUrl);
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${PORTAL}/logg-inn`);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { styr_session: session } });
    expect(me.statusCode).toBe(401);
    // A password session still logs out with 204 and no provider.
    const password = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leder', password: 'demo' },
    });
    const plain = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { styr_session: cookieValue(password, 'styr_session')! },
    });
    expect(plain.statusCode).toBe(204);
  });

  it('refuses an unverified e-mail and audits it', async () => {
    const { callback, stateCookie } = await throughProvider(app, 'lars', 'hemmelig-2');
    const answer = await callbackWith(app, callback, stateCookie);
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe('/logg-inn?sso=noVerifiedEmail');
    expect(cookieValue(answer, 'styr_session')).toBeUndefined();
    const [entry] = await refusalsFor('leder@demo.styringsportalen.no');
    expect(entry).toMatchObject({ after: { refusal: 'noVerifiedEmail', subject: 'lars' } });
  });

  it('refuses an e-mail that matches no person, and a person without a user account', async () => {
    const unknown = await throughProvider(app, 'ukjent', 'hemmelig-3');
    const answer = await callbackWith(app, unknown.callback, unknown.stateCookie);
    expect(answer.headers.location).toBe('/logg-inn?sso=unknownPerson');
    expect(cookieValue(answer, 'styr_session')).toBeUndefined();
    expect(await refusalsFor('ukjent@demo.styringsportalen.no')).toHaveLength(1);

    // Registered as a person by the secretariat, but given no user account (no roles): still refused.
    const secretariat = cookieValue(
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'sekretariat', password: 'demo' },
      }),
      'styr_session',
    )!;
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { styr_session: secretariat },
    });
    const created = await app.inject({
      method: 'POST',
      url: '/api/people',
      cookies: { styr_session: secretariat },
      payload: {
        name: 'Ny Ansatt',
        email: 'ny.ansatt@demo.styringsportalen.no',
        organisationId: me.json<{ organisationId: string }>().organisationId,
      },
    });
    expect(created.statusCode).toBe(201);
    const person = await throughProvider(app, 'nyansatt', 'hemmelig-4');
    const refused = await callbackWith(app, person.callback, person.stateCookie);
    expect(refused.headers.location).toBe('/logg-inn?sso=noAccount');
    expect(await refusalsFor('ny.ansatt@demo.styringsportalen.no')).toMatchObject([
      { after: { refusal: 'noAccount' } },
    ]);

    // The secretariat grants a role with no password (single sign-on only): now the same login gets in.
    const organisationId = me.json<{ organisationId: string }>().organisationId;
    const user = await app.inject({
      method: 'POST',
      url: '/api/users',
      cookies: { styr_session: secretariat },
      payload: {
        personId: created.json<{ id: string }>().id,
        username: 'ny.ansatt',
        roles: [{ role: 'readOnly', organisationId }],
      },
    });
    expect(user.statusCode).toBe(201);
    const again = await throughProvider(app, 'nyansatt', 'hemmelig-4');
    const admitted = await callbackWith(app, again.callback, again.stateCookie);
    expect(admitted.headers.location).toBe('/saker');
    const session = cookieValue(admitted, 'styr_session')!;
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { styr_session: session } })).json(),
    ).toMatchObject({ username: 'ny.ansatt', roles: [{ role: 'readOnly', organisationId }] });
  });

  it('refuses a tampered state, an altered or missing state cookie, and another login’s cookie', async () => {
    const { callback, stateCookie } = await throughProvider(app, 'kari', 'hemmelig-1');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const wrongState = await callbackWith(app, tampered, stateCookie);
    expect(wrongState.headers.location).toBe('/logg-inn?sso=invalidResponse');
    expect(cookieValue(wrongState, 'styr_session')).toBeUndefined();

    const [payload, signature] = stateCookie.split('.');
    const altered = `${payload!.slice(0, -2)}${payload!.endsWith('A') ? 'B' : 'A'}${payload!.slice(-1)}.${signature}`;
    expect((await callbackWith(app, callback, altered)).headers.location).toBe(
      '/logg-inn?sso=invalidResponse',
    );
    expect((await callbackWith(app, callback, undefined)).headers.location).toBe(
      '/logg-inn?sso=invalidResponse',
    );
    // A state cookie from a second, unfinished login in the same browser does not fit this answer.
    const other = await app.inject({ method: 'GET', url: '/api/auth/sso/start' });
    const mixed = await callbackWith(app, callback, cookieValue(other, 'styr_sso'));
    expect(mixed.headers.location).toBe('/logg-inn?sso=invalidResponse');
    expect(cookieValue(mixed, 'styr_session')).toBeUndefined();
    // Cookie and answer that belong together still work (none of the refusals above spent the code).
    const answer = await callbackWith(app, callback, stateCookie);
    expect(answer.headers.location).toBe('/saker');
    const refusals = await refusalsFor('avvist (invalidResponse)');
    expect(refusals.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps the provider’s refusal and a foreign next address out', async () => {
    const start = await app.inject({ method: 'GET', url: '/api/auth/sso/start?neste=//evil.example/x' });
    const stateCookie = cookieValue(start, 'styr_sso')!;
    const state = new URL(start.headers.location as string).searchParams.get('state')!;
    const cancelled = await app.inject({
      method: 'GET',
      url: `/api/auth/sso/callback?error=access_denied&state=${state}`,
      cookies: { styr_sso: stateCookie },
    });
    expect(cancelled.headers.location).toBe('/logg-inn?sso=cancelled');
    const { callback, stateCookie: second } = await throughProvider(
      app,
      'kari',
      'hemmelig-1',
      '//evil.example/x',
    );
    expect((await callbackWith(app, callback, second)).headers.location).toBe('/');
  });

  it('accepts only the allowed e-mail domains when they are set', async () => {
    const limited = await appWith({ STYR_OIDC_ALLOWED_DOMAINS: 'helse-vest.no, @sykehusinnkjop.no' });
    const { callback, stateCookie } = await throughProvider(limited, 'annet', 'hemmelig-5');
    expect((await callbackWith(limited, callback, stateCookie)).headers.location).toBe(
      '/logg-inn?sso=domainNotAllowed',
    );
  });

  it('with local passwords off refuses the password login (403) and still logs in through the provider', async () => {
    const ssoOnly = await appWith({ STYR_LOCAL_PASSWORDS: 'false' });
    expect((await ssoOnly.inject({ method: 'GET', url: '/api/auth/methods' })).json()).toEqual({
      passwords: false,
      sso: true,
    });
    const refused = await ssoOnly.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sekretariat', password: 'demo' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ detail: string }>().detail).toBe(
      'Innlogging med brukernavn og passord er slått av. Bruk «Logg inn med virksomhetens konto».',
    );
    expect(cookieValue(refused, 'styr_session')).toBeUndefined();
    const { callback, stateCookie } = await throughProvider(ssoOnly, 'kari', 'hemmelig-1');
    const answer = await callbackWith(ssoOnly, callback, stateCookie);
    expect(answer.headers.location).toBe('/saker');
    expect(cookieValue(answer, 'styr_session')).toBeTruthy();
  });

  it('without a provider configured, sends the login link back to the login page', async () => {
    const plain = await buildApp(
      { db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: fixedClock(TEST_TODAY) },
      { serveWeb: false },
    );
    apps.push(plain);
    expect((await plain.inject({ method: 'GET', url: '/api/auth/methods' })).json()).toEqual({
      passwords: true,
      sso: false,
    });
    const start = await plain.inject({ method: 'GET', url: '/api/auth/sso/start' });
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe('/logg-inn?sso=notConfigured');
  });
});
