// The RHFs' joint settlement of an escalated case (Vedlegg 01 §7.3): recorded once every RHF concerned has
// answered; members are told, and an approval is carried out like a group decision.
import type { Db } from '../../../db/client.js';
import type { CurrentUser } from '../../auth/index.js';
import { organisationsRepo } from '../../organisations/index.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import * as repo from '../governance.repo.js';
import { assertCapability, capabilitiesOf, withLockedCase } from './case-access.js';
import { getCase } from './case-view.js';
import { recordDecision } from './settle-case.js';

export async function resolveCase(
  db: Db,
  user: CurrentUser,
  caseId: string,
  input: { outcome: 'approved' | 'rejected'; text: string },
  today: string,
) {
  await withLockedCase(db, user, caseId, async ({ tx, recordAudit, row }) => {
    const escalation = await repo.findEscalation(tx, caseId);
    const organisations = await organisationsRepo.listOrganisations(tx);
    const can = await capabilitiesOf(tx, user, row, today, {
      escalation: escalation ?? null,
      rhfName: (id) => organisations.find((org) => org.id === id)?.name ?? id,
    });
    assertCapability(can.resolve);
    await repo.resolveEscalation(tx, caseId, {
      resolutionOutcome: input.outcome,
      resolutionText: input.text,
      resolvedBy: user.username,
    });
    await repo.updateCase(tx, caseId, { status: 'resolved', outcomeNote: input.text });
    await recordAudit({
      action: 'resolve',
      entityType: 'case',
      entityId: caseId,
      summary: `Avklart av ${escalation?.targetBodyId ? ((await steeringGroupsRepo.findGroup(tx, escalation.targetBodyId))?.name ?? 'organet') : 'RHF-ene'} (${input.outcome === 'approved' ? 'godkjent' : 'avvist'}): ${row.title}`,
      before: { status: 'escalated' },
      after: { status: 'resolved', ...input },
    });
    await recordDecision(
      tx,
      recordAudit,
      { ...row, resolutionOutcome: input.outcome },
      input.outcome,
      user.username,
      today,
    );
  });
  return getCase(db, user, caseId, today);
}
