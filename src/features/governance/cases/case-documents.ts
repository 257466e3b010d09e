// A case's documents: added while the case is handled, read by those who may (an exempt document never
// reaches an outsider, the public, or a member kept out by habilitet; seed 001 §9, offl. § 13/§ 23).
import type { Db } from '../../../db/client.js';
import { isMembershipActive } from '../../../domain/consensus.rules.js';
import { forbidden, notFound } from '../../../shared/app-error.js';
import type { CurrentUser } from '../../auth/index.js';
import { documentsRepo, accessNow } from '../../documents/index.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import type { SubmitCase } from '../governance.schemas.js';
import { exemptBlockReasonIn, loadCaseHabilitet } from '../habilitet/case-habilitet.js';
import {
  assertCapability,
  canReadRestricted,
  capabilitiesOf,
  loadCase,
  withLockedCase,
} from './case-access.js';
import { getCase } from './case-view.js';
import { storeDocuments } from './submit-case.js';

export async function addDocument(
  db: Db,
  user: CurrentUser,
  caseId: string,
  document: SubmitCase['documents'][number],
  today: string,
) {
  await withLockedCase(db, user, caseId, async ({ tx, recordAudit, row }) => {
    assertCapability((await capabilitiesOf(tx, user, row, today)).addDocuments);
    const [stored] = await storeDocuments(tx, row, [document], user.username, today);
    await recordAudit({
      action: 'addDocument',
      entityType: 'case',
      entityId: caseId,
      summary: `Dokument ${stored!.fileName} lagt ved ${row.title}`,
      after: { fileName: stored!.fileName, sha256: stored!.sha256, restricted: stored!.restricted },
    });
  });
  return getCase(db, user, caseId, today);
}

export async function readDocument(
  db: Db,
  user: CurrentUser,
  caseId: string,
  documentId: string,
  today: string,
) {
  const row = await loadCase(db, caseId);
  const stored = await documentsRepo.findDocument(db, documentId);
  if (!stored || stored.caseId !== caseId) throw notFound('Dokumentet finnes ikke.');
  const awards = stored.procurementId
    ? await documentsRepo.awardDates(db, [stored.procurementId])
    : new Map<string, string>();
  const access = accessNow(stored, awards.get(stored.procurementId ?? ''), today);
  const document = (await documentsRepo.findContent(db, documentId))!;
  if (access.accessStatus !== 'public') {
    const [habilitet, members] = await Promise.all([
      loadCaseHabilitet(db, row, today),
      steeringGroupsRepo.listMembers(db, row.steeringGroupId),
    ]);
    const habilitetBlock = exemptBlockReasonIn(habilitet, user.personId);
    const isActiveMember = members.some((m) => m.personId === user.personId && isMembershipActive(m, today));
    if (!canReadRestricted(user, row, isActiveMember, habilitetBlock)) {
      // 403 rather than 404: the document list is public, only its content is exempt.
      throw forbidden(habilitetBlock ?? 'Dokumentet er unntatt offentlighet.');
    }
  }
  return document;
}
