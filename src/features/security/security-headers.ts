// Response headers for every answer (web app, API, downloads): a strict Content-Security-Policy the Vite build
// meets (no inline script), no framing, no MIME sniffing, same-origin referrers, HSTS behind HTTPS.
import fastifyHelmet from '@fastify/helmet';
import type { App } from '../../shared/http.js';

export interface SecurityHeaderOptions {
  /** The portal is served over HTTPS (STYR_COOKIE_SECURE=true): send HSTS and upgrade insecure requests. */
  https: boolean;
}

/** The policy as directives; exported so the tests and the README name one source. */
export function contentSecurityPolicy(options: SecurityHeaderOptions): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // Style sheets only from the portal; style attributes set by React and ECharts are allowed, <style> is not.
    'style-src': ["'self'"],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(options.https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

export async function registerSecurityHeaders(app: App, options: SecurityHeaderOptions) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    hsts: options.https ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    // The portal loads nothing from other origins, so cross-origin isolation costs nothing.
    crossOriginEmbedderPolicy: true,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}
