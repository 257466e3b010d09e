// A region's governance model as versioned, audited configuration (seed 000): each stored version is checked
// (src/domain/governance-bodies.rules.ts) and materialised into the bodies (steering_groups) and their mandates
// in the same transaction, so the meetings, cases and escalation machinery of the steering groups serve them.
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import { isMembershipActive } from '../../domain/consensus.rules.js';
import {
  checkModelConfig,
  escalationChain,
  type RegionalModelConfig,
} from '../../domain/governance-bodies.rules.js';
import { badRequest, conflict, notFound } from '../../shared/app-error.js';
import { organisationsRepo } from '../organisations/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import * as repo from './governance-bodies.repo.js';
import { regionalModelConfigSchema, type ModelView, type UpdateModel } from './governance-bodies.schemas.js';
import { HELSE_NORD_CODE, helseNordModel } from './helse-nord-model.js';

async function findRegion(db: Db, regionCode: string) {
  const region = await organisationsRepo.findOrganisationByCode(db, regionCode.toUpperCase());
  if (!region || region.kind !== 'RHF') throw notFound(`Finner ikke RHF-et ${regionCode}.`);
  return region;
}

export async function listModels(db: Db) {
  const regionIds = await repo.listModelRegionIds(db);
  const organisations = await organisationsRepo.listOrganisations(db);
  const result = [];
  for (const regionId of regionIds) {
    const region = organisations.find((org) => org.id === regionId)!;
    const latest = await repo.latestModel(db, regionId);
    result.push({
      region: { id: region.id, code: region.code, name: region.name },
      version: latest!.version,
    });
  }
  return result.sort((a, b) => a.region.name.localeCompare(b.region.name, 'nb'));
}

export async function getModelView(db: Db, regionCode: string, today: string): Promise<ModelView> {
  const region = await findRegion(db, regionCode);
  const latest = await repo.latestModel(db, region.id);
  if (!latest) throw notFound(`${region.name} har ingen egen styringsmodell konfigurert.`);
  const value = regionalModelConfigSchema.parse(latest.value);
  const [bodies, organisations, history] = await Promise.all([
    repo.listRegionBodies(db, region.id),
    organisationsRepo.listOrganisations(db),
    repo.listModelHistory(db, region.id),
  ]);
  const [mandates, members] = await Promise.all([
    repo.listMandates(
      db,
      bodies.map((b) => b.id),
    ),
    steeringGroupsRepo.listMembers(db),
  ]);
  const byCode = new Map(bodies.map((body) => [body.code, body]));
  const ref = (row: { id: string; name: string } | undefined) =>
    row ? { id: row.id, name: row.name } : null;
  return {
    region: { id: region.id, code: region.code, name: region.name },
    version: latest.version,
    note: latest.note,
    createdBy: latest.createdBy,
    createdAt: latest.createdAt.toISOString(),
    // In the order of the configuration: the model reads top-down as seed 000 describes it.
    bodies: value.bodies
      .map((config) => byCode.get(config.code))
      .filter((body) => body !== undefined)
      .map((body) => ({
        id: body.id,
        code: body.code,
        name: body.name,
        kind: body.kind,
        description: body.description,
        secretariat: ref(organisations.find((org) => org.id === body.secretariatOrganisationId)),
        escalationTarget: ref(bodies.find((b) => b.id === body.escalationTargetId)),
        escalationChain: escalationChain(body.code, value.bodies)
          .slice(1)
          .map((code) => ref(byCode.get(code))!)
          .filter((entry) => entry !== null),
        mandates: mandates.filter((m) => m.steeringGroupId === body.id).map((m) => m.decisionType),
        members: members
          .filter((m) => m.steeringGroupId === body.id && m.endedOn === null)
          .map((m) => ({
            id: m.id,
            personName: m.personName,
            representsName: m.representsName,
            isLeader: m.isLeader,
            isActive: isMembershipActive(m, today),
          })),
      })),
    history: history.map((row) => ({
      version: row.version,
      note: row.note,
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      bodyCount: ((row.value as RegionalModelConfig).bodies ?? []).length,
    })),
    value,
  };
}

/**
 * Stores a new version of the region's model and materialises it: bodies are created or updated by code,
 * their mandates replaced, escalation targets linked; a body left out of the new version is deactivated
 * (its meetings, cases and members stay as history). One transaction, one audit entry with before and after.
 */
export async function updateModel(db: Db, actor: Actor, regionCode: string, input: UpdateModel) {
  const region = await findRegion(db, regionCode);
  return writeAudited(db, actor, async (tx, recordAudit) => {
    const organisations = await organisationsRepo.listOrganisations(tx);
    const problems = checkModelConfig(
      input.value,
      organisations.map((org) => org.code),
    );
    if (problems.length > 0)
      throw badRequest(
        problems[0]!.message,
        problems.map((p) => ({ path: `value.${p.path}`, message: p.message })),
      );
    const before = await repo.latestModel(tx, region.id);
    const row = await repo.insertModel(tx, {
      regionId: region.id,
      version: (before?.version ?? 0) + 1,
      value: input.value,
      note: input.note,
      createdBy: actor.username,
    });
    await materialise(tx, region.id, input.value, organisations);
    await recordAudit({
      action: 'update',
      entityType: 'governanceModel',
      entityId: region.code,
      summary: `Ny versjon ${row.version} av styringsmodellen for ${region.name}${input.note ? `: ${input.note}` : ''}`,
      before: before ? { version: before.version, value: before.value } : null,
      after: { version: row.version, value: input.value },
    });
    return { regionCode: region.code, version: row.version };
  });
}

async function materialise(
  tx: Db,
  regionId: string,
  config: RegionalModelConfig,
  organisations: ReadonlyArray<{ id: string; code: string }>,
) {
  const orgId = (code: string | null) => organisations.find((org) => org.code === code)?.id ?? null;
  const ids = new Map<string, string>();
  for (const body of config.bodies) {
    const existing = await repo.findBodyByCode(tx, body.code);
    if (existing && existing.regionId !== regionId)
      throw conflict(`Koden ${body.code} er allerede i bruk av ${existing.name}.`);
    const fields = {
      name: body.name,
      kind: body.kind,
      description: body.description,
      regionId,
      secretariatOrganisationId: orgId(body.secretariatCode),
      phase: null,
      active: true,
    };
    if (existing) {
      await repo.updateBody(tx, existing.id, fields);
      ids.set(body.code, existing.id);
    } else ids.set(body.code, (await repo.insertBody(tx, { code: body.code, ...fields })).id);
  }
  for (const body of config.bodies) {
    const id = ids.get(body.code)!;
    await repo.updateBody(tx, id, {
      escalationTargetId: body.escalationTargetCode ? ids.get(body.escalationTargetCode)! : null,
    });
    await repo.replaceMandates(tx, id, body.mandates);
  }
  for (const body of await repo.listRegionBodies(tx, regionId)) {
    if (ids.has(body.code)) continue;
    await repo.updateBody(tx, body.id, { active: false, escalationTargetId: null });
    await repo.replaceMandates(tx, body.id, []);
  }
}

/** Seeds Helse Nord's model (seed 000) as version 1 where the region has none yet. Idempotent. */
export async function seedRegionalModels(db: Db, actor: Actor) {
  const region = await organisationsRepo.findOrganisationByCode(db, HELSE_NORD_CODE);
  if (!region || (await repo.latestModel(db, region.id))) return 0;
  await updateModel(db, actor, HELSE_NORD_CODE, {
    value: helseNordModel,
    note: 'Styringsmodell for innkjøp i Helse Nord (styresak 173-2021, vedlegg)',
  });
  return 1;
}
