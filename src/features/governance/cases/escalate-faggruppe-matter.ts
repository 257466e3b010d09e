// The leder anskaffelse escalates an unresolved faggruppe matter up the Sykehusinnkjøp line when the group has
// not handled it within the days it had (V01 §7.3): the case leaves the group's vote, the line (users with the
// role shiLine, else the secretariat) is told, and so are the group's leader and the RHF contacts.
import type { Db } from '../../../db/client.js';
import { isMembershipActive } from '../../../domain/consensus.rules.js';
import { lineRecipients } from '../../../domain/escalation.rules.js';
import type { CurrentUser } from '../../auth/index.js';
import { notify } from '../../notifications/index.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import { getCase } from './case-view.js';
import * as repo from '../governance.repo.js';
import { assertCapability, capabilitiesOf, withLockedCase } from './case-access.js';
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
  await withLockedCase(db, user, caseId, async ({ tx, recordAudit, row }) => {
    // The one lifecycle rule (case-lifecycle.rules.ts): who may, and whether the group's days have passed.
    assertCapability((await capabilitiesOf(tx, user, row, today)).escalateToLine);
    const matter = (await matters.findMatter(tx, caseId))!;
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
