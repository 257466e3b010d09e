// Single sign-on in the browser, against a real OpenID Connect provider on 127.0.0.1 (its own login and consent
// pages), with local passwords switched off: the login page offers only the organisation's account; a user whose
// e-mail matches a person gets in with the roles granted in the portal and logs out of the portal and the provider;
// a user the portal has no person for is refused with the message on the login page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newContext } from '../support/browser.js';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.js';
import { freePort, startTestServer, type TestServer } from '../support/test-server.js';

describe('single sign-on in the browser', () => {
  let provider: TestProvider;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    const portalUrl = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({
      portalUrl,
      accounts: [
        {
          login: 'kari.kontakt',
          password: 'riktig-passord',
          email: 'kontakt@demo.styringsportalen.no',
          emailVerified: true,
          name: 'Kari Kontakt',
        },
        {
          login: 'ola.ukjent',
          password: 'riktig-passord',
          email: 'ola.ukjent@helse-vest.no',
          emailVerified: true,
          name: 'Ola Ukjent',
        },
      ],
    });
    server = await startTestServer({ port, env: { ...provider.env, STYR_LOCAL_PASSWORDS: 'false' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
  });

  async function signInAtProvider(page: Page, login: string) {
    await page.getByTestId('login-sso').click();
    await page.waitForURL(`${provider.issuer}/interaction/**`);
    await page.getByLabel('Brukernavn').fill(login);
    await page.getByLabel('Passord').fill('riktig-passord');
    await page.getByRole('button', { name: 'Logg på' }).click();
    await page.getByRole('button', { name: 'Godta' }).click();
  }

  it('logs in through the provider, keeps the portal roles, and logs out of both', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${server.url}/anskaffelser`);
      await page.waitForURL(`${server.url}/logg-inn?neste=%2Fanskaffelser`);
      await expect.poll(() => page.getByTestId('login-sso').isVisible()).toBe(true);
      expect(await page.getByTestId('login-sso').textContent()).toBe('Logg inn med virksomhetens konto');
      // Local passwords are off: no password form.
      expect(await page.getByTestId('login-username').count()).toBe(0);

      await signInAtProvider(page, 'kari.kontakt');
      await page.waitForURL(`${server.url}/anskaffelser`);
      await expect.poll(() => page.getByTestId('current-user').textContent()).toBeTruthy();
      const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
      expect(me).toMatchObject({ username: 'kontakt', roles: [{ role: 'rhfContact' }] });
      expect(await page.locator('.user-roles').textContent()).toContain('Kontaktperson RHF');

      await page.getByTestId('logout').click();
      await page.waitForURL(`${provider.issuer}/session/end**`);
      await page.getByRole('button', { name: 'Ja, logg meg av' }).click();
      await page.waitForURL(`${server.url}/logg-inn`);
      expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
      // The provider's session ended too: the next login asks for the password again.
      await page.getByTestId('login-sso').click();
      await page.waitForURL(`${provider.issuer}/interaction/**`);
      expect(await page.getByLabel('Passord').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('refuses a user the portal has no person for, with the reason on the login page', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${server.url}/logg-inn`);
      await signInAtProvider(page, 'ola.ukjent');
      await page.waitForURL(`${server.url}/logg-inn?sso=unknownPerson`);
      const error = page.getByTestId('login-error');
      await error.waitFor();
      expect(await error.textContent()).toContain(
        'Vi fant ingen person i portalen med e-postadressen på virksomhetens konto.',
      );
      expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
    } finally {
      await context.close();
    }
  });
});
