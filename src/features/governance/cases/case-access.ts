// What every case use case shares: loading and locking a case, who runs the group, who may read its exempt
// documents, and the case's capabilities (src/domain/case-lifecycle.rules.ts) for the viewer.
import type { Db } from '../../../db/client.js';
import { writeAudited, type RecordAudit } from '../../../db/unit-of-work.js';
import {
  caseCapabilities,
  type Capability,
  type CaseLifecycleInput,
} from '../../../domain/case-lifecycle.rules.js';
import { isMembershipActive } from '../../../domain/consensus.rules.js';
import { AppError, notFound } from '../../../shared/app-error.js';
import { hasRole, isSecretariat, organisationsForRole, type CurrentUser } from '../../auth/index.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import * as repo from '../governance.repo.js';
import * as faggruppeMatters from './faggruppe-matters.repo.js';

export const excludedLabels = {
  observer: 'observatør',
  otherRegion: 'regionen deltar ikke',
  faggruppe: 'sitter i faggruppen',
  inactive: 'ikke aktivt medlem',
} as const;

export const caseLink = (caseId: string) => `/saker/${caseId}`;

export async function loadCase(db: Db, caseId: string) {
  const row = await repo.findCase(db, caseId);
  if (!row) throw notFound('Saken finnes ikke.');
  return row;
}

/**
 * Who may read a restricted (exempt) document: never an outsider or the public, and never a member kept out
 * by habilitet (unanswered, reported or inhabil: see habilitet/case-habilitet.ts).
 */
export function canReadRestricted(
  user: CurrentUser,
  row: repo.CaseRow,
  isActiveMember: boolean,
  habilitetBlock: string | null,
): boolean {
  if (habilitetBlock !== null) return false;
  if (isSecretariat(user) || row.procurementLeadId === user.personId) return true;
  if (isActiveMember) return true;
  return organisationsForRole(user, 'rhfContact').some((rhfId) => row.participatingRhfIds.includes(rhfId));
}

const leadsGroup = (members: steeringGroupsRepo.MemberRow[], user: CurrentUser, today: string) =>
  members.some((m) => m.personId === user.personId && m.isLeader && isMembershipActive(m, today));

export async function isGroupLeader(db: Db, user: CurrentUser, steeringGroupId: string, today: string) {
  return leadsGroup(await steeringGroupsRepo.listMembers(db, steeringGroupId), user, today);
}

/** The viewer's part of the lifecycle input: secretariat, the group's leader today, the lead, RHF contact. */
export async function caseViewerOf(
  db: Db,
  user: CurrentUser,
  row: Pick<repo.CaseRow, 'steeringGroupId' | 'procurementLeadId'>,
  today: string,
  /** The group's members when the caller has them already. */
  members?: steeringGroupsRepo.MemberRow[],
): Promise<CaseLifecycleInput['viewer']> {
  return {
    isSecretariat: isSecretariat(user),
    isGroupLeader: members
      ? leadsGroup(members, user, today)
      : await isGroupLeader(db, user, row.steeringGroupId, today),
    isProcurementLead: row.procurementLeadId === user.personId,
    rhfContactFor: organisationsForRole(user, 'rhfContact'),
    isShiLine: hasRole(user, 'shiLine'),
  };
}

/** The case's capabilities for this user now (the same answer the case page shows). */
export async function capabilitiesOf(
  db: Db,
  user: CurrentUser,
  row: repo.CaseRow,
  today: string,
  extra: Partial<Pick<CaseLifecycleInput, 'tallyStatus' | 'escalation' | 'rhfName'>> & {
    members?: steeringGroupsRepo.MemberRow[];
  } = {},
) {
  // An unresolved faggruppe matter also needs its days and whether the Sykehusinnkjøp line has a user.
  const matter = row.kind === 'faggruppeMatter' ? await faggruppeMatters.findMatter(db, row.id) : null;
  const targetBodyId = extra.escalation?.targetBodyId ?? null;
  const viewer = await caseViewerOf(db, user, row, today, extra.members);
  return caseCapabilities({
    status: row.status,
    kind: row.kind,
    tallyStatus: extra.tallyStatus ?? null,
    escalation: extra.escalation
      ? { ...extra.escalation, nextTargetName: (await nextTargetOf(db, targetBodyId))?.name ?? null }
      : null,
    viewer: targetBodyId
      ? { ...viewer, leadsEscalationTarget: await isGroupLeader(db, user, targetBodyId, today) }
      : viewer,
    ...(extra.rhfName ? { rhfName: extra.rhfName } : {}),
    today,
    faggruppeMatter: matter ? { raisedOn: matter.raisedOn, escalationDays: matter.escalationDays } : null,
    shiLineUserExists:
      row.kind === 'faggruppeMatter' &&
      (await faggruppeMatters.personIdsWithRole(db, ['shiLine'])).length > 0,
  });
}

/** The escalation target of the body a case was escalated to: the next step of the chain, if any. */
export async function nextTargetOf(db: Db, targetBodyId: string | null) {
  const target = targetBodyId ? await steeringGroupsRepo.findGroup(db, targetBodyId) : null;
  return target?.escalationTargetId ? steeringGroupsRepo.findGroup(db, target.escalationTargetId) : null;
}

/** A refused capability as the API's error (403, 409 or 400 with the field it concerns). */
export function assertCapability(capability: Capability, field?: string): void {
  if (capability === null) return;
  throw new AppError(
    capability.refusal,
    capability.reason,
    capability.refusal === 'badRequest' && field ? [{ path: field, message: capability.reason }] : [],
  );
}

/** One audited transaction with the case row locked (two writers on one case run one after the other). */
export async function withLockedCase<T>(
  db: Db,
  user: CurrentUser,
  caseId: string,
  change: (write: { tx: Db; recordAudit: RecordAudit; row: repo.CaseRow }) => Promise<T>,
): Promise<T> {
  return writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await repo.lockCase(tx, caseId))) throw notFound('Saken finnes ikke.');
    const row = (await repo.findCase(tx, caseId))!;
    return change({ tx, recordAudit, row });
  });
}
