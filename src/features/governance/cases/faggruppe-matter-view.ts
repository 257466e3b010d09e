// What a case shows of an unresolved faggruppe matter (V01 §7.3): when it was raised, the days the group had,
// each step up the line with who and on which day, and which step the viewer may take now.
import type { Db } from '../../../db/client.js';
import type { CaseCapabilities } from '../../../domain/case-lifecycle.rules.js';
import { lineEscalationFrom } from '../../../domain/escalation.rules.js';
import { peopleRepo } from '../../people/index.js';
import type { CaseRow } from '../governance.repo.js';
import type { FaggruppeMatterDto } from './faggruppe-matter.schemas.js';
import * as matters from './faggruppe-matters.repo.js';

export async function faggruppeMatterView(
  db: Db,
  row: CaseRow,
  can: Pick<CaseCapabilities, 'escalateToLine' | 'referToRhfs'>,
): Promise<FaggruppeMatterDto | null> {
  if (row.kind !== 'faggruppeMatter') return null;
  const matter = await matters.findMatter(db, row.id);
  if (!matter) return null;
  const raisedBy = await peopleRepo.findPerson(db, row.submittedByPersonId);
  const lineUserExists = (await matters.personIdsWithRole(db, ['shiLine'])).length > 0;
  // What the lead may not do yet (the group's days), shown to those who could; not the role refusals.
  const lineBlocked = can.escalateToLine?.refusal === 'conflict' ? can.escalateToLine.reason : null;
  const leadsIt = can.escalateToLine?.refusal !== 'forbidden';
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
    canEscalateToLine: can.escalateToLine === null,
    lineEscalationBlockedReason:
      leadsIt && ['open', 'dissent', 'outsideMandate'].includes(row.status) ? lineBlocked : null,
    canReferToRhfs: can.referToRhfs === null,
  };
}
