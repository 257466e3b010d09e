// A procurement under a region's own model (seed 000 §6): for a regional procurement of a region with a model,
// the level-setting body's decision-level case and the deciding body's gate cases; for a national or
// multi-regional one the region takes part in, the regional board's recommendation and who represents the
// region in the national steering group. Loads data, applies src/domain/governance-bodies.rules.ts.
import type { Db } from '../../db/client.js';
import { isMembershipActive } from '../../domain/consensus.rules.js';
import {
  bodyCaseSubjectLabels,
  canDecideProcurements,
  decidingBodyOf,
  isInRegionalModel,
  type DecisionType,
  type RegionalCase,
  regionalGates,
} from '../../domain/governance-bodies.rules.js';
import { projectGroupStatus } from '../../domain/project-group.rules.js';
import { participatingRhfIds } from '../../domain/level.rules.js';
import { canEditProcurement, type CurrentUser } from '../auth/index.js';
import { governanceRepo } from '../governance/index.js';
import { organisationsRepo } from '../organisations/index.js';
import { getProcurement, type ProcurementDto } from '../procurements/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import * as repo from './governance-bodies.repo.js';

export interface RegionBody {
  id: string;
  code: string;
  name: string;
  kind: string;
  mandates: DecisionType[];
  /** The procurement's own project group (not a body of the model's configuration). */
  isProjectGroupOfProcurement?: boolean;
}

/** What a region's model means for one procurement, with what the body cases need. */
export async function loadRegionalContext(db: Db, procurementId: string) {
  const procurement = await getProcurement(db, procurementId);
  const [organisations, modelRegionIds, cases, projectGroup] = await Promise.all([
    organisationsRepo.listOrganisations(db),
    repo.listModelRegionIds(db),
    governanceRepo.listCases(db, { procurementId }),
    repo.findProjectGroup(db, procurementId),
  ]);
  const hfs = organisations
    .filter((org) => org.kind === 'HF' && org.rhfId !== null)
    .map((org) => ({ id: org.id, rhfId: org.rhfId! }));
  const regionIds = participatingRhfIds(procurement.participatingHfIds, hfs).filter((id) =>
    modelRegionIds.includes(id),
  );
  const regions = [];
  for (const regionId of regionIds) {
    const ownGroup = projectGroup?.body.regionId === regionId ? projectGroup.body : null;
    const bodies = [
      ...(await repo.listRegionBodies(db, regionId)).filter((body) => body.active),
      ...(ownGroup ? [ownGroup] : []),
    ];
    const mandates = await repo.listMandates(
      db,
      bodies.map((b) => b.id),
    );
    const region = organisations.find((org) => org.id === regionId)!;
    regions.push({
      region: { id: region.id, code: region.code, name: region.name },
      bodies: bodies.map((body): RegionBody => ({
        id: body.id,
        code: body.code,
        name: body.name,
        kind: body.kind,
        mandates: mandates.filter((m) => m.steeringGroupId === body.id).map((m) => m.decisionType),
        isProjectGroupOfProcurement: body.id === ownGroup?.id,
      })),
      projectGroup:
        ownGroup && projectGroup
          ? {
              ...projectGroup.projectGroup,
              members: (await steeringGroupsRepo.listMembers(db, ownGroup.id)).filter(
                (m) => m.endedOn === null,
              ),
            }
          : null,
    });
  }
  return { procurement, regions, cases, organisations };
}

export type RegionalContext = Awaited<ReturnType<typeof loadRegionalContext>>;

type RegionEntry = RegionalContext['regions'][number];

function regionCases(context: RegionalContext, region: RegionEntry): RegionalCase[] {
  const bodyIds = new Set(region.bodies.map((b) => b.id));
  return context.cases
    .filter((c) => bodyIds.has(c.steeringGroupId))
    .map((c) => ({
      id: c.id,
      gate: c.gate,
      steeringGroupId: c.steeringGroupId,
      status: c.status,
      resolutionOutcome: c.resolutionOutcome,
      proposedBodyId: c.proposedBodyId,
      decidedOn: c.decidedOn,
    }));
}

/**
 * The procurement's own Prosjektgruppe: the model's template, the board that approves its composition (the
 * deciding body when it may, else the model's body with that mandate) and where it stands.
 */
export function projectGroupTrackOf(context: RegionalContext, region: RegionEntry) {
  const cases = regionCases(context, region);
  const derived = decidingBodyOf(cases);
  const configured = region.bodies.filter((b) => !b.isProjectGroupOfProcurement);
  const template = configured.find((b) => b.kind === 'projectGroup') ?? null;
  const decidingBody = configured.find((b) => b.id === derived) ?? null;
  const approvingBody = decidingBody?.mandates.includes('approveProjectGroup')
    ? decidingBody
    : (configured.find((b) => b.mandates.includes('approveProjectGroup')) ?? null);
  const own = region.projectGroup;
  const activeIds = (own?.members ?? []).map((m) => m.id).sort();
  const composedIds = [...(own?.composedMembershipIds ?? [])].sort();
  const state = projectGroupStatus({
    decisionLevelDecided: derived !== null,
    projectGroupId: own?.steeringGroupId ?? null,
    approvingBodyId: approvingBody?.id ?? null,
    changedSinceApproval: activeIds.join() !== composedIds.join(),
    cases,
  });
  return {
    ...state,
    template,
    approvingBody,
    projectGroup: own,
    // Decisions given to "Prosjektgruppe" are the procurement's own group's, once its composition is approved.
    delegatedToProjectGroup: decidingBody !== null && decidingBody.id === template?.id,
  };
}

/** The regional gates of a procurement governed by the region's model (empty when it is not). */
export function gatesOf(context: RegionalContext, region: RegionEntry) {
  const levelBody = region.bodies.find((b) => b.mandates.includes('setDecisionLevel')) ?? null;
  const track = projectGroupTrackOf(context, region);
  return regionalGates({
    levelBodyId: levelBody?.id ?? null,
    cases: regionCases(context, region),
    bodyName: (id) => region.bodies.find((b) => b.id === id)?.name ?? id,
    ...(track.delegatedToProjectGroup
      ? {
          decidingBody: {
            id: track.status === 'approved' ? track.projectGroup!.steeringGroupId : null,
            pendingReason:
              'Beslutningene er delegert til prosjektgruppen: den settes sammen, og sammensetningen godkjennes, først.',
          },
        }
      : {}),
  });
}

export function isGoverned(context: RegionalContext) {
  return isInRegionalModel(context.procurement.level, context.regions.length === 1);
}

export async function getRegionalGovernance(db: Db, procurementId: string, user: CurrentUser, today: string) {
  const context = await loadRegionalContext(db, procurementId);
  const { procurement } = context;
  const governed = isGoverned(context);
  const members = await steeringGroupsRepo.listMembers(db);
  const leads = (bodyId: string) =>
    members.some(
      (m) =>
        m.steeringGroupId === bodyId &&
        m.personId === user.personId &&
        m.isLeader &&
        isMembershipActive(m, today),
    );
  const mayManage = canEditProcurement(user, procurement.procurementLeadId);
  return {
    procurementId,
    level: procurement.level,
    regions: context.regions.map((entry) => {
      const bodyName = (id: string | null) => entry.bodies.find((b) => b.id === id)?.name ?? null;
      const bodyIds = new Set(entry.bodies.map((b) => b.id));
      const gates = governed ? gatesOf(context, entry) : [];
      const track = governed ? projectGroupTrackOf(context, entry) : null;
      const board = entry.bodies.find((b) => b.mandates.includes('recommendInNationalProcurement')) ?? null;
      return {
        region: entry.region,
        governed,
        message: governed
          ? null
          : procurement.level === 'regional' || procurement.level === 'lokal'
            ? procurement.level === 'lokal'
              ? 'En lokal anskaffelse er utenfor styringsmodellen (seed 000 §6): den håndteres etter helseforetakenes egne fullmakter.'
              : null
            : `${entry.region.name} deltar i en ${procurement.level === 'nasjonal' ? 'nasjonal' : 'flerregional'} anskaffelse: det regionale anskaffelsesstyret avgir innstilling, den nasjonale styringsgruppen beslutter.`,
        gates: gates.map((gate) => ({
          ...gate,
          label: bodyCaseSubjectLabels[gate.gate],
          bodyName: bodyName(gate.bodyId),
          canSubmit:
            gate.status === 'awaitingCase' && gate.bodyId !== null && (mayManage || leads(gate.bodyId)),
        })),
        decidingBody: gates[1]?.bodyId ? { id: gates[1].bodyId, name: bodyName(gates[1].bodyId)! } : null,
        levelOptions: entry.bodies
          .filter((b) => !b.isProjectGroupOfProcurement && canDecideProcurements(b))
          .map((b) => ({ id: b.id, name: b.name })),
        projectGroup: track && projectGroupViewOf(context, track, mayManage, leads),
        bodies: entry.bodies.map((b) => ({
          id: b.id,
          name: b.name,
          kind: b.kind,
          mandates: b.mandates,
          canSubmit: mayManage || leads(b.id),
        })),
        cases: context.cases
          .filter((c) => bodyIds.has(c.steeringGroupId))
          .map((c) => ({
            id: c.id,
            title: c.title,
            gate: c.gate,
            status: c.status,
            bodyName: c.steeringGroupName,
            decisionType: c.decisionType,
            decisionNumber: c.decisionNumber,
          })),
        // Seed 000 §6: in a national or multi-regional procurement the region's board recommends, and the
        // region's members of the national steering group represent it there.
        recommendingBody: !governed && board ? { id: board.id, name: board.name } : null,
        representatives: representativesOf(procurement, members, entry.region.id, today),
      };
    }),
  };
}

function representativesOf(
  procurement: ProcurementDto,
  members: steeringGroupsRepo.MemberRow[],
  regionId: string,
  today: string,
) {
  if (!procurement.steeringGroupId) return [];
  return members
    .filter(
      (m) =>
        m.steeringGroupId === procurement.steeringGroupId &&
        m.rhfId === regionId &&
        !m.isObserver &&
        isMembershipActive(m, today),
    )
    .map((m) => ({
      personName: m.personName,
      steeringGroupName: procurement.steeringGroupName!,
      isLeader: m.isLeader,
    }));
}

function projectGroupViewOf(
  context: RegionalContext,
  track: ReturnType<typeof projectGroupTrackOf>,
  mayManage: boolean,
  leads: (bodyId: string) => boolean,
) {
  const name = (id: string) => context.organisations.find((org) => org.id === id)?.name ?? id;
  const own = track.projectGroup;
  return {
    status: track.status,
    blockingReason: track.blockingReason,
    caseId: track.caseId,
    body: own
      ? {
          id: own.steeringGroupId,
          name:
            context.regions.flatMap((r) => r.bodies).find((b) => b.id === own.steeringGroupId)?.name ?? '',
        }
      : null,
    approvingBody: track.approvingBody
      ? { id: track.approvingBody.id, name: track.approvingBody.name }
      : null,
    members: (own?.members ?? []).map((m) => ({
      id: m.id,
      personName: m.personName,
      representsName: m.representsName,
      isLeader: m.isLeader,
    })),
    exemptHfNames: (own?.exemptHfIds ?? []).map(name),
    exemptionNote: own?.exemptionNote ?? null,
    affectedHfs: context.procurement.participatingHfIds.map((id) => ({ id, name: name(id) })),
    canCreate: track.status === 'toCreate' && mayManage,
    canSubmitCase:
      track.status === 'awaitingCase' &&
      track.approvingBody !== null &&
      (mayManage || leads(track.approvingBody.id)),
  };
}
