import { SESSION_COOKIE } from './auth.config.js';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/app-error.js';
import { problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { currentUserSchema, loginSchema } from './auth.schemas.js';
import { login, logout } from './auth.service.js';
import { targetScryptParameters } from './password.js';
import { providerLogoutUrl } from './sso/sso-client.js';
import { routesFor } from '../../shared/route.js';

const tags = ['auth'];

export function registerAuthRoutes(app: App, deps: AppDeps) {
  const route = routesFor(app, tags);
  targetScryptParameters(); // a bad STYR_SCRYPT_LOG_N stops the start, not the first login
  const policy = { idleHours: deps.config.sessionIdleHours, maxHours: deps.config.sessionMaxHours };
  const setCookie = (reply: FastifyReply, value: string, maxAgeSeconds: number) =>
    reply.setCookie(SESSION_COOKIE, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.cookieSecure,
      maxAge: maxAgeSeconds,
    });

  route.post(
    '/api/auth/login',
    {
      access: 'public',
      summary: 'Log in; sets the httpOnly session cookie',
      description:
        'After too many failed attempts for the username or the client address within the window the answer is 429 with Retry-After, even for the right password.',
      body: loginSchema,
      response: { 200: currentUserSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema },
      security: [],
      config: { throttle: 'login' },
    },
    async (request, reply) => {
      if (!deps.config.localPasswords)
        throw new AppError(
          'forbidden',
          'Innlogging med brukernavn og passord er slått av. Bruk «Logg inn med virksomhetens konto».',
        );
      const session = await login(deps.db, policy, request.body, deps.clock.now(), {
        clientAddress: request.ip,
        throttle: deps.config.loginThrottle,
      });
      setCookie(reply, session.token, Math.floor(deps.config.sessionMaxHours * 3600));
      return session.user;
    },
  );

  route.post(
    '/api/auth/logout',
    {
      access: 'authenticated',
      summary: 'Log out and end the session',
      description:
        "204 after a password login. After single sign-on 200 with the provider's logout address (its end_session endpoint), where the browser goes next to end the provider's session too; null when the provider has none.",
      response: { 200: z.object({ endSessionUrl: z.string().nullable() }), 204: z.null() },
    },
    async (request, reply) => {
      const { idToken } = await logout(deps.db, request.sessionToken ?? '', requireUser(request));
      setCookie(reply, '', 0);
      if (!idToken) return reply.status(204).send(null);
      return { endSessionUrl: await providerLogoutUrl(deps.config.sso, idToken) };
    },
  );

  route.get(
    '/api/auth/me',
    { access: 'authenticated', summary: 'The logged-in user and their roles', response: currentUserSchema },
    async (request) => requireUser(request),
  );
}
