// "Drøftes med RHF-ene" (issue 9 item 7; seed 001 §2.1: saker av stor strategisk betydning drøftes med RHF-ene):
// a høy-significance case is marked so before the group votes; the vote opens when each participating RHF has
// acknowledged (its contact, or the secretariat on its behalf), if the versioned habilitetRule requires it.
import type { Db } from '../../../db/client.js';
import { writeAudited } from '../../../db/unit-of-work.js';
import { rhfDiscussionMarkBlocker, rhfDiscussionVoteBlocker } from '../../../domain/rhf-information.rules.js';
import { significanceInForce } from '../../../domain/significance.rules.js';
import { badRequest, conflict, forbidden, notFound } from '../../../shared/app-error.js';
import { isSecretariat, type CurrentUser } from '../../auth/index.js';
import { notify } from '../../notifications/index.js';
import { caseElectorate } from '../case-electorate.js';
import { loadRules } from '../governance-config.service.js';
import * as governanceRepo from '../governance.repo.js';
import { loadGovernanceContext } from '../procurement-governance.service.js';
import { decidingCapacity } from './habilitet-capacity.js';
import { informRhfContacts } from './rhf-information.service.js';
import * as repo from './rhf-discussion.repo.js';
import { isGroupLeader } from '../cases/case-access.js';

type CaseRef = Pick<governanceRepo.CaseRow, 'id' | 'participatingRhfIds'>;

/** Why the group's vote has not opened because of "drøftes med RHF-ene", or null. */
export async function rhfDiscussionVoteBlock(db: Db, row: CaseRef) {
  const discussion = await repo.findDiscussion(db, row.id);
  if (!discussion) return null;
  const [rules, acknowledgements, rhfs] = await Promise.all([
    loadRules(db),
    repo.listAcknowledgements(db, row.id),
    repo.listOrganisationNames(db, row.participatingRhfIds),
  ]);
  return rhfDiscussionVoteBlocker({
    marked: true,
    acknowledgementRequired: rules.habilitetRule.value.rhfDiscussionAcknowledgement,
    participatingRhfs: row.participatingRhfIds.map((id) => ({
      id,
      name: rhfs.find((r) => r.id === id)?.name ?? id,
    })),
    acknowledgedRhfIds: acknowledgements.map((a) => a.rhfId),
  });
}

async function loadCase(db: Db, caseId: string) {
  const row = await governanceRepo.findCase(db, caseId);
  if (!row) throw notFound('Saken finnes ikke.');
  return row;
}

export async function getRhfDiscussion(db: Db, user: CurrentUser, caseId: string, today: string) {
  const row = await loadCase(db, caseId);
  const [discussion, acknowledgements, rhfs, rules, voteBlocker] = await Promise.all([
    repo.findDiscussion(db, caseId),
    repo.listAcknowledgements(db, caseId),
    repo.listOrganisationNames(db, row.participatingRhfIds),
    loadRules(db),
    rhfDiscussionVoteBlock(db, row),
  ]);
  const mayMark =
    isSecretariat(user) ||
    row.procurementLeadId === user.personId ||
    (await isGroupLeader(db, user, row.steeringGroupId, today));
  const awaiting = row.participatingRhfIds.filter((id) => !acknowledgements.some((a) => a.rhfId === id));
  return {
    caseId,
    marked: discussion !== null,
    note: discussion?.note ?? null,
    markedByName: discussion?.markedByName ?? null,
    markedOn: discussion?.markedOn ?? null,
    acknowledgementRequired: rules.habilitetRule.value.rhfDiscussionAcknowledgement,
    acknowledgements,
    awaitingRhfs: awaiting.map((id) => ({ id, name: rhfs.find((r) => r.id === id)?.name ?? id })),
    voteBlocker,
    viewer: {
      canMark: discussion === null && row.status === 'open' && mayMark,
      canAcknowledgeRhfIds:
        discussion && row.status === 'open'
          ? awaiting.filter((id) => decidingCapacity(user, id) !== null)
          : [],
    },
  };
}

/** Marks a høy-significance case "drøftes med RHF-ene" before the vote; the RHF contacts are told. */
export async function markForRhfDiscussion(
  db: Db,
  user: CurrentUser,
  caseId: string,
  note: string | null,
  today: string,
) {
  const row = await loadCase(db, caseId);
  if (
    !isSecretariat(user) &&
    row.procurementLeadId !== user.personId &&
    !(await isGroupLeader(db, user, row.steeringGroupId, today))
  )
    throw forbidden(
      'Bare sekretariatet, anskaffelsens leder og styringsgruppens leder merker saker «drøftes med RHF-ene».',
    );
  // A body's matter without a procurement has no strategic significance, so it is never marked.
  const context = row.procurementId ? await loadGovernanceContext(db, row.procurementId) : null;
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await governanceRepo.lockCase(tx, caseId))) throw notFound('Saken finnes ikke.');
    const locked = (await governanceRepo.findCase(tx, caseId))!;
    const votes = await governanceRepo.listVotes(tx, [caseId]);
    // A significance case proposing høy is of høy significance when the group is about to decide it.
    const significance =
      locked.gate === 'significance' && locked.proposedSignificance === 'høy'
        ? 'høy'
        : context &&
          significanceInForce({
            final: context.final,
            initial: context.initial,
            recommended: context.recommended.recommended,
          });
    const blocker = rhfDiscussionMarkBlocker({
      significance,
      caseStatus: locked.status,
      caseKind: locked.kind,
      votesCast: votes.filter((v) => v.vote !== 'conflict').length,
      alreadyMarked: (await repo.findDiscussion(tx, caseId)) !== null,
    });
    if (blocker) throw conflict(blocker);
    await repo.insertDiscussion(tx, {
      caseId,
      note,
      markedByPersonId: user.personId,
      markedByName: user.personName,
      markedOn: today,
    });
    await informRhfContacts(tx, locked.participatingRhfIds, {
      type: 'rhfDiscussion',
      caseId,
      caseTitle: locked.title,
      procurementName: locked.procurementName,
    });
    await recordAudit({
      action: 'markRhfDiscussion',
      entityType: 'case',
      entityId: caseId,
      summary: `Drøftes med RHF-ene: ${locked.title}`,
      before: { marked: false },
      after: { marked: true, note, rhfIds: locked.participatingRhfIds },
    });
  });
  return getRhfDiscussion(db, user, caseId, today);
}

/** The RHF's acknowledgement; the last one opens the vote and tells the deciding members. */
export async function acknowledgeRhfDiscussion(
  db: Db,
  user: CurrentUser,
  caseId: string,
  input: { rhfId: string; note: string | null },
  today: string,
) {
  const row = await loadCase(db, caseId);
  if (!row.participatingRhfIds.includes(input.rhfId))
    throw badRequest('Dette RHF-et deltar ikke i anskaffelsen.', [{ path: 'rhfId', message: 'Deltar ikke' }]);
  const capacity = decidingCapacity(user, input.rhfId);
  if (!capacity)
    throw forbidden(
      'Bare RHF-ets kontaktperson (eller sekretariatet på RHF-ets vegne) bekrefter drøftingen.',
    );
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await governanceRepo.lockCase(tx, caseId))) throw notFound('Saken finnes ikke.');
    const locked = (await governanceRepo.findCase(tx, caseId))!;
    if (!(await repo.findDiscussion(tx, caseId)))
      throw conflict('Saken er ikke merket «drøftes med RHF-ene».');
    if (locked.status !== 'open') throw conflict('Saken er ikke lenger åpen.');
    if (
      !(await repo.insertAcknowledgement(tx, {
        caseId,
        rhfId: input.rhfId,
        note: input.note,
        acknowledgedByPersonId: user.personId,
        acknowledgedByName: user.personName,
        acknowledgedAs: capacity,
        acknowledgedOn: today,
      }))
    )
      throw conflict('RHF-et har allerede bekreftet at saken er drøftet.');
    const [rhf] = await repo.listOrganisationNames(tx, [input.rhfId]);
    await recordAudit({
      action: 'acknowledgeRhfDiscussion',
      entityType: 'case',
      entityId: caseId,
      summary: `${rhf?.name ?? input.rhfId} bekreftet drøfting av «${locked.title}» (${capacity === 'secretariat' ? 'sekretariatet på RHF-ets vegne' : user.personName})`,
      after: { rhfId: input.rhfId, note: input.note, acknowledgedAs: capacity },
    });
    if ((await rhfDiscussionVoteBlock(tx, locked)) === null) {
      const electorate = await caseElectorate(tx, locked, today);
      await notify(
        tx,
        electorate.eligible.map((m) => m.personId),
        {
          kind: 'caseAwaitingVote',
          title: `Avstemningen er åpnet: ${locked.title}`,
          body: 'Saken er drøftet med RHF-ene.',
          link: `/saker/${caseId}`,
        },
      );
    }
  });
  return getRhfDiscussion(db, user, caseId, today);
}
