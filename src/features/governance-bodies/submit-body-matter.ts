// A body's matter that is no procurement (seed 000 §4–§8): Innkjøpsforum distributing category responsibility,
// Strategisk innkjøpsforum approving the regional procurement plan, and the like — a case in the body under a
// decision type of its mandate, with no procurement (cases.procurement_id null). Submitted by the body's
// secretariat (or the portfolio secretariat) or its leader; from then on an ordinary case of the governance
// feature: votes, habilitet, consensus, dissent and escalation to the body's configured target.
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { electorateFor, isMembershipActive } from '../../domain/consensus.rules.js';
import { decisionTypeLabels, mandateBlocker } from '../../domain/governance-bodies.rules.js';
import { badRequest, conflict, forbidden, notFound } from '../../shared/app-error.js';
import { isSecretariat, type CurrentUser } from '../auth/index.js';
import { governanceRepo } from '../governance/index.js';
import { notify } from '../notifications/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import * as bodiesRepo from './governance-bodies.repo.js';
import type { SubmitBodyMatter } from './governance-bodies.schemas.js';

/** Who may put a matter to the body: the portfolio secretariat, the body's own secretariat, its leader. */
export function mayPutMatterTo(
  user: CurrentUser,
  body: { secretariatOrganisationId: string | null },
  members: steeringGroupsRepo.MemberRow[],
  today: string,
) {
  return (
    isSecretariat(user) ||
    (body.secretariatOrganisationId !== null && user.organisationId === body.secretariatOrganisationId) ||
    members.some((m) => m.personId === user.personId && m.isLeader && isMembershipActive(m, today))
  );
}

export async function submitBodyMatter(
  db: Db,
  user: CurrentUser,
  bodyId: string,
  input: SubmitBodyMatter,
  today: string,
) {
  const body = await steeringGroupsRepo.findGroup(db, bodyId);
  if (!body) throw notFound('Organet finnes ikke.');
  if (body.regionId === null || !body.active)
    throw badRequest(
      'Saker uten anskaffelse fremmes i organer i en regional styringsmodell; en nasjonal styringsgruppe behandler anskaffelser.',
    );
  const [members, mandates] = await Promise.all([
    steeringGroupsRepo.listMembers(db, body.id),
    bodiesRepo.listMandates(db, [body.id]),
  ]);
  if (!mayPutMatterTo(user, body, members, today))
    throw forbidden(`Bare sekretariatet og lederen av ${body.name} kan fremme saker her.`);
  const refusal = mandateBlocker(
    { name: body.name, mandates: mandates.map((m) => m.decisionType) },
    'bodyMatter',
    input.decisionType,
  );
  if (refusal) throw badRequest(refusal, [{ path: 'decisionType', message: refusal }]);
  const electorate = electorateFor(
    members.map((member) => ({ ...member, membershipId: member.id })),
    { participatingRhfIds: [body.regionId], faggruppePersonIds: [], day: today },
  );
  if (electorate.eligible.length === 0)
    throw conflict(`${body.name} har ingen stemmeberettigede medlemmer; oppnevn medlemmer først.`);
  const eligiblePersonIds = electorate.eligible.map((m) => m.personId);
  const label = decisionTypeLabels[input.decisionType];
  const id = await writeAudited(db, user, async (tx, recordAudit) => {
    const caseId = await governanceRepo.insertCase(tx, {
      procurementId: null,
      steeringGroupId: body.id,
      gate: 'bodyMatter',
      kind: 'decision',
      title: input.title,
      text: input.text,
      decisionType: input.decisionType,
      eligiblePersonIds,
      participatingRhfIds: [body.regionId!],
      submittedByPersonId: user.personId,
    });
    await notify(tx, eligiblePersonIds, {
      kind: 'caseAwaitingVote',
      title: `Ny sak i ${body.name}: ${input.title}`,
      body: label,
      link: `/saker/${caseId}`,
    });
    await recordAudit({
      action: 'submitCase',
      entityType: 'case',
      entityId: caseId,
      summary: `Sak fremmet i ${body.name}: ${input.title} (${label}, uten anskaffelse)`,
      after: { ...input, steeringGroupId: body.id, procurementId: null, eligiblePersonIds },
    });
    return caseId;
  });
  return { id };
}
