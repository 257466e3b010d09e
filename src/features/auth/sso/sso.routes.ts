// Single sign-on over HTTP. The browser navigates (no script): the login page's link goes to /start, which sets
// the signed state cookie and sends it to the provider; the provider sends it back to /callback, which opens the
// portal's normal session and goes on to the requested page — or to the login page with the refusal's code.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { App, AppDeps } from '../../../shared/http.js';
import { SESSION_COOKIE } from '../auth.config.js';
import { authMethodsSchema } from '../auth.schemas.js';
import { ssoClientFor, SsoProviderUnavailable } from './sso-client.js';
import { safeNextPath, type SsoRefusal } from './sso-identity.rules.js';
import { completeSsoLogin, refuseSsoLogin, SsoLoginRefused } from './sso-login.service.js';
import {
  openState,
  sealState,
  SSO_STATE_COOKIE,
  SSO_STATE_MAX_AGE_SECONDS,
  stateSigningKey,
} from './sso-state.js';
import { routesFor } from '../../../shared/route.js';

const tags = ['auth'];
const STATE_COOKIE_PATH = '/api/auth/sso';

const loginPageWith = (refusal: SsoRefusal) => `/logg-inn?sso=${refusal}`;

export function registerSsoRoutes(app: App, deps: AppDeps) {
  const route = routesFor(app, tags);
  const { sso } = deps.config;
  const key = sso ? stateSigningKey(sso.clientSecret) : null;
  const stateCookie = (reply: FastifyReply, value: string, maxAgeSeconds: number) =>
    reply.setCookie(SSO_STATE_COOKIE, value, {
      path: STATE_COOKIE_PATH,
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET from another site, which Lax lets the cookie ride.
      sameSite: 'lax',
      secure: deps.config.cookieSecure,
      maxAge: maxAgeSeconds,
    });

  route.get(
    '/api/auth/methods',
    {
      access: 'public',
      summary: 'Which ways to log in the portal offers (for the login page)',
      response: authMethodsSchema,
      security: [],
    },
    async () => ({ passwords: deps.config.localPasswords, sso: sso !== null }),
  );

  route.get(
    '/api/auth/sso/start',
    {
      access: 'public',
      summary: "Log in with the organisation's account: redirects to the identity provider",
      description:
        'Sets a signed, HttpOnly state cookie (state, nonce, PKCE verifier; 10 minutes) and answers 302 to the provider. Without single sign-on, or when the provider cannot be reached, 303 to the login page with ?sso=<code>.',
      querystring: z.object({ neste: z.string().max(500).optional() }),
      security: [],
      config: { throttle: 'login' },
    },
    async (request, reply) => {
      if (!sso || !key) return reply.redirect(loginPageWith('notConfigured'), 303);
      let started;
      try {
        started = await ssoClientFor(sso).start();
      } catch (error) {
        request.log.warn({ err: error }, 'single sign-on: provider unavailable');
        return reply.redirect(loginPageWith('providerUnavailable'), 303);
      }
      const now = deps.clock.now();
      const sealed = sealState(
        {
          state: started.state,
          nonce: started.nonce,
          codeVerifier: started.codeVerifier,
          next: safeNextPath(request.query.neste),
          expiresAt: now.getTime() + SSO_STATE_MAX_AGE_SECONDS * 1000,
        },
        key,
      );
      stateCookie(reply, sealed, SSO_STATE_MAX_AGE_SECONDS);
      return reply.redirect(started.url.href, 302);
    },
  );

  route.get(
    '/api/auth/sso/callback',
    {
      access: 'public',
      summary: "The identity provider's answer: opens the portal session",
      description:
        'Checks the state cookie, state, nonce and PKCE, redeems the code and matches the verified e-mail to one person with a user account. 303 to the requested page with the session cookie, or 303 to the login page with ?sso=<code> (refusals are audited).',
      querystring: z.object({
        code: z.string().max(4000).optional(),
        state: z.string().max(1000).optional(),
        error: z.string().max(200).optional(),
      }),
      security: [],
      config: { throttle: 'login' },
    },
    async (request, reply) => {
      if (!sso || !key) return reply.redirect(loginPageWith('notConfigured'), 303);
      const now = deps.clock.now();
      const attempt = { issuer: sso.issuer, clientAddress: request.ip };
      const saved = openState(request.cookies[SSO_STATE_COOKIE], key, now);
      stateCookie(reply, '', 0);
      try {
        if (!saved)
          await refuseSsoLogin(deps.db, 'invalidResponse', attempt, {
            reason: 'state cookie missing, altered or expired',
          });
        if (request.query.error)
          await refuseSsoLogin(
            deps.db,
            request.query.error === 'access_denied' ? 'cancelled' : 'invalidResponse',
            attempt,
            { reason: `provider error ${request.query.error}` },
          );
        let provided;
        try {
          const query = new URLSearchParams(request.url.split('?')[1] ?? '');
          provided = await ssoClientFor(sso).finish(query, saved!);
        } catch (error) {
          if (error instanceof SsoProviderUnavailable) {
            request.log.warn({ err: error }, 'single sign-on: provider unavailable');
            return reply.redirect(loginPageWith('providerUnavailable'), 303);
          }
          const reason = (error as { code?: string }).code ?? (error as Error).message;
          return await refuseSsoLogin(deps.db, 'invalidResponse', attempt, { reason: String(reason) });
        }
        const session = await completeSsoLogin(
          deps.db,
          {
            idleHours: deps.config.sessionIdleHours,
            maxHours: deps.config.sessionMaxHours,
            verifiedClaim: sso.verifiedClaim,
            allowedDomains: sso.allowedDomains,
          },
          provided,
          attempt,
          now,
        );
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.config.cookieSecure,
          maxAge: Math.floor(deps.config.sessionMaxHours * 3600),
        });
        return reply.redirect(saved!.next, 303);
      } catch (error) {
        if (error instanceof SsoLoginRefused) return reply.redirect(loginPageWith(error.refusal), 303);
        throw error;
      }
    },
  );
}
