// Cases (saker) at the phase gates: submission, votes by consensus, conflicts of interest, dissent,
// outside-mandate, escalation to the RHFs and their resolution, consultations, documents, decision register.
import type { Db } from '../../db/client.js';
import { transactionTime } from '../../db/transaction-time.js';
import { writeAudited, type RecordAudit } from '../../db/unit-of-work.js';
import { isMembershipActive, type Vote } from '../../domain/consensus.rules.js';
import { escalationBlocker, rhfsAwaitingAnswer, settlementBlocker } from '../../domain/escalation.rules.js';
import { gateLabels, type Gate } from '../../domain/involvement.rules.js';
import { accessOfUpload, checkAccess } from '../../domain/offentleglova.rules.js';
import { badRequest, conflict, forbidden, notFound } from '../../shared/app-error.js';
import { canEditProcurement, isSecretariat, organisationsForRole, type CurrentUser } from '../auth/index.js';
import * as documentsRepo from '../documents/documents.repo.js';
import * as documentsService from '../documents/documents.service.js';
import { notify } from '../notifications/index.js';
import { organisationsRepo } from '../organisations/index.js';
import { peopleRepo } from '../people/index.js';
import { journalDecision } from '../public-access/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import { caseElectorate, refreshElectorate } from './case-electorate.js';
import * as repo from './governance.repo.js';
import type { CaseDto, SubmitCase } from './governance.schemas.js';
import { electorateOf, loadGovernanceContext, workflowBlocker } from './procurement-governance.service.js';
import { exemptBlockReasonIn, loadCaseHabilitet } from './habilitet/case-habilitet.js';
import {
  assertMayVote,
  decidingCapacity,
  raiseHabilitetQuestion,
  toQuestionDto,
} from './habilitet/habilitet-questions.service.js';
import * as habilitetRepo from './habilitet/habilitet.repo.js';
import { rhfDiscussionVoteBlock } from './habilitet/rhf-discussion.service.js';
import { informRhfContacts } from './habilitet/rhf-information.service.js';
import { raiseSupplierMatches } from './habilitet/suppliers.service.js';

const caseLink = (caseId: string) => `/saker/${caseId}`;

/** Case documents live in the document store; every upload is checked before anything is written. */
async function storeDocuments(
  tx: Db,
  row: { id: string; steeringGroupId: string; procurementId: string },
  documents: SubmitCase['documents'],
  uploadedBy: string,
  today: string,
) {
  documents.forEach((document, index) => {
    documentsService.checkFile(document, `documents.${index}`);
    // The legal basis is explicit (offentleglova): a bare `restricted: true` is refused, never defaulted.
    const problems = checkAccess(accessOfUpload(document));
    if (problems.length > 0)
      throw badRequest(
        `«${document.fileName}»: ${problems[0]!.message}`,
        problems.map((p) => ({ ...p, path: `documents.${index}.${p.path}` })),
      );
  });
  const stored = [];
  for (const document of documents) {
    const { document: row_, version } = await documentsService.storeNewDocument(tx, {
      steeringGroupId: row.steeringGroupId,
      procurementId: row.procurementId,
      caseId: row.id,
      meetingId: null,
      title: document.fileName,
      access: accessOfUpload(document),
      file: document,
      uploadedBy,
      today,
    });
    stored.push({
      fileName: version.fileName,
      sha256: version.sha256,
      restricted: row_.accessStatus !== 'public',
    });
  }
  return stored;
}

export async function submitCase(
  db: Db,
  user: CurrentUser,
  procurementId: string,
  input: SubmitCase,
  today: string,
) {
  const context = await loadGovernanceContext(db, procurementId);
  if (!canEditProcurement(user, context.procurement.procurementLeadId)) {
    throw forbidden('Bare anskaffelsens leder og porteføljesekretariatet kan fremme saker.');
  }
  const blocker = workflowBlocker(context);
  if (blocker) throw badRequest(blocker);
  const gateView = context.gates.find((g) => g.gate === input.gate)!;
  // A later reassessment of the significance is a new decision, so that gate takes cases at any time.
  if (gateView.status === 'passed' && input.gate !== 'significance') {
    throw conflict(`Fasen «${gateLabels[input.gate]}» er allerede passert.`);
  }
  const kind = input.delegate
    ? 'delegation'
    : gateView.involvement === 'consulted'
      ? 'consultation'
      : 'decision';
  if (gateView.involvement === 'informed' && !input.delegate) {
    throw badRequest(
      `Styringsgruppen skal bare informeres om «${gateLabels[input.gate]}»; fasen kan passeres uten sak.`,
    );
  }
  if (input.delegate && (input.gate === 'significance' || gateView.involvement !== 'decide')) {
    throw badRequest(
      'Bare godkjenning av plan, konkurransegrunnlag og tildeling kan delegeres til faggruppen.',
    );
  }
  if (
    context.cases.some(
      (c) =>
        c.gate === input.gate &&
        c.kind === kind &&
        ['open', 'dissent', 'outsideMandate', 'escalated'].includes(c.status),
    )
  ) {
    throw conflict('Det finnes allerede en åpen sak for denne fasen.');
  }
  const electorate = electorateOf(context, today);
  if (electorate.eligible.length === 0) {
    throw conflict(
      `Styringsgruppen kan ikke avgjøre saken: ingen stemmeberettigede medlemmer (${electorate.excluded.length === 0 ? 'gruppen har ingen medlemmer' : electorate.excluded.map((e) => `${e.member.personName}: ${excludedLabels[e.reason]}`).join('; ')}).`,
    );
  }
  const caseId = await writeAudited(db, user, async (tx, recordAudit) => {
    const id = await repo.insertCase(tx, {
      procurementId,
      steeringGroupId: context.procurement.steeringGroupId!,
      gate: input.gate,
      kind,
      delegatedGate: input.delegate ? input.gate : null,
      title: input.title,
      text: input.text,
      proposedSignificance: input.proposedSignificance ?? null,
      eligiblePersonIds: electorate.eligible.map((m) => m.personId),
      participatingRhfIds: context.participatingRhfIds,
      submittedByPersonId: user.personId,
    });
    const documents = await storeDocuments(
      tx,
      { id, steeringGroupId: context.procurement.steeringGroupId!, procurementId },
      input.documents,
      user.username,
      today,
    );
    await notify(
      tx,
      electorate.eligible.map((m) => m.personId),
      {
        kind: 'caseAwaitingVote',
        title: `Ny sak venter på deg: ${input.title}`,
        body: `${context.procurement.name} – ${gateLabels[input.gate]}`,
        link: caseLink(id),
      },
    );
    if (kind !== 'consultation')
      await informRhfContacts(tx, context.participatingRhfIds, {
        type: 'caseAtDecideGate',
        caseId: id,
        caseTitle: input.title,
        procurementName: context.procurement.name,
        gate: input.gate,
      });
    // Known tenderers against the deciding members' declarations (habilitet/suppliers.service.ts).
    await raiseSupplierMatches(tx, recordAudit, procurementId, user.username, today);
    await recordAudit({
      action: 'submitCase',
      entityType: 'case',
      entityId: id,
      summary: `Sak fremmet: ${input.title} (${context.procurement.name}, ${gateLabels[input.gate]})`,
      after: {
        ...input,
        documents: documents.map((d) => ({
          fileName: d.fileName,
          sha256: d.sha256,
          restricted: d.restricted,
        })),
        kind,
        eligiblePersonIds: electorate.eligible.map((m) => m.personId),
      },
    });
    return id;
  });
  return getCase(db, user, caseId, today);
}

const excludedLabels = {
  observer: 'observatør',
  otherRegion: 'regionen deltar ikke',
  faggruppe: 'sitter i faggruppen',
  inactive: 'ikke aktivt medlem',
} as const;

async function loadCase(db: Db, caseId: string) {
  const row = await repo.findCase(db, caseId);
  if (!row) throw notFound('Saken finnes ikke.');
  return row;
}

/**
 * Who may read a restricted (exempt) document: never an outsider or the public, and never a member kept out
 * by habilitet (unanswered, reported or inhabil: see habilitet/case-habilitet.ts).
 */
function canReadRestricted(
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
  const isLeader = myMembership?.isLeader === true;
  const tally = habilitet.tally;
  const rhfContactFor = organisationsForRole(user, 'rhfContact');
  const escalationRhfIds = escalation?.rhfIds ?? [];
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
    documents: (await documentsService.toDocumentDtos(db, documents, today, () => readRestricted)).map(
      (d) => ({
        id: d.id,
        fileName: d.versions[0]!.fileName,
        contentType: d.versions[0]!.contentType,
        sizeBytes: d.versions[0]!.sizeBytes,
        sha256: d.versions[0]!.sha256,
        restricted: d.accessStatus !== 'public',
        accessStatus: d.accessStatus,
        legalBasis: d.legalBasis,
        canRead: d.canRead,
      }),
    ),
    escalation: escalation
      ? {
          reason: escalation.reason,
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
      canMarkOutsideMandate: (isLeader || isSecretariat(user)) && ['open', 'dissent'].includes(row.status),
      canEscalate: (isLeader || isSecretariat(user)) && escalationBlocker(row.status, tally.status) === null,
      canAnswerForRhfIds:
        row.status === 'escalated'
          ? isSecretariat(user)
            ? escalationRhfIds
            : escalationRhfIds.filter((id) => rhfContactFor.includes(id))
          : [],
      canResolve:
        row.status === 'escalated' &&
        rhfsAwaitingAnswer(escalationRhfIds, escalation?.answers ?? []).length === 0 &&
        (isSecretariat(user) || escalationRhfIds.some((id) => rhfContactFor.includes(id))),
      canRecordConsultation:
        row.kind === 'consultation' &&
        row.status === 'open' &&
        (isLeader || isSecretariat(user) || row.procurementLeadId === user.personId),
      canAddDocuments:
        ['open', 'dissent', 'outsideMandate', 'escalated'].includes(row.status) &&
        (isSecretariat(user) || row.procurementLeadId === user.personId),
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

/** Assigns the decision number and carries the decision out (final significance, delegation). */
async function recordDecision(
  tx: Db,
  recordAudit: RecordAudit,
  row: repo.CaseRow,
  outcome: 'approved' | 'rejected',
  decidedBy: string,
  today: string,
) {
  // Numbered per group and the (Norwegian) year of the decision.
  const year = Number(today.slice(0, 4));
  const number = await repo.takeDecisionNumber(tx, row.steeringGroupId, year);
  const decisionNumber = `${row.steeringGroupCode}-${year}-${String(number).padStart(2, '0')}`;
  await repo.updateCase(tx, row.id, { decisionNumber, decidedOn: today, closedAt: transactionTime() });
  await journalDecision(tx, row.id, { registeredBy: decidedBy, today });
  if (outcome === 'approved' && row.gate === 'significance' && row.proposedSignificance) {
    await repo.insertSignificanceDecision(tx, {
      procurementId: row.procurementId,
      kind: 'final',
      value: row.proposedSignificance,
      caseId: row.id,
      note: `Vedtak ${decisionNumber}`,
      decidedBy,
    });
    if (row.proposedSignificance === 'høy')
      await informRhfContacts(tx, row.participatingRhfIds, {
        type: 'finalSignificanceHigh',
        procurementId: row.procurementId,
        procurementName: row.procurementName,
        caseId: row.id,
        decisionNumber,
      });
  }
  if (outcome === 'approved' && row.kind === 'delegation' && row.delegatedGate) {
    await repo.insertDelegation(tx, {
      procurementId: row.procurementId,
      gate: row.delegatedGate,
      caseId: row.id,
    });
  }
  const members = await steeringGroupsRepo.listMembers(tx, row.steeringGroupId);
  await notify(
    tx,
    members.filter((m) => m.endedOn === null).map((m) => m.personId),
    {
      kind: 'caseDecided',
      title: `Vedtak ${decisionNumber}: ${row.title} – ${outcome === 'approved' ? 'godkjent' : 'ikke godkjent'}`,
      link: caseLink(row.id),
    },
  );
  await recordAudit({
    action: 'decide',
    entityType: 'case',
    entityId: row.id,
    summary: `Vedtak ${decisionNumber} (${outcome === 'approved' ? 'godkjent' : 'avvist'}): ${row.title}`,
    after: { decisionNumber, outcome, eligiblePersonIds: row.eligiblePersonIds },
  });
  return decisionNumber;
}

/**
 * A member's vote. The case row is locked for the transaction, so two members voting at the same moment
 * are applied one after the other and the outcome is computed from both.
 */
export async function castVote(
  db: Db,
  user: CurrentUser,
  caseId: string,
  input: { vote: Vote; comment: string | null },
  today: string,
) {
  await writeAudited(db, user, (tx, recordAudit) => applyVote(tx, recordAudit, user, caseId, input, today));
  return getCase(db, user, caseId, today);
}

/**
 * Applies a vote inside the caller's transaction (castVote, or a conflict declared on a meeting's agenda item).
 * The case row is locked, so two members voting at the same moment are applied one after the other.
 */
export async function applyVote(
  tx: Db,
  recordAudit: RecordAudit,
  user: CurrentUser,
  caseId: string,
  input: { vote: Vote; comment: string | null },
  today: string,
) {
  if (input.vote === 'object' && !input.comment?.trim()) {
    throw badRequest('En innsigelse må begrunnes.', [{ path: 'comment', message: 'Mangler begrunnelse' }]);
  }
  // "conflict" is not a vote: it raises a habilitet question the member's RHF decides (seed 001 §7.2).
  if (input.vote === 'conflict') {
    if (!input.comment || input.comment.trim().length < 3)
      throw badRequest('Begrunn hvorfor habiliteten din kan være utfordret.', [
        { path: 'comment', message: 'Mangler begrunnelse' },
      ]);
    await raiseHabilitetQuestion(
      tx,
      recordAudit,
      { caseId, personId: user.personId, reason: input.comment, source: 'member', raisedBy: user.username },
      today,
    );
    return;
  }
  if (!(await repo.lockCase(tx, caseId))) throw notFound('Saken finnes ikke.');
  const row = (await repo.findCase(tx, caseId))!;
  if (row.status !== 'open') throw conflict('Saken er ikke lenger åpen for stemmegivning.');
  // Eligibility follows the memberships in force today (a successor votes, a member whose term ended does not).
  const eligiblePersonIds = await refreshElectorate(tx, recordAudit, row, today);
  if (!eligiblePersonIds.includes(user.personId)) {
    const members = await steeringGroupsRepo.listMembers(tx, row.steeringGroupId);
    const membership = members.find((m) => m.personId === user.personId && isMembershipActive(m, today));
    throw forbidden(
      !membership
        ? 'Du er ikke medlem av styringsgruppen for denne saken.'
        : membership.isObserver
          ? 'Observatører kan ikke stemme.'
          : 'Du er ikke stemmeberettiget i denne saken (regionen din deltar ikke, eller du sitter i faggruppen).',
    );
  }
  const habilitetBefore = await assertMayVote(tx, row, user.personId, today);
  const before = (await repo.listVotes(tx, [caseId])).find((v) => v.personId === user.personId) ?? null;
  await repo.upsertVote(tx, { caseId, personId: user.personId, vote: input.vote, comment: input.comment });
  await recordAudit({
    action: 'vote',
    entityType: 'case',
    entityId: caseId,
    summary: `${user.personName}: ${input.vote === 'approve' ? 'godkjenner' : input.vote === 'object' ? 'innsigelse' : 'inhabil'} – ${row.title}`,
    before: before ? { vote: before.vote, comment: before.comment } : null,
    after: {
      ...input,
      eligiblePersonIds,
      ...(habilitetBefore === 'unanswered' ? { habilitet: 'noKnownConflict' } : {}),
    },
  });
  await settleCase(tx, recordAudit, caseId, user.username, today);
}

/**
 * Applies the tally after a vote or a habilitet change (consensus of today's electorate under the quorum
 * rule): the decision, dissent, or nothing yet. Returns the tally of an open decision case, null otherwise.
 */
export async function settleCase(
  tx: Db,
  recordAudit: RecordAudit,
  caseId: string,
  decidedBy: string,
  today: string,
) {
  const stored = (await repo.findCase(tx, caseId))!;
  // Consultation answers are advice; the consultation is closed by recordConsultation.
  if (stored.status !== 'open' || stored.kind === 'consultation') return null;
  const eligiblePersonIds = await refreshElectorate(tx, recordAudit, stored, today);
  const row = { ...stored, eligiblePersonIds };
  const { tally } = await loadCaseHabilitet(tx, row, today);
  if (tally.status === 'approved') {
    await repo.updateCase(tx, caseId, { status: 'approved' });
    await recordDecision(tx, recordAudit, row, 'approved', decidedBy, today);
  } else if (tally.status === 'dissent') {
    await repo.updateCase(tx, caseId, { status: 'dissent' });
    const members = await steeringGroupsRepo.listMembers(tx, row.steeringGroupId);
    await notify(
      tx,
      members.filter((m) => m.isLeader && isMembershipActive(m, today)).map((m) => m.personId),
      {
        kind: 'caseDissent',
        title: `Dissens i saken «${row.title}»: saken må eskaleres`,
        link: caseLink(caseId),
      },
    );
    await informRhfContacts(tx, row.participatingRhfIds, {
      type: 'dissent',
      caseId,
      caseTitle: row.title,
      procurementName: row.procurementName,
    });
    await recordAudit({
      action: 'dissent',
      entityType: 'case',
      entityId: caseId,
      summary: `Dissens: ${row.title}`,
      before: { status: 'open' },
      after: { status: 'dissent', objectors: tally.objectors, eligiblePersonIds },
    });
  }
  return tally;
}

async function isGroupLeader(db: Db, user: CurrentUser, steeringGroupId: string, today: string) {
  const members = await steeringGroupsRepo.listMembers(db, steeringGroupId);
  return members.some((m) => m.personId === user.personId && m.isLeader && isMembershipActive(m, today));
}

export async function markOutsideMandate(
  db: Db,
  user: CurrentUser,
  caseId: string,
  reason: string,
  today: string,
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await repo.lockCase(tx, caseId))) throw notFound('Saken finnes ikke.');
    const row = (await repo.findCase(tx, caseId))!;
    if (!isSecretariat(user) && !(await isGroupLeader(tx, user, row.steeringGroupId, today)))
      throw forbidden('Bare styringsgruppens leder og sekretariatet kan gjøre dette.');
    if (!['open', 'dissent'].includes(row.status))
      throw conflict('Saken kan ikke lenger merkes som utenfor mandatet.');
    await repo.updateCase(tx, caseId, { status: 'outsideMandate', outcomeNote: reason });
    await recordAudit({
      action: 'outsideMandate',
      entityType: 'case',
      entityId: caseId,
      summary: `Utenfor mandatet: ${row.title}`,
      before: { status: row.status },
      after: { status: 'outsideMandate', reason },
    });
  });
  return getCase(db, user, caseId, today);
}

/** The group's joint brief with a recommendation goes to the RHFs concerned; each member informs their RHF. */
export async function escalateCase(
  db: Db,
  user: CurrentUser,
  caseId: string,
  input: { reason: 'dissent' | 'outsideMandate'; brief: string; recommendation: string },
  today: string,
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await repo.lockCase(tx, caseId))) throw notFound('Saken finnes ikke.');
    const row = (await repo.findCase(tx, caseId))!;
    if (!isSecretariat(user) && !(await isGroupLeader(tx, user, row.steeringGroupId, today)))
      throw forbidden('Bare styringsgruppens leder og sekretariatet kan eskalere.');
    const tallyNow =
      row.status === 'open'
        ? (
            await loadCaseHabilitet(
              tx,
              { ...row, eligiblePersonIds: await refreshElectorate(tx, recordAudit, row, today) },
              today,
            )
          ).tally.status
        : null;
    const blocker = escalationBlocker(row.status, tallyNow);
    if (blocker) throw conflict(blocker);
    await repo.insertEscalation(tx, {
      caseId,
      reason: input.reason,
      brief: input.brief,
      recommendation: input.recommendation,
      rhfIds: row.participatingRhfIds,
      escalatedBy: user.username,
    });
    await repo.updateCase(tx, caseId, { status: 'escalated' });
    const contacts = (await peopleRepo.listPeople(tx)).filter((p) =>
      p.roles.some((r) => r.role === 'rhfContact' && row.participatingRhfIds.includes(r.organisationId)),
    );
    const members = await steeringGroupsRepo.listMembers(tx, row.steeringGroupId);
    await notify(
      tx,
      [
        ...contacts.map((p) => p.id),
        ...members.filter((m) => isMembershipActive(m, today)).map((m) => m.personId),
      ],
      {
        kind: 'escalation',
        title: `Eskalert til RHF-ene: ${row.title}`,
        body: 'Styringsgruppen har skrevet et felles notat med anbefaling. Hvert medlem informerer sitt RHF.',
        link: caseLink(caseId),
      },
    );
    await recordAudit({
      action: 'escalate',
      entityType: 'case',
      entityId: caseId,
      summary: `Eskalert (${input.reason === 'dissent' ? 'dissens' : 'utenfor mandat'}): ${row.title}`,
      before: { status: row.status },
      after: { status: 'escalated', ...input, rhfIds: row.participatingRhfIds },
    });
  });
  return getCase(db, user, caseId, today);
}

export async function answerForRhf(
  db: Db,
  user: CurrentUser,
  caseId: string,
  input: { rhfId: string; answer: string },
  today: string,
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await repo.lockCase(tx, caseId))) throw notFound('Saken finnes ikke.');
    const escalation = await repo.findEscalation(tx, caseId);
    const row = (await repo.findCase(tx, caseId))!;
    if (!escalation || row.status !== 'escalated')
      throw conflict('Saken er ikke eskalert og venter ikke på svar fra RHF-ene.');
    if (!escalation.rhfIds.includes(input.rhfId))
      throw badRequest('Dette RHF-et er ikke berørt av saken.', [{ path: 'rhfId', message: 'Ikke berørt' }]);
    if (!isSecretariat(user) && !organisationsForRole(user, 'rhfContact').includes(input.rhfId))
      throw forbidden('Du kan bare svare for ditt eget RHF.');
    const before = escalation.answers.find((a) => a.rhfId === input.rhfId) ?? null;
    await repo.upsertEscalationAnswer(tx, {
      caseId,
      rhfId: input.rhfId,
      answer: input.answer,
      answeredBy: user.username,
    });
    await recordAudit({
      action: 'rhfAnswer',
      entityType: 'case',
      entityId: caseId,
      summary: `Svar fra RHF på eskalert sak: ${row.title}`,
      before: before ? { answer: before.answer } : null,
      after: input,
    });
  });
  return getCase(db, user, caseId, today);
}

/** The RHFs' settlement: members are told, and an approval is carried out like a group decision. */
export async function resolveCase(
  db: Db,
  user: CurrentUser,
  caseId: string,
  input: { outcome: 'approved' | 'rejected'; text: string },
  today: string,
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await repo.lockCase(tx, caseId))) throw notFound('Saken finnes ikke.');
    const escalation = await repo.findEscalation(tx, caseId);
    const row = (await repo.findCase(tx, caseId))!;
    if (!escalation || row.status !== 'escalated') throw conflict('Saken er ikke eskalert.');
    if (
      !isSecretariat(user) &&
      !escalation.rhfIds.some((id) => organisationsForRole(user, 'rhfContact').includes(id))
    ) {
      throw forbidden('Bare kontaktpersoner i berørte RHF og sekretariatet kan registrere avklaringen.');
    }
    const organisations = await organisationsRepo.listOrganisations(tx);
    const blocker = settlementBlocker(
      escalation.rhfIds,
      escalation.answers,
      (id) => organisations.find((org) => org.id === id)?.name ?? id,
    );
    if (blocker) throw conflict(blocker);
    await repo.resolveEscalation(tx, caseId, {
      resolutionOutcome: input.outcome,
      resolutionText: input.text,
      resolvedBy: user.username,
    });
    await repo.updateCase(tx, caseId, { status: 'resolved', outcomeNote: input.text });
    await recordAudit({
      action: 'resolve',
      entityType: 'case',
      entityId: caseId,
      summary: `Avklart av RHF-ene (${input.outcome === 'approved' ? 'godkjent' : 'avvist'}): ${row.title}`,
      before: { status: 'escalated' },
      after: { status: 'resolved', ...input },
    });
    await recordDecision(
      tx,
      recordAudit,
      { ...row, resolutionOutcome: input.outcome },
      input.outcome,
      user.username,
      today,
    );
  });
  return getCase(db, user, caseId, today);
}

export async function recordConsultation(
  db: Db,
  user: CurrentUser,
  caseId: string,
  summary: string,
  today: string,
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await repo.lockCase(tx, caseId))) throw notFound('Saken finnes ikke.');
    const row = (await repo.findCase(tx, caseId))!;
    if (row.kind !== 'consultation') throw badRequest('Saken er ikke en konsultasjon.');
    if (row.status !== 'open') throw conflict('Konsultasjonen er allerede avsluttet.');
    const allowed =
      isSecretariat(user) ||
      row.procurementLeadId === user.personId ||
      (await isGroupLeader(tx, user, row.steeringGroupId, today));
    if (!allowed)
      throw forbidden(
        'Bare leder anskaffelse, styringsgruppeleder og sekretariatet kan registrere konsultasjonen.',
      );
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

export async function addDocument(
  db: Db,
  user: CurrentUser,
  caseId: string,
  document: SubmitCase['documents'][number],
  today: string,
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    const row = await loadCase(tx, caseId);
    if (!isSecretariat(user) && row.procurementLeadId !== user.personId)
      throw forbidden('Bare anskaffelsens leder og sekretariatet kan legge ved dokumenter.');
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
  const access = documentsService.accessNow(stored, awards.get(stored.procurementId ?? ''), today);
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

/** Vedtaksprotokoll: every numbered decision of a group, with votes, conflicts and escalation outcome. */
export async function decisionRegister(db: Db, steeringGroupId: string) {
  if (!(await steeringGroupsRepo.findGroup(db, steeringGroupId)))
    throw notFound('Styringsgruppen finnes ikke.');
  const rows = (await repo.listCases(db, { steeringGroupId })).filter((row) => row.decisionNumber !== null);
  const votes = await repo.listVotes(
    db,
    rows.map((row) => row.id),
  );
  const questions = await habilitetRepo.listQuestions(db, { caseIds: rows.map((row) => row.id) });
  const register = [];
  for (const row of rows) {
    const escalation = await repo.findEscalation(db, row.id);
    const ofCase = questions.filter((q) => q.caseId === row.id);
    // The latest question per member counts; a later "ikke inhabil" clears an earlier report.
    const assessed = ofCase.filter(
      (q, i) => !ofCase.slice(i + 1).some((later) => later.personId === q.personId),
    );
    const inhabil = assessed.filter((q) => q.status !== 'ikkeInhabil');
    const caseVotes = votes.filter((v) => v.caseId === row.id);
    register.push({
      decisionNumber: row.decisionNumber!,
      caseId: row.id,
      procurementId: row.procurementId,
      procurementName: row.procurementName,
      gate: row.gate as Gate,
      kind: row.kind,
      title: row.title,
      outcome:
        row.status === 'resolved' && row.resolutionOutcome === 'rejected'
          ? ('rejected' as const)
          : ('approved' as const),
      decidedOn: row.decidedOn!,
      votes: caseVotes
        .filter((v) => v.vote !== 'conflict')
        .map((v) => ({ personName: v.personName, vote: v.vote, comment: v.comment })),
      conflicts: inhabil.map((q) => q.personName),
      // Who was inhabil, by whose decision (§7.2); pending means the case was decided without them.
      habilitet: assessed.map((q) => ({
        personName: q.personName,
        rhfName: q.rhfName,
        status: q.status,
        decidedByName: q.decidedByName,
        decidedAs: q.decidedAs,
        decidedOn: q.decidedOn ?? null,
      })),
      escalation: escalation
        ? {
            reason: escalation.reason,
            resolutionOutcome: escalation.resolutionOutcome,
            resolutionText: escalation.resolutionText,
          }
        : null,
    });
  }
  return register.sort((a, b) => a.decisionNumber.localeCompare(b.decisionNumber, 'nb', { numeric: true }));
}
