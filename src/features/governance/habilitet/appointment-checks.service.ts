// The RHF's habilitet check before appointing a member (seed 001 §7.2), recorded by that RHF's contact (or the
// secretariat on the RHF's behalf, recorded as such). Without a cleared check the member cannot vote.
import type { Db } from '../../../db/client.js';
import { writeAudited } from '../../../db/unit-of-work.js';
import { forbidden, notFound } from '../../../shared/app-error.js';
import type { CurrentUser } from '../../auth/index.js';
import { settleCase } from '../cases/settle-case.js';
import * as governanceRepo from '../governance.repo.js';
import { decidingCapacity } from './habilitet-capacity.js';
import * as repo from './habilitet.repo.js';

export async function recordAppointmentCheck(
  db: Db,
  user: CurrentUser,
  membershipId: string,
  input: { outcome: 'cleared' | 'notCleared'; note: string | null; checkedOn: string | null },
  today: string,
) {
  const membership = await repo.findMembership(db, membershipId);
  if (!membership) throw notFound('Medlemskapet finnes ikke.');
  const capacity = decidingCapacity(user, membership.rhfId);
  if (!capacity)
    throw forbidden(
      'Bare kontaktpersonen i RHF-et medlemmet representerer (eller sekretariatet) registrerer habilitetssjekken.',
    );
  await writeAudited(db, user, async (tx, recordAudit) => {
    const [before] = await repo.listAppointmentChecks(tx, [membershipId]);
    const values = {
      membershipId,
      outcome: input.outcome,
      note: input.note,
      checkedOn: input.checkedOn ?? today,
      checkedByPersonId: user.personId,
      checkedByName: user.personName,
      checkedAs: capacity,
    } as const;
    await repo.upsertAppointmentCheck(tx, values);
    await recordAudit({
      action: 'recordAppointmentCheck',
      entityType: 'membership',
      entityId: membershipId,
      summary: `Habilitetssjekk ved oppnevning av ${membership.personName} i ${membership.steeringGroupName}: ${input.outcome === 'cleared' ? 'klarert' : 'ikke klarert'}`,
      before: before ?? null,
      after: values,
    });
    // A member cleared now takes part in the group's open cases; a tally may change (e.g. quorum).
    for (const row of await governanceRepo.listCases(tx, { steeringGroupId: membership.steeringGroupId })) {
      if (row.status === 'open' && row.eligiblePersonIds.includes(membership.personId)) {
        await governanceRepo.lockCase(tx, row.id);
        await settleCase(tx, recordAudit, row.id, user.username, today);
      }
    }
  });
  const [check] = await repo.listAppointmentChecks(db, [membershipId]);
  return {
    membershipId,
    outcome: check!.outcome,
    note: check!.note,
    checkedOn: check!.checkedOn,
    checkedByName: check!.checkedByName,
    checkedAs: check!.checkedAs,
  };
}
