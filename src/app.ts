import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isAllowedByRouteAccess, type RouteAccess } from './features/auth/access.rules.js';
import { authenticate } from './features/auth/auth.service.js';
import { SESSION_COOKIE } from './features/auth/auth.config.js';
import { registerAuthRoutes } from './features/auth/auth.routes.js';
import { registerSsoRoutes } from './features/auth/sso/sso.routes.js';
import { registerAgreementRoutes } from './features/agreements/agreements.routes.js';
import { registerAuditRoutes } from './features/audit/audit.routes.js';
import { registerGovernanceRoutes } from './features/governance/governance.routes.js';
import { registerFaggruppeMatterRoutes } from './features/governance/cases/faggruppe-matter.routes.js';
import { registerNotificationRoutes } from './features/notifications/notifications.routes.js';
import { createMailDispatcher, type MailDispatcher } from './features/notifications/mail-dispatcher.js';
import { registerMeetingRoutes } from './features/meetings/meetings.routes.js';
import { registerMeetingCalendarRoutes } from './features/meetings/meeting-calendar.routes.js';
import { startSecretariatJobs } from './features/meetings/secretariat-jobs.js';
import { registerDocumentRoutes } from './features/documents/documents.routes.js';
import { registerTrainingRoutes } from './features/training/training.routes.js';
import { registerWorkspaceRoutes } from './features/workspace/workspace.routes.js';
import { registerCategoryRoutes } from './features/categories/categories.routes.js';
import { registerOrganisationRoutes } from './features/organisations/organisations.routes.js';
import { registerPeopleRoutes } from './features/people/people.routes.js';
import { registerProcurementRoutes } from './features/procurements/procurements.routes.js';
import { registerSpendRoutes } from './features/spend/spend.routes.js';
import { registerReportingRoutes } from './features/reporting/reporting.routes.js';
import { registerKpiRoutes } from './features/kpis/kpis.routes.js';
import { registerAnnualPlanRoutes } from './features/annual-plan/annual-plan.routes.js';
import { registerActionPlanRoutes } from './features/action-plans/action-plans.routes.js';
import { registerProgrammeRoutes } from './features/programme/programme.routes.js';
import { registerOpenDataRoutes } from './features/open-data/open-data.routes.js';
import { registerPublicAccessRoutes } from './features/public-access/public-access.routes.js';
import { registerHomeRoutes } from './features/home/home.routes.js';
import { registerSteeringGroupRoutes } from './features/steering-groups/steering-groups.routes.js';
import { registerCategoryResponsibilityRoutes } from './features/category-responsibility/category-responsibility.routes.js';
import { registerGovernanceBodyRoutes } from './features/governance-bodies/governance-bodies.routes.js';
import { registerMasterAgreementRoutes } from './features/master-agreements/master-agreements.routes.js';
import { registerImplementationRoutes } from './features/implementation/implementation.routes.js';
import { registerSecurityHeaders } from './features/security/security-headers.js';
import { registerRateLimits } from './features/security/rate-limits.js';
import { CLOCK_HEADER } from './shared/clock.js';
import { handleError, sendProblem, type App, type AppDeps } from './shared/http.js';
import { projectPath } from './shared/project-paths.js';

const webRoot = projectPath('dist', 'web');

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The API routes with their access rules (walked by the authorisation tests). */
    routeTable: RouteEntry[];
    /** Sends the e-mail outbox after commit; null when SMTP_URL is not set. */
    mail: MailDispatcher | null;
  }
}

export interface BuildAppOptions {
  logger?: boolean | { level: string };
  /** Serve the built web app from dist/web (production and browser tests). */
  serveWeb?: boolean;
  /** Run the secretariat's recurring jobs (invitations, overdue reminders, mail) on a timer (the server). */
  backgroundJobs?: boolean;
}

export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: deps.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  // Every /api route must declare who may call it; a route without one stops the app at start.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
  });

  await registerSecurityHeaders(app, { https: deps.config.cookieSecure });
  // Cookies are parsed first so the request ceilings can count a session's requests by its cookie.
  await app.register(fastifyCookie);
  await registerRateLimits(app, { ...deps.config.rateLimits, sessionCookie: SESSION_COOKIE });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Styringsportalen API',
        version: '0.1.0',
        description:
          'Procurement governance for Sykehusinnkjøp HF, the RHFs and their HFs. Log in with POST /api/auth/login; the session cookie authorises the other routes. Errors are application/problem+json.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // Swagger UI injects its own <style> element; only its pages allow inline style sheets.
    transformStaticCSP: (header) => header.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  });

  // Fail closed: an /api route without a declared access rule answers 403 for everyone.
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.user = await authenticate(
        deps.db,
        { idleHours: deps.config.sessionIdleHours, maxHours: deps.config.sessionMaxHours },
        token,
        deps.clock.now(),
      );
      request.sessionToken = request.user ? token : null;
    }
    const access = request.routeOptions.config?.access;
    if (!request.routeOptions.url) return; // unknown route: the 404 handler answers
    const verdict = access ? isAllowedByRouteAccess(request.user, access) : 'forbidden';
    if (verdict === 'unauthenticated') return sendProblem(reply, 401, 'unauthenticated', 'Du må logge inn.');
    if (verdict === 'forbidden')
      return sendProblem(reply, 403, 'forbidden', 'Rollen din gir ikke tilgang til dette.');
  });

  // Every API answer carries the server's clock, so the web app's defaults (today's date, this year) follow a
  // pinned demo or test day rather than the browser's.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header(CLOCK_HEADER, deps.clock.now().toISOString());
  });

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meta'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
      },
    },
    async () => ({ status: 'ok' as const, database: deps.config.databaseUrl ? 'postgres' : 'pglite' }),
  );
  // One place that lists the features; each registers its routes, every one with an access rule.
  const features = [
    registerAuthRoutes,
    registerSsoRoutes,
    registerOrganisationRoutes,
    registerCategoryRoutes,
    registerSteeringGroupRoutes,
    registerGovernanceBodyRoutes,
    registerProcurementRoutes,
    registerPeopleRoutes,
    registerAuditRoutes,
    registerGovernanceRoutes,
    registerFaggruppeMatterRoutes,
    registerNotificationRoutes,
    registerAgreementRoutes,
    registerSpendRoutes,
    registerMeetingRoutes,
    registerMeetingCalendarRoutes,
    registerDocumentRoutes,
    registerTrainingRoutes,
    registerWorkspaceRoutes,
    registerReportingRoutes,
    registerKpiRoutes,
    registerAnnualPlanRoutes,
    registerActionPlanRoutes,
    registerProgrammeRoutes,
    registerOpenDataRoutes,
    registerPublicAccessRoutes,
    registerHomeRoutes,
    registerCategoryResponsibilityRoutes,
    registerMasterAgreementRoutes,
    registerImplementationRoutes,
  ];
  for (const registerFeature of features) registerFeature(app, deps);

  // E-mail leaves after the writing transaction has committed: a write request kicks the outbox.
  const mail = deps.config.smtpUrl
    ? createMailDispatcher({
        db: deps.db,
        smtpUrl: deps.config.smtpUrl,
        from: deps.config.mailFrom,
        publicUrl: deps.config.publicUrl,
        clock: deps.clock,
        onError: (error) => app.log.warn({ err: error }, 'e-mail not sent'),
      })
    : null;
  app.decorate('mail', mail);
  if (mail) {
    app.addHook('onResponse', async (request) => {
      if (request.method !== 'GET' && request.url.startsWith('/api/')) mail.kick();
    });
  }
  const stopJobs = options.backgroundJobs
    ? startSecretariatJobs({
        db: deps.db,
        config: deps.config,
        clock: deps.clock,
        mail,
        onError: (error) => app.log.error({ err: error }, 'secretariat job failed'),
      })
    : null;
  app.addHook('onClose', async () => {
    stopJobs?.();
    mail?.close();
  });
  const hasWeb = options.serveWeb !== false && fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return sendProblem(reply, 404, 'notFound', `Fant ikke ${request.method} ${request.url.split('?')[0]}.`);
    }
    // The web app routes on the client: every other GET gets index.html.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return app;
}
