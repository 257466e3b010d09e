// Request ceilings per client address (@fastify/rate-limit, in memory per instance): one for every route, a
// lower one for the public routes and a lower still for the login route. Runs before the session lookup,
// so a flood costs no database work. Failed-login throttling per username lives in auth (in the database).
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
}

export function throttleClassOf(request: FastifyRequest): ThrottleClass {
  const config = request.routeOptions.config;
  if (config?.throttle) return config.throttle;
  return config?.access === 'public' ? 'public' : 'global';
}

export async function registerRateLimits(app: App, options: RateLimitOptions) {
  await app.register(fastifyRateLimit, { global: false });
  const minute = 60_000;
  const limiters = {
    global: app.createRateLimit({ max: options.perMinute, timeWindow: minute }),
    public: app.createRateLimit({ max: options.publicPerMinute, timeWindow: minute }),
    login: app.createRateLimit({ max: options.loginPerMinute, timeWindow: minute }),
  };
  app.addHook('onRequest', async (request, reply) => {
    const limit = await limiters[throttleClassOf(request)](request);
    if (limit.isAllowed || !limit.isExceeded) return;
    const seconds = Math.max(1, limit.ttlInSeconds);
    reply.header('retry-after', String(seconds));
    throw new AppError(
      'tooManyRequests',
      `For mange forespørsler fra denne adressen. Prøv igjen om ${seconds} sekunder.`,
      [],
      { retryAfterSeconds: seconds },
    );
  });
}
