// A problem+json answer from the server as an Error (status, the problem, Retry-After of a 429).
import type { z } from 'zod';
import type { problemSchema } from '@server/shared/schemas.js';

export type Problem = z.infer<typeof problemSchema>;
export type ProblemItem = Problem['errors'][number];

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds the server asked us to wait (Retry-After on a 429), if it said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
