// Interest declarations (habilitetserklæring): confirmed by the person at appointment and every 12 months
// (configurable); the overview with what is due and overdue for the secretariat and the RHF contacts.
import type { Db } from '../../../db/client.js';
import { writeAudited, type Actor } from '../../../db/unit-of-work.js';
import { isMembershipActive } from '../../../domain/consensus.rules.js';
import { declarationStatus, type Interest } from '../../../domain/habilitet.rules.js';
import { badRequest, forbidden } from '../../../shared/app-error.js';
import { isSecretariat, organisationsForRole, type CurrentUser } from '../../auth/index.js';
import { notify } from '../../notifications/index.js';
import { loadRules } from '../governance-config.service.js';
import * as repo from './habilitet.repo.js';
import { raiseSupplierMatches } from './suppliers.service.js';
import { isValidOrgNumber, normaliseOrgNumber } from '../../../domain/org-number.rules.js';

function toDeclarationDto(row: repo.DeclarationRow | undefined, today: string, renewalMonths: number) {
  const status = declarationStatus(row?.confirmedOn ?? null, today, renewalMonths);
  return {
    confirmedOn: row?.confirmedOn ?? null,
    dueOn: status.dueOn,
    status: status.status,
    interests: row?.interests ?? [],
  };
}

export async function getMyDeclaration(db: Db, user: CurrentUser, today: string) {
  const rules = await loadRules(db);
  const history = await repo.listDeclarations(db, [user.personId]);
  return {
    ...toDeclarationDto(history[0], today, rules.habilitetRule.value.declarationRenewalMonths),
    history: history.map((row) => ({ confirmedOn: row.confirmedOn, interestCount: row.interests.length })),
  };
}

/** The person confirms their declaration (also "no interests"): a new version, in force from today. */
export async function confirmDeclaration(db: Db, user: CurrentUser, interests: Interest[], today: string) {
  const problems = interests.flatMap((interest, index) => [
    ...(isValidOrgNumber(interest.organisationNumber)
      ? []
      : [{ path: `interests.${index}.organisationNumber`, message: 'Ugyldig organisasjonsnummer' }]),
    ...(interest.toDate !== null && interest.toDate < interest.fromDate
      ? [{ path: `interests.${index}.toDate`, message: 'Slutt før start' }]
      : []),
  ]);
  if (problems.length > 0)
    throw badRequest(`Erklæringen kan ikke lagres: ${problems[0]!.message}.`, problems);
  const normalised = interests.map((interest) => ({
    ...interest,
    organisationNumber: normaliseOrgNumber(interest.organisationNumber)!,
  }));
  await writeAudited(db, user, async (tx, recordAudit) => {
    const [before] = await repo.listDeclarations(tx, [user.personId]);
    const row = await repo.insertDeclaration(tx, {
      personId: user.personId,
      interests: normalised,
      confirmedOn: today,
      confirmedBy: user.username,
    });
    await recordAudit({
      action: 'confirmDeclaration',
      entityType: 'interestDeclaration',
      entityId: row.id,
      summary: `${user.personName} bekreftet habilitetserklæringen (${normalised.length} interesser)`,
      before: before ? { confirmedOn: before.confirmedOn, interests: before.interests } : null,
      after: { confirmedOn: today, interests: normalised },
    });
    // A new interest in a known supplier of a procurement being decided raises the question there and then.
    const procurementIds = await repo.procurementsWithOpenCasesAndSuppliers(tx, [
      ...new Set(normalised.map((interest) => interest.organisationNumber)),
    ]);
    for (const procurementId of procurementIds)
      await raiseSupplierMatches(tx, recordAudit, procurementId, user.username, today);
  });
  return getMyDeclaration(db, user, today);
}

/** Every active member's declaration status; an RHF contact sees the members representing their RHF. */
export async function declarationOverview(db: Db, user: CurrentUser, today: string) {
  const rhfIds = isSecretariat(user) ? null : organisationsForRole(user, 'rhfContact');
  if (rhfIds && rhfIds.length === 0)
    throw forbidden(
      'Bare sekretariatet og kontaktpersoner i RHF-ene ser oversikten over habilitetserklæringer.',
    );
  const rules = await loadRules(db);
  const memberships = (await repo.listActiveMemberships(db)).filter(
    (m) => isMembershipActive(m, today) && (rhfIds === null || rhfIds.includes(m.rhfId)),
  );
  const latest = await repo.latestDeclarations(
    db,
    memberships.map((m) => m.personId),
  );
  return memberships.map((m) => {
    const declaration = toDeclarationDto(
      latest.get(m.personId),
      today,
      rules.habilitetRule.value.declarationRenewalMonths,
    );
    return {
      membershipId: m.membershipId,
      personId: m.personId,
      personName: m.personName,
      steeringGroupId: m.steeringGroupId,
      steeringGroupName: m.steeringGroupName,
      rhfId: m.rhfId,
      rhfName: m.rhfName,
      confirmedOn: declaration.confirmedOn,
      dueOn: declaration.dueOn,
      status: declaration.status,
      interestCount: declaration.interests.length,
    };
  });
}

/** The reminder job: tells members whose declaration is missing, due soon or overdue (once per state and due date). */
export async function remindDeclarations(db: Db, actor: Actor, today: string) {
  const rules = await loadRules(db);
  const memberships = (await repo.listActiveMemberships(db)).filter((m) => isMembershipActive(m, today));
  const personIds = [...new Set(memberships.map((m) => m.personId))];
  const latest = await repo.latestDeclarations(db, personIds);
  const due = personIds
    .map((personId) => ({
      personId,
      status: declarationStatus(
        latest.get(personId)?.confirmedOn ?? null,
        today,
        rules.habilitetRule.value.declarationRenewalMonths,
      ),
    }))
    .filter((entry) => entry.status.status !== 'current');
  if (due.length === 0) return 0;
  const titleOf = (status: (typeof due)[number]['status']) =>
    status.status === 'missing'
      ? 'Habilitetserklæringen din mangler'
      : status.status === 'overdue'
        ? `Habilitetserklæringen din skulle vært fornyet ${status.dueOn}`
        : `Forny habilitetserklæringen din innen ${status.dueOn}`;
  const told = await repo.noticeTitlesOf(
    db,
    'declarationDue',
    due.map((entry) => entry.personId),
  );
  const toTell = due.filter((entry) => !told.get(entry.personId)?.has(titleOf(entry.status)));
  if (toTell.length === 0) return 0;
  await writeAudited(db, actor, async (tx, recordAudit) => {
    for (const entry of toTell) {
      await notify(tx, [entry.personId], {
        kind: 'declarationDue',
        title: titleOf(entry.status),
        link: '/habilitet/erklaering',
      });
    }
    await recordAudit({
      action: 'remindDeclarations',
      entityType: 'interestDeclaration',
      entityId: null,
      summary: `Påminnelse om habilitetserklæring til ${toTell.length} medlemmer`,
      after: { personIds: toTell.map((entry) => entry.personId) },
    });
  });
  return toTell.length;
}
