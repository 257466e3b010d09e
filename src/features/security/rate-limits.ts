// Request ceilings (@fastify/rate-limit, in memory per instance). They run before the session lookup, so a
// flood costs no database work. Failed-login throttling per username lives in auth (in the database).
//
// - An API request with a session cookie counts against that session: a whole hospital behind one network
//   address (the usual case in Helse Nord, Vest, Midt and Sør-Øst) does not throttle its own users.
// - An API request without one counts against the client address, with a lower ceiling for the public
//   routes and a lower still for the login route.
// - Every request, the web app's own files included, also counts against a network ceiling per address
//   (STYR_NETWORK_RATE_LIMIT_PER_MINUTE), so made-up cookies cannot buy unlimited allowances.
import { createHash } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/app-error.js';
import type { App } from '../../shared/http.js';

export type ThrottleClass = 'global' | 'public' | 'login';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Which request ceiling the route falls under; by default 'public' for public routes, else 'global'. */
    throttle?: ThrottleClass;
  }
}

export interface RateLimitOptions {
  perMinute: number;
  publicPerMinute: number;
  loginPerMinute: number;
  networkPerMinute: number;
  /** The cookie that names a session; its requests count per session instead of per address. */
  sessionCookie: string;
}

export function throttleClassOf(request: FastifyRequest): ThrottleClass {
  const config = request.routeOptions.config;
  if (config?.throttle) return config.throttle;
  return config?.access === 'public' ? 'public' : 'global';
}

export async function registerRateLimits(app: App, options: RateLimitOptions) {
  await app.register(fastifyRateLimit, { global: false });
  const minute = 60_000;
  const byAddress = (request: FastifyRequest) => `address:${request.ip}`;
  const bySessionOrAddress = (request: FastifyRequest) => {
    const token = request.cookies[options.sessionCookie] || null;
    if (!token) return byAddress(request);
    return `session:${createHash('sha256').update(token).digest('base64url').slice(0, 22)}`;
  };
  const limiters = {
    network: app.createRateLimit({
      max: options.networkPerMinute,
      timeWindow: minute,
      keyGenerator: byAddress,
    }),
    global: app.createRateLimit({
      max: options.perMinute,
      timeWindow: minute,
      keyGenerator: bySessionOrAddress,
    }),
    public: app.createRateLimit({
      max: options.publicPerMinute,
      timeWindow: minute,
      keyGenerator: byAddress,
    }),
    login: app.createRateLimit({ max: options.loginPerMinute, timeWindow: minute, keyGenerator: byAddress }),
  };
  const refuse = (
    reply: { header(name: string, value: string): unknown },
    ttlInSeconds: number,
    who: string,
  ): never => {
    const seconds = Math.max(1, ttlInSeconds);
    reply.header('retry-after', String(seconds));
    throw new AppError(
      'tooManyRequests',
      `For mange forespørsler fra ${who}. Prøv igjen om ${seconds} sekunder.`,
      [],
      { retryAfterSeconds: seconds },
    );
  };
  app.addHook('onRequest', async (request, reply) => {
    const network = await limiters.network(request);
    if (!network.isAllowed && network.isExceeded) refuse(reply, network.ttlInSeconds, 'denne adressen');
    if (!request.url.startsWith('/api/')) return;
    const throttle = throttleClassOf(request);
    const limit = await limiters[throttle](request);
    if (limit.isAllowed || !limit.isExceeded) return;
    const perSession = throttle === 'global' && (request.cookies[options.sessionCookie] || null) !== null;
    refuse(reply, limit.ttlInSeconds, perSession ? 'denne innloggingen' : 'denne adressen');
  });
}
