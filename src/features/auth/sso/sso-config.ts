// Single sign-on settings from the environment: the organisation's OpenID Connect provider (Microsoft Entra ID in
// practice) and whether local passwords are still accepted. Parsed once at start; a half-configured provider
// stops the start rather than the first login.
import { z } from 'zod';

export interface SsoConfig {
  /** The issuer; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: the portal's /api/auth/sso/callback as users reach it. */
  redirectUrl: string;
  /** Where the provider's logout sends the browser afterwards: the portal's login page. */
  postLogoutRedirectUrl: string;
  /** E-mail domains accepted (lower case, no @); empty accepts any domain the provider vouches for. */
  allowedDomains: string[];
  /** The boolean claim that must be true for the e-mail to count (Entra ID: `xms_edov`). */
  verifiedClaim: string;
}

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

export const ssoEnvSchema = z.object({
  STYR_OIDC_ISSUER: optionalText.pipe(z.string().url().optional()),
  STYR_OIDC_CLIENT_ID: optionalText,
  STYR_OIDC_CLIENT_SECRET: optionalText,
  STYR_OIDC_REDIRECT_URL: optionalText.pipe(z.string().url().optional()),
  STYR_OIDC_ALLOWED_DOMAINS: optionalText,
  STYR_OIDC_VERIFIED_CLAIM: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_]+$/, 'a claim name (letters, digits, _)')
      .optional(),
  ),
  /** `false` switches local passwords off: only single sign-on logs in. */
  STYR_LOCAL_PASSWORDS: z
    .enum(['1', '0', 'true', 'false', 'yes', 'no'])
    .default('true')
    .transform((value) => value === '1' || value === 'true' || value === 'yes'),
});

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain HTTP only for a provider on this machine (the test suite's); anything else must be HTTPS. */
export function isAllowedIssuer(issuer: URL): boolean {
  return issuer.protocol === 'https:' || (issuer.protocol === 'http:' && loopbackHosts.has(issuer.hostname));
}

/** Turns the parsed variables into the SSO settings (null without a provider); throws on a half setup. */
export function ssoConfigFrom(
  env: z.infer<typeof ssoEnvSchema>,
  publicUrl: string,
): { sso: SsoConfig | null; localPasswords: boolean } {
  const { STYR_OIDC_ISSUER: issuer, STYR_OIDC_CLIENT_ID: clientId, STYR_OIDC_CLIENT_SECRET: secret } = env;
  const given = [issuer, clientId, secret].filter((value) => value !== undefined).length;
  if (given > 0 && given < 3)
    throw new Error(
      'Invalid environment: single sign-on needs STYR_OIDC_ISSUER, STYR_OIDC_CLIENT_ID and STYR_OIDC_CLIENT_SECRET together.',
    );
  if (given === 0) {
    if (!env.STYR_LOCAL_PASSWORDS)
      throw new Error(
        'Invalid environment: STYR_LOCAL_PASSWORDS=false needs single sign-on (STYR_OIDC_ISSUER, STYR_OIDC_CLIENT_ID, STYR_OIDC_CLIENT_SECRET), or nobody could log in.',
      );
    return { sso: null, localPasswords: true };
  }
  if (!isAllowedIssuer(new URL(issuer!)))
    throw new Error('Invalid environment: STYR_OIDC_ISSUER must be an https:// address.');
  if (secret!.length < 16)
    throw new Error('Invalid environment: STYR_OIDC_CLIENT_SECRET is shorter than 16 characters.');
  const allowedDomains = (env.STYR_OIDC_ALLOWED_DOMAINS ?? '')
    .split(',')
    .map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
    .filter((domain) => domain.length > 0);
  return {
    sso: {
      issuer: issuer!,
      clientId: clientId!,
      clientSecret: secret!,
      redirectUrl: env.STYR_OIDC_REDIRECT_URL ?? `${publicUrl}/api/auth/sso/callback`,
      postLogoutRedirectUrl: `${publicUrl}/logg-inn`,
      allowedDomains,
      verifiedClaim: env.STYR_OIDC_VERIFIED_CLAIM ?? 'email_verified',
    },
    localPasswords: env.STYR_LOCAL_PASSWORDS,
  };
}
