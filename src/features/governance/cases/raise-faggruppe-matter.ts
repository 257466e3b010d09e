// Raise an unresolved faggruppe matter as a case to the steering group (seed 001 Vedlegg 01 §7.3, first
// paragraph): the leder anskaffelse brings it; the group's deciding members handle it by consensus like any
// case. The days the group has come from the versioned `habilitetRule.faggruppeEscalationDays` in force today
// and are stored with the matter, so a later rule change does not move its deadline.
import type { Db } from '../../../db/client.js';
import { writeAudited } from '../../../db/unit-of-work.js';
import { isMembershipActive } from '../../../domain/consensus.rules.js';
import { lineEscalationFrom } from '../../../domain/escalation.rules.js';
import { gateLabels } from '../../../domain/involvement.rules.js';
import { badRequest, conflict, forbidden } from '../../../shared/app-error.js';
import { canEditProcurement, hasRole, type CurrentUser } from '../../auth/index.js';
import { notify } from '../../notifications/index.js';
import { getCase } from './case-view.js';
import * as repo from '../governance.repo.js';
import { raiseSupplierMatches } from '../habilitet/suppliers.service.js';
import { electorateOf, loadGovernanceContext, workflowBlocker } from '../procurement-governance.service.js';
import type { RaiseFaggruppeMatter } from './faggruppe-matter.schemas.js';
import * as matters from './faggruppe-matters.repo.js';

/** The leder anskaffelse of the procurement acts as such; the secretariat on their behalf, recorded as such. */
export function leadCapacity(user: CurrentUser, procurementLeadId: string | null) {
  return hasRole(user, 'procurementLead') && procurementLeadId === user.personId
    ? ('procurementLead' as const)
    : ('secretariat' as const);
}

export const shownDay = (day: string) => day.split('-').reverse().join('.');

export async function raiseFaggruppeMatter(
  db: Db,
  user: CurrentUser,
  procurementId: string,
  input: RaiseFaggruppeMatter,
  today: string,
) {
  const context = await loadGovernanceContext(db, procurementId);
  if (!canEditProcurement(user, context.procurement.procurementLeadId))
    throw forbidden('Bare anskaffelsens leder og porteføljesekretariatet kan fremme saker fra faggruppen.');
  const blocker = workflowBlocker(context);
  if (blocker) throw badRequest(blocker);
  const gate =
    input.gate ?? context.gates.find((g) => g.status !== 'passed')?.gate ?? context.gates.at(-1)!.gate;
  if (!context.gates.some((g) => g.gate === gate))
    throw badRequest(`Fasen «${gateLabels[gate]}» gjelder ikke denne anskaffelsen.`, [
      { path: 'gate', message: 'Ukjent fase for anskaffelsen' },
    ]);
  const electorate = electorateOf(context, today);
  if (electorate.eligible.length === 0)
    throw conflict(
      'Styringsgruppen har ingen stemmeberettigede medlemmer for denne anskaffelsen; saken kan ikke behandles der.',
    );
  const rule = context.rules.habilitetRule;
  const escalationDays = rule.value.faggruppeEscalationDays;
  const raisedAs = leadCapacity(user, context.procurement.procurementLeadId);
  const caseId = await writeAudited(db, user, async (tx, recordAudit) => {
    const id = await repo.insertCase(tx, {
      procurementId,
      steeringGroupId: context.procurement.steeringGroupId!,
      gate,
      kind: 'faggruppeMatter',
      delegatedGate: null,
      title: input.title,
      text: input.text,
      proposedSignificance: null,
      eligiblePersonIds: electorate.eligible.map((m) => m.personId),
      participatingRhfIds: context.participatingRhfIds,
      submittedByPersonId: user.personId,
    });
    await matters.insertMatter(tx, {
      caseId: id,
      raisedOn: today,
      escalationDays,
      ruleVersion: rule.version,
      raisedAs,
    });
    const from = lineEscalationFrom(today, escalationDays);
    const leaders = context.members.filter((m) => m.isLeader && isMembershipActive(m, today));
    await notify(tx, [...electorate.eligible.map((m) => m.personId), ...leaders.map((m) => m.personId)], {
      kind: 'faggruppeMatter',
      title: `Uavklart sak fra faggruppen: ${input.title}`,
      body: `${context.procurement.name} – ${gateLabels[gate]}. Styringsgruppen har ${escalationDays} dager på å behandle saken; ellers kan leder anskaffelse eskalere den i linjen til Sykehusinnkjøp fra ${shownDay(from)}.`,
      link: `/saker/${id}`,
    });
    // The deciding members answer on habilitet for this case too; known tenderers are matched as for any case.
    await raiseSupplierMatches(tx, recordAudit, procurementId, user.username, today);
    await recordAudit({
      action: 'raiseFaggruppeMatter',
      entityType: 'case',
      entityId: id,
      summary: `Uavklart sak fra faggruppen fremmet: ${input.title} (${context.procurement.name})`,
      after: {
        ...input,
        gate,
        kind: 'faggruppeMatter',
        raisedOn: today,
        raisedAs,
        escalationDays,
        ruleVersion: rule.version,
        lineEscalationFrom: from,
        eligiblePersonIds: electorate.eligible.map((m) => m.personId),
      },
    });
    return id;
  });
  return getCase(db, user, caseId, today);
}
