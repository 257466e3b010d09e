// The Sykehusinnkjøp line takes an unresolved faggruppe matter on to the RHFs of the procurement (V01 §7.3):
// an orientation with a recommendation, as the case's escalation. From here the RHFs answer and settle it
// jointly through the one escalation machinery (escalate-case.ts: answerForRhf; resolve-case.ts).
import type { Db } from '../../../db/client.js';
import { isMembershipActive } from '../../../domain/consensus.rules.js';
import { hasRole, type CurrentUser } from '../../auth/index.js';
import { notify } from '../../notifications/index.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import { getCase } from './case-view.js';
import * as repo from '../governance.repo.js';
import { assertCapability, capabilitiesOf, withLockedCase } from './case-access.js';
import { informRhfContacts } from '../habilitet/rhf-information.service.js';
import * as matters from './faggruppe-matters.repo.js';

export async function referFaggruppeMatterToRhfs(
  db: Db,
  user: CurrentUser,
  caseId: string,
  input: { brief: string; recommendation: string },
  today: string,
) {
  await withLockedCase(db, user, caseId, async ({ tx, recordAudit, row }) => {
    // The one lifecycle rule (case-lifecycle.rules.ts): the line, or the secretariat where it has no user.
    assertCapability((await capabilitiesOf(tx, user, row, today)).referToRhfs);
    const as = hasRole(user, 'shiLine') ? ('shiLine' as const) : ('secretariat' as const);
    await repo.insertEscalation(tx, {
      caseId,
      reason: 'faggruppeMatter',
      brief: input.brief,
      recommendation: input.recommendation,
      rhfIds: row.participatingRhfIds,
      escalatedBy: user.username,
    });
    await repo.updateCase(tx, caseId, { status: 'escalated' });
    await matters.updateMatter(tx, caseId, {
      referredOn: today,
      referredByPersonId: user.personId,
      referredByName: user.personName,
      referredAs: as,
    });
    await informRhfContacts(tx, row.participatingRhfIds, {
      type: 'faggruppeMatterToRhfs',
      caseId,
      caseTitle: row.title,
      procurementName: row.procurementName,
    });
    // The members inform their RHF and see the settlement carried out; the leder anskaffelse follows the case.
    const members = await steeringGroupsRepo.listMembers(tx, row.steeringGroupId);
    await notify(
      tx,
      [
        ...members.filter((m) => isMembershipActive(m, today)).map((m) => m.personId),
        ...(row.procurementLeadId ? [row.procurementLeadId] : []),
      ],
      {
        kind: 'escalation',
        title: `Eskalert til RHF-ene: ${row.title}`,
        body: 'Sykehusinnkjøp har tatt den uavklarte saken fra faggruppen videre til RHF-ene med en orientering og anbefaling.',
        link: `/saker/${caseId}`,
      },
    );
    await recordAudit({
      action: 'referToRhfs',
      entityType: 'case',
      entityId: caseId,
      summary: `Tatt videre til RHF-ene av Sykehusinnkjøp: ${row.title}`,
      before: { status: row.status },
      after: { status: 'escalated', ...input, on: today, as, rhfIds: row.participatingRhfIds },
    });
  });
  return getCase(db, user, caseId, today);
}
