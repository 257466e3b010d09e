/** The one error type of the domain and services; mapped to HTTP in app.ts and to exit codes in the CLI. */
export type AppErrorCode =
  | 'badRequest'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'payloadTooLarge'
  | 'tooManyRequests'
  | 'internal';

export interface ErrorDetail {
  /** Where the problem is: a field path, or a row number in an imported file. */
  path?: string;
  row?: number;
  message: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: ErrorDetail[];
  /** For tooManyRequests: when the caller may try again (sent as Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    details: ErrorDetail[] = [],
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const httpStatusByCode: Record<AppErrorCode, number> = {
  badRequest: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  payloadTooLarge: 413,
  tooManyRequests: 429,
  internal: 500,
};

export const exitCodeByCode: Record<AppErrorCode, number> = {
  badRequest: 2,
  unauthenticated: 3,
  forbidden: 3,
  notFound: 4,
  conflict: 5,
  payloadTooLarge: 2,
  tooManyRequests: 6,
  internal: 1,
};

export const badRequest = (message: string, details: ErrorDetail[] = []) =>
  new AppError('badRequest', message, details);
export const notFound = (message: string) => new AppError('notFound', message);
export const forbidden = (message = 'Du har ikke tilgang til dette.') => new AppError('forbidden', message);
export const conflict = (message: string, details: ErrorDetail[] = []) =>
  new AppError('conflict', message, details);
