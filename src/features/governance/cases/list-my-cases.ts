// "Venter på meg": the open cases in which the member may vote today and has not voted yet.
import type { Db } from '../../../db/client.js';
import type { Gate } from '../../../domain/involvement.rules.js';
import type { CurrentUser } from '../../auth/index.js';
import { caseElectorate } from '../case-electorate.js';
import * as repo from '../governance.repo.js';

export async function listMyCases(db: Db, user: CurrentUser, today: string) {
  const rows = [];
  for (const row of (await repo.listCases(db)).filter((candidate) => candidate.status === 'open')) {
    const electorate = await caseElectorate(db, row, today);
    if (electorate.eligible.some((m) => m.personId === user.personId)) rows.push(row);
  }
  const votes = await repo.listVotes(
    db,
    rows.map((row) => row.id),
  );
  return rows
    .filter((row) => !votes.some((v) => v.caseId === row.id && v.personId === user.personId))
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
