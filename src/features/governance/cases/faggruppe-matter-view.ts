// What a case shows of an unresolved faggruppe matter (V01 §7.3): when it was raised, the days the group had,
// each step up the line with who and on which day, and which step the viewer may take now.
import type { Db } from '../../../db/client.js';
import {
  lineCapacity,
  lineEscalationBlocker,
  lineEscalationFrom,
  rhfReferralBlocker,
} from '../../../domain/escalation.rules.js';
import { canEditProcurement, hasRole, isSecretariat, type CurrentUser } from '../../auth/index.js';
import { peopleRepo } from '../../people/index.js';
import type { CaseRow } from '../governance.repo.js';
import type { FaggruppeMatterDto } from './faggruppe-matter.schemas.js';
import * as matters from './faggruppe-matters.repo.js';

export async function faggruppeMatterView(
  db: Db,
  user: CurrentUser,
  row: CaseRow,
  today: string,
): Promise<FaggruppeMatterDto | null> {
  if (row.kind !== 'faggruppeMatter') return null;
  const matter = await matters.findMatter(db, row.id);
  if (!matter) return null;
  const raisedBy = await peopleRepo.findPerson(db, row.submittedByPersonId);
  const lineUserExists = (await matters.personIdsWithRole(db, ['shiLine'])).length > 0;
  const mayLead = canEditProcurement(user, row.procurementLeadId);
  const lineBlocker = lineEscalationBlocker({ ...row, ...matter }, today);
  return {
    raisedOn: matter.raisedOn,
    raisedByName: raisedBy?.name ?? '',
    raisedAs: matter.raisedAs,
    escalationDays: matter.escalationDays,
    ruleVersion: matter.ruleVersion,
    lineEscalationFrom: lineEscalationFrom(matter.raisedOn, matter.escalationDays),
    lineEscalation:
      matter.lineEscalatedOn !== null
        ? {
            on: matter.lineEscalatedOn,
            byName: matter.lineEscalatedByName ?? '',
            as: matter.lineEscalatedAs ?? 'procurementLead',
            reason: matter.lineReason ?? '',
          }
        : null,
    rhfReferral:
      matter.referredOn !== null
        ? {
            on: matter.referredOn,
            byName: matter.referredByName ?? '',
            as: matter.referredAs ?? 'shiLine',
          }
        : null,
    lineHeldBy: lineUserExists ? 'shiLine' : 'secretariat',
    canEscalateToLine: mayLead && lineBlocker === null,
    lineEscalationBlockedReason:
      mayLead && ['open', 'dissent', 'outsideMandate'].includes(row.status) ? lineBlocker : null,
    canReferToRhfs:
      rhfReferralBlocker(row) === null &&
      lineCapacity(
        { isShiLine: hasRole(user, 'shiLine'), isSecretariat: isSecretariat(user) },
        lineUserExists,
      ) !== null,
  };
}
