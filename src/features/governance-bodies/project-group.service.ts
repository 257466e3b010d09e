// A regional procurement's own Prosjektgruppe (seed 000 §6): made from the model's project-group template once
// the decision level is decided, with a member for every affected HF unless the board decides otherwise, led
// by Sykehusinnkjøp. It is a body like the others (members, cases, votes, escalation to the template's target,
// the board); its composition is a case in the board, and it recommends to the board.
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { checkProjectGroupComposition, type ProjectGroupMember } from '../../domain/project-group.rules.js';
import { badRequest, conflict, forbidden } from '../../shared/app-error.js';
import { canEditProcurement, type CurrentUser } from '../auth/index.js';
import { peopleRepo } from '../people/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import * as repo from './governance-bodies.repo.js';
import type { CreateProjectGroup } from './governance-bodies.schemas.js';
import { isGoverned, loadRegionalContext, projectGroupTrackOf } from './regional-governance.service.js';

/** The composition check on the people as stored (their own organisation decides "from Sykehusinnkjøp"). */
export async function checkComposition(
  db: Db,
  input: {
    affectedHfs: Array<{ id: string; name: string }>;
    members: Array<{ personId: string; representsOrganisationId: string | null; isLeader: boolean }>;
    exemptHfIds: string[];
    exemptionNote: string | null;
  },
  organisations: ReadonlyArray<{ id: string; kind: string }>,
) {
  const people = await peopleRepo.listPeople(db);
  const members: ProjectGroupMember[] = input.members.map((member) => {
    const person = people.find((p) => p.id === member.personId);
    if (!person) throw badRequest('Personen finnes ikke.', [{ path: 'members', message: 'Ukjent person' }]);
    return {
      ...member,
      personName: person.name,
      personOrganisationKind: organisations.find((org) => org.id === person.organisationId)?.kind ?? '',
    };
  });
  return checkProjectGroupComposition({ ...input, members });
}

export async function createProjectGroup(
  db: Db,
  user: CurrentUser,
  procurementId: string,
  input: CreateProjectGroup,
  today: string,
) {
  const context = await loadRegionalContext(db, procurementId);
  if (!canEditProcurement(user, context.procurement.procurementLeadId))
    throw forbidden('Bare sekretariatet og anskaffelsens leder kan sette sammen prosjektgruppen.');
  if (!isGoverned(context))
    throw badRequest(
      'Bare regionale anskaffelser i en region med egen styringsmodell får en prosjektgruppe her.',
    );
  const region = context.regions[0]!;
  const track = projectGroupTrackOf(context, region);
  if (track.status !== 'toCreate')
    throw conflict(
      track.projectGroup
        ? 'Anskaffelsen har allerede en prosjektgruppe.'
        : (track.blockingReason ?? 'Ikke nå.'),
    );
  if (!track.template)
    throw conflict('Regionens styringsmodell har ingen prosjektgruppe (organ av typen Prosjektgruppe).');
  const template = track.template;
  const members = [
    { personId: input.leaderPersonId, representsOrganisationId: null, isLeader: true },
    ...input.members
      .filter((m) => m.personId !== input.leaderPersonId)
      .map((m) => ({ ...m, isLeader: false })),
  ];
  const affectedHfs = context.procurement.participatingHfIds.map((id) => ({
    id,
    name: context.organisations.find((org) => org.id === id)?.name ?? id,
  }));
  const check = await checkComposition(
    db,
    { affectedHfs, members, exemptHfIds: input.exemptHfIds, exemptionNote: input.exemptionNote },
    context.organisations,
  );
  if (check.problems.length > 0) throw badRequest(check.problems[0]!.message, check.problems);
  return writeAudited(db, user, async (tx, recordAudit) => {
    const templateRow = (await steeringGroupsRepo.findGroup(tx, template.id))!;
    const number = (await repo.countProjectGroups(tx, template.id)) + 1;
    const body = await repo.insertBody(tx, {
      code: `${templateRow.code}-${String(number).padStart(3, '0')}`,
      name: `Prosjektgruppe – ${context.procurement.name}`,
      kind: 'projectGroup',
      description: `Prosjektgruppen for ${context.procurement.name}, ledet av Sykehusinnkjøp; avgir innstilling til ${track.approvingBody?.name ?? 'anskaffelsesstyret'}.`,
      regionId: region.region.id,
      secretariatOrganisationId: templateRow.secretariatOrganisationId,
      escalationTargetId: templateRow.escalationTargetId,
      phase: null,
      active: true,
    });
    await repo.replaceMandates(tx, body.id, template.mandates);
    await repo.insertProjectGroup(tx, {
      steeringGroupId: body.id,
      procurementId,
      templateId: template.id,
      exemptHfIds: input.exemptHfIds,
      exemptionNote: input.exemptionNote,
      createdBy: user.username,
    });
    for (const member of members)
      await steeringGroupsRepo.insertMember(tx, {
        steeringGroupId: body.id,
        personId: member.personId,
        rhfId: region.region.id,
        representsOrganisationId: member.representsOrganisationId,
        isLeader: member.isLeader,
        termStart: today,
      });
    await recordAudit({
      action: 'create',
      entityType: 'steeringGroup',
      entityId: body.id,
      summary: `${body.name} satt sammen (${members.length} medlemmer${check.unrepresented.length > 0 ? `; ikke representert: ${check.unrepresented.map((hf) => hf.name).join(', ')}` : ''})`,
      after: { ...input, code: body.code, procurementId, templateId: template.id, members },
    });
    return { id: body.id, code: body.code, name: body.name };
  });
}
