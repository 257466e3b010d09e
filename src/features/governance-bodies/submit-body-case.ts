// A case in a regional body (seed 000 §6): a gate of a regional procurement (the decision level in Strategisk
// innkjøpsforum, then project plan, tender documents and recommended supplier in the body it named), or any
// other matter within a body's mandate (e.g. Innkjøpsforum following up implementation, the board's
// recommendation in a national procurement). Once stored it is an ordinary case: votes, habilitet, consensus,
// dissent and escalation to the body's configured target are the governance feature's.
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { electorateFor, isMembershipActive } from '../../domain/consensus.rules.js';
import {
  bodyCaseSubjectLabels,
  canDecideProcurements,
  decisionTypeLabels,
  mandateBlocker,
} from '../../domain/governance-bodies.rules.js';
import { badRequest, conflict, forbidden } from '../../shared/app-error.js';
import { canEditProcurement, type CurrentUser } from '../auth/index.js';
import { governanceRepo } from '../governance/index.js';
import { notify } from '../notifications/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import { gatesOf, isGoverned, loadRegionalContext } from './regional-governance.service.js';
import type { SubmitBodyCase } from './governance-bodies.schemas.js';

export async function submitBodyCase(
  db: Db,
  user: CurrentUser,
  procurementId: string,
  input: SubmitBodyCase,
  today: string,
) {
  const context = await loadRegionalContext(db, procurementId);
  const body = resolveBody(context, input);
  const region = context.regions.find((entry) => entry.bodies.some((b) => b.id === body.id))!;
  const refusal = mandateBlocker(body, input.subject, input.decisionType ?? null);
  if (refusal) throw badRequest(refusal, [{ path: 'decisionType', message: refusal }]);
  const members = await steeringGroupsRepo.listMembers(db, body.id);
  const leadsBody = members.some(
    (m) => m.personId === user.personId && m.isLeader && isMembershipActive(m, today),
  );
  if (!canEditProcurement(user, context.procurement.procurementLeadId) && !leadsBody)
    throw forbidden(
      `Bare sekretariatet, anskaffelsens leder og lederen av ${body.name} kan fremme saker her.`,
    );
  let proposedBodyId: string | null = null;
  if (input.subject === 'decisionLevel') {
    const proposed = region.bodies.find((b) => b.id === input.proposedBodyId);
    if (!proposed || !canDecideProcurements(proposed))
      throw badRequest(
        'Velg organet som skal fatte beslutningene i anskaffelsen (anskaffelsesstyre eller prosjektgruppe).',
        [
          {
            path: 'proposedBodyId',
            message: 'Et organ som kan godkjenne plan, konkurransedokumenter og innstilling',
          },
        ],
      );
    proposedBodyId = proposed.id;
  }
  const faggruppe = await governanceRepo.listFaggruppe(db, procurementId);
  const electorate = electorateFor(
    members.map((member) => ({ ...member, membershipId: member.id })),
    {
      participatingRhfIds: [region.region.id],
      faggruppePersonIds: faggruppe.map((f) => f.personId),
      day: today,
    },
  );
  if (electorate.eligible.length === 0)
    throw conflict(`${body.name} har ingen stemmeberettigede medlemmer; oppnevn medlemmer først.`);
  const subjectLabel =
    input.subject === 'bodyMatter'
      ? decisionTypeLabels[input.decisionType!]
      : bodyCaseSubjectLabels[input.subject];
  const caseId = await writeAudited(db, user, async (tx, recordAudit) => {
    const id = await governanceRepo.insertCase(tx, {
      procurementId,
      steeringGroupId: body.id,
      gate: input.subject,
      kind: 'decision',
      title: input.title,
      text: input.text,
      proposedBodyId,
      decisionType: input.subject === 'bodyMatter' ? input.decisionType! : null,
      eligiblePersonIds: electorate.eligible.map((m) => m.personId),
      participatingRhfIds: [region.region.id],
      submittedByPersonId: user.personId,
    });
    await notify(
      tx,
      electorate.eligible.map((m) => m.personId),
      {
        kind: 'caseAwaitingVote',
        title: `Ny sak i ${body.name}: ${input.title}`,
        body: `${context.procurement.name} – ${subjectLabel}`,
        link: `/saker/${id}`,
      },
    );
    await recordAudit({
      action: 'submitCase',
      entityType: 'case',
      entityId: id,
      summary: `Sak fremmet i ${body.name}: ${input.title} (${context.procurement.name}, ${subjectLabel})`,
      after: {
        ...input,
        steeringGroupId: body.id,
        eligiblePersonIds: electorate.eligible.map((m) => m.personId),
      },
    });
    return id;
  });
  return { id: caseId };
}

/** The body that takes the case: the gate's body for a regional gate, the named body for another matter. */
function resolveBody(context: Awaited<ReturnType<typeof loadRegionalContext>>, input: SubmitBodyCase) {
  if (input.subject === 'bodyMatter') {
    const body = context.regions.flatMap((entry) => entry.bodies).find((b) => b.id === input.bodyId);
    if (!body)
      throw badRequest('Velg et organ i en regional styringsmodell der anskaffelsens helseforetak deltar.', [
        { path: 'bodyId', message: 'Ukjent organ for denne anskaffelsen' },
      ]);
    return body;
  }
  if (!isGoverned(context))
    throw badRequest(
      context.procurement.level === 'lokal'
        ? 'En lokal anskaffelse er utenfor styringsmodellen (seed 000 §6).'
        : 'Bare regionale anskaffelser i en region med egen styringsmodell tar disse sakene; legg inn alle regionens helseforetak.',
    );
  const region = context.regions[0]!;
  const gate = gatesOf(context, region).find((g) => g.gate === input.subject)!;
  if (gate.status === 'decided')
    throw conflict(`«${bodyCaseSubjectLabels[gate.gate]}» er allerede besluttet.`);
  if (gate.status !== 'awaitingCase' || gate.bodyId === null)
    throw conflict(gate.blockingReason ?? 'Saken kan ikke fremmes nå.');
  return region.bodies.find((b) => b.id === gate.bodyId)!;
}
