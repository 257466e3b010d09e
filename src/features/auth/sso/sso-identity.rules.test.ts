import { describe, expect, it } from 'vitest';
import {
  isSsoRefusal,
  safeNextPath,
  ssoRefusalMessages,
  ssoRefusals,
  verifiedEmailOf,
} from './sso-identity.rules.js';

const openId = { verifiedClaim: 'email_verified', allowedDomains: [] };

describe('verifiedEmailOf', () => {
  it('takes a verified e-mail, trimmed and in lower case', () => {
    expect(verifiedEmailOf({ email: ' Kari.Nordmann@Helse-Vest.no ', email_verified: true }, openId)).toEqual(
      {
        email: 'kari.nordmann@helse-vest.no',
      },
    );
  });

  it('counts only a boolean true in the configured claim', () => {
    for (const verified of [false, 'true', 1, null, undefined])
      expect(verifiedEmailOf({ email: 'a@b.no', email_verified: verified }, openId)).toEqual({
        refusal: 'noVerifiedEmail',
        email: 'a@b.no',
      });
    // Entra ID: the domain-owner claim instead of email_verified.
    const entra = { verifiedClaim: 'xms_edov', allowedDomains: [] };
    expect(verifiedEmailOf({ email: 'a@b.no', email_verified: true }, entra)).toMatchObject({
      refusal: 'noVerifiedEmail',
    });
    expect(verifiedEmailOf({ email: 'a@b.no', xms_edov: true }, entra)).toEqual({ email: 'a@b.no' });
  });

  it('refuses a missing or implausible e-mail', () => {
    expect(verifiedEmailOf({ email_verified: true }, openId)).toEqual({
      refusal: 'noVerifiedEmail',
      email: null,
    });
    expect(verifiedEmailOf({ email: 42, email_verified: true }, openId)).toMatchObject({
      refusal: 'noVerifiedEmail',
    });
    for (const email of ['kari', 'kari@localhost', '@helse-vest.no', 'kari nordmann@helse-vest.no'])
      expect(verifiedEmailOf({ email, email_verified: true }, openId)).toMatchObject({
        refusal: 'noVerifiedEmail',
      });
  });

  it('applies the allowed domains exactly (no subdomains, no suffix tricks)', () => {
    const policy = {
      verifiedClaim: 'email_verified',
      allowedDomains: ['helse-vest.no', 'sykehusinnkjop.no'],
    };
    expect(verifiedEmailOf({ email: 'a@helse-vest.no', email_verified: true }, policy)).toEqual({
      email: 'a@helse-vest.no',
    });
    for (const email of ['a@ihelse-vest.no', 'a@helse-vest.no.evil.example', 'a@sub.helse-vest.no'])
      expect(verifiedEmailOf({ email, email_verified: true }, policy)).toEqual({
        refusal: 'domainNotAllowed',
        email,
      });
  });
});

describe('refusals', () => {
  it('has a Norwegian message for every code, and knows its codes', () => {
    for (const refusal of ssoRefusals) expect(ssoRefusalMessages[refusal]).toMatch(/\.$/);
    expect(isSsoRefusal('unknownPerson')).toBe(true);
    expect(isSsoRefusal('<script>')).toBe(false);
    expect(isSsoRefusal(undefined)).toBe(false);
  });
});

describe('safeNextPath', () => {
  it('keeps paths inside the portal and drops everything else', () => {
    expect(safeNextPath('/saker?fane=2')).toBe('/saker?fane=2');
    for (const next of [
      undefined,
      null,
      '',
      'saker',
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
    ])
      expect(safeNextPath(next)).toBe('/');
    expect(safeNextPath(`/${'a'.repeat(600)}`)).toBe('/');
    expect(safeNextPath('/a\nb')).toBe('/');
  });
});
