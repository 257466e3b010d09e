// Vedtaksprotokoll (seed 001 §5.2, §7.2): every numbered decision of a group, with votes, who was inhabil
// by whose decision, and the escalation's outcome.
import type { Db } from '../../../db/client.js';
import type { Gate } from '../../../domain/involvement.rules.js';
import { notFound } from '../../../shared/app-error.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import * as repo from '../governance.repo.js';
import * as habilitetRepo from '../habilitet/habilitet.repo.js';

/** One page of the vedtaksprotokoll (register order), with the number of decisions. */
export async function decisionRegister(
  db: Db,
  steeringGroupId: string,
  page: { limit: number; offset: number },
) {
  if (!(await steeringGroupsRepo.findGroup(db, steeringGroupId)))
    throw notFound('Styringsgruppen finnes ikke.');
  const decided = await repo.listDecidedCases(db, steeringGroupId, page);
  return { items: await registerEntries(db, decided.rows), total: decided.total, ...page };
}

/** Every numbered decision of a group (the workspace's overview), in register order. */
export async function allDecisions(db: Db, steeringGroupId: string) {
  return registerEntries(db, (await repo.listDecidedCases(db, steeringGroupId, null)).rows);
}

/** The register's entries for these decided cases: votes, conflicts and escalations read once for all. */
async function registerEntries(db: Db, rows: repo.CaseRow[]) {
  const ids = rows.map((row) => row.id);
  const [votes, questions, escalations] = await Promise.all([
    repo.listVotes(db, ids),
    habilitetRepo.listQuestions(db, { caseIds: ids }),
    repo.listEscalations(db, ids),
  ]);
  const escalationOf = new Map(escalations.map((row) => [row.caseId, row]));
  return rows.map((row) => {
    const escalation = escalationOf.get(row.id);
    const ofCase = questions.filter((q) => q.caseId === row.id);
    // The latest question per member counts; a later "ikke inhabil" clears an earlier report.
    const assessed = ofCase.filter(
      (q, i) => !ofCase.slice(i + 1).some((later) => later.personId === q.personId),
    );
    const inhabil = assessed.filter((q) => q.status !== 'ikkeInhabil');
    const caseVotes = votes.filter((v) => v.caseId === row.id);
    return {
      decisionNumber: row.decisionNumber!,
      caseId: row.id,
      procurementId: row.procurementId,
      procurementName: row.procurementName,
      gate: row.gate as Gate,
      kind: row.kind,
      title: row.title,
      outcome:
        row.status === 'resolved' && row.resolutionOutcome === 'rejected'
          ? ('rejected' as const)
          : ('approved' as const),
      decidedOn: row.decidedOn!,
      votes: caseVotes
        .filter((v) => v.vote !== 'conflict')
        .map((v) => ({ personName: v.personName, vote: v.vote, comment: v.comment })),
      conflicts: inhabil.map((q) => q.personName),
      // Who was inhabil, by whose decision (§7.2); pending means the case was decided without them.
      habilitet: assessed.map((q) => ({
        personName: q.personName,
        rhfName: q.rhfName,
        status: q.status,
        decidedByName: q.decidedByName,
        decidedAs: q.decidedAs,
        decidedOn: q.decidedOn ?? null,
      })),
      escalation: escalation
        ? {
            reason: escalation.reason,
            resolutionOutcome: escalation.resolutionOutcome,
            resolutionText: escalation.resolutionText,
          }
        : null,
    };
  });
}
