// Runs the shared zod contract in the browser so the user sees the server's own messages before sending.
import type { ZodType } from 'zod';
import { localProblem, type Problem } from './api-client.js';

export function validate(schema: ZodType, body: unknown): Problem | undefined {
  const result = schema.safeParse(body);
  if (result.success) return undefined;
  return localProblem(
    400,
    'Skjemaet har feil',
    'Rett opp feltene som er merket, og lagre igjen.',
    result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  );
}
