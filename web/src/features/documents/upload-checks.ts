// What the upload forms share: the accepted file types, and refusals that say nothing was stored.
import { MAX_UPLOAD_BYTES } from '@server/domain/upload.rules.js';
import { localProblem, toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { formatBytes } from '../governance/governance-api.js';

export const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.doc,.xls,.txt,.png,.jpg,.jpeg';

export interface MeetingOption {
  id: string;
  label: string;
}

/** A too large file is refused before it is read; everything else is the server's call. */
export function tooLargeProblem(file: File): Problem | undefined {
  if (file.size <= MAX_UPLOAD_BYTES) return undefined;
  return localProblem(
    413,
    'Filen er for stor',
    `${file.name} er ${formatBytes(file.size)}; grensen er ${formatBytes(MAX_UPLOAD_BYTES)}. Ingenting er lagret.`,
  );
}

/** The server's refusal with a line saying nothing was stored. */
export function refusal(error: unknown): Problem {
  const problem = toDisplayProblem(error);
  if (problem.status === 413 || problem.status === 400 || problem.status === 415)
    return { ...problem, title: `${problem.title} – dokumentet er ikke lagret` };
  return problem;
}
