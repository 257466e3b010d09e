// Lasting inhabilitet (issue 9 item 4; seed 001 §7.2 "vedvarende inhabilitet … kan måtte byttes ut"): a member
// found inhabil in `lastingThreshold` cases of the group within `lastingWindowMonths` (the versioned
// habilitetRule), or with a declared lasting conflict in the group's categories, gets the composition warning
// "vurder utskifting"; their RHF's contact is told when the threshold is reached.
import type { Db } from '../../../db/client.js';
import { isMembershipActive } from '../../../domain/consensus.rules.js';
import { lastingInhabilitet } from '../../../domain/habilitet.rules.js';
import { forbidden } from '../../../shared/app-error.js';
import { isSecretariat, organisationsForRole, type CurrentUser } from '../../auth/index.js';
import { notify } from '../../notifications/index.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import { loadRules } from '../governance-config.service.js';
import * as repo from './habilitet.repo.js';

export interface LastingWarningRow {
  steeringGroupId: string;
  steeringGroupName: string;
  membershipId: string;
  personId: string;
  personName: string;
  rhfId: string;
  rhfName: string;
  message: string;
}

/** Every group's "vurder utskifting" warnings (or one group's), optionally leaving one question out. */
export async function listLastingWarnings(
  db: Db,
  today: string,
  options: { steeringGroupId?: string; excludeQuestionId?: string } = {},
): Promise<LastingWarningRow[]> {
  const [rules, groups, members, coverage, inhabil] = await Promise.all([
    loadRules(db),
    steeringGroupsRepo.listGroups(db),
    steeringGroupsRepo.listMembers(db, options.steeringGroupId),
    steeringGroupsRepo.listCoverage(db),
    repo.listQuestions(db, { status: 'inhabil' }),
  ]);
  const active = members.filter((m) => isMembershipActive(m, today) && !m.isObserver);
  const declarations = await repo.latestDeclarations(
    db,
    active.map((m) => m.personId),
  );
  const rule = {
    threshold: rules.habilitetRule.value.lastingThreshold,
    windowMonths: rules.habilitetRule.value.lastingWindowMonths,
  };
  const warnings: LastingWarningRow[] = [];
  for (const groupId of new Set(active.map((m) => m.steeringGroupId))) {
    const ofGroup = active.filter((m) => m.steeringGroupId === groupId);
    const found = lastingInhabilitet(
      {
        members: ofGroup.map((m) => ({
          personId: m.personId,
          personName: m.personName,
          interests: declarations.get(m.personId)?.interests ?? [],
        })),
        inhabilDecisions: inhabil
          .filter((q) => q.steeringGroupId === groupId && q.decidedOn && q.id !== options.excludeQuestionId)
          .map((q) => ({ personId: q.personId, decidedOn: q.decidedOn! })),
        groupCategoryCodes: coverage.filter((c) => c.steeringGroupId === groupId).map((c) => c.code),
        today,
      },
      rule,
    );
    for (const warning of found) {
      const member = ofGroup.find((m) => m.personId === warning.personId)!;
      warnings.push({
        steeringGroupId: groupId,
        steeringGroupName: groups.find((g) => g.id === groupId)?.name ?? '',
        membershipId: member.id,
        personId: member.personId,
        personName: member.personName,
        rhfId: member.rhfId,
        rhfName: member.rhfName,
        message: warning.reason,
      });
    }
  }
  return warnings;
}

/** For the RHF contact's habilitet page: their RHF's members (the secretariat: all). */
export async function compositionWarningsFor(db: Db, user: CurrentUser, today: string) {
  const rhfIds = isSecretariat(user) ? null : organisationsForRole(user, 'rhfContact');
  if (rhfIds && rhfIds.length === 0)
    throw forbidden('Bare kontaktpersoner i RHF-ene og sekretariatet ser advarslene om utskifting.');
  return (await listLastingWarnings(db, today)).filter((w) => rhfIds === null || rhfIds.includes(w.rhfId));
}

/**
 * After an "inhabil" decision, inside its transaction: when it is the one that makes the member's inhabilitet
 * lasting, the RHF contact is told "vurder utskifting".
 */
export async function notifyIfLasting(
  tx: Db,
  question: { id: string; personId: string; steeringGroupId: string; rhfId: string },
  today: string,
) {
  const scope = { steeringGroupId: question.steeringGroupId };
  const after = await listLastingWarnings(tx, today, scope);
  const warning = after.find((w) => w.personId === question.personId);
  if (!warning) return;
  const before = await listLastingWarnings(tx, today, { ...scope, excludeQuestionId: question.id });
  if (before.some((w) => w.personId === question.personId && w.message === warning.message)) return;
  const contacts = await repo.rhfContactIds(tx, [question.rhfId]);
  await notify(
    tx,
    contacts.map((c) => c.personId),
    {
      kind: 'compositionWarning',
      title: `Vurder utskifting: ${warning.personName} i ${warning.steeringGroupName}`,
      body: warning.message,
      link: `/styringsgrupper/${question.steeringGroupId}`,
    },
  );
}
