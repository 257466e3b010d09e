import type { Db } from '../../db/client.js';
import type { appointmentChecks } from '../../db/schema.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import {
  checkComposition,
  maxDecidingMembersOf,
  type CompetenceArea,
} from '../../domain/composition.rules.js';
import { isMembershipActive } from '../../domain/consensus.rules.js';
import { resolveSteeringGroup } from '../../domain/routing.rules.js';
import { badRequest, conflict, forbidden, notFound } from '../../shared/app-error.js';
import { canEditMembership, type CurrentUser } from '../auth/index.js';
import { categoriesRepo } from '../categories/index.js';
import { organisationsRepo } from '../organisations/index.js';
import { peopleRepo } from '../people/index.js';
import * as repo from './steering-groups.repo.js';
import type {
  CreateMembership,
  CreateSteeringGroup,
  UpdateMembership,
  UpdateSteeringGroup,
} from './steering-groups.schemas.js';

/** Helse Sør-Øst may have two deciding members in a group; every other RHF one (seed 001 §7.5). */

type AppointmentCheckRow = typeof appointmentChecks.$inferSelect;

/**
 * Governance's habilitet view of the members — the RHF's appointment checks and lasting inhabilitet ("vurder
 * utskifting") — passed in as a port, since governance uses steering groups (its `membershipHabilitet`).
 */
export interface MembershipHabilitet {
  listAppointmentChecks(db: Db, membershipIds: readonly string[]): Promise<AppointmentCheckRow[]>;
  listLastingWarnings(
    db: Db,
    today: string,
  ): Promise<{ steeringGroupId: string; membershipId: string; message: string }[]>;
}

function toMemberDto(member: repo.MemberRow, today: string, check: AppointmentCheckRow | undefined) {
  return {
    id: member.id,
    personId: member.personId,
    personName: member.personName,
    personEmail: member.personEmail,
    rhfId: member.rhfId,
    rhfName: member.rhfName,
    representsOrganisationId: member.representsOrganisationId,
    representsName: member.representsName,
    isLeader: member.isLeader,
    isObserver: member.isObserver,
    competenceAreas: member.competenceAreas as CompetenceArea[],
    termStart: member.termStart,
    termEnd: member.termEnd,
    trainingCompletedOn: member.trainingCompletedOn,
    endedOn: member.endedOn,
    isActive: isMembershipActive(member, today),
    appointmentCheck: check
      ? {
          outcome: check.outcome,
          note: check.note,
          checkedOn: check.checkedOn,
          checkedByName: check.checkedByName,
          checkedAs: check.checkedAs,
        }
      : null,
  };
}

/**
 * Every steering group (or the bodies of `scope`) with coverage, members, mandates, composition checks (national
 * groups only: §7.5 is the national composition) and its number of routed procurements.
 */
export async function listSteeringGroups(
  db: Db,
  today: string,
  habilitet: MembershipHabilitet,
  scope: repo.GroupScope = 'national',
) {
  const [groups, coverage, members, organisations, procurementRefs, mandates] = await Promise.all([
    repo.listGroups(db, scope),
    repo.listCoverage(db),
    repo.listMembers(db),
    organisationsRepo.listOrganisations(db),
    repo.listProcurementCategoryRefs(db),
    repo.listMandates(db),
  ]);
  const orgRef = (id: string | null) => {
    const org = id ? organisations.find((candidate) => candidate.id === id) : undefined;
    return org ? { id: org.id, name: org.name } : null;
  };
  const groupRef = (id: string | null) => {
    const group = id ? groups.find((candidate) => candidate.id === id) : undefined;
    return group ? { id: group.id, name: group.name } : null;
  };
  const appointmentChecks = new Map(
    (
      await habilitet.listAppointmentChecks(
        db,
        members.map((m) => m.id),
      )
    ).map((c) => [c.membershipId, c]),
  );
  // Lasting inhabilitet (governance/habilitet): "vurder utskifting" joins the composition warnings.
  const lasting = await habilitet.listLastingWarnings(db, today);
  const rhfs = organisations
    .filter((org) => org.kind === 'RHF' && org.active)
    .map((org) => ({
      id: org.id,
      name: org.name,
      maxDecidingMembers: maxDecidingMembersOf(org.code),
    }));
  const procurementCount = new Map<string, number>();
  for (const ref of procurementRefs) {
    const routing = resolveSteeringGroup(ref, coverage);
    if (routing.status === 'resolved') {
      procurementCount.set(routing.steeringGroupId, (procurementCount.get(routing.steeringGroupId) ?? 0) + 1);
    }
  }
  return groups.map((group) => {
    const groupMembers = members.filter((member) => member.steeringGroupId === group.id);
    // Ended memberships are history: shown, but not part of the group's composition.
    const isNational = group.kind === 'nationalSteeringGroup';
    const checks = !isNational
      ? []
      : checkComposition(
          groupMembers
            .filter((member) => member.endedOn === null || member.endedOn > today)
            .map((member) => ({
              membershipId: member.id,
              personName: member.personName,
              rhfId: member.rhfId,
              rhfName: member.rhfName,
              isLeader: member.isLeader,
              isObserver: member.isObserver,
              competenceAreas: member.competenceAreas as CompetenceArea[],
              termStart: member.termStart,
              termEnd: member.termEnd,
              trainingCompletedOn: member.trainingCompletedOn,
              appointmentCheck: appointmentChecks.get(member.id)?.outcome ?? null,
            })),
          rhfs,
          today,
        );
    return {
      id: group.id,
      code: group.code,
      name: group.name,
      phase: group.phase,
      description: group.description,
      active: group.active,
      kind: group.kind,
      regionId: group.regionId,
      secretariat: orgRef(group.secretariatOrganisationId),
      escalationTarget: groupRef(group.escalationTargetId),
      mandates: mandates.filter((m) => m.steeringGroupId === group.id).map((m) => m.decisionType),
      covers: coverage
        .filter((entry) => entry.steeringGroupId === group.id)
        .map((entry) => ({ kind: entry.kind, id: entry.categoryId, code: entry.code, name: entry.name })),
      members: groupMembers.map((member) => toMemberDto(member, today, appointmentChecks.get(member.id))),
      checks: [
        ...checks.map(({ level, code, message, membershipIds }) => ({ level, code, message, membershipIds })),
        ...lasting
          .filter((w) => w.steeringGroupId === group.id)
          .map((w) => ({
            level: 'warning' as const,
            code: 'lastingInhabilitet',
            message: w.message,
            membershipIds: [w.membershipId],
          })),
      ],
      procurementCount: procurementCount.get(group.id) ?? 0,
    };
  });
}

export async function getSteeringGroup(db: Db, id: string, today: string, habilitet: MembershipHabilitet) {
  const group = (await listSteeringGroups(db, today, habilitet, 'all')).find(
    (candidate) => candidate.id === id,
  );
  if (!group) throw notFound('Styringsgruppen finnes ikke.');
  return group;
}

/** A group covers one or more categories, or exactly one purchase group, and nothing another group covers. */
async function resolveCoverage(db: Db, coverCodes: string[], groupId: string | null) {
  const codes = [...new Set(coverCodes)];
  const found = await categoriesRepo.findCategoriesByCodes(db, codes);
  const unknown = codes.filter((code) => !found.some((row) => row.code === code));
  if (unknown.length > 0) {
    throw badRequest(
      `Ukjent kategorikode: ${unknown.join(', ')}.`,
      unknown.map((code) => ({ path: 'coverCodes', message: `Ukjent kode ${code}` })),
    );
  }
  const purchaseGroups = found.filter((row) => row.kind === 'purchaseGroup');
  if (purchaseGroups.length > 0 && found.length > 1) {
    throw badRequest(
      'En styringsgruppe dekker enten én eller flere kategorier, eller én innkjøpsgruppe – ikke en blanding.',
      [
        {
          path: 'coverCodes',
          message: 'Blanding av kategorier og innkjøpsgrupper, eller flere innkjøpsgrupper',
        },
      ],
    );
  }
  const coverage = await repo.listCoverage(db);
  const taken = coverage.filter((entry) => entry.steeringGroupId !== groupId && codes.includes(entry.code));
  if (taken.length > 0) {
    const groups = await repo.listGroups(db);
    throw conflict(
      taken
        .map(
          (entry) =>
            `${entry.code} dekkes allerede av ${groups.find((g) => g.id === entry.steeringGroupId)?.name ?? 'en annen styringsgruppe'}.`,
        )
        .join(' '),
    );
  }
  return found.map((row) => row.id);
}

export async function createSteeringGroup(
  db: Db,
  actor: Actor,
  input: CreateSteeringGroup,
  today: string,
  habilitet: MembershipHabilitet,
) {
  const id = await writeAudited(db, actor, async (tx, recordAudit) => {
    if (await repo.findGroupByCode(tx, input.code))
      throw conflict(`Styringsgruppekoden ${input.code} er i bruk.`);
    const categoryIds = await resolveCoverage(tx, input.coverCodes, null);
    const group = await repo.insertGroup(tx, {
      code: input.code,
      name: input.name,
      phase: input.phase,
      description: input.description,
    });
    await repo.replaceCoverage(tx, group.id, categoryIds);
    await recordAudit({
      action: 'create',
      entityType: 'steeringGroup',
      entityId: group.id,
      summary: `Opprettet ${group.name}`,
      after: { ...group, coverCodes: input.coverCodes },
    });
    return group.id;
  });
  return getSteeringGroup(db, id, today, habilitet);
}

export async function updateSteeringGroup(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateSteeringGroup,
  today: string,
  habilitet: MembershipHabilitet,
) {
  await writeAudited(db, actor, async (tx, recordAudit) => {
    const before = await repo.findGroup(tx, id);
    if (!before) throw notFound('Styringsgruppen finnes ikke.');
    const beforeCodes = (await repo.listCoverage(tx))
      .filter((entry) => entry.steeringGroupId === id)
      .map((entry) => entry.code);
    const { coverCodes, ...fields } = input;
    if (coverCodes) await repo.replaceCoverage(tx, id, await resolveCoverage(tx, coverCodes, id));
    if (Object.keys(fields).length > 0) await repo.updateGroup(tx, id, fields);
    const after = await repo.findGroup(tx, id);
    await recordAudit({
      action: 'update',
      entityType: 'steeringGroup',
      entityId: id,
      summary: `Endret ${after!.name}`,
      before: { ...before, coverCodes: beforeCodes },
      after: { ...after, coverCodes: coverCodes ?? beforeCodes },
    });
  });
  return getSteeringGroup(db, id, today, habilitet);
}

async function checkMembershipRefs(
  db: Db,
  group: { name: string; regionId: string | null },
  refs: { personId: string; rhfId: string; representsOrganisationId?: string | null },
) {
  if (!(await peopleRepo.findPerson(db, refs.personId)))
    throw badRequest('Personen finnes ikke.', [{ path: 'personId', message: 'Finnes ikke' }]);
  const rhf = await organisationsRepo.findOrganisation(db, refs.rhfId);
  if (!rhf || rhf.kind !== 'RHF')
    throw badRequest('Medlemmet må representere et RHF.', [{ path: 'rhfId', message: 'Ikke et RHF' }]);
  if (group.regionId === null) {
    if (refs.representsOrganisationId)
      throw badRequest(
        'Medlemmer i en nasjonal styringsgruppe representerer sitt RHF, ikke et helseforetak.',
        [{ path: 'representsOrganisationId', message: 'Bare i regionale organer' }],
      );
    return;
  }
  // A regional body (seed 000): the region is the RHF; the member represents one of its HFs or the RHF itself.
  if (refs.rhfId !== group.regionId)
    throw badRequest(`Medlemmer i ${group.name} hører til regionens RHF.`, [
      { path: 'rhfId', message: 'Annen region' },
    ]);
  const represented = refs.representsOrganisationId
    ? await organisationsRepo.findOrganisation(db, refs.representsOrganisationId)
    : null;
  if (!represented || (represented.id !== group.regionId && represented.rhfId !== group.regionId))
    throw badRequest(`Velg helseforetaket i regionen medlemmet representerer i ${group.name}.`, [
      { path: 'representsOrganisationId', message: 'Et helseforetak i regionen' },
    ]);
}

export async function addMember(
  db: Db,
  user: CurrentUser,
  groupId: string,
  input: CreateMembership,
  today: string,
) {
  if (!canEditMembership(user, input.rhfId))
    throw forbidden('Du kan bare oppnevne medlemmer som representerer ditt eget RHF.');
  const member = await writeAudited(db, user, async (tx, recordAudit) => {
    const group = await repo.findGroup(tx, groupId);
    if (!group) throw notFound('Styringsgruppen finnes ikke.');
    await checkMembershipRefs(tx, group, input);
    const id = await repo.insertMember(tx, { steeringGroupId: groupId, ...input });
    const after = await repo.findMember(tx, id);
    await recordAudit({
      action: 'create',
      entityType: 'membership',
      entityId: id,
      summary: `${after!.personName} lagt til i ${group.name}`,
      after,
    });
    return after!;
  });
  return toMemberDto(member, today, undefined);
}

async function findGroupMember(db: Db, groupId: string, membershipId: string) {
  const member = await repo.findMember(db, membershipId);
  if (!member || member.steeringGroupId !== groupId)
    throw notFound('Medlemskapet finnes ikke i denne styringsgruppen.');
  return member;
}

export async function updateMember(
  db: Db,
  user: CurrentUser,
  groupId: string,
  membershipId: string,
  input: UpdateMembership,
  today: string,
  habilitet: MembershipHabilitet,
) {
  const member = await writeAudited(db, user, async (tx, recordAudit) => {
    const before = await findGroupMember(tx, groupId, membershipId);
    const next = { ...before, ...input };
    // Both the RHF the member represents now and the one they would represent must be the editor's.
    if (!canEditMembership(user, before.rhfId) || !canEditMembership(user, next.rhfId)) {
      throw forbidden('Du kan bare endre medlemmer som representerer ditt eget RHF.');
    }
    if (next.termEnd !== null && next.termEnd < next.termStart) {
      throw badRequest('Slutt på engasjement kan ikke være før start.', [
        { path: 'termEnd', message: 'Før start' },
      ]);
    }
    const group = (await repo.findGroup(tx, groupId))!;
    await checkMembershipRefs(tx, group, next);
    await repo.updateMember(tx, membershipId, input);
    const after = (await repo.findMember(tx, membershipId))!;
    await recordAudit({
      action: 'update',
      entityType: 'membership',
      entityId: membershipId,
      summary: `Endret medlemskapet til ${after.personName}`,
      before,
      after,
    });
    return after;
  });
  const [check] = await habilitet.listAppointmentChecks(db, [membershipId]);
  return toMemberDto(member, today, check);
}

/** Ends a membership as of today; the row stays so the group's history (and past votes) keep their member. */
export async function endMember(
  db: Db,
  user: CurrentUser,
  groupId: string,
  membershipId: string,
  today: string,
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    const before = await findGroupMember(tx, groupId, membershipId);
    if (!canEditMembership(user, before.rhfId)) {
      throw forbidden('Du kan bare avslutte medlemskap som representerer ditt eget RHF.');
    }
    if (before.endedOn !== null) throw conflict('Medlemskapet er allerede avsluttet.');
    await repo.endMember(tx, membershipId, today);
    const after = await repo.findMember(tx, membershipId);
    await recordAudit({
      action: 'end',
      entityType: 'membership',
      entityId: membershipId,
      summary: `${before.personName} gikk ut av styringsgruppen`,
      before,
      after,
    });
  });
}

export async function listMembers(db: Db, groupId: string, today: string, habilitet: MembershipHabilitet) {
  if (!(await repo.findGroup(db, groupId))) throw notFound('Styringsgruppen finnes ikke.');
  const members = await repo.listMembers(db, groupId);
  const checks = await habilitet.listAppointmentChecks(
    db,
    members.map((m) => m.id),
  );
  return members.map((member) =>
    toMemberDto(
      member,
      today,
      checks.find((c) => c.membershipId === member.id),
    ),
  );
}
