// When the group cannot decide (seed 001 §5.2, Vedlegg 01 §7.3): the case is marked outside the mandate, the
// leader escalates it with the group's joint brief and recommendation to the RHFs concerned, and each RHF
// answers for itself.
import type { Db } from '../../../db/client.js';
import { isMembershipActive } from '../../../domain/consensus.rules.js';
import type { CurrentUser } from '../../auth/index.js';
import { notify } from '../../notifications/index.js';
import { peopleRepo } from '../../people/index.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import { refreshElectorate } from '../case-electorate.js';
import * as repo from '../governance.repo.js';
import { loadCaseHabilitet } from '../habilitet/case-habilitet.js';
import { assertCapability, capabilitiesOf, caseLink, withLockedCase } from './case-access.js';
import { getCase } from './case-view.js';

export async function markOutsideMandate(
  db: Db,
  user: CurrentUser,
  caseId: string,
  reason: string,
  today: string,
) {
  await withLockedCase(db, user, caseId, async ({ tx, recordAudit, row }) => {
    assertCapability((await capabilitiesOf(tx, user, row, today)).markOutsideMandate);
    await repo.updateCase(tx, caseId, { status: 'outsideMandate', outcomeNote: reason });
    await recordAudit({
      action: 'outsideMandate',
      entityType: 'case',
      entityId: caseId,
      summary: `Utenfor mandatet: ${row.title}`,
      before: { status: row.status },
      after: { status: 'outsideMandate', reason },
    });
  });
  return getCase(db, user, caseId, today);
}

/** The group's joint brief with a recommendation goes to the RHFs concerned; each member informs their RHF. */
export async function escalateCase(
  db: Db,
  user: CurrentUser,
  caseId: string,
  input: { reason: 'dissent' | 'outsideMandate'; brief: string; recommendation: string },
  today: string,
) {
  await withLockedCase(db, user, caseId, async ({ tx, recordAudit, row }) => {
    // An open case may be escalated when the group cannot decide it today (no one left to vote, not quorate).
    const tallyStatus =
      row.status === 'open'
        ? (
            await loadCaseHabilitet(
              tx,
              { ...row, eligiblePersonIds: await refreshElectorate(tx, recordAudit, row, today) },
              today,
            )
          ).tally.status
        : null;
    assertCapability((await capabilitiesOf(tx, user, row, today, { tallyStatus })).escalate);
    // A body with a configured escalation target (seed 000 §4) sends it there, answered for the target's
    // region; without one it goes to the RHFs concerned (the national model, V01 §7.3).
    const body = await steeringGroupsRepo.findGroup(tx, row.steeringGroupId);
    const target = body?.escalationTargetId
      ? await steeringGroupsRepo.findGroup(tx, body.escalationTargetId)
      : null;
    const rhfIds = target ? [target.regionId ?? row.participatingRhfIds[0]!] : row.participatingRhfIds;
    await repo.insertEscalation(tx, {
      caseId,
      reason: input.reason,
      brief: input.brief,
      recommendation: input.recommendation,
      rhfIds,
      targetBodyId: target?.id ?? null,
      escalatedBy: user.username,
    });
    await repo.updateCase(tx, caseId, { status: 'escalated' });
    const contacts = target
      ? []
      : (await peopleRepo.listPeople(tx)).filter((p) =>
          p.roles.some((r) => r.role === 'rhfContact' && row.participatingRhfIds.includes(r.organisationId)),
        );
    const members = [
      ...(await steeringGroupsRepo.listMembers(tx, row.steeringGroupId)),
      ...(target ? await steeringGroupsRepo.listMembers(tx, target.id) : []),
    ];
    await notify(
      tx,
      [
        ...new Set([
          ...contacts.map((p) => p.id),
          ...members.filter((m) => isMembershipActive(m, today)).map((m) => m.personId),
        ]),
      ],
      {
        kind: 'escalation',
        title: `Eskalert til ${target ? target.name : 'RHF-ene'}: ${row.title}`,
        body: target
          ? `${row.steeringGroupName} kom ikke til enighet og har skrevet et felles notat med anbefaling; ${target.name} avklarer saken.`
          : 'Styringsgruppen har skrevet et felles notat med anbefaling. Hvert medlem informerer sitt RHF.',
        link: caseLink(caseId),
      },
    );
    await recordAudit({
      action: 'escalate',
      entityType: 'case',
      entityId: caseId,
      summary: `Eskalert${target ? ` til ${target.name}` : ''} (${input.reason === 'dissent' ? 'dissens' : 'utenfor mandat'}): ${row.title}`,
      before: { status: row.status },
      after: { status: 'escalated', ...input, rhfIds, targetBodyId: target?.id ?? null },
    });
  });
  return getCase(db, user, caseId, today);
}

export async function answerForRhf(
  db: Db,
  user: CurrentUser,
  caseId: string,
  input: { rhfId: string; answer: string },
  today: string,
) {
  await withLockedCase(db, user, caseId, async ({ tx, recordAudit, row }) => {
    const escalation = await repo.findEscalation(tx, caseId);
    const can = await capabilitiesOf(tx, user, row, today, { escalation: escalation ?? null });
    assertCapability(can.answerForRhf(input.rhfId), 'rhfId');
    const before = escalation!.answers.find((a) => a.rhfId === input.rhfId) ?? null;
    await repo.upsertEscalationAnswer(tx, {
      caseId,
      rhfId: input.rhfId,
      answer: input.answer,
      answeredBy: user.username,
    });
    await recordAudit({
      action: 'rhfAnswer',
      entityType: 'case',
      entityId: caseId,
      summary: `Svar fra RHF på eskalert sak: ${row.title}`,
      before: before ? { answer: before.answer } : null,
      after: input,
    });
  });
  return getCase(db, user, caseId, today);
}
