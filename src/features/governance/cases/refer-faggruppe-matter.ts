// The Sykehusinnkjøp line takes an unresolved faggruppe matter on to the RHFs of the procurement (V01 §7.3):
// an orientation with a recommendation, as the case's escalation. From here the RHFs answer and settle it
// jointly through the one escalation machinery (escalate-case.ts: answerForRhf; resolve-case.ts).
import type { Db } from '../../../db/client.js';
import { writeAudited } from '../../../db/unit-of-work.js';
import { isMembershipActive } from '../../../domain/consensus.rules.js';
import { lineCapacity, rhfReferralBlocker } from '../../../domain/escalation.rules.js';
import { conflict, forbidden, notFound } from '../../../shared/app-error.js';
import { hasRole, isSecretariat, type CurrentUser } from '../../auth/index.js';
import { notify } from '../../notifications/index.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import { getCase } from './case-view.js';
import * as repo from '../governance.repo.js';
import { informRhfContacts } from '../habilitet/rhf-information.service.js';
import * as matters from './faggruppe-matters.repo.js';

export async function referFaggruppeMatterToRhfs(
  db: Db,
  user: CurrentUser,
  caseId: string,
  input: { brief: string; recommendation: string },
  today: string,
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await repo.lockCase(tx, caseId))) throw notFound('Saken finnes ikke.');
    const row = (await repo.findCase(tx, caseId))!;
    const as = lineCapacity(
      { isShiLine: hasRole(user, 'shiLine'), isSecretariat: isSecretariat(user) },
      (await matters.personIdsWithRole(tx, ['shiLine'])).length > 0,
    );
    if (as === null)
      throw forbidden(
        'Bare linjen i Sykehusinnkjøp (rollen «Linjeledelse Sykehusinnkjøp») tar saken videre til RHF-ene; porteføljesekretariatet gjør det bare der ingen har den rollen.',
      );
    const blocker = rhfReferralBlocker(row);
    const matter = await matters.findMatter(tx, caseId);
    if (blocker || !matter) throw conflict(blocker ?? 'Saken er ikke en uavklart sak fra faggruppen.');
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
