// Per-case habilitet (seed 001 §5.3, §7.2): the member answers "ingen kjent konflikt" or reports a possible
// conflict; a report is a habilitet question for the member's RHF, which decides inhabil / ikke inhabil.
import type { Db } from '../../../db/client.js';
import { writeAudited, type RecordAudit } from '../../../db/unit-of-work.js';
import { isMembershipActive } from '../../../domain/consensus.rules.js';
import { transitionHabilitet, type HabilitetState } from '../../../domain/habilitet.rules.js';
import type { CaseTally } from '../../../domain/quorum.rules.js';
import { badRequest, conflict, forbidden, notFound } from '../../../shared/app-error.js';
import { isSecretariat, organisationsForRole, type CurrentUser } from '../../auth/index.js';
import { notify } from '../../notifications/index.js';
import { steeringGroupsRepo } from '../../steering-groups/index.js';
import { getCase } from '../cases/case-view.js';
import { settleCase } from '../cases/settle-case.js';
import { decidingCapacity, toQuestionDto } from './habilitet-capacity.js';
import * as governanceRepo from '../governance.repo.js';
import { loadCaseHabilitet } from './case-habilitet.js';
import * as repo from './habilitet.repo.js';
import { notifyIfLasting } from './lasting-inhabilitet.js';
import { rhfDiscussionVoteBlock } from './rhf-discussion.service.js';

const caseLink = (caseId: string) => `/saker/${caseId}`;
const sourceLabels = {
  member: 'meldt av medlemmet',
  supplierMatch: 'treff mot leverandør i habilitetserklæringen',
  agendaItem: 'meldt på et punkt i sakslisten',
} as const;

/** Open for habilitet answers and reports while the case is still being handled. */
const handlingStatuses = ['open', 'dissent', 'outsideMandate', 'lineEscalated', 'escalated'];

function requireTransition(state: HabilitetState, event: Parameters<typeof transitionHabilitet>[1]) {
  const result = transitionHabilitet(state, event);
  if (!result.ok) throw conflict(result.message);
  return result.state;
}

/** Tell the leader and the RHF contacts of the RHFs that lack a deciding member (§5.2). */
export async function notifyNotQuorate(
  tx: Db,
  row: Pick<governanceRepo.CaseRow, 'id' | 'title' | 'steeringGroupId'>,
  tally: CaseTally | null,
  today: string,
) {
  if (tally?.status !== 'notQuorate') return;
  const members = await steeringGroupsRepo.listMembers(tx, row.steeringGroupId);
  const contacts = await repo.rhfContactIds(
    tx,
    tally.lacking.map((l) => l.rhfId),
  );
  await notify(
    tx,
    [
      ...members.filter((m) => m.isLeader && isMembershipActive(m, today)).map((m) => m.personId),
      ...contacts.map((c) => c.personId),
    ],
    {
      kind: 'caseNotQuorate',
      title: `Ikke beslutningsdyktig: ${row.title}`,
      body: `${tally.reason} RHF-et kan oppnevne en stedfortreder for saken, eller lederen eskalerer.`,
      link: caseLink(row.id),
    },
  );
}

/**
 * Raises a habilitet question inside the caller's transaction: by the member, from a supplier match, or from
 * an agenda-item declaration. From now until the RHF decides, the member counts as inhabil: an earlier vote
 * is removed, exempt documents close.
 */
export async function raiseHabilitetQuestion(
  tx: Db,
  recordAudit: RecordAudit,
  input: {
    caseId: string;
    personId: string;
    reason: string;
    source: 'member' | 'supplierMatch' | 'agendaItem';
    raisedBy: string;
    /** Leave a member already reported or inhabil as is (an agenda-item declaration) instead of refusing. */
    skipIfBlocked?: boolean;
  },
  today: string,
): Promise<string | null> {
  if (!(await governanceRepo.lockCase(tx, input.caseId))) throw notFound('Saken finnes ikke.');
  const row = (await governanceRepo.findCase(tx, input.caseId))!;
  if (!handlingStatuses.includes(row.status))
    throw conflict('Saken er avsluttet; habilitet meldes mens saken behandles.');
  const before = await loadCaseHabilitet(tx, row, today);
  const member = before.members.find((m) => m.personId === input.personId);
  if (!member) throw forbidden('Bare medlemmer som avgjør saken melder habilitet i den.');
  if (input.skipIfBlocked && (member.habilitet === 'reported' || member.habilitet === 'inhabil')) return null;
  requireTransition(member.habilitet, { type: 'report' });
  const questionId = await repo.insertQuestion(tx, {
    caseId: row.id,
    personId: member.personId,
    rhfId: member.rhfId,
    source: input.source,
    reason: input.reason,
    raisedBy: input.raisedBy,
  });
  const removedVote = await repo.deleteVote(tx, row.id, member.personId);
  const contacts = await repo.rhfContactIds(tx, [member.rhfId]);
  await notify(
    tx,
    contacts.map((c) => c.personId),
    {
      kind: 'habilitetQuestion',
      title: `Habilitetsspørsmål for ${member.personName}: ${row.title}`,
      body: `${member.rhfName} må avgjøre om medlemmet er inhabil (${sourceLabels[input.source]}). Til da deltar medlemmet ikke i saken.`,
      link: caseLink(row.id),
    },
  );
  if (input.source !== 'member') {
    await notify(tx, [member.personId], {
      kind: 'habilitetQuestion',
      title: `Mulig inhabilitet i saken «${row.title}»`,
      body: `${sourceLabels[input.source]}. ${member.rhfName} avgjør; til da stemmer du ikke og ser ikke unntatte dokumenter.`,
      link: caseLink(row.id),
    });
  }
  await recordAudit({
    action: 'raiseHabilitetQuestion',
    entityType: 'case',
    entityId: row.id,
    summary: `Habilitetsspørsmål for ${member.personName} (${sourceLabels[input.source]}): ${row.title}`,
    before: { habilitet: member.habilitet, vote: removedVote ? removedVote.vote : null },
    after: { questionId, habilitet: 'reported', reason: input.reason, rhfId: member.rhfId },
  });
  const tally = await settleCase(tx, recordAudit, row.id, input.raisedBy, today);
  await notifyNotQuorate(tx, row, tally, today);
  return questionId;
}

export async function reportConflict(
  db: Db,
  user: CurrentUser,
  caseId: string,
  reason: string,
  today: string,
) {
  if (reason.trim().length < 3) {
    throw badRequest('Begrunn hvorfor habiliteten din kan være utfordret.', [
      { path: 'reason', message: 'Mangler begrunnelse' },
    ]);
  }
  await writeAudited(db, user, (tx, recordAudit) =>
    raiseHabilitetQuestion(
      tx,
      recordAudit,
      { caseId, personId: user.personId, reason, source: 'member', raisedBy: user.username },
      today,
    ),
  );
  return getCase(db, user, caseId, today);
}

/** The member's answer "ingen kjent konflikt": opens the exempt documents and the vote. */
export async function declareNoConflict(db: Db, user: CurrentUser, caseId: string, today: string) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await governanceRepo.lockCase(tx, caseId))) throw notFound('Saken finnes ikke.');
    const row = (await governanceRepo.findCase(tx, caseId))!;
    if (!handlingStatuses.includes(row.status)) throw conflict('Saken er avsluttet.');
    const picture = await loadCaseHabilitet(tx, row, today);
    const member = picture.members.find((m) => m.personId === user.personId);
    if (!member) throw forbidden('Bare medlemmer som avgjør saken svarer på habilitet i den.');
    requireTransition(member.habilitet, { type: 'declareNoConflict' });
    await repo.insertStatement(tx, caseId, user.personId);
    await recordAudit({
      action: 'declareNoConflict',
      entityType: 'case',
      entityId: caseId,
      summary: `${user.personName}: ingen kjent konflikt – ${row.title}`,
      before: { habilitet: member.habilitet },
      after: { habilitet: member.habilitet === 'ikkeInhabil' ? 'ikkeInhabil' : 'noKnownConflict' },
    });
  });
  return getCase(db, user, caseId, today);
}

/** The RHF's decision (§7.2): the only way a habilitet question ends. */
export async function decideHabilitetQuestion(
  db: Db,
  user: CurrentUser,
  questionId: string,
  input: { outcome: 'inhabil' | 'ikkeInhabil'; reason: string },
  today: string,
) {
  const question = await repo.findQuestion(db, questionId);
  if (!question) throw notFound('Habilitetsspørsmålet finnes ikke.');
  const capacity = decidingCapacity(user, question.rhfId);
  if (!capacity)
    throw forbidden(
      `Bare kontaktpersonen i ${question.rhfName} (eller sekretariatet på RHF-ets vegne) avgjør habilitet.`,
    );
  if (question.personId === user.personId) throw forbidden('Du kan ikke avgjøre din egen habilitet.');
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await governanceRepo.lockCase(tx, question.caseId))) throw notFound('Saken finnes ikke.');
    const row = (await governanceRepo.findCase(tx, question.caseId))!;
    const picture = await loadCaseHabilitet(tx, row, today);
    const latest = picture.questions.filter((q) => q.personId === question.personId).at(-1);
    if (latest?.id !== question.id || question.status !== 'pending')
      throw conflict('Habilitetsspørsmålet er allerede avgjort.');
    requireTransition('reported', { type: 'decide', outcome: input.outcome });
    if (
      !(await repo.decideQuestion(tx, question.id, {
        status: input.outcome,
        decisionReason: input.reason,
        decidedByPersonId: user.personId,
        decidedByName: user.personName,
        decidedAs: capacity,
        decidedOn: today,
      }))
    )
      throw conflict('Habilitetsspørsmålet er allerede avgjort.');
    const outcomeLabel = input.outcome === 'inhabil' ? 'inhabil' : 'ikke inhabil';
    const by =
      capacity === 'secretariat' ? `sekretariatet på vegne av ${question.rhfName}` : question.rhfName;
    await notify(tx, [question.personId], {
      kind: 'habilitetDecided',
      title: `${by} har avgjort: ${outcomeLabel} i saken «${row.title}»`,
      body:
        input.outcome === 'inhabil'
          ? 'Du deltar ikke i behandlingen av saken.'
          : 'Du kan lese sakens dokumenter og stemme.',
      link: caseLink(row.id),
    });
    await recordAudit({
      action: 'decideHabilitet',
      entityType: 'case',
      entityId: row.id,
      summary: `${question.personName} ${outcomeLabel} i «${row.title}» – avgjort av ${user.personName} (${by})`,
      before: { questionId, status: 'pending' },
      after: { questionId, status: input.outcome, reason: input.reason, decidedAs: capacity },
    });
    const tally = await settleCase(tx, recordAudit, row.id, user.username, today);
    if (input.outcome === 'inhabil') {
      await notifyNotQuorate(tx, row, tally, today);
      await notifyIfLasting(
        tx,
        {
          id: question.id,
          personId: question.personId,
          steeringGroupId: row.steeringGroupId,
          rhfId: question.rhfId,
        },
        today,
      );
    }
  });
  return getCase(db, user, question.caseId, today);
}

/**
 * Before a vote counts: the vote has opened (a case "drøftes med RHF-ene" waits for the RHFs), the RHF's
 * appointment check is recorded and cleared, and the member is not reported or inhabil. A first vote without an answer is the member's statement "ingen kjent konflikt" (recorded).
 */
export async function assertMayVote(tx: Db, row: governanceRepo.CaseRow, personId: string, today: string) {
  const discussionBlock = await rhfDiscussionVoteBlock(tx, row);
  if (discussionBlock) throw conflict(discussionBlock);
  const picture = await loadCaseHabilitet(tx, row, today);
  const member = picture.members.find((m) => m.personId === personId);
  if (!member) throw forbidden('Du er ikke stemmeberettiget i denne saken.');
  if (!member.appointmentCleared)
    throw forbidden(
      member.appointmentCheck
        ? `${member.rhfName} har ikke klarert habiliteten din ved oppnevningen; du kan ikke stemme.`
        : `${member.rhfName} har ikke registrert habilitetssjekk ved oppnevningen din; du kan ikke stemme før den er registrert.`,
    );
  if (member.habilitet === 'reported')
    throw forbidden(
      'Habilitetsspørsmålet ditt venter på RHF-ets avgjørelse; du kan ikke stemme, og en stemme trekker det ikke.',
    );
  if (member.habilitet === 'inhabil')
    throw forbidden('RHF-et har avgjort at du er inhabil i saken; du kan ikke stemme.');
  if (member.habilitet === 'unanswered') await repo.insertStatement(tx, row.id, personId);
  return member.habilitet;
}

/** Pending questions an RHF contact (their RHFs) or the secretariat (all) is to decide. */
export async function listQuestionsToDecide(
  db: Db,
  user: CurrentUser,
  status?: 'pending' | 'inhabil' | 'ikkeInhabil',
) {
  const rhfIds = isSecretariat(user) ? undefined : organisationsForRole(user, 'rhfContact');
  if (rhfIds && rhfIds.length === 0)
    throw forbidden('Bare kontaktpersoner i RHF-ene og sekretariatet ser habilitetsspørsmål.');
  const rows = await repo.listQuestions(db, { rhfIds, status });
  return rows.map(toQuestionDto);
}
