// "Venter på meg": the open cases in which the member may vote today and has not voted yet.
import type { Db } from '../../../db/client.js';
import type { Gate } from '../../../domain/involvement.rules.js';
import type { CurrentUser } from '../../auth/index.js';
import { caseElectorates } from '../case-electorate.js';
import * as repo from '../governance.repo.js';

export async function listMyCases(db: Db, user: CurrentUser, today: string) {
  // Set-based: the candidate cases (open, in the person's groups, not yet voted) in SQL, then their
  // electorates with one query per table — not the electorate of every open case one by one.
  const candidates = await repo.listOpenCasesAwaitingVote(db, user.personId);
  const electorates = await caseElectorates(db, candidates, today);
  return candidates
    .filter((row) => electorates.get(row.id)!.eligible.some((m) => m.personId === user.personId))
    .map((row) => ({
      id: row.id,
      procurementId: row.procurementId,
      procurementName: row.procurementName,
      steeringGroupName: row.steeringGroupName,
      gate: row.gate as Gate,
      kind: row.kind,
      title: row.title,
      status: row.status,
      decisionNumber: row.decisionNumber,
      submittedAt: row.submittedAt.toISOString(),
    }));
}
