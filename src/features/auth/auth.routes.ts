import { SESSION_COOKIE } from './auth.config.js';
import type { FastifyReply } from 'fastify';
import { problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { currentUserSchema, loginSchema } from './auth.schemas.js';
import { login, logout } from './auth.service.js';
import { targetScryptParameters } from './password.js';

const tags = ['auth'];

export function registerAuthRoutes(app: App, deps: AppDeps) {
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

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', throttle: 'login' },
      schema: {
        tags,
        summary: 'Log in; sets the httpOnly session cookie',
        description:
          'After too many failed attempts for the username or the client address within the window the answer is 429 with Retry-After, even for the right password.',
        security: [],
        body: loginSchema,
        response: { 200: currentUserSchema, 401: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const session = await login(deps.db, policy, request.body, deps.clock.now(), {
        clientAddress: request.ip,
        throttle: deps.config.loginThrottle,
      });
      setCookie(reply, session.token, Math.floor(deps.config.sessionMaxHours * 3600));
      return session.user;
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Log out and end the session' } },
    async (request, reply) => {
      await logout(deps.db, request.sessionToken ?? '', requireUser(request));
      setCookie(reply, '', 0);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The logged-in user and their roles', response: { 200: currentUserSchema } },
    },
    async (request) => requireUser(request),
  );
}
