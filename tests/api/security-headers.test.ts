// Security headers on every kind of answer: the web app's HTML, the JSON API, a problem, a download.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { App } from '../../src/shared/http.js';
import { createSeededDatabase, TEST_TODAY, type TestDatabase } from '../support/databases.js';
import { fixedClock } from '../../src/shared/clock.js';

type Headers = Record<string, string | string[] | number | undefined>;

function expectSecurityHeaders(headers: Headers) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
}

describe('security headers', () => {
  let database: TestDatabase;
  let app: App;
  let secureApp: App;
  let cookie: string;

  beforeAll(async () => {
    database = await createSeededDatabase('pglite');
    const deps = { db: database.db, clock: fixedClock(TEST_TODAY) };
    app = await buildApp({ ...deps, config: loadConfig({ LOG_LEVEL: 'silent' }) }, { serveWeb: true });
    secureApp = await buildApp(
      { ...deps, config: loadConfig({ LOG_LEVEL: 'silent', STYR_COOKIE_SECURE: 'true' }) },
      { serveWeb: true },
    );
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sekretariat', password: 'demo' },
    });
    expect(login.statusCode).toBe(200);
    cookie = `styr_session=${login.cookies.find((c) => c.name === 'styr_session')!.value}`;
  });
  afterAll(async () => {
    await app.close();
    await secureApp.close();
    await database.dispose();
  });

  it('sends them with the web app (index.html and a deep link) and its assets', async () => {
    for (const url of ['/', '/styringsgrupper']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, `${url} needs the built web app: npx vite build`).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expectSecurityHeaders(response.headers);
      // The build complies: no inline script in the HTML the policy would block.
      expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(response.body)![1]!;
      const script = await app.inject({ method: 'GET', url: asset });
      expect(script.statusCode).toBe(200);
      expectSecurityHeaders(script.headers);
    }
  });

  it('sends them with API answers, problems and downloads, which stay attachments', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/organisations', headers: { cookie } });
    expect(api.statusCode).toBe(200);
    expectSecurityHeaders(api.headers);
    const problem = await app.inject({ method: 'GET', url: '/api/organisations' });
    expect(problem.statusCode).toBe(401);
    expectSecurityHeaders(problem.headers);
    const download = await app.inject({
      method: 'GET',
      url: '/api/reports/portfolio/export?scope=all&format=csv',
      headers: { cookie },
    });
    expect(download.statusCode).toBe(200);
    expectSecurityHeaders(download.headers);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['cache-control']).toBe('private, no-store');
  });

  it('sends HSTS only when the portal runs behind HTTPS (STYR_COOKIE_SECURE=true)', async () => {
    const plain = await app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(String(plain.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    const secure = await secureApp.inject({ method: 'GET', url: '/api/health' });
    expectSecurityHeaders(secure.headers);
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=31536000; includeSubDomains/);
    expect(String(secure.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});
