import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { canTakePart, deriveLevel } from '../../domain/level.rules.js';
import { outsideModel } from '../../domain/model-scope.rules.js';
import { describeRouting, resolveSteeringGroup } from '../../domain/routing.rules.js';
import { badRequest, conflict, forbidden, notFound, type ErrorDetail } from '../../shared/app-error.js';
import { canEditProcurement, hasRole, isSecretariat, type CurrentUser } from '../auth/index.js';
import { categoriesRepo } from '../categories/index.js';
import { organisationsRepo } from '../organisations/index.js';
import { peopleRepo } from '../people/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import * as repo from './procurements.repo.js';
import type {
  CreateProcurement,
  ListProcurementsQuery,
  ProcurementPageQuery,
  UpdateProcurement,
} from './procurements.schemas.js';

/**
 * The port to the governance workflow: why the procurement may not (yet) have this status, or null.
 * Governance owns the gates; it is passed in so this feature does not import it (governance imports us).
 */
export interface ProcurementDeps {
  statusBlocker(tx: Db, procurementId: string, status: CreateProcurement['status']): Promise<string | null>;
}

async function assertStatusAllowed(
  tx: Db,
  deps: ProcurementDeps,
  id: string,
  status: CreateProcurement['status'],
) {
  const blocker = await deps.statusBlocker(tx, id, status);
  if (blocker) throw conflict(blocker, [{ path: 'status', message: blocker }]);
}

async function readRoutingReferences(db: Db) {
  const [coverage, groups, organisations] = await Promise.all([
    steeringGroupsRepo.listCoverage(db),
    steeringGroupsRepo.listGroups(db),
    organisationsRepo.listOrganisations(db),
  ]);
  return { coverage, groups, organisations };
}

type RoutingReferences = Awaited<ReturnType<typeof readRoutingReferences>>;
const routingCache = new WeakMap<Db, { version: number; references: Promise<RoutingReferences> }>();

/**
 * The coverage, groups and organisations routing reads, kept against report_versions.portfolio (its triggers
 * count up on every change to these tables, at commit): one row's read per request instead of three tables.
 * Inside a transaction the tables are read as the transaction sees them (its own changes count at commit).
 */
async function routingReferences(db: Db): Promise<RoutingReferences> {
  // A transaction is a Db too (its class tells it apart from the pool's).
  const inTransaction: boolean = db instanceof PgTransaction;
  if (inTransaction) return readRoutingReferences(db);
  // The version is read first: a change committing meanwhile can only make the kept tables newer than it.
  const version = await repo.readRoutingVersion(db);
  const hit = routingCache.get(db);
  if (hit && hit.version === version) return hit.references;
  const references = readRoutingReferences(db);
  routingCache.set(db, { version, references });
  try {
    return await references;
  } catch (error) {
    if (routingCache.get(db)?.references === references) routingCache.delete(db);
    throw error;
  }
}

/** Adds the level and the steering group; lokal, regional, RHF-run and old-model ones are outside the model. */
async function withRouting(db: Db, rows: repo.ProcurementRow[]) {
  const { coverage, groups, organisations } = await routingReferences(db);
  const hfs = organisations
    .filter((org) => org.kind === 'HF' && org.rhfId !== null)
    .map((org) => ({ id: org.id, rhfId: org.rhfId! }));
  const rhfIds = organisations.filter((org) => org.kind === 'RHF' && org.active).map((org) => org.id);
  const groupName = (id: string) => groups.find((group) => group.id === id)?.name ?? id;
  return rows.map((row) => {
    const level = deriveLevel(row.participatingHfIds, hfs, rhfIds);
    const outside = outsideModel({
      level,
      categoryRunBy: row.categoryRunBy,
      categoryName: row.categoryName,
      transferToNewModel: row.transferToNewModel,
    });
    const routing = outside ? null : resolveSteeringGroup(row, coverage);
    const steeringGroupId = routing?.status === 'resolved' ? routing.steeringGroupId : null;
    return {
      ...row,
      updatedAt: row.updatedAt.toISOString(),
      level,
      steeringGroupId,
      steeringGroupName: steeringGroupId ? groupName(steeringGroupId) : null,
      routing: routing ? routing.status : ('outsideModel' as const),
      routingMessage: routing ? describeRouting(routing, row, groupName) : outside!.message,
      outsideModel: outside,
    };
  });
}

export type ProcurementDto = Awaited<ReturnType<typeof withRouting>>[number];

/** All procurements matching the filter, filtered in SQL (reports, open data). */
export async function listProcurements(db: Db, query: ListProcurementsQuery) {
  return withRouting(db, await repo.listFilteredProcurementRows(db, query));
}

/** The given procurements with their routing (the report's read model recomputes only these). */
export async function listProcurementsByIds(db: Db, ids: readonly string[]) {
  return ids.length === 0 ? [] : withRouting(db, await repo.listProcurementRowsByIds(db, ids));
}

/** One page of procurements, filtered, sorted and paged in SQL, with the total matching the filter. */
export async function listProcurementPage(db: Db, query: ProcurementPageQuery) {
  const { sort, order, limit, offset, ...filter } = query;
  const page = await repo.listProcurementPage(db, filter, {
    sort,
    descending: order === 'desc',
    limit,
    offset,
  });
  return { items: await withRouting(db, page.rows), total: page.total, limit, offset };
}

export async function getProcurement(db: Db, id: string) {
  const [row] = await withRouting(db, await repo.listProcurementRows(db, id));
  if (!row) throw notFound('Anskaffelsen finnes ikke.');
  return row;
}

interface ReferenceInput {
  categoryCode: string;
  purchaseGroupCode: string | null;
  participatingHfIds: string[];
  procurementLeadId: string | null;
}

/** Checks every reference at once so the user sees all problems in one answer. */
async function resolveReferences(db: Db, input: ReferenceInput) {
  const errors: ErrorDetail[] = [];
  const codes = [input.categoryCode, ...(input.purchaseGroupCode ? [input.purchaseGroupCode] : [])];
  const found = await categoriesRepo.findCategoriesByCodes(db, codes);
  const category = found.find((row) => row.code === input.categoryCode);
  const purchaseGroup = input.purchaseGroupCode
    ? found.find((row) => row.code === input.purchaseGroupCode)
    : null;
  if (!category) errors.push({ path: 'categoryCode', message: `Ukjent kategorikode ${input.categoryCode}` });
  else if (category.kind !== 'category')
    errors.push({
      path: 'categoryCode',
      message: `${input.categoryCode} er en innkjøpsgruppe, ikke en kategori`,
    });
  if (input.purchaseGroupCode && !purchaseGroup)
    errors.push({ path: 'purchaseGroupCode', message: `Ukjent innkjøpsgruppe ${input.purchaseGroupCode}` });
  else if (purchaseGroup && category && purchaseGroup.parentId !== category.id) {
    errors.push({
      path: 'purchaseGroupCode',
      message: `${purchaseGroup.code} hører ikke til kategorien ${category.code}`,
    });
  }
  const organisations = await organisationsRepo.listOrganisations(db);
  for (const hfId of new Set(input.participatingHfIds)) {
    const org = organisations.find((candidate) => candidate.id === hfId);
    if (!org || !canTakePart(org))
      errors.push({
        path: 'participatingHfIds',
        message: `${org?.name ?? hfId} er ikke et helseforetak (HF) eller et felleseid foretak`,
      });
  }
  if (input.procurementLeadId && !(await peopleRepo.findPerson(db, input.procurementLeadId))) {
    errors.push({ path: 'procurementLeadId', message: 'Leder anskaffelse finnes ikke' });
  }
  if (errors.length > 0) throw badRequest(errors.map((error) => error.message).join('; ') + '.', errors);
  return { categoryId: category!.id, purchaseGroupId: purchaseGroup?.id ?? null };
}

export async function createProcurement(
  db: Db,
  user: CurrentUser,
  input: CreateProcurement,
  deps: ProcurementDeps,
) {
  // A procurement lead registers their own procurements; only the secretariat assigns others.
  const procurementLeadId = isSecretariat(user)
    ? input.procurementLeadId
    : (input.procurementLeadId ?? user.personId);
  if (!isSecretariat(user) && procurementLeadId !== user.personId) {
    throw forbidden('Som leder anskaffelse kan du bare registrere anskaffelser du selv leder.');
  }
  const id = await writeAudited(db, user, async (tx, recordAudit) => {
    const refs = await resolveReferences(tx, { ...input, procurementLeadId });
    const { categoryCode: _c, purchaseGroupCode: _p, participatingHfIds, ...fields } = input;
    const newId = await repo.insertProcurement(tx, { ...fields, ...refs, procurementLeadId });
    await repo.replaceParticipants(tx, newId, [...new Set(participatingHfIds)]);
    await assertStatusAllowed(tx, deps, newId, input.status);
    const [after] = await repo.listProcurementRows(tx, newId);
    await recordAudit({
      action: 'create',
      entityType: 'procurement',
      entityId: newId,
      summary: `Opprettet anskaffelsen ${input.name}`,
      after,
    });
    return newId;
  });
  return getProcurement(db, id);
}

export async function updateProcurement(
  db: Db,
  user: CurrentUser,
  id: string,
  input: UpdateProcurement,
  deps: ProcurementDeps,
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    const [before] = await repo.listProcurementRows(tx, id);
    if (!before) throw notFound('Anskaffelsen finnes ikke.');
    if (!canEditProcurement(user, before.procurementLeadId)) {
      throw forbidden(
        hasRole(user, 'procurementLead')
          ? 'Du kan bare endre anskaffelser du selv leder.'
          : 'Rollen din kan ikke endre anskaffelser.',
      );
    }
    if (
      !isSecretariat(user) &&
      input.procurementLeadId !== undefined &&
      input.procurementLeadId !== before.procurementLeadId
    ) {
      throw forbidden('Bare porteføljesekretariatet kan gi anskaffelsen en ny leder.');
    }
    const { categoryCode, purchaseGroupCode, participatingHfIds, ...fields } = input;
    const refs = await resolveReferences(tx, {
      categoryCode: categoryCode ?? before.categoryCode,
      // Changing category without naming a purchase group clears the old one, which belonged to the old category.
      purchaseGroupCode:
        purchaseGroupCode !== undefined
          ? purchaseGroupCode
          : categoryCode !== undefined
            ? null
            : before.purchaseGroupCode,
      participatingHfIds: participatingHfIds ?? before.participatingHfIds,
      procurementLeadId:
        fields.procurementLeadId !== undefined ? fields.procurementLeadId : before.procurementLeadId,
    });
    await repo.updateProcurement(tx, id, { ...fields, ...refs });
    if (participatingHfIds) await repo.replaceParticipants(tx, id, [...new Set(participatingHfIds)]);
    // Checked after the change, so new participants or a new category count (both move the gates).
    if (input.status !== undefined && input.status !== before.status)
      await assertStatusAllowed(tx, deps, id, input.status);
    const [after] = await repo.listProcurementRows(tx, id);
    await recordAudit({
      action: 'update',
      entityType: 'procurement',
      entityId: id,
      summary: `Endret anskaffelsen ${after!.name}`,
      before,
      after,
    });
  });
  return getProcurement(db, id);
}
