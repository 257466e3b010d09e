// A procurement under a region's own model (seed 000 §6): for a regional procurement of a region with a model,
// the level-setting body's decision-level case and the deciding body's gate cases; for a national or
// multi-regional one the region takes part in, the regional board's recommendation and who represents the
// region in the national steering group. Loads data, applies src/domain/governance-bodies.rules.ts.
import type { Db } from '../../db/client.js';
import { isMembershipActive } from '../../domain/consensus.rules.js';
import {
  bodyCaseSubjectLabels,
  canDecideProcurements,
  isInRegionalModel,
  type DecisionType,
  regionalGates,
} from '../../domain/governance-bodies.rules.js';
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
}

/** What a region's model means for one procurement, with what the body cases need. */
export async function loadRegionalContext(db: Db, procurementId: string) {
  const procurement = await getProcurement(db, procurementId);
  const [organisations, modelRegionIds, cases] = await Promise.all([
    organisationsRepo.listOrganisations(db),
    repo.listModelRegionIds(db),
    governanceRepo.listCases(db, { procurementId }),
  ]);
  const hfs = organisations
    .filter((org) => org.kind === 'HF' && org.rhfId !== null)
    .map((org) => ({ id: org.id, rhfId: org.rhfId! }));
  const regionIds = participatingRhfIds(procurement.participatingHfIds, hfs).filter((id) =>
    modelRegionIds.includes(id),
  );
  const regions = [];
  for (const regionId of regionIds) {
    const bodies = (await repo.listRegionBodies(db, regionId)).filter((body) => body.active);
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
      })),
    });
  }
  return { procurement, regions, cases };
}

export type RegionalContext = Awaited<ReturnType<typeof loadRegionalContext>>;

/** The regional gates of a procurement governed by the region's model (empty when it is not). */
export function gatesOf(context: RegionalContext, region: RegionalContext['regions'][number]) {
  const bodyIds = new Set(region.bodies.map((b) => b.id));
  const levelBody = region.bodies.find((b) => b.mandates.includes('setDecisionLevel')) ?? null;
  return regionalGates({
    levelBodyId: levelBody?.id ?? null,
    cases: context.cases
      .filter((c) => bodyIds.has(c.steeringGroupId))
      .map((c) => ({
        id: c.id,
        gate: c.gate,
        steeringGroupId: c.steeringGroupId,
        status: c.status,
        resolutionOutcome: c.resolutionOutcome,
        proposedBodyId: c.proposedBodyId,
        decidedOn: c.decidedOn,
      })),
    bodyName: (id) => region.bodies.find((b) => b.id === id)?.name ?? id,
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
        levelOptions: entry.bodies.filter(canDecideProcurements).map((b) => ({ id: b.id, name: b.name })),
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
