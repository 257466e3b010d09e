// Who decides a habilitet question, and a question as the API shows it: a leaf module, read by the case
// view, the questions' use cases and the RHF discussion alike.
import { isSecretariat, organisationsForRole, type CurrentUser } from '../../auth/index.js';
import type * as repo from './habilitet.repo.js';

/** Who decides a question: the contact of the member's RHF, or the secretariat on the RHF's behalf. */
export function decidingCapacity(user: CurrentUser, rhfId: string): 'rhfContact' | 'secretariat' | null {
  if (organisationsForRole(user, 'rhfContact').includes(rhfId)) return 'rhfContact';
  if (isSecretariat(user)) return 'secretariat';
  return null;
}

export function toQuestionDto(row: repo.QuestionRow) {
  return {
    id: row.id,
    caseId: row.caseId,
    caseTitle: row.caseTitle,
    procurementName: row.procurementName,
    steeringGroupName: row.steeringGroupName,
    personId: row.personId,
    personName: row.personName,
    rhfId: row.rhfId,
    rhfName: row.rhfName,
    source: row.source,
    reason: row.reason as string | null,
    raisedAt: row.raisedAt.toISOString(),
    status: row.status,
    decisionReason: row.decisionReason,
    decidedByName: row.decidedByName,
    decidedAs: row.decidedAs,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedOn: row.decidedOn ?? null,
  };
}
