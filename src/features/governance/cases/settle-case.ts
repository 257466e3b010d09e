// The tally carried out (consensus of today's electorate under the quorum rule, seed 001 §5.2): the decision
// with its number in the group's series, or dissent for the leader to escalate.
import type { Db } from '../../../db/client.js';
import { transactionTime } from '../../../db/transaction-time.js';
import type { RecordAudit } from '../../../db/unit-of-work.js';
import { isMembershipActive } from '../../../domain/consensus.rules.js';
import { notify } from '../../notifications/index.js';
import { journalDecision } from '../../public-access/index.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import { refreshElectorate } from '../case-electorate.js';
import * as repo from '../governance.repo.js';
import { loadCaseHabilitet } from '../habilitet/case-habilitet.js';
import { informRhfContacts } from '../habilitet/rhf-information.service.js';
import { caseLink } from './case-access.js';

/** Assigns the decision number and carries the decision out (final significance, delegation). */
export async function recordDecision(
  tx: Db,
  recordAudit: RecordAudit,
  row: repo.CaseRow,
  outcome: 'approved' | 'rejected',
  decidedBy: string,
  today: string,
) {
  // Numbered per group and the (Norwegian) year of the decision.
  const year = Number(today.slice(0, 4));
  const number = await repo.takeDecisionNumber(tx, row.steeringGroupId, year);
  const decisionNumber = `${row.steeringGroupCode}-${year}-${String(number).padStart(2, '0')}`;
  await repo.updateCase(tx, row.id, { decisionNumber, decidedOn: today, closedAt: transactionTime() });
  await journalDecision(tx, row.id, { registeredBy: decidedBy, today });
  if (
    outcome === 'approved' &&
    row.gate === 'significance' &&
    row.proposedSignificance &&
    row.procurementId
  ) {
    await repo.insertSignificanceDecision(tx, {
      procurementId: row.procurementId,
      kind: 'final',
      value: row.proposedSignificance,
      caseId: row.id,
      note: `Vedtak ${decisionNumber}`,
      decidedBy,
    });
    if (row.proposedSignificance === 'høy')
      await informRhfContacts(tx, row.participatingRhfIds, {
        type: 'finalSignificanceHigh',
        procurementId: row.procurementId,
        procurementName: row.procurementName ?? '',
        caseId: row.id,
        decisionNumber,
      });
  }
  if (outcome === 'approved' && row.kind === 'delegation' && row.delegatedGate && row.procurementId) {
    await repo.insertDelegation(tx, {
      procurementId: row.procurementId,
      gate: row.delegatedGate,
      caseId: row.id,
    });
  }
  const members = await steeringGroupsRepo.listMembers(tx, row.steeringGroupId);
  await notify(
    tx,
    members.filter((m) => m.endedOn === null).map((m) => m.personId),
    {
      kind: 'caseDecided',
      title: `Vedtak ${decisionNumber}: ${row.title} – ${outcome === 'approved' ? 'godkjent' : 'ikke godkjent'}`,
      link: caseLink(row.id),
    },
  );
  await recordAudit({
    action: 'decide',
    entityType: 'case',
    entityId: row.id,
    summary: `Vedtak ${decisionNumber} (${outcome === 'approved' ? 'godkjent' : 'avvist'}): ${row.title}`,
    after: { decisionNumber, outcome, eligiblePersonIds: row.eligiblePersonIds },
  });
  return decisionNumber;
}

/**
 * Applies the tally after a vote or a habilitet change (consensus of today's electorate under the quorum
 * rule): the decision, dissent, or nothing yet. Returns the tally of an open decision case, null otherwise.
 */
export async function settleCase(
  tx: Db,
  recordAudit: RecordAudit,
  caseId: string,
  decidedBy: string,
  today: string,
  /** The electorate the caller refreshed for `today` in this transaction (the vote): not read again. */
  refreshed?: string[],
) {
  const stored = (await repo.findCase(tx, caseId))!;
  // Consultation answers are advice; the consultation is closed by recordConsultation.
  if (stored.status !== 'open' || stored.kind === 'consultation') return null;
  const eligiblePersonIds = refreshed ?? (await refreshElectorate(tx, recordAudit, stored, today));
  const row = { ...stored, eligiblePersonIds };
  const { tally } = await loadCaseHabilitet(tx, row, today);
  if (tally.status === 'approved') {
    await repo.updateCase(tx, caseId, { status: 'approved' });
    await recordDecision(tx, recordAudit, row, 'approved', decidedBy, today);
  } else if (tally.status === 'dissent') {
    await repo.updateCase(tx, caseId, { status: 'dissent' });
    const members = await steeringGroupsRepo.listMembers(tx, row.steeringGroupId);
    await notify(
      tx,
      members.filter((m) => m.isLeader && isMembershipActive(m, today)).map((m) => m.personId),
      {
        kind: 'caseDissent',
        title: `Dissens i saken «${row.title}»: saken må eskaleres`,
        link: caseLink(caseId),
      },
    );
    await informRhfContacts(tx, row.participatingRhfIds, {
      type: 'dissent',
      caseId,
      caseTitle: row.title,
      procurementName: row.procurementName,
    });
    await recordAudit({
      action: 'dissent',
      entityType: 'case',
      entityId: caseId,
      summary: `Dissens: ${row.title}`,
      before: { status: 'open' },
      after: { status: 'dissent', objectors: tally.objectors, eligiblePersonIds },
    });
  }
  return tally;
}
