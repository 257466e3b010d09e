import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';

const provider = {
  STYR_OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  STYR_OIDC_CLIENT_ID: 'portal',
  STYR_OIDC_CLIENT_SECRET: 'a-long-enough-client-secret',
};

describe('single sign-on configuration', () => {
  it('is off without a provider, and local passwords are on', () => {
    expect(loadConfig({})).toMatchObject({ sso: null, localPasswords: true });
  });

  it('derives the redirect and logout addresses from the public URL, and reads the options', () => {
    const config = loadConfig({
      ...provider,
      STYR_PUBLIC_URL: 'https://portal.example.no/',
      STYR_OIDC_ALLOWED_DOMAINS: 'Helse-Vest.no, @sykehusinnkjop.no,,',
      STYR_OIDC_VERIFIED_CLAIM: 'xms_edov',
      STYR_LOCAL_PASSWORDS: 'false',
    });
    expect(config.localPasswords).toBe(false);
    expect(config.sso).toEqual({
      issuer: provider.STYR_OIDC_ISSUER,
      clientId: 'portal',
      clientSecret: 'a-long-enough-client-secret',
      redirectUrl: 'https://portal.example.no/api/auth/sso/callback',
      postLogoutRedirectUrl: 'https://portal.example.no/logg-inn',
      allowedDomains: ['helse-vest.no', 'sykehusinnkjop.no'],
      verifiedClaim: 'xms_edov',
    });
    expect(loadConfig({ ...provider, STYR_OIDC_REDIRECT_URL: 'https://a.example/cb' }).sso).toMatchObject({
      redirectUrl: 'https://a.example/cb',
      verifiedClaim: 'email_verified',
      allowedDomains: [],
    });
  });

  it('stops the start on a half or unsafe setup', () => {
    expect(() => loadConfig({ STYR_OIDC_ISSUER: provider.STYR_OIDC_ISSUER })).toThrow(/together/);
    expect(() => loadConfig({ STYR_LOCAL_PASSWORDS: 'false' })).toThrow(/nobody could log in/);
    expect(() => loadConfig({ ...provider, STYR_OIDC_ISSUER: 'http://idp.example.no' })).toThrow(/https/);
    expect(loadConfig({ ...provider, STYR_OIDC_ISSUER: 'http://127.0.0.1:4000' }).sso).not.toBeNull();
    expect(() => loadConfig({ ...provider, STYR_OIDC_CLIENT_SECRET: 'short' })).toThrow(/16/);
    expect(() => loadConfig({ ...provider, STYR_OIDC_VERIFIED_CLAIM: 'a b' })).toThrow(/claim/);
    expect(() => loadConfig({ ...provider, STYR_LOCAL_PASSWORDS: 'kanskje' })).toThrow(
      /STYR_LOCAL_PASSWORDS/,
    );
  });
});
