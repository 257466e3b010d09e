// A consultation at a "consulted" gate (seed 001 §5.2): the members' answers are advice; the procurement
// lead, the group's leader or the secretariat records the outcome and closes it.
import type { Db } from '../../../db/client.js';
import { transactionTime } from '../../../db/transaction-time.js';
import type { CurrentUser } from '../../auth/index.js';
import * as repo from '../governance.repo.js';
import { assertCapability, capabilitiesOf, withLockedCase } from './case-access.js';
import { getCase } from './case-view.js';

export async function recordConsultation(
  db: Db,
  user: CurrentUser,
  caseId: string,
  summary: string,
  today: string,
) {
  await withLockedCase(db, user, caseId, async ({ tx, recordAudit, row }) => {
    assertCapability((await capabilitiesOf(tx, user, row, today)).recordConsultation);
    await repo.updateCase(tx, caseId, {
      status: 'consulted',
      outcomeNote: summary,
      decidedOn: today,
      closedAt: transactionTime(),
    });
    await recordAudit({
      action: 'recordConsultation',
      entityType: 'case',
      entityId: caseId,
      summary: `Konsultasjon registrert: ${row.title}`,
      before: { status: 'open' },
      after: { status: 'consulted', summary },
    });
  });
  return getCase(db, user, caseId, today);
}
