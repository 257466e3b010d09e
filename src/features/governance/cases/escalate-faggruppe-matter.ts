// The leder anskaffelse escalates an unresolved faggruppe matter up the Sykehusinnkjøp line when the group has
// not handled it within the days it had (V01 §7.3): the case leaves the group's vote, the line (users with the
// role shiLine, else the secretariat) is told, and so are the group's leader and the RHF contacts.
import type { Db } from '../../../db/client.js';
import { writeAudited } from '../../../db/unit-of-work.js';
import { isMembershipActive } from '../../../domain/consensus.rules.js';
import { lineEscalationBlocker, lineRecipients } from '../../../domain/escalation.rules.js';
import { conflict, forbidden, notFound } from '../../../shared/app-error.js';
import { canEditProcurement, type CurrentUser } from '../../auth/index.js';
import { notify } from '../../notifications/index.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import { getCase } from './case-view.js';
import * as repo from '../governance.repo.js';
import { informRhfContacts } from '../habilitet/rhf-information.service.js';
import * as matters from './faggruppe-matters.repo.js';
import { leadCapacity, shownDay } from './raise-faggruppe-matter.js';

export async function escalateFaggruppeMatter(
  db: Db,
  user: CurrentUser,
  caseId: string,
  input: { reason: string },
  today: string,
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await repo.lockCase(tx, caseId))) throw notFound('Saken finnes ikke.');
    const row = (await repo.findCase(tx, caseId))!;
    if (!canEditProcurement(user, row.procurementLeadId))
      throw forbidden(
        'Bare anskaffelsens leder (eller porteføljesekretariatet) kan eskalere saken i linjen til Sykehusinnkjøp.',
      );
    const matter = await matters.findMatter(tx, caseId);
    const blocker = lineEscalationBlocker(
      {
        kind: row.kind,
        status: row.status,
        raisedOn: matter?.raisedOn ?? today,
        escalationDays: matter?.escalationDays ?? 0,
      },
      today,
    );
    if (blocker || !matter) throw conflict(blocker ?? 'Saken er ikke en uavklart sak fra faggruppen.');
    const as = leadCapacity(user, row.procurementLeadId);
    await repo.updateCase(tx, caseId, { status: 'lineEscalated' });
    await matters.updateMatter(tx, caseId, {
      lineEscalatedOn: today,
      lineEscalatedByPersonId: user.personId,
      lineEscalatedByName: user.personName,
      lineEscalatedAs: as,
      lineReason: input.reason,
    });
    const recipients = lineRecipients(
      await matters.personIdsWithRole(tx, ['shiLine']),
      await matters.personIdsWithRole(tx, ['secretariat']),
    );
    await notify(tx, recipients, {
      kind: 'faggruppeLineEscalation',
      title: `Eskalert i linjen til Sykehusinnkjøp: ${row.title}`,
      body: `${row.procurementName}: styringsgruppen har ikke behandlet den uavklarte saken fra faggruppen innen fristen (fremmet ${shownDay(matter.raisedOn)}). Ta saken videre til RHF-ene med en orientering og anbefaling.`,
      link: `/saker/${caseId}`,
    });
    const members = await steeringGroupsRepo.listMembers(tx, row.steeringGroupId);
    await notify(
      tx,
      members.filter((m) => m.isLeader && isMembershipActive(m, today)).map((m) => m.personId),
      {
        kind: 'faggruppeLineEscalation',
        title: `Saken «${row.title}» er eskalert i linjen til Sykehusinnkjøp`,
        body: `${user.personName}: ${input.reason}`,
        link: `/saker/${caseId}`,
      },
    );
    await informRhfContacts(tx, row.participatingRhfIds, {
      type: 'faggruppeMatterToLine',
      caseId,
      caseTitle: row.title,
      procurementName: row.procurementName,
    });
    await recordAudit({
      action: 'escalateToShiLine',
      entityType: 'case',
      entityId: caseId,
      summary: `Eskalert i linjen til Sykehusinnkjøp: ${row.title}`,
      before: { status: row.status },
      after: { status: 'lineEscalated', reason: input.reason, on: today, as, recipients },
    });
  });
  return getCase(db, user, caseId, today);
}
