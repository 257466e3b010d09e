// The portal as an OpenID Connect relying party (openid-client): authorization code flow with PKCE (S256), state
// and nonce, a confidential client (client secret). The provider's discovery document is fetched on first use and
// kept; a failed fetch is retried on the next login rather than stopping the portal.
import * as oidc from 'openid-client';
import type { SsoConfig } from './sso-config.js';

export interface SsoAuthorizationStart {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface SsoClient {
  /** A fresh state, nonce and PKCE verifier, and the provider address to send the browser to. */
  start(): Promise<SsoAuthorizationStart>;
  /**
   * Redeems the code in the provider's answer (query of the callback) after checking state, nonce and PKCE,
   * and returns the end user's claims (ID token, completed from the userinfo endpoint when it carries no e-mail).
   */
  finish(
    callbackQuery: URLSearchParams,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ claims: Record<string, unknown>; idToken: string }>;
  /** The provider's logout address for this ID token, or null when the provider has no end_session endpoint. */
  endSessionUrl(idToken: string): Promise<URL | null>;
}

/** The provider could not be reached or its discovery document is unusable. */
export class SsoProviderUnavailable extends Error {}

const TIMEOUT_SECONDS = 10;

export function createSsoClient(config: SsoConfig): SsoClient {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        new URL(config.issuer),
        config.clientId,
        { redirect_uris: [config.redirectUrl], response_types: ['code'] },
        oidc.ClientSecretPost(config.clientSecret),
        {
          timeout: TIMEOUT_SECONDS,
          // Plain HTTP only for a provider on this machine (sso-config.ts refuses any other http:// issuer).
          ...(new URL(config.issuer).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
        },
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw new SsoProviderUnavailable(`OpenID Connect discovery failed: ${(error as Error).message}`, {
          cause: error,
        });
      });
    return discovered;
  };

  return {
    async start() {
      const provider = await configuration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(provider, {
        redirect_uri: config.redirectUrl,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, state, nonce, codeVerifier };
    },

    async finish(callbackQuery, checks) {
      const provider = await configuration();
      // The answer is checked against the configured redirect address, not the request's Host header.
      const currentUrl = new URL(config.redirectUrl);
      currentUrl.search = callbackQuery.toString();
      const tokens = await oidc.authorizationCodeGrant(provider, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      let claims: Record<string, unknown> = { ...idClaims };
      if (typeof idClaims.email !== 'string' && provider.serverMetadata().userinfo_endpoint) {
        const userInfo = await oidc.fetchUserInfo(provider, tokens.access_token, idClaims.sub);
        claims = { ...claims, email: userInfo.email, [config.verifiedClaim]: userInfo[config.verifiedClaim] };
      }
      return { claims, idToken: tokens.id_token! };
    },

    async endSessionUrl(idToken) {
      const provider = await configuration();
      if (!provider.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(provider, {
        id_token_hint: idToken,
        post_logout_redirect_uri: config.postLogoutRedirectUrl,
      });
    },
  };
}

const clients = new WeakMap<SsoConfig, SsoClient>();

/** One client (and one cached discovery) per configuration. */
export function ssoClientFor(config: SsoConfig): SsoClient {
  let client = clients.get(config);
  if (!client) {
    client = createSsoClient(config);
    clients.set(config, client);
  }
  return client;
}

/** The provider's logout address for an ended single sign-on session, or null (no SSO, no endpoint, unreachable). */
export async function providerLogoutUrl(
  config: SsoConfig | null,
  idToken: string | null,
): Promise<string | null> {
  if (!config || !idToken) return null;
  try {
    return (await ssoClientFor(config).endSessionUrl(idToken))?.href ?? null;
  } catch {
    return null;
  }
}
