// A case in a regional body (seed 000 §6): a gate of a regional procurement (the decision level in Strategisk
// innkjøpsforum, then project plan, tender documents and recommended supplier in the body it named), or any
// other matter within a body's mandate (e.g. Innkjøpsforum following up implementation, the board's
// recommendation in a national procurement). Once stored it is an ordinary case: votes, habilitet, consensus,
// dissent and escalation to the body's configured target are the governance feature's.
import type { Db } from '../../db/client.js';
import { appointmentChecks } from '../../db/schema.js';
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
import * as bodiesRepo from './governance-bodies.repo.js';
import { checkComposition } from './project-group.service.js';
import {
  gatesOf,
  isGoverned,
  loadRegionalContext,
  projectGroupTrackOf,
  type RegionalContext,
} from './regional-governance.service.js';
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
  const track = projectGroupTrackOf(context, region);
  if (input.subject === 'projectGroup') {
    const own = track.projectGroup!;
    const check = await checkComposition(
      db,
      {
        affectedHfs: context.procurement.participatingHfIds.map((id) => ({
          id,
          name: context.organisations.find((org) => org.id === id)?.name ?? id,
        })),
        members: own.members,
        exemptHfIds: own.exemptHfIds,
        exemptionNote: own.exemptionNote,
      },
      context.organisations,
    );
    if (check.problems.length > 0) throw badRequest(check.problems[0]!.message, check.problems);
  }
  if (body.isProjectGroupOfProcurement && track.status !== 'approved')
    throw conflict(
      `Sammensetningen av ${body.name} er ikke godkjent av ${track.approvingBody?.name ?? 'anskaffelsesstyret'} ennå.`,
    );
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
    if (input.subject === 'projectGroup')
      await bodiesRepo.updateProjectGroup(tx, track.projectGroup!.steeringGroupId, {
        composedMembershipIds: track.projectGroup!.members.map((m) => m.id),
      });
    if (body.isProjectGroupOfProcurement) await recordAppointments(tx, context, track, today);
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

/**
 * The board's approval of the project group's composition is its members' appointment (seed 000 §6): recorded
 * as their appointment check, citing the decision, before the group's first case. Later members are checked
 * the ordinary way.
 */
async function recordAppointments(
  tx: Db,
  context: RegionalContext,
  track: ReturnType<typeof projectGroupTrackOf>,
  today: string,
) {
  const decision = context.cases.find((c) => c.id === track.caseId);
  const ids = track.projectGroup!.composedMembershipIds;
  if (ids.length === 0) return;
  await tx
    .insert(appointmentChecks)
    .values(
      ids.map((membershipId) => ({
        membershipId,
        outcome: 'cleared' as const,
        note: 'Sammensetningen av prosjektgruppen er godkjent.',
        checkedOn: decision?.decidedOn ?? today,
        checkedByPersonId: null,
        checkedByName:
          `${track.approvingBody?.name ?? 'Anskaffelsesstyret'}, vedtak ${decision?.decisionNumber ?? ''}`.trim(),
        checkedAs: 'system' as const,
      })),
    )
    .onConflictDoNothing();
}

/** The body that takes the case: the gate's body for a regional gate, the named body for another matter. */
function resolveBody(context: RegionalContext, input: SubmitBodyCase) {
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
  if (input.subject === 'projectGroup') {
    const track = projectGroupTrackOf(context, region);
    if (track.status === 'toCreate')
      throw conflict('Sett sammen prosjektgruppen før sammensetningen legges fram for godkjenning.');
    if (track.status === 'approved')
      throw conflict('Sammensetningen av prosjektgruppen er allerede godkjent.');
    if (track.status !== 'awaitingCase' || track.approvingBody === null)
      throw conflict(track.blockingReason ?? 'Saken kan ikke fremmes nå.');
    return track.approvingBody;
  }
  const gate = gatesOf(context, region).find((g) => g.gate === input.subject)!;
  if (gate.status === 'decided')
    throw conflict(`«${bodyCaseSubjectLabels[gate.gate]}» er allerede besluttet.`);
  if (gate.status !== 'awaitingCase' || gate.bodyId === null)
    throw conflict(gate.blockingReason ?? 'Saken kan ikke fremmes nå.');
  return region.bodies.find((b) => b.id === gate.bodyId)!;
}
