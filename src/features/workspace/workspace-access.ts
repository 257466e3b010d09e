// Who sees a steering group's workspace (meetings, minutes, decisions, actions, documents): its active
// members, the portfolio secretariat and the RHF contact persons (seed 001 §7.4, §8.2).
import type { Db } from '../../db/client.js';
import { isMembershipActive } from '../../domain/consensus.rules.js';
import { forbidden, notFound } from '../../shared/app-error.js';
import { hasRole, isSecretariat, type CurrentUser } from '../auth/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';

export interface WorkspaceViewer {
  isSecretariat: boolean;
  isMember: boolean;
  isLeader: boolean;
  isRhfContact: boolean;
}

export function viewerOf(
  user: CurrentUser,
  members: steeringGroupsRepo.MemberRow[],
  today: string,
): WorkspaceViewer {
  const mine = members.filter((m) => m.personId === user.personId && isMembershipActive(m, today));
  return {
    isSecretariat: isSecretariat(user),
    isMember: mine.length > 0,
    isLeader: mine.some((m) => m.isLeader),
    isRhfContact: hasRole(user, 'rhfContact'),
  };
}

export const canSeeWorkspace = (viewer: WorkspaceViewer) =>
  viewer.isSecretariat || viewer.isMember || viewer.isRhfContact;

/** 403, not 404, for another group's workspace: the groups themselves are public, their workspace is not. */
export async function requireWorkspace(db: Db, user: CurrentUser, steeringGroupId: string, today: string) {
  const group = await steeringGroupsRepo.findGroup(db, steeringGroupId);
  if (!group) throw notFound('Styringsgruppen finnes ikke.');
  const members = await steeringGroupsRepo.listMembers(db, steeringGroupId);
  const viewer = viewerOf(user, members, today);
  if (!canSeeWorkspace(viewer))
    throw forbidden(
      'Arbeidsrommet er bare for gruppens medlemmer, porteføljesekretariatet og kontaktpersonene i RHF-ene.',
    );
  return { group, members, viewer };
}

/** The leader records the group's approval; the secretariat may record it on the group's behalf. */
export function requireLeaderOrSecretariat(viewer: WorkspaceViewer, what: string) {
  if (!viewer.isSecretariat && !viewer.isLeader)
    throw forbidden(`Bare styringsgruppens leder og porteføljesekretariatet kan ${what}.`);
}

export function requireSecretariat(viewer: WorkspaceViewer, what: string) {
  if (!viewer.isSecretariat) throw forbidden(`Bare porteføljesekretariatet kan ${what}.`);
}
