// A case as its page shows it: electorate, votes, tally and quorum, habilitet, documents (exempt ones only
// to those who may read them), escalation, and what this viewer may do (from the case lifecycle rules).
import type { Db } from '../../../db/client.js';
import { isMembershipActive } from '../../../domain/consensus.rules.js';
import { rhfsAwaitingAnswer } from '../../../domain/escalation.rules.js';
import type { Gate } from '../../../domain/involvement.rules.js';
import type { CurrentUser } from '../../auth/index.js';
import { documentsRepo, toDocumentDtos } from '../../documents/index.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import { caseElectorate } from '../case-electorate.js';
import * as repo from '../governance.repo.js';
import type { CaseDto } from '../governance.schemas.js';
import { exemptBlockReasonIn, loadCaseHabilitet } from '../habilitet/case-habilitet.js';
import { decidingCapacity, toQuestionDto } from '../habilitet/habilitet-capacity.js';
import { rhfDiscussionVoteBlock } from '../habilitet/rhf-discussion.service.js';
import { canReadRestricted, capabilitiesOf, excludedLabels, loadCase, nextTargetOf } from './case-access.js';
import { faggruppeMatterView } from './faggruppe-matter-view.js';

export async function getCase(db: Db, user: CurrentUser, caseId: string, today: string): Promise<CaseDto> {
  const row = await loadCase(db, caseId);
  const [votes, documents, escalation, members] = await Promise.all([
    repo.listVotes(db, [caseId]),
    documentsRepo.listDocuments(db, { caseId }),
    repo.findEscalation(db, caseId),
    steeringGroupsRepo.listMembers(db, row.steeringGroupId),
  ]);
  // An open case is decided by whoever may vote today; a closed one shows the electorate at its tally.
  const electorate = await caseElectorate(db, row, today);
  const eligiblePersonIds =
    row.status === 'open' ? electorate.eligible.map((m) => m.personId) : row.eligiblePersonIds;
  const habilitet = await loadCaseHabilitet(db, row, today, votes);
  const myHabilitet = habilitet.members.find((m) => m.personId === user.personId) ?? null;
  const habilitetBlock = exemptBlockReasonIn(habilitet, user.personId);
  const memberRef = (m: steeringGroupsRepo.MemberRow) => ({
    personId: m.personId,
    name: m.personName,
    rhfId: m.rhfId,
    rhfName: m.rhfName,
  });
  const eligibleMembers = eligiblePersonIds.map((personId) => {
    const member = members.find((m) => m.personId === personId);
    return member
      ? memberRef(member)
      : (() => {
          // A substitute appointed for this case, or a member who has left the group.
          const other = habilitet.members.find((m) => m.personId === personId);
          return other
            ? { personId, name: other.personName, rhfId: other.rhfId, rhfName: other.rhfName }
            : { personId, name: 'Tidligere medlem', rhfId: row.participatingRhfIds[0]!, rhfName: '' };
        })();
  });
  const myVote = votes.find((v) => v.personId === user.personId)?.vote ?? null;
  const isConflicted = myHabilitet?.habilitet === 'reported' || myHabilitet?.habilitet === 'inhabil';
  const myMembership = members.find((m) => m.personId === user.personId && isMembershipActive(m, today));
  const tally = habilitet.tally;
  const can = await capabilitiesOf(db, user, row, today, {
    tallyStatus: tally.status,
    escalation: escalation ?? null,
    members,
  });
  const readRestricted = canReadRestricted(user, row, myMembership !== undefined, habilitetBlock);
  const discussionBlock = row.status === 'open' ? await rhfDiscussionVoteBlock(db, row) : null;
  const cannotVoteReason =
    row.status !== 'open'
      ? 'Saken er ikke åpen for stemmegivning.'
      : eligiblePersonIds.includes(user.personId)
        ? (discussionBlock ?? habilitetVoteBlock(myHabilitet))
        : myMembership
          ? `Du kan ikke stemme i denne saken (${excludedLabels[electorate.excluded.find((e) => e.member.personId === user.personId)?.reason ?? 'otherRegion']}).`
          : 'Du er ikke stemmeberettiget medlem i denne styringsgruppen.';
  return {
    id: row.id,
    procurementId: row.procurementId,
    procurementName: row.procurementName,
    steeringGroupId: row.steeringGroupId,
    steeringGroupName: row.steeringGroupName,
    ...(await bodyRefsOf(db, row)),
    gate: row.gate as Gate,
    kind: row.kind,
    delegatedGate: (row.delegatedGate as Gate | null) ?? null,
    title: row.title,
    text: row.text,
    proposedSignificance: row.proposedSignificance,
    status: row.status,
    eligibleMemberIds: eligiblePersonIds,
    eligibleMembers,
    excludedMembers: members
      .filter((m) => !eligiblePersonIds.includes(m.personId) && isMembershipActive(m, today))
      .map((m) => ({
        ...memberRef(m),
        reason: electorate.excluded.find((e) => e.member.personId === m.personId)?.reason ?? 'otherRegion',
      })),
    votes: votes.map((v) => ({
      personId: v.personId,
      personName: v.personName,
      vote: v.vote,
      comment: v.comment,
      votedAt: v.votedAt.toISOString(),
    })),
    tally: {
      status: tally.status,
      waitingFor: tally.status === 'open' ? tally.waitingFor : [],
      reason: tally.status === 'undecidable' || tally.status === 'notQuorate' ? tally.reason : null,
    },
    habilitet: {
      quorate: tally.status !== 'notQuorate' && tally.status !== 'undecidable',
      quorumReason: tally.status === 'notQuorate' || tally.status === 'undecidable' ? tally.reason : null,
      members: habilitet.members.map((m) => ({
        personId: m.personId,
        name: m.personName,
        rhfId: m.rhfId,
        rhfName: m.rhfName,
        state: m.habilitet,
        appointmentCleared: m.appointmentCleared,
      })),
      // The reasons may be personal (offl. § 13): only the member, their RHF's contact and the secretariat.
      questions: habilitet.questions.map((q) => {
        const dto = toQuestionDto(q);
        const mayReadReasons = q.personId === user.personId || decidingCapacity(user, q.rhfId) !== null;
        return mayReadReasons ? dto : { ...dto, reason: null, decisionReason: null };
      }),
    },
    decisionNumber: row.decisionNumber,
    outcomeNote: row.outcomeNote,
    submittedAt: row.submittedAt.toISOString(),
    decidedOn: row.decidedOn,
    documents: (await toDocumentDtos(db, documents, today, () => readRestricted)).map((d) => ({
      id: d.id,
      fileName: d.versions[0]!.fileName,
      contentType: d.versions[0]!.contentType,
      sizeBytes: d.versions[0]!.sizeBytes,
      sha256: d.versions[0]!.sha256,
      restricted: d.accessStatus !== 'public',
      accessStatus: d.accessStatus,
      legalBasis: d.legalBasis,
      canRead: d.canRead,
    })),
    escalation: escalation
      ? {
          reason: escalation.reason,
          targetBody: escalation.targetBodyId
            ? await steeringGroupsRepo
                .findGroup(db, escalation.targetBodyId)
                .then((body) => (body ? { id: body.id, name: body.name } : null))
            : null,
          nextTarget: await nextTargetOf(db, escalation.targetBodyId).then((body) =>
            body ? { id: body.id, name: body.name } : null,
          ),
          previousSteps: escalation.previousSteps.map(({ targetBodyId: _id, ...step }) => step),
          brief: escalation.brief,
          recommendation: escalation.recommendation,
          rhfIds: escalation.rhfIds,
          answers: escalation.answers.map((a) => ({
            rhfId: a.rhfId,
            answer: a.answer,
            answeredBy: a.answeredBy,
            answeredAt: a.answeredAt.toISOString(),
          })),
          awaitingAnswerFrom: rhfsAwaitingAnswer(escalation.rhfIds, escalation.answers),
          resolutionOutcome: escalation.resolutionOutcome,
          resolutionText: escalation.resolutionText,
          resolvedAt: escalation.resolvedAt?.toISOString() ?? null,
        }
      : null,
    faggruppeMatter: await faggruppeMatterView(db, row, can),
    viewer: {
      canVote: cannotVoteReason === null,
      myVote,
      isConflicted,
      habilitet: myHabilitet?.habilitet ?? null,
      exemptBlockedReason: habilitetBlock,
      canDecideHabilitetQuestionIds: habilitet.questions
        .filter(
          (q) =>
            q.status === 'pending' &&
            q.personId !== user.personId &&
            decidingCapacity(user, q.rhfId) !== null,
        )
        .map((q) => q.id),
      canMarkOutsideMandate: can.markOutsideMandate === null,
      canEscalate: can.escalate === null,
      canEscalateFurther: can.escalateFurther === null,
      canAnswerForRhfIds: can.answerableRhfIds,
      canResolve: can.resolve === null,
      canRecordConsultation: can.recordConsultation === null,
      canAddDocuments: can.addDocuments === null,
      cannotVoteReason,
    },
  };
}

function habilitetVoteBlock(member: Awaited<ReturnType<typeof loadCaseHabilitet>>['members'][number] | null) {
  if (!member) return 'Du er ikke lenger aktivt medlem av styringsgruppen.';
  if (!member.appointmentCleared)
    return `${member.rhfName} har ikke registrert en klarert habilitetssjekk ved oppnevningen din.`;
  if (member.habilitet === 'reported') return 'Habilitetsspørsmålet ditt venter på RHF-ets avgjørelse.';
  if (member.habilitet === 'inhabil') return 'RHF-et har avgjort at du er inhabil i saken.';
  return null;
}

/** The case's body's escalation target and, for a decision-level case, the body it names (seed 000). */
async function bodyRefsOf(db: Db, row: repo.CaseRow) {
  const ref = async (id: string | null) => {
    const body = id ? await steeringGroupsRepo.findGroup(db, id) : null;
    return body ? { id: body.id, name: body.name } : null;
  };
  const body = await steeringGroupsRepo.findGroup(db, row.steeringGroupId);
  return {
    escalationTarget: await ref(body?.escalationTargetId ?? null),
    decisionType: row.decisionType,
    proposedBody: await ref(row.proposedBodyId),
  };
}
