// HTTP plumbing shared by every feature's routes: the typed app, route access, problem+json errors.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { CurrentUser, RouteAccess } from '../features/auth/access.rules.js';
import { AppError, httpStatusByCode, type ErrorDetail } from './app-error.js';
import type { Clock } from './clock.js';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppDeps {
  db: Db;
  config: Config;
  /** The one clock (today's date in Norway and the current instant); fixed or pinned in tests and demos. */
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    user: CurrentUser | null;
    sessionToken: string | null;
  }
}

/** The current user of a route that declared an access rule other than 'public'. */
export function requireUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new AppError('unauthenticated', 'Du må logge inn.');
  return request.user;
}

/** Sends a stored file as a download: never rendered inline, never cached by shared caches. */
export function sendFileDownload(
  reply: FastifyReply,
  file: { contentType: string; fileName: string; content: Buffer | string },
) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.content);
}

export const problemContentType = 'application/problem+json; charset=utf-8';

const titles: Record<number, string> = {
  400: 'Ugyldig forespørsel',
  401: 'Ikke innlogget',
  403: 'Ingen tilgang',
  404: 'Finnes ikke',
  409: 'Konflikt',
  413: 'For stor forespørsel',
  415: 'Ukjent innholdstype',
  429: 'For mange forespørsler',
  500: 'Intern feil',
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors: ErrorDetail[] = [],
) {
  return reply
    .status(status)
    .type(problemContentType)
    .send({ type: 'about:blank', title: titles[status] ?? 'Feil', status, detail, code, errors });
}

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** PostgreSQL constraint violations a user can cause, as clear 4xx answers (backstop behind the services' own checks). */
function mapDatabaseError(error: PgError): { status: number; code: string; detail: string } | null {
  switch (error.code) {
    case '23505':
      return {
        status: 409,
        code: 'conflict',
        detail: 'Det finnes allerede en oppføring med denne koden eller dette navnet.',
      };
    case '23503':
      return {
        status: 400,
        code: 'badRequest',
        detail: 'Oppføringen viser til noe som ikke finnes, eller er i bruk.',
      };
    case '23514':
    case '22007':
    case '22008':
    case '22P02':
    case '22003':
      return { status: 400, code: 'badRequest', detail: 'Ugyldig verdi.' };
    default:
      return null;
  }
}

function findPgError(error: unknown): PgError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const candidate = current as PgError & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return null;
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const details = error.validation.map((issue) => ({
      path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'Ugyldig verdi',
    }));
    const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
    return sendProblem(reply, 400, 'badRequest', `Ugyldig forespørsel – ${summary}`, details);
  }
  if (error instanceof AppError) {
    const status = httpStatusByCode[error.code];
    if (status >= 500) request.log.error({ err: error }, error.message);
    if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
    return sendProblem(reply, status, error.code, error.message, error.details);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
    return sendProblem(reply, 500, 'internal', 'Intern feil.');
  }
  const pgError = findPgError(error);
  const mapped = pgError ? mapDatabaseError(pgError) : null;
  if (mapped) {
    request.log.info({ err: error }, 'database constraint refused a write');
    return sendProblem(reply, mapped.status, mapped.code, mapped.detail);
  }
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    const detail =
      status === 413
        ? 'Forespørselen er for stor.'
        : status === 415
          ? 'Innholdstypen støttes ikke her.'
          : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
            ? 'Ugyldig JSON i forespørselen.'
            : error.message;
    return sendProblem(reply, status, status === 413 ? 'payloadTooLarge' : 'badRequest', detail);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(
    reply,
    500,
    'internal',
    'Intern feil. Prøv igjen, eller kontakt porteføljesekretariatet.',
  );
}
