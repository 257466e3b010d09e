// The group's workspace (arbeidsrom): meetings, plans, decisions, actions, documents and training in one
// answer, for the group's members, the secretariat and the RHF contacts only.
import type { Db } from '../../db/client.js';
import { isMembershipActive } from '../../domain/consensus.rules.js';
import type { CurrentUser } from '../auth/index.js';
import { listGroupDocuments } from '../documents/index.js';
import { allDecisions } from '../governance/index.js';
import { meetingsRepo } from '../meetings/index.js';
import { listGroupMeetings, listGroupPlans, toActionDto } from '../meetings/index.js';
import { groupTraining } from '../training/index.js';
import { requireWorkspace } from './workspace-access.js';

export async function getWorkspace(db: Db, user: CurrentUser, groupId: string, today: string) {
  const { group, members, viewer } = await requireWorkspace(db, user, groupId, today);
  const [plans, meetings, decisions, actions, documents, training] = await Promise.all([
    listGroupPlans(db, groupId),
    listGroupMeetings(db, groupId),
    allDecisions(db, groupId),
    meetingsRepo.listActions(db, { steeringGroupId: groupId }),
    listGroupDocuments(db, user, groupId, today),
    groupTraining(db, user, groupId, today),
  ]);
  return {
    group: { id: group.id, code: group.code, name: group.name },
    viewer,
    members: members
      .filter((m) => isMembershipActive(m, today))
      .map((m) => ({ personId: m.personId, name: m.personName, rhfName: m.rhfName, isLeader: m.isLeader })),
    plans,
    meetings,
    decisions,
    actions: actions.map((row) => toActionDto(row, today)),
    documents,
    training,
  };
}
