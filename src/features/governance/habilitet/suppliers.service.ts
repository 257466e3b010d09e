// Suspected conflicts: the tenderers and suppliers known for a procurement against the deciding members'
// declared interests; a match raises a habilitet question in every open case of the procurement.
import type { Db } from '../../../db/client.js';
import { writeAudited, type RecordAudit } from '../../../db/unit-of-work.js';
import { interestRelationLabels, matchSuppliers } from '../../../domain/habilitet.rules.js';
import { isValidOrgNumber, normaliseOrgNumber } from '../../../domain/org-number.rules.js';
import { badRequest, forbidden } from '../../../shared/app-error.js';
import { canEditProcurement, type CurrentUser } from '../../auth/index.js';
import { getProcurement } from '../../procurements/index.js';
import * as governanceRepo from '../governance.repo.js';
import { loadCaseHabilitet } from './case-habilitet.js';
import { raiseHabilitetQuestion } from './habilitet-questions.service.js';
import * as repo from './habilitet.repo.js';

export interface SupplierInput {
  name: string;
  organisationNumber: string;
  role: 'tenderer' | 'awarded';
}

export async function listSuppliers(db: Db, procurementId: string) {
  await getProcurement(db, procurementId);
  return (await repo.listSuppliers(db, procurementId)).map((row) => ({
    name: row.name,
    organisationNumber: row.organisationNumber,
    role: row.role,
    addedBy: row.addedBy,
    addedAt: row.addedAt.toISOString(),
  }));
}

/**
 * Matches the procurement's suppliers against the declarations of the members deciding its open cases and
 * raises a question for each new match (a member already reported or inhabil in the case is left as is).
 */
export async function raiseSupplierMatches(
  tx: Db,
  recordAudit: RecordAudit,
  procurementId: string,
  raisedBy: string,
  today: string,
) {
  const suppliers = await repo.listSuppliers(tx, procurementId);
  const openCases = (await governanceRepo.listCases(tx, { procurementId })).filter(
    (row) => row.status === 'open',
  );
  let raised = 0;
  for (const row of openCases) {
    const picture = await loadCaseHabilitet(tx, row, today);
    const declarations = await repo.latestDeclarations(
      tx,
      picture.members.map((m) => m.personId),
    );
    const matches = matchSuppliers(
      suppliers,
      [...declarations.values()].map((d) => ({ personId: d.personId, interests: d.interests })),
      today,
    );
    for (const personId of new Set(matches.map((m) => m.personId))) {
      const state = picture.stateOf(personId);
      if (state === 'reported' || state === 'inhabil') continue;
      const reason = matches
        .filter((m) => m.personId === personId)
        .map(
          (m) =>
            `${m.supplier.name} (${m.supplier.organisationNumber}) er oppgitt i habilitetserklæringen (${interestRelationLabels[m.interest.relation]})`,
        )
        .join('; ');
      // The RHF has already decided on exactly this match in the case: not asked again.
      if (
        picture.questions.some(
          (q) => q.personId === personId && q.source === 'supplierMatch' && q.reason === reason,
        )
      )
        continue;
      await raiseHabilitetQuestion(
        tx,
        recordAudit,
        { caseId: row.id, personId, source: 'supplierMatch', raisedBy, reason },
        today,
      );
      raised += 1;
    }
  }
  return raised;
}

/** Replaces the procurement's list of known tenderers and suppliers, then matches it against declarations. */
export async function setSuppliers(
  db: Db,
  user: CurrentUser,
  procurementId: string,
  suppliers: SupplierInput[],
  today: string,
) {
  const procurement = await getProcurement(db, procurementId);
  if (!canEditProcurement(user, procurement.procurementLeadId))
    throw forbidden('Bare anskaffelsens leder og porteføljesekretariatet kan registrere tilbydere.');
  const problems = suppliers.flatMap((s, index) =>
    isValidOrgNumber(s.organisationNumber)
      ? []
      : [{ path: `suppliers.${index}.organisationNumber`, message: 'Ugyldig organisasjonsnummer' }],
  );
  if (problems.length > 0) throw badRequest(`Listen kan ikke lagres: ${problems[0]!.message}.`, problems);
  const raised = await writeAudited(db, user, async (tx, recordAudit) => {
    const before = await repo.listSuppliers(tx, procurementId);
    const next = suppliers.map((s) => ({
      ...s,
      organisationNumber: normaliseOrgNumber(s.organisationNumber)!,
    }));
    for (const old of before)
      if (!next.some((s) => s.organisationNumber === old.organisationNumber))
        await repo.deleteSupplier(tx, procurementId, old.organisationNumber);
    for (const s of next) await repo.upsertSupplier(tx, { procurementId, ...s, addedBy: user.username });
    await recordAudit({
      action: 'setSuppliers',
      entityType: 'procurement',
      entityId: procurementId,
      summary: `Tilbydere/leverandører for ${procurement.name}: ${next.length}`,
      before: before.map(({ name, organisationNumber, role }) => ({ name, organisationNumber, role })),
      after: next,
    });
    return raiseSupplierMatches(tx, recordAudit, procurementId, user.username, today);
  });
  return { suppliers: await listSuppliers(db, procurementId), raisedQuestions: raised };
}
